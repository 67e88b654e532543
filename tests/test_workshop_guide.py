"""The workshop guides send people to worksheet questions by number: "questions 1 to 3".

The site numbers a worksheet's questions itself (worksheet.css counts each
`.ws-label`), so a question added to a worksheet renumbers the ones after it, and
a guide would send a room full of people to the wrong question. Each number the
guides use is pinned here to its field's id, which never changes (CONTRIBUTING.md),
and a question quoted in a guide must still read as the worksheet says it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS

from turning_no.model.pages import body_lines, read_page

GUIDES = ("career-services/workshop-guide.md", "career-services/one-to-one.md")

#: (strategy folder, question number as the reader sees it) -> the id of that field.
PINNED = {
    ("process-emotions", 1): "job-and-news",
    ("process-emotions", 2): "feelings",
    ("process-emotions", 3): "sting-before",
    ("process-emotions", 4): "free-writing",
    ("process-emotions", 5): "self-talk",
    ("process-emotions", 6): "kind-words",
    ("ask-for-feedback", 3): "main-question",
    ("ask-for-feedback", 7): "other-sources",
    ("reflect-on-feedback", 3): "employer-feedback",
    ("reflect-on-feedback", 4): "own-notes",
    ("reflect-on-feedback", 7): "repeated",
    ("reflect-on-feedback", 9): "focus-plan",
    ("refine-your-search", 1): "application-log",
    ("refine-your-search", 2): "drop-out-stage",
    ("refine-your-search", 4): "resume-match",
    ("refine-your-search", 5): "posting-proof",
    ("stay-positive", 6): "weekly-goals",
    ("stay-positive", 7): "search-buddy",
}

_WORKSHEET_LINK = re.compile(r"\]\((?:\.\./)*strategies/([a-z-]+)/worksheet\.md(?:#[^)]*)?\)")
# "question 3", "questions 4, 7 and 9", "questions 1 to 3, then 5 and 6", "questions 1–3",
# optionally followed by the question itself in quotes: question 3: "What is ...?"
_QUESTIONS = re.compile(r'\bquestions? (\d+(?:(?:–| to |, then |, | and )\d+)*)(?::\s*"([^"]+)")?')
_NUMBER_OR_RANGE = re.compile(r"(\d+)(?:(?:–| to )(\d+))?")


@dataclass(frozen=True)
class Reference:
    guide: str
    line: int
    folder: str  # the worksheet's strategy folder
    number: int
    quoted: str | None  # the question's words, when the guide quotes them


def references_in(text: str, guide: str = "guide.md", first_line: int = 1) -> list[Reference]:
    """Every question number in `text`, each tied to the worksheet linked last before it."""
    found, folder = [], None
    for number, line in enumerate(text.splitlines(), start=first_line):
        events = [(m.start(), "link", m) for m in _WORKSHEET_LINK.finditer(line)]
        events += [(m.start(), "questions", m) for m in _QUESTIONS.finditer(line)]
        for _, kind, match in sorted(events, key=lambda event: event[0]):
            if kind == "link":
                folder = match.group(1)
                continue
            assert folder, f"{guide}:{number}: '{match.group(0)}' comes before any link to a worksheet"
            numbers = []
            for start, end in _NUMBER_OR_RANGE.findall(match.group(1)):
                numbers += range(int(start), int(end or start) + 1)
            quoted = match.group(2) if len(numbers) == 1 else None
            found += [Reference(guide, number, folder, question, quoted) for question in numbers]
    return found


def guide_references() -> list[Reference]:
    found = []
    for guide in GUIDES:
        page = read_page(DOCS / guide, DOCS)
        lines = dict(body_lines(page))
        text = "\n".join(lines.get(number, "") for number in range(1, max(lines) + 1))
        found += references_in(text, guide)
    return found


def worksheet_questions(built_site, folder: str) -> list[tuple[str, str]]:
    """(field id, question as shown) of a built worksheet, in the order the site numbers them."""
    html = (built_site / "strategies" / folder / "worksheet" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    return [
        (label.find_parent(class_="ws-field")["data-field"], label.get_text(" ", strip=True))
        for label in soup.select("article .ws-label")
    ]


def test_references_are_read_with_the_worksheet_linked_before_them():
    text = (
        "[Sheet](../strategies/a-sheet/worksheet.md), questions 1 to 3, then 5 and 6.\n"
        'People write question 2: "Who is it?"\n'
        "[Other](../strategies/b-sheet/worksheet.md), questions 4–5, 7 and 9 (question 8 is for home).\n"
    )
    assert [(ref.line, ref.folder, ref.number, ref.quoted) for ref in references_in(text)] == [
        (1, "a-sheet", 1, None),
        (1, "a-sheet", 2, None),
        (1, "a-sheet", 3, None),
        (1, "a-sheet", 5, None),
        (1, "a-sheet", 6, None),
        (2, "a-sheet", 2, "Who is it?"),
        (3, "b-sheet", 4, None),
        (3, "b-sheet", 5, None),
        (3, "b-sheet", 7, None),
        (3, "b-sheet", 9, None),
        (3, "b-sheet", 8, None),
    ]


def test_the_guides_refer_to_questions():
    # If this fails, the pattern no longer reads the guides, and the tests below check nothing.
    assert len(guide_references()) >= 20


@pytest.mark.parametrize("reference", guide_references(), ids=lambda ref: f"{ref.guide}:{ref.line}:{ref.number}")
def test_each_question_number_in_a_guide_is_pinned(reference):
    assert (reference.folder, reference.number) in PINNED, (
        f"{reference.guide} line {reference.line} names question {reference.number} of "
        f"strategies/{reference.folder}/worksheet.md; add it to PINNED in this file with its field id"
    )


@pytest.mark.parametrize(("folder", "number"), sorted(PINNED))
def test_each_pinned_number_is_still_the_same_question(built_site, folder, number):
    questions = worksheet_questions(built_site, folder)
    assert number <= len(questions), f"strategies/{folder}/worksheet.md has only {len(questions)} questions"
    field_id, shown = questions[number - 1]
    assert field_id == PINNED[(folder, number)], (
        f"question {number} of strategies/{folder}/worksheet.md is now '{shown}' ({field_id}); "
        f"renumber the questions in {' and '.join(GUIDES)}, then update PINNED here"
    )


@pytest.mark.parametrize(
    "reference",
    [ref for ref in guide_references() if ref.quoted],
    ids=lambda ref: f"{ref.guide}:{ref.line}:{ref.number}",
)
def test_a_quoted_question_reads_as_on_its_worksheet(built_site, reference):
    shown = dict(worksheet_questions(built_site, reference.folder))[PINNED[(reference.folder, reference.number)]]
    assert shown.startswith(reference.quoted), (
        f'{reference.guide} line {reference.line} quotes "{reference.quoted}"; the worksheet says "{shown}"'
    )
