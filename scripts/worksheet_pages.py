#!/usr/bin/env python3
"""Print every worksheet blank, in Letter and A4, and say how many pages each takes.

Usage: python scripts/worksheet_pages.py SITE_DIR [--pdf-dir DIR]

SITE_DIR is a built site (`make site`). With --pdf-dir, the PDFs are kept there
to look at (for example with `pdftoppm -png`). Uses the system's Chromium
(`chromium` on the PATH, or $CHROMIUM). The tests assert the limit (two pages);
this script gives the figures.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from turning_no.printing.chromium import ARGS, MISSING, chromium_path
from turning_no.site.server import serve

SIZES = ("Letter", "A4")


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--pdf-dir", type=Path)
    options = parser.parse_args(arguments)
    sheets = sorted(path.parent.parent.name for path in options.site.glob("strategies/*/worksheet/index.html"))
    if not sheets:
        print(f"{options.site}: no worksheets found; build the site first (make site)", file=sys.stderr)
        return 2
    chromium = chromium_path()
    if not chromium:
        print(MISSING, file=sys.stderr)
        return 2
    if options.pdf_dir:
        options.pdf_dir.mkdir(parents=True, exist_ok=True)
    print(f"{'worksheet':<22}" + "".join(f"{size:>8}" for size in SIZES))
    with serve(options.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page()
        for slug in sheets:
            page.goto(f"{base}strategies/{slug}/worksheet/")
            counts = []
            for size in SIZES:
                pdf = page.pdf(format=size)
                if options.pdf_dir:
                    (options.pdf_dir / f"{slug}-{size}.pdf").write_bytes(pdf)
                counts.append(len(PdfReader(io.BytesIO(pdf)).pages))
            print(f"{slug:<22}" + "".join(f"{count:>8}" for count in counts))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
