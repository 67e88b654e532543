#!/usr/bin/env python3
"""Check the site's content against the content model; print each problem.

Usage: python scripts/check_content.py [DOCS_DIR]      (default: docs)

Each problem is printed as `path:line: message`, and also as a GitHub Actions
annotation when the CI environment variable is set. Exits 1 if there is any
problem, 0 if none, 2 if the folder does not exist.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from turning_no.checks import check_docs


def main(arguments: list[str]) -> int:
    docs_dir = Path(arguments[0] if arguments else "docs")
    if not docs_dir.is_dir():
        print(f"{docs_dir}: no such folder; give the folder that holds the site's Markdown pages", file=sys.stderr)
        return 2
    problems = check_docs(docs_dir, root=Path.cwd())
    for problem in problems:
        print(problem)
        if os.environ.get("CI"):
            print(problem.as_github_annotation())
    pages = sum(1 for _ in docs_dir.rglob("*.md"))
    if problems:
        print(f"\n{len(problems)} problem(s) in {pages} pages.", file=sys.stderr)
        return 1
    print(f"Content check: {pages} pages, no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
