"""A career centre's brand (`extra.brand` in mkdocs.yml): its check and what the build makes of it.

One place sets the centre's name, web page, logo, contact line and, optionally,
an accent colour. The templates (overrides/main.html) show them; this module
checks them, so a mistake stops `make check` and the build with the line of
mkdocs.yml and how to fix it, and turns the accent into a small style sheet whose
colours pass WCAG AA contrast in the light and the dark palette.
"""

from __future__ import annotations

import colorsys
import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from turning_no.model.problems import Problem, display_path

#: The keys of `extra.brand`, as documented in mkdocs.yml. Every one may be empty.
BRAND_KEYS = ("name", "url", "logo", "contact", "accent")
#: Image types a browser shows in an <img> and WeasyPrint and Chromium print.
LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")
MAX_NAME = 80
MAX_CONTACT = 140
#: WCAG 2.1 AA: text and links (1.4.3); controls and focus outlines (1.4.11).
TEXT_CONTRAST = 4.5
UI_CONTRAST = 3.0
#: The page backgrounds the accent is drawn on: Material's light page, and its
#: dark ("slate") page, hsl(225deg 15% 14%).
LIGHT_BACKGROUND = "#ffffff"
DARK_BACKGROUND = "#{:02x}{:02x}{:02x}".format(
    *(round(channel * 255) for channel in colorsys.hls_to_rgb(225 / 360, 0.14, 0.15))
)
#: Boxes such as the home page's "Start here" are tinted with 10% of the hover colour
#: (--md-accent-fg-color--transparent); links must read on them too.
TINT = 0.1
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


# --- Colour -------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(channel))) for channel in rgb))


def luminance(colour: str) -> float:
    """WCAG relative luminance of a hex colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two hex colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0 to 1) of the way towards `other`."""
    return _hex(tuple(a + (b - a) * amount for a, b in zip(_rgb(colour), _rgb(other), strict=True)))


def _towards_until(colour: str, other: str, background: str, ratio: float) -> str:
    """The first shade of `colour` towards `other` (in 2% steps) with `ratio` against `background`."""
    for step in range(51):
        shade = mix(colour, other, step / 50)
        if contrast(shade, background) >= ratio:
            return shade
    return other


def _tinted(background: str, hover: str) -> str:
    return mix(background, hover, TINT)


def _light_contrast(accent: str) -> tuple[float, str]:
    """The accent's lowest contrast on the light page: (ratio, where)."""
    tint = _tinted(LIGHT_BACKGROUND, mix(accent, "#000000", 0.25))
    on_white, on_tint = contrast(accent, LIGHT_BACKGROUND), contrast(accent, tint)
    if on_tint < on_white:
        return on_tint, f'on the tinted boxes, like "Start here" ({on_white:.2f}:1 on the white page)'
    return on_white, "on the white page"


def accent_palette(accent: str) -> dict[str, dict[str, str]]:
    """The CSS custom properties for an accent, light and dark, each pair checked for contrast.

    Light: the accent colours links (on white) and the header (white text on it).
    Dark: links get a lighter shade of the accent that reads on the dark page.
    """
    accent = accent.lower()
    hover = mix(accent, "#000000", 0.25)
    # Lighter until it reads on the dark page's tinted boxes, with a little to spare.
    dark_link = _towards_until(accent, "#ffffff", _tinted(DARK_BACKGROUND, "#ffffff"), TEXT_CONTRAST + 0.2)
    dark_hover = mix(dark_link, "#ffffff", 0.4)
    dark_on_hover = "#000000" if contrast("#000000", dark_hover) >= TEXT_CONTRAST else "#ffffff"
    return {
        "light": {
            "--md-primary-fg-color": accent,
            "--md-primary-fg-color--light": mix(accent, "#ffffff", 0.3),
            "--md-primary-fg-color--dark": hover,
            "--md-typeset-a-color": accent,
            "--md-accent-fg-color": hover,
            "--md-accent-fg-color--transparent": hover + "1a",
        },
        "dark": {
            "--md-typeset-a-color": dark_link,
            "--md-accent-fg-color": dark_hover,
            "--md-accent-fg-color--transparent": dark_hover + "1a",
            "--md-accent-bg-color": dark_on_hover,
        },
    }


