#!/usr/bin/env python3
"""Run every content gate over the site's pages and print one summary (`make check`).

Usage: python scripts/check.py [DOCS_DIR]      (default: docs)

Prints the reading grade of every page, then each problem as
`path:line: rule: message` (and as a GitHub Actions annotation when the CI
environment variable is set), then how many problems each rule found.
Exits 1 if there is any problem, 0 if none, 2 if the folder does not exist.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from turning_no.checks.reading_level import MAX_GRADE
from turning_no.checks.runner import GATES, print_problems, run_gates


def main(arguments: list[str]) -> int:
    docs_dir = Path(arguments[0] if arguments else "docs")
    if not docs_dir.is_dir():
        print(f"{docs_dir}: no such folder; give the folder that holds the site's Markdown pages", file=sys.stderr)
        return 2
    run = run_gates(docs_dir, root=Path.cwd())

    print(f"Reading level: Flesch-Kincaid grade of each page's prose (at most {MAX_GRADE:g})")
    print(f"{'grade':>7}  {'words':>5}  page")
    for shown, measured in run.grades:
        flag = "  <- over the limit" if measured.grade > MAX_GRADE else ""
        print(f"{measured.grade:>7}  {measured.words:>5}  {shown}{flag}")
    print()

    print_problems(run.problems)

    gates = ", ".join(name for name, _ in GATES)
    pages = len(run.pages)
    if not run.problems:
        print(f"All gates passed ({gates}): {pages} pages, no problems.")
        return 0
    counts = Counter(problem.rule for problem in run.problems)
    print("\nProblems by rule:")
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"{count:>7}  {rule}")
    total = len(run.problems)
    print(f"\n{total} problem{'s' if total != 1 else ''} in {docs_dir}; gates: {gates}.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
