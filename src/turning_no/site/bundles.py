"""One script and one style sheet per page type: what each kind of page loads.

A page loads only what it uses, in two requests beyond the theme's own
(`overrides/main.html` picks the bundle from the page's kind). Each bundle is our
files from `docs/assets/` in the order given here, joined and minified into
`assets/bundles/<type>.js` and `.css` of the built site. Written by the post-build
step (`turning_no.site.finish`) for both engines, and by the MkDocs hook for the
live preview. The source files stay where they are, readable, and are still copied.

Every script is safe to run twice: Material's instant navigation runs a page's
scripts again, and each bundle repeats the shared parts (keyboard, tables, storage).
"""

from __future__ import annotations

from pathlib import Path

import csscompressor
import jsmin

#: Every page: the menu and search from the keyboard, wide tables, the site's styles.
BASE_JS = ("javascripts/keyboard.js", "javascripts/tables.js")
BASE_CSS = ("stylesheets/extra.css",)

#: Page type -> (scripts, style sheets) beyond the base, as paths under assets/.
BUNDLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "page": ((), ()),
    "home": (("javascripts/storage.js", "javascripts/guide.js"), ("stylesheets/guide.css",)),
    "worksheet": (("javascripts/storage.js", "javascripts/worksheet.js"), ("stylesheets/worksheet.css",)),
    "email": (("javascripts/storage.js", "javascripts/email.js"), ("stylesheets/email.css",)),
    "my-applications": (("javascripts/storage.js", "javascripts/applications.js"), ("stylesheets/applications.css",)),
    "my-space": (("javascripts/storage.js", "javascripts/space.js"), ("stylesheets/space.css",)),
}

FOLDER = "assets/bundles"


class BundleError(Exception):
    """A file a bundle names is missing."""


def write_bundles(site_dir: Path, *, minify: bool = True) -> list[Path]:
    """Write every bundle into `site_dir`/assets/bundles/ from the files the engine copied."""
    assets = site_dir / "assets"
    if not (assets / "javascripts").is_dir():
        return []  # a project without our scripts (a bare test project): no bundles to write
    target = site_dir / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (scripts, styles) in BUNDLES.items():
        for suffix, files in ((".js", BASE_JS + scripts), (".css", BASE_CSS + styles)):
            parts = []
            for each in files:
                path = assets / each
                if not path.is_file():
                    raise BundleError(f"the bundle '{name}' names assets/{each}, which is not in docs/assets/")
                parts.append(path.read_text(encoding="utf-8"))
            if suffix == ".js":
                joined = "\n;\n".join(parts)
                text = jsmin.jsmin(joined, quote_chars="'\"`") if minify else joined
            else:
                joined = "\n".join(parts)
                text = csscompressor.compress(joined) if minify else joined
            out = target / f"{name}{suffix}"
            out.write_text(text + "\n", encoding="utf-8")
            written.append(out)
    return written
