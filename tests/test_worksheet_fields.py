"""Worksheet fields: Markdown in, HTML out, for every kind; and every kind of bad input.

In the style of pymdown-extensions' own tests: the source, the HTML expected,
and a diff when they differ.
"""

from __future__ import annotations

import textwrap

import markdown
import pytest
from conftest import assert_found, assert_same_html

from turning_no.checks.content import BLOCKS
from turning_no.model.problems import ContentError
from turning_no.model.source_blocks import check_block, scan

pytestmark = pytest.mark.unit


EXTENSION = "turning_no.markdown.worksheet_fields"
#: The extension's words, as mkdocs.yml gives them (extra.text.worksheet_fields).
WORDS = {EXTENSION: {"cell_label": "{column}, row {row}"}}


def render(source: str) -> str:
    return markdown.markdown(textwrap.dedent(source), extensions=[EXTENSION, "attr_list"], extension_configs=WORDS)


def assert_html(source: str, expected: str) -> None:
    """The source, rendered, is the expected HTML (a diff if not)."""
    expected = textwrap.dedent(expected).strip()
    assert_same_html(render(source), expected)


def test_short_answer_with_a_hint():
    assert_html(
        """
        /// field | Who will you write to?
            id: recipient
            kind: short

        Pick the person you *met*.
        ///
        """,
        """
        <div class="ws-field ws-field--short" data-field="recipient" data-kind="short"><label class="ws-label" for="ws-recipient"><span class="ws-number">1.</span> Who will you write to?</label><div class="ws-hint" id="ws-recipient-hint">
        <p>Pick the person you <em>met</em>.</p>
        </div>
        <input aria-describedby="ws-recipient-hint" autocomplete="off" id="ws-recipient" name="recipient" type="text" /><div aria-hidden="true" class="ws-print-value"></div>
        <div aria-hidden="true" class="ws-lines"><span class="ws-line"></span></div>
        </div>
        """,  # noqa: E501 (HTML as rendered)
    )


def test_long_answer_gets_its_ruled_lines_for_paper():
    assert_html(
        """
        /// field | What went well?
            id: went-well
            kind: long
            lines: 2
        ///
        """,
        """
        <div class="ws-field ws-field--long" data-field="went-well" data-kind="long"><label class="ws-label" for="ws-went-well"><span class="ws-number">1.</span> What went well?</label><textarea id="ws-went-well" name="went-well" rows="2"></textarea>
        <div aria-hidden="true" class="ws-print-value"></div>
        <div aria-hidden="true" class="ws-lines"><span class="ws-line"></span><span class="ws-line"></span></div>
        </div>
        """,  # noqa: E501
    )


def test_long_answer_without_lines_gets_four():
    html = render("/// field | Notes\n    id: notes\n    kind: long\n///\n")
    assert 'rows="4"' in html
    assert html.count('<span class="ws-line">') == 4


def test_date():
    assert_html(
        """
        /// field | By what date?
            id: by-when
            kind: date
        ///
        """,
        """
        <div class="ws-field ws-field--date" data-field="by-when" data-kind="date"><label class="ws-label" for="ws-by-when"><span class="ws-number">1.</span> By what date?</label><input id="ws-by-when" name="by-when" type="date" /><div aria-hidden="true" class="ws-print-value"></div>
        <div aria-hidden="true" class="ws-lines ws-lines--short"><span class="ws-line"></span></div>
        </div>
        """,  # noqa: E501
    )


def test_checklist_is_a_fieldset_of_real_checkboxes():
    assert_html(
        """
        /// field | Which sources?
            id: sources
            kind: checklist

        Check all that apply.

        - A mock interview
        - A *career* counselor
        ///
        """,
        """
        <fieldset aria-describedby="ws-sources-hint" class="ws-field ws-field--checklist" data-field="sources" data-kind="checklist">
        <legend class="ws-label"><span class="ws-number">1.</span> Which sources?</legend>
        <div class="ws-hint" id="ws-sources-hint">
        <p>Check all that apply.</p>
        </div>
        <ul class="ws-options">
        <li><input data-item="a-mock-interview" id="ws-sources-1" name="sources" type="checkbox" value="1" /><label for="ws-sources-1">A mock interview</label></li>
        <li><input data-item="a-career-counselor" id="ws-sources-2" name="sources" type="checkbox" value="2" /><label for="ws-sources-2">A <em>career</em> counselor</label></li>
        </ul>
        </fieldset>
        """,  # noqa: E501
    )


