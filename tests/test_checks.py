"""The content check: the real docs pass; each broken page is reported at its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DOCS, ROOT

from turning_no.checks.content import check_docs

FIXTURES = Path(__file__).parent / "check_fixtures"
STRATEGY = "strategies/ask-for-feedback"


@pytest.fixture
def docs(tmp_path) -> Path:
    """A copy of the real docs/ to break one page at a time."""
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    return copy


def test_the_real_docs_have_no_problems():
    assert [str(problem) for problem in check_docs(DOCS, root=ROOT)] == []


def test_a_minimal_strategy_page_is_valid(docs):
    shutil.copy(FIXTURES / "strategy_valid.md", docs / STRATEGY / "index.md")
    assert check_docs(docs, root=docs.parent) == []


def case(fixture, placed_at, line, message, reported_in=None):
    """A broken fixture page, where it goes in docs/, and the problem expected (in `placed_at` by default)."""
    return pytest.param(fixture, placed_at, reported_in or placed_at, line, message, id=f"{fixture}:{line}")


BROKEN_PAGES = [
    case(
        "strategy_long_description.md",
        f"{STRATEGY}/index.md",
        3,
        "'description' is 200 characters long; shorten it to 160 or fewer",
    ),
    case(
        "strategy_missing_section.md",
        f"{STRATEGY}/index.md",
        20,
        "the section '## Common mistakes' is missing; add it before '## Your worksheet'",
    ),
    case(
        "strategy_sections_out_of_order.md",
        f"{STRATEGY}/index.md",
        20,
        "'## An example' comes after '## Common mistakes'; put the sections in this order",
    ),
    case("strategy_unknown_section.md", f"{STRATEGY}/index.md", 16, "'## A story' is not a section of a strategy page"),
    case(
        "strategy_number_out_of_range.md",
        f"{STRATEGY}/index.md",
        4,
        "'strategy' is 9; it must be the strategy's number, 1 to 8",
    ),
    case(
        "strategy_number_out_of_range.md",
        f"{STRATEGY}/index.md",
        1,
        "no strategy page has 'strategy: 2'",
    ),
    case("strategy_number_not_a_number.md", f"{STRATEGY}/index.md", 4, "'strategy' must be a whole number"),
    case(
        "worksheet_unknown_kind.md",
        f"{STRATEGY}/worksheet.md",
        3,
        "'kind: worksheets' is not a kind of page; use one of strategy, worksheet, email, index",
    ),
    case(
        "worksheet_unknown_kind.md",
        f"{STRATEGY}/worksheet.md",
        5,
        "this strategy has no worksheet page; add worksheet.md beside it with 'kind: worksheet'",
        f"{STRATEGY}/index.md",
    ),
    case(
        "worksheet_unknown_kind.md",
        f"{STRATEGY}/worksheet.md",
        1,
        "this page belongs to no strategy; give it 'kind: worksheet' or 'kind: email'",
    ),
    case(
        "strategy_no_numbered_steps.md",
        f"{STRATEGY}/index.md",
        12,
        "the section '## How to do it' needs numbered steps",
    ),
    case(
        "strategy_no_worksheet_link.md",
        f"{STRATEGY}/index.md",
        24,
        "the section '## Your worksheet' needs a link to worksheet.md",
    ),
    case("strategy_heading_one.md", f"{STRATEGY}/index.md", 8, "remove this '# ' heading"),
    case("strategy_misspelled_key.md", f"{STRATEGY}/index.md", 3, "'descripton' is not a key a strategy page takes"),
    case("strategy_misspelled_key.md", f"{STRATEGY}/index.md", 6, "the front matter has no 'description'"),
    case("strategy_bad_yaml.md", f"{STRATEGY}/index.md", 2, "the front matter is not valid YAML"),
    case("strategy_unclosed_front_matter.md", f"{STRATEGY}/index.md", 1, "never closed; add a line '---' after it"),
    case("page_without_front_matter.md", "understanding-rejection.md", 1, "this page has no front matter"),
    case(
        "page_description_with_quotes.md",
        "next-steps.md",
        3,
        "'description' contains \", which breaks the page's HTML head",
    ),
    case("page_empty_title.md", "next-steps.md", 2, "'title' is empty"),
    case("page_unknown_block.md", "emails.md", 6, "'/// page-lists' is not a block this site knows"),
    case("page_unknown_list.md", "emails.md", 8, "'/// page-list' needs one of these after '|'"),
    case("worksheet_minutes_not_a_number.md", f"{STRATEGY}/worksheet.md", 5, "'minutes' must be a whole number"),
    case("worksheet_without_minutes.md", f"{STRATEGY}/worksheet.md", 5, "the front matter has no 'minutes'"),
    case(
        "worksheet_field_unknown_option.md",
        f"{STRATEGY}/worksheet.md",
        13,
        "'hnt' is not an option of '/// field' (it would show the block as plain text)",
    ),
    case("worksheet_field_duplicate_id.md", f"{STRATEGY}/worksheet.md", 16, "the id 'who' is already used on line 11"),
    case("worksheet_field_unknown_kind.md", f"{STRATEGY}/worksheet.md", 12, "'essay' is not a kind of field"),
    case("worksheet_field_unclosed.md", f"{STRATEGY}/worksheet.md", 10, "'/// field' is never closed"),
    case("worksheet_field_bad_yaml.md", f"{STRATEGY}/worksheet.md", 13, "the block's options are not valid YAML"),
    case("email_without_back_link.md", f"{STRATEGY}/email.md", 5, "link back to its strategy page"),
    case("email_without_id.md", f"{STRATEGY}/email.md", 13, "this template has no id; write one after '|'"),
    case("email_without_subject.md", f"{STRATEGY}/email.md", 14, "a template starts with its subject line"),
    case("email_without_body.md", f"{STRATEGY}/email.md", 14, "this template has no body"),
    case("email_unclosed_placeholder.md", f"{STRATEGY}/email.md", 16, "the '[' of '[Hiring manager's name,' is never"),
    case("email_stray_bracket.md", f"{STRATEGY}/email.md", 20, "a ']' that closes nothing, after 'Best regards]'"),
    case("email_empty_placeholder.md", f"{STRATEGY}/email.md", 18, "'[]' is an empty placeholder"),
    case(
        "email_subject_placeholder_not_in_body.md",
        f"{STRATEGY}/email.md",
        14,
        "[Company name] is in the subject but not in the body",
    ),
    case("email_long_subject.md", f"{STRATEGY}/email.md", 14, "the subject is 78 characters long; keep it to 70"),
    case("email_long_body.md", f"{STRATEGY}/email.md", 16, "the body is 259 words long; keep it to 200 or fewer"),
    case(
        "email_duplicate_id.md",
        "strategies/build-your-skills/email.md",
        13,
        "the id 'ask-for-feedback-after-a-rejection-email' is already used in strategies/ask-for-feedback/email.md "
        "line 13; give each one its own id",
    ),
    case("email_unknown_option.md", f"{STRATEGY}/email.md", 14, "'tone' is not an option of '/// email'"),
    case(
        "email_without_when.md",
        f"{STRATEGY}/email.md",
        11,
        "add a line '**When to send it:** ...' between '## After a rejection email' (line 9) and this template",
    ),
    case("email_without_tips.md", f"{STRATEGY}/email.md", 22, "add '### Tips' after this template"),
    case("email_as_code_block.md", f"{STRATEGY}/email.md", 13, "this email is a code block; write it as '/// email"),
    case("stray_page.md", f"{STRATEGY}/notes.md", 1, "this page belongs to no strategy"),
    case("empty_file.md", "about/index.md", 1, "this page has no front matter"),
    case("not_utf8.md", "about/index.md", 2, "this file is not valid UTF-8 text; save it as UTF-8"),
    # Blocks: unclosed, misnested, stray, bad options, holding text.
    case("page_unclosed_block.md", "emails.md", 8, "'/// page-list' is never closed; add a line '///'"),
    case("page_misnested_blocks.md", "emails.md", 7, "is inside '/// page-list' (line 6), so it needs fewer slashes"),
    case("page_block_closes_nothing.md", "emails.md", 8, "this '///' closes no block"),
    case("page_block_not_a_block.md", "emails.md", 6, "this '///' closes no block"),
    case("page_block_unknown_option.md", "emails.md", 7, "'color' is not an option of '/// page-list'"),
    case("page_block_options_not_yaml.md", "emails.md", 7, "the block's options are not valid YAML"),
    case("page_block_with_content.md", "emails.md", 8, "'/// page-list' holds nothing"),
    # Front matter of the wrong shape or type.
    case("page_front_matter_a_list.md", "next-steps.md", 2, "the front matter must be a list of 'key: value' lines"),
    case("page_title_a_number.md", "next-steps.md", 2, "'title' must be text"),
    case("page_description_with_angle_brackets.md", "next-steps.md", 3, "'description' contains < and >"),
    case("strategy_number_a_boolean.md", f"{STRATEGY}/index.md", 4, "'strategy' must be a whole number"),
    # Thousands of nested brackets: PyYAML's recursion must not escape as a RecursionError.
    case("page_front_matter_too_deep.md", "next-steps.md", 2, "the front matter nests brackets too deep to read"),
    case("page_block_options_too_deep.md", "emails.md", 7, "the block's options nest brackets too deep to read"),
    # A strategy folder whose slug is not one of the eight.
    case(
        "strategy_unknown_slug.md", "strategies/get-hired/index.md", 4, "strategy 2 is also strategies/ask-for-feedback"
    ),
    case("strategy_unknown_slug.md", "strategies/get-hired/index.md", 5, "this strategy has no worksheet page"),
]


@pytest.mark.parametrize(("fixture", "placed_at", "target", "line", "message"), BROKEN_PAGES)
def test_a_broken_page_is_reported_at_its_file_and_line(docs, fixture, placed_at, target, line, message):
    (docs / placed_at).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / fixture, docs / placed_at)
    problems = check_docs(docs, root=docs.parent)
    reported = [str(problem) for problem in problems]
    assert any(
        problem.path == f"docs/{target}" and problem.line == line and message in problem.message for problem in problems
    ), f"expected docs/{target}:{line}: ...{message}...\ngot:\n" + "\n".join(reported)


def test_every_fixture_is_used():
    used = {case.values[0] for case in BROKEN_PAGES} | {"strategy_valid.md"}
    assert used == {path.name for path in FIXTURES.iterdir()}