def accent_css(accent: str) -> str:
    """A style sheet that puts the accent in place of the default teal, in both palettes."""
    palette = accent_palette(accent)

    def block(selector: str, values: dict[str, str]) -> str:
        lines = "".join(f"  {name}: {value};\n" for name, value in values.items())
        return f"{selector} {{\n{lines}}}\n"

    return (
        "/* Made by the build from extra.brand.accent in mkdocs.yml (turning_no.site.brand); do not edit. */\n"
        + block(":root", palette["light"])
        + block('[data-md-color-scheme="default"]', {"--md-typeset-a-color": palette["light"]["--md-typeset-a-color"]})
        + block('[data-md-color-scheme="slate"]', palette["dark"])
        + "@media print {\n"
        + block('  [data-md-color-scheme="slate"]', {"--md-typeset-a-color": palette["light"]["--md-typeset-a-color"]})
        + "}\n"
    )


def _accent_problems(accent: str) -> list[str]:
    if not _HEX.match(accent):
        return [
            f'accent is "{accent}", which is not a colour this check can read. Write it as a hex colour '
            'in quotes, like "#8a1538", or leave it empty ("") for the default colours'
        ]
    accent = accent.lower()
    measured, where = _light_contrast(accent)
    if measured < TEXT_CONTRAST:
        darker = next(
            shade
            for step in range(51)
            if _light_contrast(shade := mix(accent, "#000000", step / 50))[0] >= TEXT_CONTRAST + 0.1
        )
        return [
            f'accent "{accent}" has a contrast of {measured:.2f}:1 {where}: links in this colour, '
            f"and the white text of the header drawn in it, need at least {TEXT_CONTRAST:g}:1 (WCAG 2.1 AA). "
            f'Use a darker shade, for example "{darker}" ({_light_contrast(darker)[0]:.2f}:1), '
            'or leave accent empty ("") for the default colours'
        ]
    # The light and dark colours the build would use; each pair must pass, or the build refuses.
    light, dark = accent_palette(accent).values()
    dark_tint = _tinted(DARK_BACKGROUND, dark["--md-accent-fg-color"])
    pairs = [
        ("links in the light palette", light["--md-typeset-a-color"], LIGHT_BACKGROUND, TEXT_CONTRAST),
        (
            "links on tinted boxes",
            light["--md-typeset-a-color"],
            _tinted(LIGHT_BACKGROUND, light["--md-accent-fg-color"]),
            TEXT_CONTRAST,
        ),
        ("the header's white text", "#ffffff", accent, TEXT_CONTRAST),
        ("focus outlines in the light palette", light["--md-accent-fg-color"], LIGHT_BACKGROUND, UI_CONTRAST),
        ("links in the dark palette", dark["--md-typeset-a-color"], DARK_BACKGROUND, TEXT_CONTRAST),
        ("links on tinted boxes in the dark palette", dark["--md-typeset-a-color"], dark_tint, TEXT_CONTRAST),
        ("focus outlines in the dark palette", dark["--md-accent-fg-color"], DARK_BACKGROUND, UI_CONTRAST),
    ]
    return [
        f'accent "{accent}": {what} would have a contrast of {contrast(fore, back):.2f}:1, below {need:g}:1. '
        "Choose a darker, stronger colour"
        for what, fore, back, need in pairs
        if contrast(fore, back) < need
    ]


# --- The check ------------------------------------------------------------------------


