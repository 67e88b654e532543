#!/usr/bin/env python3
"""Say, for each PDF, what a screen reader gets: tags, language, title, bookmarks.

Usage: python scripts/pdf_tags.py PDF... (for example site/downloads/*.pdf after make packet)

One line a file: pages; /MarkInfo /Marked; whether there is a /StructTreeRoot and how
many structure elements it holds; how many pages the tree covers (a /StructParents
entry that its /ParentTree lists); /Lang; /Title and /DisplayDocTitle; the number of
bookmarks (top level/in all); how many pieces of content (texts, paths, images) are drawn
outside both the tree and artifacts ("unmarked": PDF/UA allows none), and how many are
artifacts. tests/test_packet.py asserts the same things.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from turning_no.printing.tagged import describe


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", type=Path, nargs="+")
    options = parser.parse_args(arguments)
    columns = (
        "pages",
        "marked",
        "tree",
        "elements",
        "covered",
        "lang",
        "display_title",
        "outline",
        "unmarked",
        "artifacts",
        "title",
    )
    print("\t".join(("file", *columns)))
    for path in options.pdfs:
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            return 2
        found = describe(path)
        print("\t".join((path.name, *(str(found[column]) for column in columns))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
