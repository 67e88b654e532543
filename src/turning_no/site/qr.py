"""QR codes for paper: a printed worksheet carries its own online address.

segno (pure Python) makes the code at build time; no service is asked and the
page loads nothing. The SVG is inline and uses presentation attributes only
(no `style=`), so the Content-Security-Policy needs no exception for it.
"""

from __future__ import annotations

import html

import segno
from markupsafe import Markup

#: The CSS class of the <svg>: hidden on screen, about 2 cm on paper (extra.css).
SVG_CLASS = "print-qr"
#: Medium error correction survives a fold or a smudge; segno raises it when it
#: fits in the same symbol size.
ERROR_LEVEL = "m"
#: Modules of white drawn around the code. The standard asks for 4; the footer's
#: padding above and the page margins around give the rest.
QUIET_ZONE = 2


def qr_code(address: str) -> segno.QRCode:
    """The QR code of `address`: the one place that decides how it is made."""
    return segno.make(address, error=ERROR_LEVEL, micro=False)


def qr_svg(address: str) -> Markup:
    """`address` as an inline SVG QR code, named for screen readers ("QR code: <address>").

    The drawing is square: its `viewBox` sets the shape, CSS sets the size.
    """
    label = f"QR code: {address}"
    # segno escapes the title itself.
    svg = qr_code(address).svg_inline(omitsize=True, svgclass=SVG_CLASS, lineclass=None, title=label, border=QUIET_ZONE)
    # segno writes `<svg viewBox=... class=...>`; give it the role and name of an image.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1))
