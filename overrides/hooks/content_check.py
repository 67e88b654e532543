"""MkDocs hook: run the content check before every build and report each problem.

Thin glue on purpose (see DESIGN.md, "Staying portable"): the check lives in
turning_no.checks.content. Problems are logged as warnings. A strict build stops there,
before any page is rendered, even with `--quiet` (which hides warnings from
MkDocs' own strict count). `mkdocs serve` keeps serving: a page whose blocks
are broken shows its problems in place of its content, since our Markdown
extensions would raise ContentError on it.
"""

import logging
import re
from pathlib import Path

from mkdocs.exceptions import Abort

from turning_no.checks.content import check_docs
from turning_no.markdown.page_list import EXTENSION_NAME, config_problem

log = logging.getLogger("mkdocs.hooks.content_check")

# A `///` line that reached the HTML: pymdownx.blocks did not read it as a block.
_LEFTOVER_BLOCK = re.compile(r"(?:^|>)\s*(/{3,}[^<\n]*)", re.MULTILINE)
# Code may show the block syntax on purpose.
_CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>", re.DOTALL)

_found: list[str] = []
# The problems of each page whose blocks cannot be rendered, by docs-relative path.
_unrenderable: dict[str, list] = {}
_BLOCK_RULES = {"block", "worksheet-field", "email-template"}


def _report(problem: str) -> None:
    _found.append(problem)
    log.warning(problem)


def _stop_if_strict(config) -> None:
    if config.get("strict") and _found:
        listing = "\n".join(_found)
        raise Abort(f"{len(_found)} content problem(s); the build stopped. Fix them and build again:\n{listing}")


def on_pre_build(config):
    _found.clear()
    _unrenderable.clear()
    docs_dir = Path(config["docs_dir"]).resolve()
    root = Path(config["config_file_path"]).parent.resolve()
    for problem in check_docs(docs_dir, root=root):
        _report(str(problem))
        if problem.rule in _BLOCK_RULES:
            page = (root / problem.path).resolve().relative_to(docs_dir).as_posix()
            _unrenderable.setdefault(page, []).append(problem)
    if EXTENSION_NAME in config["markdown_extensions"]:
        problem = config_problem(Path(config["config_file_path"]), config["mdx_configs"].get(EXTENSION_NAME, {}))
        if problem:
            _report(str(problem))
    _stop_if_strict(config)


def on_page_markdown(markdown, page, config, files):
    """While serving, a page with broken blocks shows what to fix instead of stopping the server."""
    problems = _unrenderable.get(page.file.src_uri)
    if not problems:
        return markdown
    items = "\n".join(f"    - Line {problem.line}: {problem.message}" for problem in problems)
    return f'!!! failure "This page has content problems to fix"\n\n{items}\n'


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
