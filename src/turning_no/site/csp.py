"""The Content-Security-Policy of a finished page, as a `<meta http-equiv>` tag.

GitHub Pages cannot send headers, so the policy travels in the page. It lets the
page load scripts, styles, images, fonts and the search worker from the site
itself only, and talk to no one else. Material writes a few small inline scripts
(the storage scope, the palette, the tab fix); each is allowed by the SHA-256
hash of its exact text, computed here from the finished HTML, so a script that
anyone adds later is blocked until the build hashes it. Material's
`<script id="__config" type="application/json">` is data and never runs.

`frame-ancestors` would be ignored in a `<meta>` tag, so it is left out.
"""

from __future__ import annotations

import base64
import hashlib
import re

# A <script> element and its text, up to the first "</script" (as the HTML parser ends it).
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# Types the browser runs; anything else (application/json, ...) is a data block.
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript"}
# An inline event handler (onclick="..."): a hash cannot allow it, so it must not exist.
_HANDLER = re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_POLICY_META = re.compile(
    r"""<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')\s*/?>""",
    re.IGNORECASE,
)

# Everything but scripts: the site's own files, and the data: SVG icons in Material's CSS.
FIXED_DIRECTIVES = {
    "default-src": "'none'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",  # the search index, the sitemap (instant navigation)
    "worker-src": "'self'",  # Material's search runs in a web worker
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'none'",
}


#: Inline styles a theme's own script adds, by the script's file name: the style-src
#: source that allows each. Zensical 0.0.73's bundle builds its search dialog in a
#: shadow root with a <style> element of its own CSS (constant for that file, whose
#: name carries its content hash). A new theme version changes the name, the hash
#: no longer applies, and the browser smoke in tests/test_engines.py reports the
#: blocked style with the hash to put here.
THEME_STYLE_HASHES = {
    "bundle.77dd0ce9.min.js": "'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='",
}


class PolicyError(ValueError):
    """The page cannot carry a policy (it has no <head>)."""


def _attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): next((value for value in match.groups()[1:] if value is not None), "")
        for match in _ATTRIBUTE.finditer(text)
    }


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in page order."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = _attributes(match.group(1))
        if "src" in attributes:
            continue
        if attributes.get("type", "").strip().lower() not in _SCRIPT_TYPES:
            continue
        scripts.append(match.group(2))
    return scripts


def script_hash(text: str) -> str:
    """The CSP source that allows this script text: 'sha256-<base64>'."""
    # The HTML parser turns CRLF and CR into LF before the browser hashes the text.
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _style_sources(html: str) -> list[str]:
    """'self', and the hash of each inline style a theme script on this page is known to add."""
    return [
        FIXED_DIRECTIVES["style-src"],
        *(hash for script, hash in THEME_STYLE_HASHES.items() if f"/{script}" in html),
    ]


def policy_for(html: str) -> str:
    """The policy for this page: FIXED_DIRECTIVES plus scripts from 'self' and by hash."""
    hashes = list(dict.fromkeys(script_hash(script) for script in inline_scripts(html)))
    scripts = " ".join(["'self'", *hashes])
    directives = {"default-src": FIXED_DIRECTIVES["default-src"], "script-src": scripts, **FIXED_DIRECTIVES}
    directives["style-src"] = " ".join(_style_sources(html))
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_policy(html: str) -> str:
    """The page with its policy meta tag first in <head>, before any script (right after the charset)."""
    if _POLICY_META.search(html):
        return html  # already there (a page rendered twice)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    place = _CHARSET.search(html) or _HEAD.search(html)
    if place is None:
        raise PolicyError("the page has no <head>, so it cannot carry a Content-Security-Policy")
    return f"{html[: place.end()]}\n    {tag}{html[place.end() :]}"


def page_policy(html: str) -> str | None:
    """The policy the page's meta tag carries, or None."""
    match = _POLICY_META.search(html)
    return (match.group(1) or match.group(2) or "") if match else None


def policy_problems(html: str) -> list[str]:
    """What the page's policy does not cover: each a sentence; an empty list when the page is safe to serve."""
    policy = page_policy(html)
    if policy is None:
        return ["the page has no Content-Security-Policy meta tag"]
    problems = []
    first_script = html.lower().find("<script")
    if first_script != -1 and first_script < _POLICY_META.search(html).start():
        problems.append("a script comes before the policy meta tag, so the policy does not cover it")
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    allowed = set(directives.get("script-src", []))
    for script in inline_scripts(html):
        if script_hash(script) not in allowed:
            problems.append(f"an inline script is not allowed by its hash: {script.strip()[:60]!r}")
    for match in _HANDLER.finditer(_SCRIPT.sub("", html)):
        problems.append(f"an inline event handler ({match.group(1)}=) cannot be allowed by a hash; use a script file")
    expected = dict(FIXED_DIRECTIVES, **{"style-src": " ".join(_style_sources(html))})
    for name, value in expected.items():
        if directives.get(name) != value.split():
            problems.append(f"{name} is not {value}")
    return problems
