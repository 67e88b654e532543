#!/usr/bin/env python3
"""Build the printable packets into the built site: make packet (after make site).

Usage: python scripts/packet.py [SITE_DIR]

Writes SITE_DIR/downloads/: worksheets.pdf and worksheets-a4.pdf (the eight
worksheets, blank), guide.pdf (the whole guide with contents and bookmarks) and
worksheets-fillable.pdf (form fields named after their labels), then fills in
the page counts and sizes on the packets page. Chromium (`chromium` on the
PATH, or $CHROMIUM) prints the pages; WeasyPrint makes the fillable one.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from turning_no.model.config import ConfigError, read_config
from turning_no.model.urls import DOWNLOADS
from turning_no.printing import packet
from turning_no.printing.chromium import ARGS, MISSING, chromium_path
from turning_no.site.server import serve

ROOT = Path(__file__).resolve().parent.parent


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    options = parser.parse_args(arguments)
    site = options.site.resolve()
    if not (site / "index.html").is_file():
        print(f"{options.site}: no built site here; build it first (make site)", file=sys.stderr)
        return 2
    chromium = chromium_path()
    if not chromium:
        print(MISSING, file=sys.stderr)
        return 2
    try:
        config = read_config(options.config).values
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    words = config["extra"]["text"]
    # The published address (site_url, from SITE_URL as for `make site`): links in the PDFs lead there.
    if not config.get("site_url"):
        print(
            f"{options.config}: site_url is not set; the packets link to it. Set it to the site's address",
            file=sys.stderr,
        )
        return 2
    address = config["site_url"].rstrip("/") + "/"
    docs_dir = options.config.parent / config.get("docs_dir", "docs")
    sheets = packet.worksheets(docs_dir)
    guide_pages = packet.guide(docs_dir, config.get("nav"))
    missing = [page.url for page in guide_pages if not (site / page.url / "index.html").is_file()]
    if missing:
        print(
            f"{options.site}: pages missing from the built site: {', '.join(missing)}; run make site", file=sys.stderr
        )
        return 2
    downloads = site / DOWNLOADS
    downloads.mkdir(exist_ok=True)
    started = time.monotonic()

    # The language of the pages (Material's theme.language): the PDFs' /Lang, for screen readers.
    language = (config.get("theme") or {}).get("language", "en")
    name = config["site_name"]

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        title = words["packet_worksheets_title"].replace("{site}", name)
        for file_name, size in ((packet.WORKSHEETS, "Letter"), (packet.WORKSHEETS_A4, "A4")):
            pdf = packet.sheets_pdf(browser, site, base, sheets, title, language, address, size)
            (downloads / file_name).write_bytes(pdf)
        pdf = packet.guide_pdf(browser, site, base, guide_pages, name, language, address, words)
        (downloads / packet.GUIDE).write_bytes(pdf)
        browser.close()
    (downloads / packet.FILLABLE).write_bytes(
        packet.build_fillable(site, sheets, words["packet_fillable_title"].replace("{site}", name), language, address)
    )

    summary = packet.describe(downloads)
    packet.fill_in_packets_page(site, summary)
    for name, (pages, kilobytes) in summary.items():
        print(f"{DOWNLOADS}/{name:<26} {pages:>4} pages {kilobytes:>6} KB")
    print(f"packets built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