def test_a_checklist_item_keeps_the_id_written_after_it_and_loses_the_braces():
    # A reworded item, or a page in another language, keeps the English id (and the ticks).
    html = render(
        "/// field | Which?\n    id: which\n    kind: checklist\n\n"
        "- He llegado a la *ronda final* {#i-reached-the-final-round}\n"
        "- Don't [know](x.md), 3 times & more\n///\n"
    )
    assert (
        '<input data-item="i-reached-the-final-round" id="ws-which-1" name="which" type="checkbox" value="1" />'
        '<label for="ws-which-1">He llegado a la <em>ronda final</em></label>'
    ) in html
    assert 'data-item="don-t-know-3-times-more"' in html  # the words, not the link's address
    assert "{#" not in html


def test_the_table_cells_are_named_in_the_configs_words():
    html = markdown.markdown(
        "/// field | Registro\n    id: log\n    kind: table\n    columns: [Puesto]\n    rows: 1\n///\n",
        extensions=[EXTENSION],
        extension_configs={EXTENSION: {"cell_label": "Fila {row}: {column}"}},
    )
    assert ">Fila 1: Puesto</span>" in html
    assert ">Fila {row}: Puesto</span>" in html  # in the template of an added row
    with pytest.raises(ContentError) as error:
        markdown.markdown(
            "/// field | Log\n    id: log\n    kind: table\n    columns: [A]\n///\n", extensions=[EXTENSION]
        )  # noqa: E501
    assert "needs 'cell_label' in mkdocs.yml" in error.value.message


def test_checklist_items_of_a_loose_list_lose_their_paragraphs():
    html = render("/// field | Which?\n    id: which\n    kind: checklist\n\n- One\n\n- Two\n///\n")
    assert '<label for="ws-which-1">One</label>' in html
    assert '<label for="ws-which-2">Two</label>' in html


def test_scale_is_a_fieldset_of_five_radios_with_named_ends():
    assert_html(
        """
        /// field | How ready are you?
            id: ready
            kind: scale
            low: Not yet
            high: Fully
        ///
        """,
        """
        <fieldset class="ws-field ws-field--scale" data-field="ready" data-kind="scale">
        <legend class="ws-label"><span class="ws-number">1.</span> How ready are you?</legend>
        <div class="ws-scale">
        <div class="ws-scale__choice"><input id="ws-ready-1" name="ready" type="radio" value="1" /><label for="ws-ready-1"><span class="ws-scale__number">1</span><span class="ws-scale__end">Not yet</span></label></div>
        <div class="ws-scale__choice"><input id="ws-ready-2" name="ready" type="radio" value="2" /><label for="ws-ready-2"><span class="ws-scale__number">2</span></label></div>
        <div class="ws-scale__choice"><input id="ws-ready-3" name="ready" type="radio" value="3" /><label for="ws-ready-3"><span class="ws-scale__number">3</span></label></div>
        <div class="ws-scale__choice"><input id="ws-ready-4" name="ready" type="radio" value="4" /><label for="ws-ready-4"><span class="ws-scale__number">4</span></label></div>
        <div class="ws-scale__choice"><input id="ws-ready-5" name="ready" type="radio" value="5" /><label for="ws-ready-5"><span class="ws-scale__number">5</span><span class="ws-scale__end">Fully</span></label></div>
        </div>
        </fieldset>
        """,  # noqa: E501
    )


def test_table_has_a_labelled_input_in_every_cell():
    assert_html(
        """
        /// field | Log
            id: log
            kind: table
            columns: [Role, Date]
            rows: 1
        ///
        """,
        """
        <div class="ws-field ws-field--table" data-columns="2" data-field="log" data-kind="table">
        <p class="ws-label" id="ws-log-label"><span class="ws-number">1.</span> Log</p>
        <div class="ws-table-scroll">
        <table aria-labelledby="ws-log-label" class="ws-table">
        <thead>
        <tr>
        <th scope="col">Role</th>
        <th scope="col">Date</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td><span aria-hidden="true" class="ws-cell-label" id="ws-log-r1-c1-label">Role, row 1</span><input aria-labelledby="ws-log-r1-c1-label" id="ws-log-r1-c1" name="log-r1-c1" type="text" /><span aria-hidden="true" class="ws-print-value"></span></td>
        <td><span aria-hidden="true" class="ws-cell-label" id="ws-log-r1-c2-label">Date, row 1</span><input aria-labelledby="ws-log-r1-c2-label" id="ws-log-r1-c2" name="log-r1-c2" type="text" /><span aria-hidden="true" class="ws-print-value"></span></td>
        </tr>
        </tbody>
        </table>
        </div>
        <template class="ws-row-template"><tr><td><span aria-hidden="true" class="ws-cell-label" id="ws-log-r{row}-c1-label">Role, row {row}</span><input aria-labelledby="ws-log-r{row}-c1-label" id="ws-log-r{row}-c1" name="log-r{row}-c1" type="text" /><span aria-hidden="true" class="ws-print-value"></span></td><td><span aria-hidden="true" class="ws-cell-label" id="ws-log-r{row}-c2-label">Date, row {row}</span><input aria-labelledby="ws-log-r{row}-c2-label" id="ws-log-r{row}-c2" name="log-r{row}-c2" type="text" /><span aria-hidden="true" class="ws-print-value"></span></td></tr></template></div>
        """,  # noqa: E501
    )


