#!/usr/bin/env python3
"""Print the Flesch-Kincaid grade of each guidance page's prose.

Usage: python scripts/reading_grade.py [PAGE.md ...]   (default: every page in docs/)
Worksheets and email pages are listed too; their prose is what surrounds the
questions and templates.
"""

from __future__ import annotations

import sys
from pathlib import Path

from turning_no.checks.reading_level import grade, prose_of_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main(arguments: list[str]) -> int:
    pages = [Path(argument) for argument in arguments] or sorted(DOCS.rglob("*.md"))
    print(f"{'grade':>5}  {'words':>5}  page")
    for page in pages:
        prose = prose_of_markdown(page.read_text(encoding="utf-8"))
        words = len(prose.split())
        shown = page.relative_to(DOCS) if page.is_relative_to(DOCS) else page
        print(f"{grade(prose) if words else 0:>5}  {words:>5}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
