#!/usr/bin/env python3
"""Build the site: the checks, then the engine, then the post-build step (`make site`).

Usage: python scripts/build_site.py [--engine mkdocs|zensical] [--site-dir SITE] [--offline] [--no-checks]

1. Every gate of `make check` (turning_no.checks.runner) over docs/: a problem stops
   the build before any page is rendered, printed as `path:line: rule: message`.
2. The engine (turning_no.site.engines) writes the HTML into SITE.
3. The post-build step (turning_no.site.finish) does the rest to the HTML, the same
   whichever engine wrote it: CSP, QR codes, HTML mends, offline links, brand colors.

Exits 0 when the site is built, 1 when a check, the engine or the post-build step
found a problem, 2 when the command line is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from turning_no.checks.runner import GATES, print_problems, run_gates
from turning_no.model.config import CONFIG_NAME, ConfigError, read_config
from turning_no.site.engines import DEFAULT_ENGINE, ENGINES, build
from turning_no.site.finish import finish_site

_LOCAL = ("http://127.0.0.1", "http://localhost")


def notices(config) -> list[str]:
    """Things worth saying that do not stop a build."""
    said = []
    if not config.contact:
        said.append(
            "notice: extra.contact in mkdocs.yml is empty, so the accessibility statement and security.txt "
            "have no contact. The Publish workflow fills in the repository's issues page; set SITE_CONTACT "
            "or extra.contact to use another."
        )
    if str(config.brand.get("name") or "").strip() and config.site_url.startswith(_LOCAL):
        said.append(
            f"notice: a brand is set but site_url is still {config.site_url}: links and QR codes on printed "
            "sheets would point at this computer. Set site_url (or SITE_URL) to your published address."
        )
    return said


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=ENGINES, default=os.environ.get("ENGINE") or DEFAULT_ENGINE)
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--offline", action="store_true", help="the offline copy: no CSP, downloads link online")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the folder that holds mkdocs.yml")
    parser.add_argument(
        "--no-checks",
        action="store_true",
        help="leave out step 1, for a caller that has just run the checks on the same pages (the tests do)",
    )
    options = parser.parse_args(arguments)
    project = options.project.resolve()
    site_dir = options.site_dir if options.site_dir.is_absolute() else Path.cwd() / options.site_dir

    try:
        config = read_config(project / CONFIG_NAME)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 1
    run = run_gates(config.docs_dir, root=project, gates=() if options.no_checks else GATES)
    if run.problems:
        print_problems(run.problems, file=sys.stderr)
        print(f"\nThe build stopped before the engine: {len(run.problems)} problem(s) to fix.", file=sys.stderr)
        return 1

    env = {"OFFLINE": "true"} if options.offline else {}
    result = build(options.engine, project, site_dir, env)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        print(f"\n{options.engine} could not build the site (exit {result.returncode}).", file=sys.stderr)
        return 1

    finished = finish_site(site_dir, config, offline=options.offline)
    if finished.problems:
        print_problems(finished.problems, file=sys.stderr)
        return 1
    for notice in notices(config):
        print(notice, file=sys.stderr)
    print(f"Built {finished.pages} pages with {options.engine} into {site_dir} ({finished.qr_codes} QR codes).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
