"""MkDocs hook: run the content check before every build and report each problem.

Thin glue on purpose (see DESIGN.md, "Staying portable"): the check lives in
turning_no.checks. Problems are logged as warnings, so `mkdocs serve` keeps
serving and shows them to the author; a strict build stops on them, even with
`--quiet` (which hides warnings from MkDocs' own strict count).
"""

import logging
import re
from pathlib import Path

from mkdocs.exceptions import Abort

from turning_no.checks import check_docs

log = logging.getLogger("mkdocs.hooks.content_check")

# A `///` line that reached the HTML: pymdownx.blocks did not read it as a block.
_LEFTOVER_BLOCK = re.compile(r"(?:^|>)\s*(/{3,}[^<\n]*)", re.MULTILINE)
# Code may show the block syntax on purpose.
_CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>", re.DOTALL)

_found: list[str] = []


def _report(problem: str) -> None:
    _found.append(problem)
    log.warning(problem)


def _stop_if_strict(config) -> None:
    if config.get("strict") and _found:
        listing = "\n".join(_found)
        raise Abort(f"{len(_found)} content problem(s); fix them and build again:\n{listing}")


def on_pre_build(config):
    _found.clear()
    docs_dir = Path(config["docs_dir"])
    for problem in check_docs(docs_dir, root=Path(config["config_file_path"]).parent):
        _report(str(problem))
    _stop_if_strict(config)


def on_page_content(html, page, config, files):
    """The last line of defence: no block may reach a reader as '///' text."""
    for match in _LEFTOVER_BLOCK.finditer(_CODE.sub("", html)):
        text = match.group(1).strip()
        lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
        number = next((index for index, line in enumerate(lines, start=1) if text in line), 1)
        _report(
            f"docs/{page.file.src_uri}:{number}: block: '{text}' reached the page as plain text; "
            "pymdownx.blocks did not read it as a block. Check its name, its options (indented 4 spaces) "
            "and its closing line"
        )
    return html


def on_post_build(config):
    _stop_if_strict(config)
