"""MkDocs hook: run the content check before every build and report each problem.

Thin glue on purpose (see DESIGN.md, "Staying portable"): the check lives in
turning_no.checks. Problems are logged as warnings, so `mkdocs build --strict`
stops while `mkdocs serve` keeps serving and shows them to the author.
"""

import logging
from pathlib import Path

from turning_no.checks import check_docs

log = logging.getLogger("mkdocs.hooks.content_check")


def on_pre_build(config):
    docs_dir = Path(config["docs_dir"])
    for problem in check_docs(docs_dir, root=Path(config["config_file_path"]).parent):
        log.warning(str(problem))
