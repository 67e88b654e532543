"""The content check: each broken page gives exactly its problems, each at its file and line.

(The real docs pass every gate: tests/test_gates.py.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DOCS, assert_problems

from turning_no.checks.content import check_docs

FIXTURES = Path(__file__).parent / "check_fixtures"
STRATEGY = "strategies/ask-for-feedback"

pytestmark = pytest.mark.unit


@pytest.fixture
def docs(tmp_path) -> Path:
    """A copy of the real docs/ to break one page at a time."""
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    return copy


def test_a_minimal_strategy_page_is_valid(docs):
    shutil.copy(FIXTURES / "strategy_valid.md", docs / STRATEGY / "index.md")
    assert check_docs(docs, root=docs.parent) == []


def case(fixture, placed_at, *expected):
    """A broken fixture page, where it goes in docs/, and every problem expected:
    (line, rule, part of the message[, the file, when it is not `placed_at`])."""
    return pytest.param(fixture, placed_at, expected, id=f"{fixture}")


BROKEN_PAGES = [
    case(
        "strategy_long_description.md",
        f"{STRATEGY}/index.md",
        (3, "front-matter", "'description' is 200 characters long; shorten it to 160 or fewer"),
    ),
    case(
        "strategy_missing_section.md",
        f"{STRATEGY}/index.md",
        (20, "strategy-page", "the section '## Common mistakes' is missing; add it before '## Your worksheet'"),
    ),
    case(
        "strategy_sections_out_of_order.md",
        f"{STRATEGY}/index.md",
        (20, "strategy-page", "'## An example' comes after '## Common mistakes'; put the sections in this order"),
    ),
    case(
        "strategy_unknown_section.md",
        f"{STRATEGY}/index.md",
        (16, "strategy-page", "'## A story' is not a section of a strategy page"),
        (20, "strategy-page", "the section '## An example' is missing; add it before '##"),
    ),
    case(
        "strategy_number_out_of_range.md",
        f"{STRATEGY}/index.md",
        (1, "strategy-set", "no strategy page has 'strategy: 2'"),
        (4, "front-matter", "'strategy' is 9; it must be the strategy's number, 1 to 8"),
    ),
    case(
        "strategy_number_not_a_number.md",
        f"{STRATEGY}/index.md",
        (3, "strategy-set", "this email templates page belongs to no strategy; a", f"{STRATEGY}/email.md"),
        (1, "strategy-set", "no strategy page has 'strategy: 2'; the site has 8"),
        (4, "front-matter", "'strategy' must be a whole number"),
        (3, "strategy-set", "this worksheet page belongs to no strategy; a strategy's", f"{STRATEGY}/worksheet.md"),
    ),
    case(
        "worksheet_unknown_kind.md",
        f"{STRATEGY}/worksheet.md",
        (
            5,
            "strategy-set",
            "this strategy has no worksheet page; add worksheet.md beside it with 'kind: worksheet'",
            f"{STRATEGY}/index.md",
        ),
        (1, "strategy-set", "this page belongs to no strategy; give it 'kind: worksheet' or 'kind: email'"),
        (3, "front-matter", "'kind: worksheets' is not a kind of page; use one of strategy, worksheet, email, index"),
        (5, "front-matter", "'minutes' is not a key a page takes; use only description,"),
    ),
    case(
        "strategy_no_numbered_steps.md",
        f"{STRATEGY}/index.md",
        (12, "strategy-page", "the section '## How to do it' needs numbered steps"),
    ),
    case(
        "strategy_no_worksheet_link.md",
        f"{STRATEGY}/index.md",
        (24, "strategy-page", "the section '## Your worksheet' needs a link to worksheet.md"),
    ),
    case("strategy_heading_one.md", f"{STRATEGY}/index.md", (8, "heading", "remove this '# ' heading")),
    case(
        "strategy_misspelled_key.md",
        f"{STRATEGY}/index.md",
        (3, "front-matter", "'descripton' is not a key a strategy page takes"),
        (6, "front-matter", "the front matter has no 'description'"),
    ),
    case(
        "strategy_bad_yaml.md",
        f"{STRATEGY}/index.md",
        (3, "strategy-set", "this email templates page belongs to no strategy; a", f"{STRATEGY}/email.md"),
        (1, "strategy-set", "the index.md of a strategy's folder is its strategy page;"),
        (2, "front-matter", "the front matter is not valid YAML"),
        (3, "strategy-set", "this worksheet page belongs to no strategy; a strategy's", f"{STRATEGY}/worksheet.md"),
        (
            1,
            "strategy-set",
            "no strategy page has 'strategy: 2'; the site has 8",
            "strategies/build-your-skills/index.md",
        ),
    ),
    case(
        "strategy_unclosed_front_matter.md",
        f"{STRATEGY}/index.md",
        (3, "strategy-set", "this email templates page belongs to no strategy; a", f"{STRATEGY}/email.md"),
        (1, "front-matter", "never closed; add a line '---' after it"),
        (1, "strategy-set", "the index.md of a strategy's folder is its strategy page;"),
        (3, "strategy-set", "this worksheet page belongs to no strategy; a strategy's", f"{STRATEGY}/worksheet.md"),
        (
            1,
            "strategy-set",
            "no strategy page has 'strategy: 2'; the site has 8",
            "strategies/build-your-skills/index.md",
        ),
    ),
    case(
        "page_without_front_matter.md",
        "understanding-rejection.md",
        (1, "front-matter", "this page has no front matter"),
    ),
    case(
        "page_description_with_quotes.md",
        "next-steps.md",
        (3, "front-matter", "'description' contains \", which breaks the page's HTML head"),
    ),
    case("page_empty_title.md", "next-steps.md", (2, "front-matter", "'title' is empty")),
    case("page_unknown_block.md", "emails.md", (6, "block", "'/// page-lists' is not a block this site knows")),
    case("page_unknown_list.md", "emails.md", (8, "block", "'/// page-list' needs one of these after '|'")),
    case(
        "worksheet_minutes_not_a_number.md",
        f"{STRATEGY}/worksheet.md",
        (5, "front-matter", "'minutes' must be a whole number"),
    ),
    case(
        "worksheet_without_minutes.md",
        f"{STRATEGY}/worksheet.md",
        (5, "front-matter", "the front matter has no 'minutes'"),
    ),
    case(
        "worksheet_field_unknown_option.md",
        f"{STRATEGY}/worksheet.md",
        (13, "block", "'hnt' is not an option of '/// field' (it would show the block as plain text)"),
    ),
    case(
        "worksheet_field_duplicate_id.md",
        f"{STRATEGY}/worksheet.md",
        (16, "worksheet-field", "the id 'who' is already used on line 11"),
    ),
    case(
        "worksheet_field_unknown_kind.md",
        f"{STRATEGY}/worksheet.md",
        (12, "worksheet-field", "'essay' is not a kind of field"),
    ),
    case("worksheet_field_unclosed.md", f"{STRATEGY}/worksheet.md", (10, "block", "'/// field' is never closed")),
    case(
        "worksheet_field_bad_yaml.md",
        f"{STRATEGY}/worksheet.md",
        (13, "block", "the block's options are not valid YAML"),
    ),
    case(
        "email_without_back_link.md",
        f"{STRATEGY}/email.md",
        (5, "strategy-set", "link back to its strategy page"),
        (5, "email-template", "this email page has no template; add one under a '## '"),
    ),
    case(
        "email_without_id.md",
        f"{STRATEGY}/email.md",
        (13, "email-template", "this template has no id; write one after '|'"),
    ),
    case(
        "email_without_subject.md",
        f"{STRATEGY}/email.md",
        (14, "email-template", "a template starts with its subject line"),
    ),
    case("email_without_body.md", f"{STRATEGY}/email.md", (14, "email-template", "this template has no body")),
    case(
        "email_unclosed_placeholder.md",
        f"{STRATEGY}/email.md",
        (16, "email-template", "the '[' of '[Hiring manager's name,' is never"),
    ),
    case(
        "email_stray_bracket.md",
        f"{STRATEGY}/email.md",
        (20, "email-template", "a ']' that closes nothing, after 'Best regards]'"),
    ),
    case("email_empty_placeholder.md", f"{STRATEGY}/email.md", (18, "email-template", "'[]' is an empty placeholder")),
    case(
        "email_subject_placeholder_not_in_body.md",
        f"{STRATEGY}/email.md",
        (14, "email-template", "[Company name] is in the subject but not in the body"),
    ),
    case(
        "email_long_subject.md",
        f"{STRATEGY}/email.md",
        (14, "email-template", "the subject is 78 characters long; keep it to 70"),
    ),
    case(
        "email_long_body.md",
        f"{STRATEGY}/email.md",
        (16, "email-template", "the body is 259 words long; keep it to 200 or fewer"),
    ),
    case(
        "email_duplicate_id.md",
        "strategies/build-your-skills/email.md",
        (
            13,
            "email-template",
            "the id 'ask-for-feedback-after-a-rejection-email' is already used in "
            "strategies/ask-for-feedback/email.md line 13; give each one its own id",
        ),
    ),
    case("email_unknown_option.md", f"{STRATEGY}/email.md", (14, "block", "'tone' is not an option of '/// email'")),
    case(
        "email_without_when.md",
        f"{STRATEGY}/email.md",
        (
            11,
            "email-template",
            "add a line '**When to send it:** ...' between '## After a rejection email' (line 9) and this template",
        ),
    ),
    case("email_without_tips.md", f"{STRATEGY}/email.md", (22, "email-template", "add '### Tips' after this template")),
    case(
        "email_as_code_block.md",
        f"{STRATEGY}/email.md",
        (5, "email-template", "this email page has no template; add one under a '## '"),
        (13, "email-template", "this email is a code block; write it as '/// email"),
    ),
    case("stray_page.md", f"{STRATEGY}/notes.md", (1, "strategy-set", "this page belongs to no strategy")),
    case("empty_file.md", "about/index.md", (1, "front-matter", "this page has no front matter")),
    case("not_utf8.md", "about/index.md", (2, "encoding", "this file is not valid UTF-8 text; save it as UTF-8")),
    case(
        "page_unclosed_block.md",
        "emails.md",
        (8, "block", "'/// page-list' is never closed; add a line '///'"),
        (10, "block", "'/// page-list' holds nothing; put text before or after the"),
    ),
    case(
        "page_misnested_blocks.md",
        "emails.md",
        (7, "block", "'/// page-list' holds nothing; put text before or after the"),
        (7, "block", "is inside '/// page-list' (line 6), so it needs fewer slashes"),
    ),
    case("page_block_closes_nothing.md", "emails.md", (8, "block", "this '///' closes no block")),
    case("page_block_not_a_block.md", "emails.md", (6, "block", "this '///' closes no block")),
    case("page_block_unknown_option.md", "emails.md", (7, "block", "'color' is not an option of '/// page-list'")),
    case("page_block_options_not_yaml.md", "emails.md", (7, "block", "the block's options are not valid YAML")),
    case("page_block_with_content.md", "emails.md", (8, "block", "'/// page-list' holds nothing")),
    case(
        "page_front_matter_a_list.md",
        "next-steps.md",
        (2, "front-matter", "the front matter must be a list of 'key: value' lines"),
    ),
    case("page_title_a_number.md", "next-steps.md", (2, "front-matter", "'title' must be text")),
    case(
        "page_description_with_angle_brackets.md",
        "next-steps.md",
        (3, "front-matter", "'description' contains < and >"),
    ),
    case(
        "strategy_number_a_boolean.md",
        f"{STRATEGY}/index.md",
        (3, "strategy-set", "this email templates page belongs to no strategy; a", f"{STRATEGY}/email.md"),
        (1, "strategy-set", "no strategy page has 'strategy: 2'; the site has 8"),
        (4, "front-matter", "'strategy' must be a whole number"),
        (3, "strategy-set", "this worksheet page belongs to no strategy; a strategy's", f"{STRATEGY}/worksheet.md"),
    ),
    case(
        "page_front_matter_too_deep.md",
        "next-steps.md",
        (2, "front-matter", "the front matter nests brackets too deep to read"),
    ),
    case(
        "page_block_options_too_deep.md",
        "emails.md",
        (7, "block", "the block's options nest brackets too deep to read"),
    ),
    case(
        "strategy_unknown_slug.md",
        "strategies/get-hired/index.md",
        (4, "strategy-set", "strategy 2 is also strategies/ask-for-feedback"),
        (5, "strategy-set", "this strategy has no email templates page; add email.md"),
        (5, "strategy-set", "this strategy has no worksheet page"),
    ),
]


@pytest.mark.parametrize(("fixture", "placed_at", "expected"), BROKEN_PAGES)
def test_a_broken_page_gives_exactly_its_problems_at_their_file_and_line(docs, fixture, placed_at, expected):
    (docs / placed_at).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / fixture, docs / placed_at)
    expected = [(f"docs/{where[0] if where else placed_at}", line, rule, part) for line, rule, part, *where in expected]
    assert_problems(check_docs(docs, root=docs.parent), expected)


def test_every_fixture_is_used():
    used = {case.values[0] for case in BROKEN_PAGES} | {"strategy_valid.md"}
    assert used == {path.name for path in FIXTURES.iterdir()}
