"""QR codes on printed worksheets: each one encodes that sheet's own address.

The code is read back from the SVG path in the built HTML, module by module,
and compared with the module matrix segno makes for the expected address.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import segno
from bs4 import BeautifulSoup

from turning_no.site.qr import qr_code, qr_svg

# segno draws each row of dark modules as horizontal strokes: M/m moves, h runs.
_PATH_STEP = re.compile(r"([Mmh])(-?\d+(?:\.\d+)?)(?: (-?\d+(?:\.\d+)?))?")


def dark_modules(svg) -> set[tuple[int, int]]:
    """The (row, column) of every dark module the SVG draws, in viewBox units."""
    x = y = 0.0
    dark = set()
    for path in svg.find_all("path"):
        for command, first, second in _PATH_STEP.findall(path["d"]):
            if command == "M":
                x, y = float(first), float(second)
            elif command == "m":
                x, y = x + float(first), y + float(second)
            else:
                run = int(float(first))
                dark.update((int(y), int(x) + step) for step in range(run))
                x += run
    return dark


def expected_modules(address: str, svg) -> set[tuple[int, int]]:
    """The dark modules of segno's code for `address`, placed inside the SVG's quiet zone."""
    matrix = qr_code(address).matrix
    width = int(svg["viewbox"].split()[2])
    border = (width - len(matrix)) // 2
    return {
        (row + border, column + border) for row, line in enumerate(matrix) for column, value in enumerate(line) if value
    }


@pytest.mark.unit
def test_the_svg_draws_exactly_the_code_of_the_address():
    address = "https://example.org/turning-no/strategies/ask-for-feedback/worksheet/"
    svg = BeautifulSoup(str(qr_svg(address)), "html.parser").svg
    assert dark_modules(svg) == expected_modules(address, svg)
    # A different address is a different drawing: the comparison can fail.
    other = BeautifulSoup(str(qr_svg(address + "x")), "html.parser").svg
    assert dark_modules(other) != expected_modules(address, svg)


@pytest.mark.unit
def test_the_svg_is_an_image_named_for_screen_readers_with_no_inline_style():
    svg = BeautifulSoup(str(qr_svg('https://example.org/?a=1&b="2"')), "html.parser").svg
    assert svg["role"] == "img"
    assert svg["aria-label"] == 'QR code: https://example.org/?a=1&b="2"'
    assert svg.title.string == svg["aria-label"]
    assert "print-qr" in svg["class"]
    assert not svg.find_all(style=True) and not svg.has_attr("style")  # the Content-Security-Policy blocks style=


@pytest.mark.unit
def test_the_code_is_a_full_qr_code_segno_can_make_again():
    code = qr_code("https://example.org/")
    assert not code.is_micro
    assert code.error in ("M", "Q", "H")  # at least medium error correction
    assert code.matrix == segno.make("https://example.org/", error=code.error, micro=False).matrix


def worksheet_pages(site: Path) -> list[Path]:
    return sorted(site.glob("strategies/*/worksheet/index.html"))


@pytest.mark.build
def test_every_printed_worksheet_carries_the_qr_code_of_its_own_address(built_site, site_url):
    pages = worksheet_pages(built_site)
    assert len(pages) == 8
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        address = site_url + path.parent.relative_to(built_site).as_posix() + "/"
        assert soup.find("link", rel="canonical")["href"] == address
        codes = soup.select(".print-footer svg.print-qr")
        assert len(codes) == 1, path
        assert codes[0]["aria-label"] == f"QR code: {address}"
        assert dark_modules(codes[0]) == expected_modules(address, codes[0]), f"{path}: the code is not {address}"


@pytest.mark.build
def test_only_worksheets_carry_a_qr_code(built_site):
    with_code = {
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*.html")
        if "print-qr" in path.read_text(encoding="utf-8")
    }
    assert with_code == {path.relative_to(built_site).as_posix() for path in worksheet_pages(built_site)}


@pytest.mark.browser
def test_the_qr_code_shows_on_paper_only_at_about_two_centimetres(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}strategies/stay-positive/worksheet/")
    code = page.locator(".print-qr")
    assert not code.is_visible()
    page.emulate_media(media="print")
    box = code.bounding_box()
    centimetre = 96 / 2.54  # CSS pixels
    assert 1.5 * centimetre <= box["width"] == box["height"] <= 2.5 * centimetre
    page.close()
