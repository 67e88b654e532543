"""The gates of `make check`, in process: the real pages pass; each broken page gives exactly its
problems, each at its rule, file and line. (The command line itself: tests/test_check_script.py.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, assert_problems

from turning_no.checks.reading_level import MAX_GRADE, page_grade, prose_of_markdown
from turning_no.checks.runner import GATES, MAX_PAGE_BYTES, run_gates
from turning_no.checks.structure import check_structure

FIXTURES = Path(__file__).parent / "gate_fixtures"

pytestmark = pytest.mark.unit


def test_the_real_pages_pass_every_gate():
    run = run_gates(DOCS, root=ROOT)
    assert [str(problem) for problem in run.problems] == []
    assert len(run.grades) == len(list(DOCS.rglob("*.md")))
    assert all(measured.grade <= MAX_GRADE for _, measured in run.grades)


def gate_case(fixture, *expected):
    """A broken page, put in place of next-steps.md, and every problem expected: (line, rule, part of
    the message[, the file, when it is not next-steps.md])."""
    return pytest.param(fixture, expected, id=fixture)


BROKEN_PAGES = [
    gate_case("heading_skips_level.md", (8, "heading-order", "'### A part without a section' skips a level")),
    gate_case("heading_skips_inside.md", (10, "heading-order", "make it '### Too deep'")),
    gate_case("image_without_alt.md", (8, "image-alt", "this image has no alt text")),
    gate_case(
        "html_image_without_alt.md",
        (8, "image-alt", "this <img> has no alt text"),
        (8, "markdown-style", "MD033 no-inline-html: Inline HTML [ [Element: img]]"),
    ),
    gate_case("link_text_click_here.md", (6, "link-text", "the link text 'click here' does not say where")),
    gate_case("link_text_read_more.md", (6, "link-text", "the link text 'Read more…' does not say where")),
    gate_case("bare_url.md", (8, "bare-url", "the address https://988lifeline.org/ stands in the text")),
    gate_case(
        "url_as_link_text.md",
        (8, "bare-url", "[Read it on 988lifeline.org](https://988lifeline.org/)"),
        # The page's only prose is the address, which reads as one very long word.
        (1, "reading-level", "the page's prose reads at grade 20.6"),
    ),
    gate_case("autolink.md", (6, "bare-url", "the address https://988lifeline.org/ stands in the text")),
    gate_case("misspelling.md", (6, "spelling", "'recieve' may be a misspelling of 'receive'")),
    gate_case("british_spelling.md", (6, "spelling", "'colour' may be a misspelling of 'color'")),
    gate_case("hard_to_read.md", (8, "reading-level", "Hardest first: line 8 (grade")),
    gate_case("no_blank_line_before_heading.md", (7, "markdown-style", "MD022 blanks-around-headings")),
    gate_case(
        "duplicate_title.md",
        (
            2,
            "page-title",
            "the title 'Understanding rejection' is also the title of docs/next-steps.md",
            "understanding-rejection.md",
        ),
    ),
]


@pytest.fixture
def small_docs(tmp_path) -> Path:
    """A docs/ of two real plain pages: the gates run in a second instead of over the whole site."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("next-steps.md", "understanding-rejection.md"):
        shutil.copy(DOCS / name, docs / name)
    return docs


#: The two pages link the rest of the site, which the small docs/ leaves out: the links
#: gate (tests/test_links_gate.py) would report each of those links.
WITHOUT_LINKS = tuple(gate for gate in GATES if gate[0] != "links")


def test_the_small_docs_pass(small_docs):
    assert [str(problem) for problem in run_gates(small_docs, gates=WITHOUT_LINKS).problems] == []


@pytest.mark.parametrize(("fixture", "expected"), BROKEN_PAGES)
def test_a_broken_page_gives_exactly_its_problems_each_from_its_gate(small_docs, fixture, expected):
    shutil.copy(FIXTURES / fixture, small_docs / "next-steps.md")
    expected = [
        (f"docs/{where[0] if where else 'next-steps.md'}", line, rule, part) for line, rule, part, *where in expected
    ]
    assert_problems(run_gates(small_docs, gates=WITHOUT_LINKS).problems, expected)


def test_every_gate_fixture_is_used():
    assert {case.values[0] for case in BROKEN_PAGES} == {path.name for path in FIXTURES.iterdir()}


