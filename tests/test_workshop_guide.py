"""The rule `workshop-guide` of `make check` (turning_no.checks.workshop_guide): the guides
send people to worksheet questions by number, and each number is pinned to its field in
data/workshop-questions.yml.

The real guides pass with every gate (tests/test_gates.py); the order the rule reads the
questions in is the order the built site numbers them (tests/test_site.py). Here the rule
on a small project broken on purpose: a worksheet of the real site, one guide, the pins.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, assert_problems

from turning_no.checks.runner import GATES, run_gates
from turning_no.checks.workshop_guide import DATA_FILE, references_in
from turning_no.model.pages import body_lines, read_page

pytestmark = pytest.mark.unit

RULE = "workshop-guide"
GATE = [gate for gate in GATES if gate[0] == "workshop guide"]
SHEET = "strategies/process-emotions/worksheet.md"
GUIDE = "career-services/guide.md"
LINK = "[Work through the feelings](../strategies/process-emotions/worksheet.md)"
PINS = "process-emotions:\n  1: job-and-news\n  2: feelings\n  3: sting-before\n"
GOOD_GUIDE = f"---\ntitle: A guide\ndescription: A guide.\n---\n\nHand out {LINK}. Do questions 1 to 3.\n"


def project(tmp_path: Path, guide: str = GOOD_GUIDE, pins: str | None = PINS) -> Path:
    """docs/ with the real worksheet and a guide, and the pins beside it; the docs folder."""
    docs = tmp_path / "docs"
    (docs / SHEET).parent.mkdir(parents=True)
    shutil.copy(DOCS / SHEET, docs / SHEET)
    (docs / GUIDE).parent.mkdir(parents=True)
    (docs / GUIDE).write_text(guide, encoding="utf-8")
    if pins is not None:
        (tmp_path / DATA_FILE).parent.mkdir()
        (tmp_path / DATA_FILE).write_text(pins, encoding="utf-8")
    return docs


def problems_of(docs: Path):
    return run_gates(docs, gates=GATE).problems


def test_references_are_read_with_the_worksheet_linked_before_them():
    text = (
        "[Sheet](../strategies/a-sheet/worksheet.md), questions 1 to 3, then 5 and 6.\n"
        'People write question 2: "Who is it?"\n'
        "[Other](../strategies/b-sheet/worksheet.md), questions 4–5, 7 and 9 (question 8 is for home).\n"
    )
    found, before_any_link = references_in(enumerate(text.splitlines(), start=1))
    assert [(ref.line, ref.folder, ref.number, ref.quoted) for ref in found] == [
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
    assert before_any_link == []


def test_the_real_guides_give_question_numbers_that_the_rule_reads():
    # If this fails, the pattern no longer reads the guides, and the rule checks nothing.
    found = []
    for guide in ("career-services/workshop-guide.md", "career-services/one-to-one.md"):
        found += references_in(body_lines(read_page(DOCS / guide, DOCS)))[0]
    assert len(found) >= 20
    assert len([ref for ref in found if ref.quoted]) >= 5
    assert (ROOT / DATA_FILE).is_file()


def test_a_guide_that_matches_its_pins_passes(tmp_path):
    assert problems_of(project(tmp_path)) == []


def test_a_question_added_to_the_sheet_is_found_at_each_line_of_the_guide_that_it_renumbers(tmp_path):
    docs = project(tmp_path)
    sheet = docs / SHEET
    text = sheet.read_text(encoding="utf-8")
    first = text.index("/// field")
    new = "/// field | What is your name?\n    id: name\n    kind: short\n///\n\n"
    sheet.write_text(text[:first] + new + text[first:], encoding="utf-8")
    assert_problems(
        problems_of(docs),
        [
            (
                f"docs/{GUIDE}",
                6,
                RULE,
                f"question {number} of {SHEET} is now '{shown}' ({field}), not '{pinned}' as "
                f"pinned in data/workshop-questions.yml line {number + 1}; '{pinned}' is question {number + 1} now. "
                "Give the right number here, then update the pin",
            )
            for number, shown, field, pinned in [
                (1, "What is your name?", "name", "job-and-news"),
                (2, "Which job was it, and how did you hear the news?", "job-and-news", "feelings"),
                (3, "Which feelings do you have right now? Check all that apply.", "feelings", "sting-before"),
            ]
        ],
    )


def test_an_unpinned_number_a_wrong_quote_a_number_before_any_link_and_a_stale_pin_are_each_found(tmp_path):
    guide = (
        "---\ntitle: A guide\ndescription: A guide.\n---\n\n"
        "Start with question 1.\n\n"
        f"Hand out {LINK}. Do questions 1 to 3.\n\n"
        'Then question 4: "Write for ten minutes."\n\n'
        'Then question 1: "Which job was it, and how"\n\n'
        'Ask question 2: "How do you feel?"\n'
    )
    pins = PINS + "  4: free-writing\n  9: kind-words\nnot-a-sheet:\n  1: x\nprocess-emotions-too: [1, 2]\n"
    pins = pins.replace("  4: free-writing\n", "")
    assert_problems(
        problems_of(project(tmp_path, guide, pins)),
        [
            (f"docs/{GUIDE}", 6, RULE, "'question 1' comes before any link to a worksheet; link the worksheet first"),
            (
                f"docs/{GUIDE}",
                10,
                RULE,
                f"this gives question 4 of {SHEET}, which data/workshop-questions.yml does not pin; add "
                "'4: free-writing' under 'process-emotions:' there",
            ),
            (
                f"docs/{GUIDE}",
                14,
                RULE,
                'this quotes question 2 as "How do you feel?"; the worksheet says "Which feelings do you have',
            ),
            ("data/workshop-questions.yml", 5, RULE, f"no page gives question 9 of {SHEET} any more; remove this line"),
            ("data/workshop-questions.yml", 7, RULE, "there is no worksheet strategies/not-a-sheet/worksheet.md"),
            ("data/workshop-questions.yml", 8, RULE, "under 'process-emotions-too:' write 'number: field-id' lines"),
        ],
    )


def test_without_the_data_file_the_first_number_is_found(tmp_path):
    assert_problems(
        problems_of(project(tmp_path, pins=None)),
        [(f"docs/{GUIDE}", 6, RULE, "this page gives worksheet questions by number, and data/workshop-questions.yml")],
    )


def test_a_data_file_that_is_not_yaml_is_found_at_its_line(tmp_path):
    assert_problems(
        problems_of(project(tmp_path, pins=PINS + "  4: [free-writing\n")),
        [("data/workshop-questions.yml", 5, RULE, "this file is not valid YAML")],
    )