def test_fields_in_a_fieldset_share_its_legend():
    assert_html(
        """
        //// fieldset | Before you ask
        /// field | Name?
            id: name
            kind: short
        ///
        ////
        """,
        """
        <fieldset class="ws-group">
        <legend class="ws-group__legend">Before you ask</legend>
        <div class="ws-field ws-field--short" data-field="name" data-kind="short"><label class="ws-label" for="ws-name"><span class="ws-number">1.</span> Name?</label><input autocomplete="off" id="ws-name" name="name" type="text" /><div aria-hidden="true" class="ws-print-value"></div>
        <div aria-hidden="true" class="ws-lines"><span class="ws-line"></span></div>
        </div>
        </fieldset>
        """,  # noqa: E501
    )


def test_a_label_takes_inline_markdown_like_any_line_of_text():
    html = render("/// field | What did you *not* say?\n    id: unsaid\n    kind: short\n///\n")
    assert (
        '<label class="ws-label" for="ws-unsaid">'
        '<span class="ws-number">1.</span> What did you <em>not</em> say?</label>'
    ) in html


def test_questions_are_numbered_in_their_text_from_one_on_each_page():
    source = "".join(
        f"/// field | Question {letter}?\n    id: q-{letter}\n    kind: short\n///\n\n" for letter in "abc"
    )
    grouped = f"//// fieldset | Group\n{source}////\n"
    # One Markdown instance for two pages, as an engine may keep it: each page starts at 1.
    md = markdown.Markdown(extensions=[EXTENSION], extension_configs=WORDS)
    for page in (source, grouped, source):
        html = md.convert(textwrap.dedent(page))
        numbered = [
            f'<span class="ws-number">{number}.</span> Question {letter}?' for number, letter in enumerate("abc", 1)
        ]
        assert [text in html for text in numbered] == [True, True, True], html
        assert html.count('class="ws-number"') == 3  # the group's heading is not a question


