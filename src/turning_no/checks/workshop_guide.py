"""The question numbers that guides give (rule `workshop-guide`): "do questions 1 to 3".

The career-services guides send people to worksheet questions by number. The site
numbers a worksheet's questions itself (worksheet.css counts each field's label), so
a question added to a worksheet renumbers the ones after it, and a guide would send a
room full of people to the wrong question. `data/workshop-questions.yml` pins each
number a guide uses to the id of its field, which never changes (CONTRIBUTING.md):

    process-emotions:        # the worksheet's strategy folder
      1: job-and-news        # question 1 is the field with id job-and-news

A page takes part once it links a worksheet: each "question 3", "questions 4, 7 and
9", "questions 1 to 3, then 5 and 6" or "questions 1–3" after such a link is read as
questions of the worksheet linked last before it, and `question 3: "What is ...?"`
also quotes the question. Each number must be pinned, the pinned field must still be
that question, and a quote must still read as the question does. Each problem is
reported at the guide's line; a problem in the data file itself, at its own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from turning_no.model.pages import Page, body_lines, read_page
from turning_no.model.problems import Problem, display_path
from turning_no.model.source_blocks import scan

DATA_FILE = "data/workshop-questions.yml"
RULE = "workshop-guide"

_WORKSHEET_LINK = re.compile(r"\]\((?:\.\./)*strategies/([a-z0-9-]+)/worksheet\.md(?:#[^)]*)?\)")
# "question 3", "questions 4, 7 and 9", "questions 1 to 3, then 5 and 6", "questions 1–3",
# optionally followed by the question itself in quotes: question 3: "What is ...?"
_QUESTIONS = re.compile(r'\bquestions? (\d+(?:(?:–| to |, then |, | and )\d+)*)(?::\s*"([^"]+)")?')
_NUMBER_OR_RANGE = re.compile(r"(\d+)(?:(?:–| to )(\d+))?")
_INLINE_MARKUP = re.compile(r"[*_`]")


@dataclass(frozen=True)
class Reference:
    """One question number as a guide gives it."""

    line: int
    folder: str  # the worksheet's strategy folder
    number: int
    quoted: str | None  # the question's words, when the guide quotes them


@dataclass(frozen=True)
class Pin:
    field_id: str
    line: int  # in the data file


def references_in(lines) -> tuple[list[Reference], list[tuple[int, str]]]:
    """Every question number in (line number, text) lines, each tied to the worksheet linked last
    before it; and (line, words) for numbers that come before any link to a worksheet."""
    found, before_any_link, folder = [], [], None
    for number, line in lines:
        events = [(m.start(), "link", m) for m in _WORKSHEET_LINK.finditer(line)]
        events += [(m.start(), "questions", m) for m in _QUESTIONS.finditer(line)]
        for _, kind, match in sorted(events, key=lambda event: event[0]):
            if kind == "link":
                folder = match.group(1)
                continue
            if folder is None:
                before_any_link.append((number, match.group(0)))
                continue
            numbers = []
            for start, end in _NUMBER_OR_RANGE.findall(match.group(1)):
                numbers += range(int(start), int(end or start) + 1)
            quoted = match.group(2) if len(numbers) == 1 else None
            found += [Reference(number, folder, question, quoted) for question in numbers]
    return found, before_any_link


def worksheet_questions(page: Page) -> list[tuple[str, str]]:
    """(field id, question) of a worksheet, in the order the site numbers them: its `/// field`
    blocks in source order, inside fieldsets too."""
    blocks, _ = scan(body_lines(page))  # every block, the ones inside a fieldset too
    return [
        (str((block.options or {}).get("id", "")), _INLINE_MARKUP.sub("", block.argument or ""))
        for block in sorted(blocks, key=lambda block: block.line)
        if block.name == "field"
    ]


def read_pins(path: Path, shown: str) -> tuple[dict[tuple[str, int], Pin] | None, list[Problem]]:
    """The data file's pins by (folder, number), and any problem with the file itself (no pins at
    all, None, when it cannot be read)."""

    def problem(line: int, message: str) -> Problem:
        return Problem(shown, line, message, RULE)

    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        # Where the broken construct starts (an unclosed '['), or else where reading failed.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return None, [problem(line, f"this file is not valid YAML ({getattr(error, 'problem', error)})")]
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        return {}, [problem(1, "write one 'strategy-folder:' line per worksheet, with 'number: field-id' under it")]
    pins, problems = {}, []
    for folder_node, numbers_node in root.value:
        folder = folder_node.value
        if not isinstance(numbers_node, yaml.MappingNode):
            problems.append(
                problem(folder_node.start_mark.line + 1, f"under '{folder}:' write 'number: field-id' lines")
            )
            continue
        for number_node, id_node in numbers_node.value:
            line = number_node.start_mark.line + 1
            if not re.fullmatch(r"[1-9]\d*", str(number_node.value)) or not isinstance(id_node, yaml.ScalarNode):
                problems.append(
                    problem(
                        line, f"write each pin as 'number: field-id', such as '3: main-question' (under '{folder}:')"
                    )
                )
                continue
            pins[(folder, int(number_node.value))] = Pin(str(id_node.value), line)
    return pins, problems


def check_workshop_guides(pages: list[Page], docs_dir: Path, root: Path) -> list[Problem]:
    """Every question number a page gives against data/workshop-questions.yml and the worksheets."""
    data = docs_dir.parent / DATA_FILE
    shown_data = display_path(data, root)
    references: list[tuple[Page, list[Reference]]] = []
    problems = []
    for page in pages:
        found, before_any_link = references_in(body_lines(page))
        if not found:
            continue
        references.append((page, found))
        for line, words in before_any_link:
            problems.append(
                Problem(
                    display_path(page.path, root),
                    line,
                    f"'{words}' comes before any link to a worksheet; link the worksheet first, so that it is "
                    "clear which sheet's questions these are",
                    RULE,
                )
            )
    if not references:
        return problems
    if not data.is_file():
        page, found = references[0]
        return [
            *problems,
            Problem(
                display_path(page.path, root),
                found[0].line,
                f"this page gives worksheet questions by number, and {shown_data} is missing: create it with "
                "'strategy-folder:' lines and 'number: field-id' under each (see turning_no/checks/workshop_guide.py)",
                RULE,
            ),
        ]
    pins, problems_in_data = read_pins(data, shown_data)
    problems += problems_in_data
    if pins is None:
        return problems
    sheets: dict[str, list[tuple[str, str]] | None] = {}

    def questions_of(folder: str) -> list[tuple[str, str]] | None:
        if folder not in sheets:
            path = docs_dir / "strategies" / folder / "worksheet.md"
            sheets[folder] = worksheet_questions(read_page(path, docs_dir)) if path.is_file() else None
        return sheets[folder]

    used = set()
    for page, found in references:
        guide = display_path(page.path, root)
        for reference in found:
            problems += _check_reference(reference, guide, pins, questions_of(reference.folder), shown_data)
            used.add((reference.folder, reference.number))
    for (folder, number), pin in sorted(pins.items()):
        if (folder, number) in used:
            continue
        if questions_of(folder) is None:
            message = f"there is no worksheet strategies/{folder}/worksheet.md; correct the folder's name"
        else:
            message = f"no page gives question {number} of strategies/{folder}/worksheet.md any more; remove this line"
        problems.append(Problem(shown_data, pin.line, message, RULE))
    return problems


def _check_reference(reference: Reference, guide: str, pins, questions, shown_data: str) -> list[Problem]:
    def problem(message: str) -> list[Problem]:
        return [Problem(guide, reference.line, message, RULE)]

    sheet = f"strategies/{reference.folder}/worksheet.md"
    if questions is None:
        return problem(f"question {reference.number} names a worksheet that does not exist: {sheet}")
    pin = pins.get((reference.folder, reference.number))
    shown = questions[reference.number - 1] if reference.number <= len(questions) else None
    if pin is None:
        fix = f"'{reference.number}: {shown[0]}'" if shown else "its line"
        return problem(
            f"this gives question {reference.number} of {sheet}, which {shown_data} does not pin; add {fix} "
            f"under '{reference.folder}:' there, so that a new question on the sheet cannot change it unseen"
        )
    if shown is None or shown[0] != pin.field_id:
        now = f"is now '{shown[1]}' ({shown[0]})" if shown else f"no longer exists ({len(questions)} questions)"
        moved = [number for number, (field_id, _) in enumerate(questions, start=1) if field_id == pin.field_id]
        where = f"; '{pin.field_id}' is question {moved[0]} now" if moved else ""
        return problem(
            f"question {reference.number} of {sheet} {now}, not '{pin.field_id}' as pinned in {shown_data} line "
            f"{pin.line}{where}. Give the right number here, then update the pin"
        )
    if reference.quoted and not shown[1].startswith(reference.quoted):
        return problem(
            f'this quotes question {reference.number} as "{reference.quoted}"; the worksheet says "{shown[1]}"'
        )
    return []