def check_brand(brand: object, docs_dir: Path) -> list[tuple[str | None, str]]:
    """What is wrong with `brand` (the value of extra.brand): (key or None, message) pairs."""
    if brand is None:
        return []
    if not isinstance(brand, dict):
        return [(None, "extra.brand must be a list of keys (name, url, logo, contact, accent), as in mkdocs.yml")]
    found: list[tuple[str | None, str]] = []
    for key in brand:
        if key not in BRAND_KEYS:
            found.append((key, f'"{key}" is not a brand key. The keys are: {", ".join(BRAND_KEYS)}'))
    values = {}
    for key in BRAND_KEYS:
        value = brand.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            found.append((key, f'{key} must be text in quotes, like {key}: "...", not {value!r}'))
        values[key] = value.strip() if isinstance(value, str) else ""
    name, url, logo, contact, accent = (values[key] for key in BRAND_KEYS)

    others = [key for key in ("url", "logo", "contact") if values[key]]
    if others and not name and not found:
        found.append(("name", f"name is empty but {', '.join(others)} is set: give the centre's name, or clear them"))
    if len(name) > MAX_NAME:
        found.append(("name", f"name is {len(name)} characters long; keep it to {MAX_NAME} so it fits a phone"))
    if "\n" in name:
        found.append(("name", "name must be one line"))
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
            found.append(
                ("url", f'url is "{url}"; it must be a full web address that starts with https:// (or http://)')
            )
    if logo:
        path = docs_dir / logo
        if Path(logo).is_absolute() or logo.startswith(("http:", "https:", "//")):
            found.append(
                ("logo", f'logo is "{logo}"; give the path of an image inside docs/, like assets/images/logo.svg')
            )
        elif not path.is_file():
            found.append(
                (
                    "logo",
                    f'logo "{logo}" is not a file in docs/ (looked for {docs_dir.name}/{logo}). Put the image there, '
                    "or fix the path: it is relative to docs/, like assets/images/logo.svg",
                )
            )
        elif path.suffix.lower() not in LOGO_SUFFIXES:
            found.append(("logo", f'logo "{logo}" must be an image: {", ".join(LOGO_SUFFIXES)}'))
    if "\n" in contact:
        found.append(("contact", "contact must be one line; use · between a phone number and an email address"))
    if len(contact) > MAX_CONTACT:
        found.append(("contact", f"contact is {len(contact)} characters long; keep it to {MAX_CONTACT}"))
    if accent:
        found.extend(("accent", message) for message in _accent_problems(accent))
    return found


def brand_lines(config_text: str) -> tuple[int, dict[str, int]]:
    """The 1-based line of `brand:` under `extra:` in mkdocs.yml, and of each of its keys (0 if absent)."""
    try:
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)  # nodes only: custom tags need no constructor
    except yaml.YAMLError:
        return 0, {}
    extra = _child(root, "extra")
    brand_key, brand = _child_with_key(extra, "brand")
    if brand_key is None:
        return 0, {}
    lines = {}
    if isinstance(brand, yaml.MappingNode):
        lines = {key.value: key.start_mark.line + 1 for key, _ in brand.value if isinstance(key, yaml.ScalarNode)}
    return brand_key.start_mark.line + 1, lines


def _child_with_key(node, name):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return key, value
    return None, None


def _child(node, name):
    return _child_with_key(node, name)[1]


def brand_problems(brand: object, config_file: Path, docs_dir: Path, root: Path) -> list[Problem]:
    """Problems of `brand` as `Problem`s at their line of `config_file` (mkdocs.yml)."""
    found = check_brand(brand, docs_dir)
    if not found:
        return []
    brand_line, lines = brand_lines(config_file.read_text(encoding="utf-8"))
    shown = display_path(config_file, root)
    return [
        Problem(shown, lines.get(key, brand_line) or 1, f"extra.brand.{message}" if key else message, "brand")
        for key, message in found
    ]


def check_config(config_file: Path, root: Path | None = None) -> list[Problem]:
    """`make check`: the brand in mkdocs.yml, read as both engines read it (with !ENV)."""
    from turning_no.model.config import ConfigError, read_config

    root = root or config_file.parent
    if not config_file.is_file():
        return []
    try:
        config = read_config(config_file)
    except ConfigError as error:
        return [Problem(display_path(config_file, root), error.line, error.message, "config")]
    return brand_problems(config.extra.get("brand"), config_file, config.docs_dir, root)


# --- What the build shows ------------------------------------------------------------


def is_set(brand: object) -> bool:
    return isinstance(brand, dict) and bool(str(brand.get("name") or "").strip())


def footer_html(brand: dict) -> str:
    """The line the site's footer adds under the copyright: who shares this copy, and how to reach them."""
    name = html.escape(brand["name"].strip())
    url = (brand.get("url") or "").strip()
    contact = (brand.get("contact") or "").strip()
    shown = f'<a href="{html.escape(url, quote=True)}">{name}</a>' if url else name
    line = f'<span class="brand-footer">Shared by {shown}'
    if contact:
        line += f" · {html.escape(contact)}"
    return line + "</span>"