# Each bad field: its source, the line of the problem, what the message says, and who
# stops it in a build. A bad option value is TYPED: the option's type in Field.OPTIONS
# refuses it, so pymdownx.blocks leaves the block as '///' text (the content check runs the
# same types first, and the content-check hook fails a build on '///' text). Any other rule
# is RAISED: the extension raises ContentError. The content check reports each at its line.
TYPED, RAISED = "typed", "raised"
BAD_FIELDS = [
    ("/// field\n    id: a\n    kind: short\n///\n", 1, "this field has no question", RAISED),
    ("/// field | Q?\n    kind: short\n///\n", 1, "this field has no id", RAISED),
    ("/// field | Q?\n    id: Bad_Id\n    kind: short\n///\n", 2, "the id 'Bad_Id' must be lowercase", TYPED),
    ("/// field | Q?\n    id: a\n///\n", 1, "this field has no kind", RAISED),
    (
        "/// field | Q?\n    id: a\n    kind: essay\n///\n",
        3,
        "'essay' is not a kind of field; use one of: short, long",
        TYPED,
    ),
    ("/// field | Q?\n    id: a\n    kind: scale\n    low: Never\n///\n", 1, "a scale needs 'high:'", RAISED),
    (
        "/// field | Q?\n    id: a\n    kind: scale\n    low: No\n    high: Yes\n///\n",
        4,
        "YAML read it as False",
        TYPED,
    ),
    (
        "/// field | Q?\n    id: a\n    kind: scale\n    low: ''\n    high: Very much\n///\n",
        4,
        "a scale needs 'low:'",
        RAISED,
    ),
    ("/// field | Q?\n    id: a\n    kind: table\n///\n", 1, "a table needs 'columns:'", RAISED),
    ("/// field | Q?\n    id: a\n    kind: table\n    columns: Role\n///\n", 4, "a table needs 'columns:'", TYPED),
    (
        "/// field | Q?\n    id: a\n    kind: table\n    columns: [A, A]\n///\n",
        4,
        "two columns have the same name",
        TYPED,
    ),
    ("/// field | Q?\n    id: a\n    kind: table\n    columns: [A]\n    rows: 0\n///\n", 5, "'rows' must be", TYPED),
    ("/// field | Q?\n    id: a\n    kind: long\n    lines: many\n///\n", 4, "'lines' must be a whole number", TYPED),
    (
        "/// field | Q?\n    id: a\n    kind: short\n    lines: 3\n///\n",
        4,
        "'lines' does not apply to a short field",
        RAISED,
    ),
    ("/// field | Q?\n    id: a\n    kind: checklist\n\nJust text.\n///\n", 1, "a checklist needs its items", RAISED),
    (
        "//// fieldset\n/// field | Q?\n    id: a\n    kind: short\n///\n////\n",
        1,
        "this fieldset has no heading",
        RAISED,
    ),
    (
        "/// field | Q?\n    id: a\n    kind: checklist\n\n- Got a call\n- A phone call\n- Got a call!\n///\n",
        7,
        "two items of this checklist have the id 'got-a-call' (the first ",
        RAISED,
    ),
    (
        "/// field | Q?\n    id: a\n    kind: checklist\n\n- One {#same}\n- Two {#same}\n///\n",
        6,
        "two items of this checklist have the id 'same'",
        RAISED,
    ),
    ("/// field | Q?\n    id: a\n    kind: checklist\n\n- ¡Ñú!\n///\n", 5, "has no letters a-z or digits", RAISED),
    ("/// field | Q?\n    id: a\n    kind: checklist\n\n- One {#Bad id}\n///\n", 5, "the item id '{#Bad id}'", RAISED),
]


@pytest.mark.parametrize(("source", "line", "message"), [case[:3] for case in BAD_FIELDS if case[3] == RAISED])
def test_a_bad_field_raises_a_content_error(source, line, message):
    with pytest.raises(ContentError, match=None) as error:
        render(source)
    assert message in error.value.message
    assert error.value.rule == "worksheet-field"


@pytest.mark.parametrize("source", [case[0] for case in BAD_FIELDS if case[3] == TYPED])
def test_a_bad_option_value_is_refused_by_its_type_and_not_rendered(source):
    html = render(source)
    assert "/// field" in html and "ws-field" not in html


#: The other problems a bad field's source gives, by source.
ALSO = {
    "/// field | Q?\n    id: a\n    kind: scale\n    low: No\n    high: Yes\n///\n": [
        (5, "'high' must be words, but YAML read it as True"),
    ],
}


@pytest.mark.parametrize(("source", "line", "message", "stopped_by"), BAD_FIELDS)
def test_the_content_check_reports_a_bad_field_at_its_line_and_nothing_else(source, line, message, stopped_by):
    blocks, _ = scan(enumerate(source.splitlines(), start=1))
    found = [
        (problem.line, problem.rule, problem.message)
        for block in blocks
        for problem in check_block(block, BLOCKS[block.name])
    ]
    expected = [(line, message), *ALSO.get(source, [])]
    assert_found(found, [(at, "worksheet-field", part) for at, part in expected])


def test_the_content_check_says_where_the_first_of_two_same_ids_is_and_how_to_fix_it():
    source = "/// field | Q?\n    id: a\n    kind: checklist\n\n- Got a\n  call\n- Got a call!\n///\n"
    blocks, _ = scan(enumerate(source.splitlines(), start=1))
    assert [problem.message for problem in check_block(blocks[0], BLOCKS["field"])] == [
        "two items of this checklist have the id 'got-a-call' (the first at line 5); give this one its own id "
        "at the end of its line, for example '{#got-a-call-2}' (a tick is kept by its item's id)"
    ]
    with pytest.raises(ContentError, match="the first is 'Got a call'"):
        render(source)


def test_an_unknown_option_is_not_rendered_by_pymdownx_so_the_check_must_catch_it():
    # pymdownx.blocks shows a block with an option it does not know as plain text.
    # The hook fails the build on any '///' in the HTML, and the content check
    # names the option (tests/test_checks.py).
    html = render("/// field | Q?\n    id: a\n    kind: short\n    hnt: oops\n///\n")
    assert "///" in html
