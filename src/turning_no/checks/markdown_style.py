"""The Markdown style gate: pymarkdownlnt with the committed `.pymarkdown.yml`.

Each rule that is off is off for a reason written in that file. A problem is
reported as `markdown-style` with the rule's id and name, and where to read about
it; PyMarkdown fixes many of them itself: `.venv/bin/pymarkdown fix FILE`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pymarkdown.api import PyMarkdownApi, PyMarkdownApiException

from turning_no.model.problems import Problem, display_path

CONFIG = Path(__file__).resolve().parents[3] / ".pymarkdown.yml"
RULE_HELP = "https://pymarkdown.readthedocs.io/en/latest/plugins/rule_{id}/"


def check_markdown_style(pages: Iterable[Path], root: Path, config: Path = CONFIG) -> list[Problem]:
    api = PyMarkdownApi().configuration_file_path(str(config))
    problems = []
    for path in pages:
        where = display_path(path, root)
        try:
            result = api.scan_path(str(path))
        except PyMarkdownApiException as error:
            problems.append(
                Problem(
                    where,
                    1,
                    f"PyMarkdown could not read this page ({error}); check it for odd characters",
                    "markdown-style",
                )
            )
            continue
        for failure in result.scan_failures:
            rule_id = failure.rule_id.lower()
            extra = f" [{failure.extra_error_information}]" if failure.extra_error_information else ""
            problems.append(
                Problem(
                    where,
                    failure.line_number,
                    f"{failure.rule_id} {failure.rule_name.split(',')[0]}: {failure.rule_description}{extra} "
                    f"(column {failure.column_number}; see {RULE_HELP.format(id=rule_id)})",
                    "markdown-style",
                )
            )
        for error in result.pragma_errors:
            problems.append(
                Problem(where, error.line_number, f"PyMarkdown pragma: {error.pragma_error}", "markdown-style")
            )
    return problems
