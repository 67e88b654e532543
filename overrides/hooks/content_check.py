"""MkDocs hook: run the content check before every build and report each problem.

Thin glue on purpose (see DESIGN.md, "Staying portable"): the check lives in
turning_no.checks. Problems are logged as warnings. A strict build stops there,
before any page is rendered: our Markdown extensions raise ContentError on the
same problems, which would otherwise end the build with a traceback.
"""

import logging
import re
from pathlib import Path

from mkdocs.exceptions import Abort

from turning_no.checks import check_docs

log = logging.getLogger("mkdocs.hooks.content_check")

# A `///` line that reached the HTML: pymdownx.blocks did not read it as a block.
_LEFTOVER_BLOCK = re.compile(r"(?:^|>)\s*(/{3,}[^<\n]*)", re.MULTILINE)


def on_pre_build(config):
    docs_dir = Path(config["docs_dir"])
    problems = check_docs(docs_dir, root=Path(config["config_file_path"]).parent)
    for problem in problems:
        log.warning(str(problem))
    if problems and config["strict"]:
        raise Abort(f"Aborted: {len(problems)} content problem(s), listed above, before any page was rendered")


def on_page_content(html, page, config, files):
    """The last line of defence: no block may reach a reader as '///' text."""
    for match in _LEFTOVER_BLOCK.finditer(html):
        text = match.group(1).strip()
        lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
        number = next((index for index, line in enumerate(lines, start=1) if text in line), 1)
        where = f"docs/{page.file.src_uri}:{number}"
        log.warning(
            f"{where}: block: '{text}' reached the page as plain text; pymdownx.blocks did not read it "
            "as a block. Check its name, its options (indented 4 spaces) and its closing line"
        )
    return html
