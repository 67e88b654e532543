"""MkDocs hook: check `extra.brand` in mkdocs.yml and add what the templates cannot.

Thin glue (see DESIGN.md): the check and the colours are in turning_no.site.brand.
The header's brand bar and the printed footer are in overrides/main.html; this
hook adds the footer line (under the copyright) and the accent's style sheet.
"""

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from turning_no.site.brand import accent_css, brand_problems, footer_html, is_set

_ACCENT_CSS = "assets/stylesheets/brand.css"


def _brand(config) -> dict:
    return config.extra.get("brand") or {}


def on_config(config):
    config_file = Path(config.config_file_path)
    problems = brand_problems(config.extra.get("brand"), config_file, Path(config.docs_dir), config_file.parent)
    if problems:
        listing = "\n".join(str(problem) for problem in problems)
        raise Abort(f"the brand in mkdocs.yml (extra.brand) has {len(problems)} problem(s):\n{listing}")
    brand = _brand(config)
    if is_set(brand):
        config.copyright = f"{config.copyright or ''}<br>{footer_html(brand)}"
    if (brand.get("accent") or "").strip():
        config.extra_css.append(_ACCENT_CSS)
    return config


def on_files(files, config):
    accent = (_brand(config).get("accent") or "").strip()
    if accent:
        files.append(File.generated(config, _ACCENT_CSS, content=accent_css(accent)))
    return files
