"""The page-list block: Markdown in, HTML out, against a small docs folder of two strategies."""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
from conftest import assert_same_html

from turning_no.page_list import PageListExtension

DOCS = Path(__file__).parent / "page_list_docs"


def render(source: str) -> str:
    return markdown.markdown(source, extensions=[PageListExtension(docs_dir=str(DOCS))])


def assert_html(source: str, expected: str) -> None:
    """The source, rendered, is the expected HTML (a diff if not)."""
    assert_same_html(render(source), expected)


def test_strategies_in_order_with_descriptions():
    assert_html(
        "/// page-list | strategies\n///\n",
        '<div class="page-list-block">\n'
        '<ol class="page-list page-list--strategies">\n'
        '<li><a href="/strategies/first-steps/index.md">First steps</a>'
        '<span class="page-list__detail">Start here.</span></li>\n'
        '<li><a href="/strategies/second-steps/index.md">Second steps</a>'
        '<span class="page-list__detail">Then this.</span></li>\n'
        "</ol>\n</div>",
    )


def test_worksheets_with_strategy_and_minutes():
    assert_html(
        "/// page-list | worksheets\n///\n",
        '<div class="page-list-block">\n'
        '<ul class="page-list page-list--worksheets">\n'
        '<li><a href="/strategies/first-steps/worksheet.md">Worksheet: Begin</a>'
        '<span class="page-list__detail">Strategy 1: First steps · about 10 minutes</span></li>\n'
        '<li><a href="/strategies/second-steps/worksheet.md">Worksheet: Go on</a>'
        '<span class="page-list__detail">Strategy 2: Second steps · about 15 minutes</span></li>\n'
        "</ul>\n</div>",
    )


def test_every_email_template_with_its_strategy_when_to_send_it_and_a_link_to_its_heading():
    assert_html(
        "/// page-list | emails\n///\n",
        '<div class="page-list-block">\n'
        '<ul class="page-list page-list--emails">\n'
        '<li><a href="/strategies/first-steps/email.md#saying-hello">Saying hello</a>'
        '<span class="page-list__detail">Strategy 1: First steps</span>'
        '<span class="page-list__when"><strong>When to send it:</strong> On a <em>quiet</em> day. '
        "See the strategy.</span></li>\n"
        '<li><a href="/strategies/second-steps/email.md#follow-up-anchor">Following up</a>'
        '<span class="page-list__detail">Strategy 2: Second steps</span>'
        '<span class="page-list__when"><strong>When to send it:</strong> After a week.</span></li>\n'
        '<li><a href="/strategies/second-steps/email.md#saying-thanks">Saying thanks</a>'
        '<span class="page-list__detail">Strategy 2: Second steps</span>'
        '<span class="page-list__when"><strong>When to send it:</strong> The same day.</span></li>\n'
        "</ul>\n</div>",
    )


def test_an_unknown_list_is_a_warning_and_a_visible_marker(caplog):
    with caplog.at_level(logging.WARNING):
        html = render("/// page-list | templates\n///\n")
    assert "page-list: unknown list 'templates'" in caplog.text
    assert html == "<div class=\"page-list-block\">[page-list: unknown list 'templates']</div>"


def test_text_around_the_block_is_kept():
    html = render("Before.\n\n/// page-list | emails\n///\n\nAfter.\n")
    assert html.startswith("<p>Before.</p>\n<div")
    assert html.endswith("</div>\n<p>After.</p>")