def test_a_5_mb_page_is_reported_once_and_left_out_of_the_slow_gates(small_docs):
    paragraph = "You can do this. Write one short note today and send it tomorrow.\n\n"
    text = "---\ntitle: A long page\ndescription: Far too long.\n---\n\n" + paragraph * (5_000_000 // len(paragraph))
    (small_docs / "long.md").write_text(text, encoding="utf-8")
    assert (small_docs / "long.md").stat().st_size > MAX_PAGE_BYTES
    problems = run_gates(small_docs, gates=WITHOUT_LINKS).problems
    assert [str(problem) for problem in problems] == [
        "docs/long.md:1: page-size: this page is 5.0 MB; a page over 200 KB is too long to read on a phone. "
        "Split it into pages of a few screens each"
    ]


def test_a_gate_that_breaks_is_reported_and_the_others_still_run(small_docs):
    def broken(run):
        raise RuntimeError("no tool")

    shutil.copy(FIXTURES / "misspelling.md", small_docs / "next-steps.md")
    problems = run_gates(small_docs, gates=(("broken", broken), *WITHOUT_LINKS)).problems
    assert [problem.rule for problem in problems] == ["gate-error", "spelling"]
    assert "the broken gate stopped with RuntimeError: no tool" in problems[0].message


# --- Reading level: which text counts, and the figure itself ------------------------------------


def test_the_prose_leaves_out_block_bodies_but_keeps_the_words_around_them():
    page = (
        "---\ntitle: T\ndescription: D\n---\n\n"
        "Words before the list.\n\n"
        "/// page-list | worksheets\n///\n\n"
        "/// no-such-block\n    option: 1\n\nWords inside an unknown block.\n///\n\n"
        '<div class="start-here" markdown>\n\nWords in a box.\n\n</div>\n'
    )
    assert prose_of_markdown(page).splitlines() == [
        "Words before the list.",
        "Words inside an unknown block.",
        "Words in a box.",
    ]


def test_a_block_class_with_prose_in_it_is_counted(monkeypatch):
    from turning_no.checks import content as checks
    from turning_no.markdown.page_list import PageList

    class Note(PageList):
        NAME = "note"
        PROSE = True

    class Field(PageList):
        NAME = "field"

    monkeypatch.setitem(checks.BLOCKS, "note", Note)
    monkeypatch.setitem(checks.BLOCKS, "field", Field)
    page = "/// note\nA note to read.\n///\n\n/// field\n    id: name\nYour name\n///\n"
    assert prose_of_markdown(page).splitlines() == ["A note to read."]


def test_the_grade_of_a_hard_passage_is_over_the_limit():
    # One sentence of ten words, most of them five syllables or more: far over grade 8 by any count.
    text = (
        "Unemployment compensation documentation necessitates administrative verification, "
        "particularly regarding eligibility determination procedures."
    )
    from turning_no.checks.reading_level import grade

    assert grade(text) > MAX_GRADE
    assert grade("You can do this. Send one short note today.") < MAX_GRADE


def test_a_page_grade_names_its_hardest_paragraph_with_its_line():
    page = (FIXTURES / "hard_to_read.md").read_text(encoding="utf-8")
    from turning_no.model.pages import page_of_text

    measured = page_grade(page_of_text(page))
    assert measured.grade > MAX_GRADE
    block, value = measured.hardest[0]
    assert block.line == 8 and block.text.startswith("Notwithstanding") and value > measured.grade


# --- Structure: the rules on their own --------------------------------------------------------


def structure_of(text: str) -> list[str]:
    from turning_no.model.pages import page_of_text

    return [f"{problem.line}: {problem.rule}" for problem in check_structure([page_of_text(text)], Path("."))]


@pytest.mark.parametrize(
    "text",
    [
        "See [Ask for feedback](strategies/ask-for-feedback/index.md).",
        "![A door, open](door.svg)",
        '<img src="door.svg" alt="A door">',
        "Links in code are fine: `https://example.org/`.",
        "```text\nhttps://example.org/ in an email template\n```",
        "[sources]: https://example.org/",
        "Here is [a list of worksheets](worksheets.md).",
    ],
)
def test_structure_accepts_good_markdown(text):
    assert structure_of(text) == []
