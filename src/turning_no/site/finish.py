"""The post-build step: what every page gets after the engine has written it.

Whichever engine built the site (turning_no.site.engines), this step does the
same to its HTML, in this order:

1. mend the theme's markup (turning_no.site.html_fixes, turning_no.site.html_mend);
2. draw the QR code of each worksheet's address where the template left its slot
   (`<span class="print-qr" data-address="...">`, for the printed footer);
3. in the offline copy, send download links to the published site and make the
   page lists' links (written from the host's root) relative to each file;
4. find any `///` block that reached a page as plain text (a block the Markdown
   extension did not read): a problem at the page's source line;
5. write the brand's accent style sheet when `extra.brand.accent` is set;
6. the Content-Security-Policy meta tag, which hashes each page's inline scripts
   as they finally are (not in the offline copy: file:// has no origin);
7. /.well-known/security.txt from `extra.contact`, with an expiry date counted from
   this build (engines skip dot folders, so only this step can write it).

It returns the problems it found; scripts/build_site.py prints them and stops.
"""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass, field
from pathlib import Path

from turning_no.model.config import SiteConfig
from turning_no.model.problems import Problem, display_path
from turning_no.site.brand import accent_css
from turning_no.site.bundles import BundleError, write_bundles
from turning_no.site.csp import add_policy
from turning_no.site.html_fixes import fix_theme_markup
from turning_no.site.html_mend import skip_words
from turning_no.site.offline import point_downloads_online, relative_links
from turning_no.site.qr import qr_svg
from turning_no.site.security_txt import SecurityTxtError, write_security_txt

#: Where the accent's style sheet goes; overrides/main.html links it when an accent is set.
ACCENT_CSS = "assets/stylesheets/brand.css"
#: The template's slot for a worksheet's QR code.
_QR_SLOT = re.compile(r'<span class="print-qr" data-address="([^"]*)"></span>')
# A `///` line that reached the HTML: pymdownx.blocks did not read it as a block.
_LEFTOVER_BLOCK = re.compile(r"(?:^|>)\s*(/{3,}[^<\n]*)", re.MULTILINE)
# Code may show the block syntax on purpose.
_CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>", re.DOTALL)


@dataclass
class Finished:
    """What the step did, for the build's summary and the tests."""

    pages: int = 0
    qr_codes: int = 0
    security_txt: Path | None = None
    problems: list[Problem] = field(default_factory=list)


def _source_of(site_dir: Path, page: Path, docs_dir: Path) -> Path | None:
    """The Markdown file a built page came from, with folder addresses (x/index.html from x.md or x/index.md)."""
    folder = page.relative_to(site_dir).parent
    candidates = [docs_dir / folder / "index.md"] + ([docs_dir / f"{folder}.md"] if folder.parts else [])
    return next((candidate for candidate in candidates if candidate.is_file()), None)


def leftover_blocks(html: str) -> list[str]:
    """The `///` lines that reached the page as text, outside code."""
    return [match.group(1).strip() for match in _LEFTOVER_BLOCK.finditer(_CODE.sub("", html))]


def _draw_qr_codes(html: str) -> tuple[str, int]:
    return _QR_SLOT.subn(lambda match: str(qr_svg(html_module.unescape(match.group(1)))), html)


def finish_page(
    html: str,
    config: SiteConfig,
    *,
    offline: bool,
    skip_text: str | None = None,
    page: str = "",
    site_dir: Path | None = None,
) -> tuple[str, int]:
    """One page, transformed: (new HTML, QR codes drawn). `skip_text`: see html_mend.skip_to_title;
    `page` is its path in `site_dir`, for the offline copy's links."""
    html = fix_theme_markup(html, skip_text)
    html, codes = _draw_qr_codes(html)
    if offline:
        html = point_downloads_online(html, config.site_url)
        html = relative_links(html, page, site_dir, config.site_url)
    if not offline:
        html = add_policy(html)
    return html, codes


def finish_site(site_dir: Path, config: SiteConfig, *, offline: bool = False) -> Finished:
    """Apply every post-build transform to the built site in `site_dir`."""
    finished = Finished()
    pages = sorted(site_dir.rglob("*.html"))
    # The theme's "Skip to content" in the site's language, from a page that has the link.
    skip_text = next(filter(None, (skip_words(page.read_text(encoding="utf-8")) for page in pages)), None)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for text in leftover_blocks(html):
            source = _source_of(site_dir, page, config.docs_dir)
            path, line = _line_of(source, text, config.root) if source else (display_path(page, config.root), 1)
            finished.problems.append(
                Problem(
                    path,
                    line,
                    f"'{text}' reached the page as plain text; pymdownx.blocks did not read it as a block. "
                    "Check its name, its options (indented 4 spaces) and its closing line",
                    "block",
                )
            )
        relative = page.relative_to(site_dir).as_posix()
        html, codes = finish_page(html, config, offline=offline, skip_text=skip_text, page=relative, site_dir=site_dir)
        page.write_text(html, encoding="utf-8")
        finished.pages += 1
        finished.qr_codes += codes
    try:
        write_bundles(site_dir)
    except BundleError as error:
        finished.problems.append(Problem(display_path(config.path, config.root), 1, str(error), "config"))
    accent = str(config.brand.get("accent") or "").strip()
    if accent:
        target = site_dir / ACCENT_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(accent_css(accent), encoding="utf-8")
    if config.contact and not offline:
        try:
            finished.security_txt = write_security_txt(site_dir, config.contact, config.site_url)
        except SecurityTxtError as error:
            finished.problems.append(Problem(display_path(config.path, config.root), 1, str(error), "config"))
    return finished


def _line_of(source: Path, text: str, root: Path) -> tuple[str, int]:
    lines = source.read_text(encoding="utf-8").splitlines()
    exact = (index for index, line in enumerate(lines, start=1) if line.strip() == text)
    within = (index for index, line in enumerate(lines, start=1) if text in line)
    number = next(exact, None) or next(within, 1)
    return display_path(source, root), number
