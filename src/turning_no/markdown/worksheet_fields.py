"""Markdown extension: worksheet fields a reader fills in on the page, or by hand on paper.

An author writes one field as a block. The argument is the question (the field's
label); the options give its id and kind; the body is an optional hint, and for a
checklist the items, as a Markdown list:

    /// field | Who will you write to?
        id: recipient
        kind: short

    Pick the person you met in the interview.
    ///

Kinds and their options:

    short       one line
    long        several lines; `lines: N` ruled lines on paper (default 4)
    checklist   the body's Markdown list gives the boxes to tick
    scale       1 to 5; `low:` and `high:` name the two ends
    date        a date
    table       a log with rows to add; `columns: [A, B, C]`, `rows: N` rows on paper (default 3)

Each checklist item has an id: the words of the item, lowercase, with every run of
other characters made one '-' (`I reached the final round` is `i-reached-the-final-round`,
the same as storage.js's `slug`). The reader's ticks are kept by that id, so changing an
item's words loses the tick. To keep the tick, or for a page in another language (which
keeps the English ids), write the id at the end of the item:

    - I made it to the last round {#i-reached-the-final-round}
    - He llegado a la ronda final {#i-reached-the-final-round}

Two items of one checklist with the same id stop the build (the content check names the
file and line).

A table's added rows come from a `<template>` of one row in the field, the same markup
as the rows on the page, with `{row}` where the row's number goes (worksheet.js fills it).
The words of each cell's label come from the extension's config, `cell_label`
(mkdocs.yml, `extra.text.worksheet_fields`), with `{column}` and `{row}` in them.

Fields that belong together can share a heading, in an outer block with one more
slash:

    //// fieldset | Before you ask
    /// field | ...
    ///
    ////

The HTML works without JavaScript (a reader can print it blank) and is accessible:
every control has a `<label for>`, the hint is tied with `aria-describedby`, and
checklists and scales are `fieldset`s with a `legend`. docs/assets/javascripts/
worksheet.js keeps the answers on the reader's device and fills the print copy.

Each option's value has a type in `OPTIONS` (pymdownx.blocks' typed options, with a
message for the author: `turning_no.model.source_blocks.explained`); pymdownx.blocks
will not render a field whose value fails it, and the content check runs the same
types on the source first, at the option's line. The rules across options (what is
missing, what does not apply to a kind) are `option_problems`, checked twice: by the
content check (`Field.check_source`) before a build, and here (`ContentError`) if
bad input still reaches the extension.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string, type_string_in

from turning_no.model.problems import ContentError
from turning_no.model.source_blocks import BlockSource, OptionError, ScanProblem, explained, whole_number

KINDS = ("short", "long", "checklist", "scale", "date", "table")
RULE = "worksheet-field"
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_LIST_ITEM = re.compile(r"^\s{0,3}[-*+]\s+\S")
_LIST_MARKER = re.compile(r"^\s{0,3}[-*+]\s+")
_ITEM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXPLICIT_ID = re.compile(r"\s*\{#([^{}]*)\}\s*$")
# Which options each kind takes besides `id` and `kind`.
KIND_OPTIONS = {
    "short": (),
    "long": ("lines",),
    "checklist": (),
    "scale": ("low", "high"),
    "date": (),
    "table": ("columns", "rows"),
}
DEFAULT_LINES = 4
DEFAULT_ROWS = 3
MAX_LINES = 20
MAX_ROWS = 20


def _field_id(value) -> str:
    if not _ID.match(type_string(value)):
        raise ValueError("not an id")
    return value


def _words(name: str):
    """Text, not what YAML reads as a number or a yes/no (`low: No` is False)."""
    return explained(
        type_string,
        f"'{name}' must be words, but YAML read it as {{value!r}}; put it in quotes, for example '    {name}: \"No\"'",
    )


def _column_names(value):
    if value is None:
        return value
    if not isinstance(value, list) or not value or not all(isinstance(name, str) and name.strip() for name in value):
        raise OptionError(f"a table needs 'columns:', {_COLUMNS}")
    if len(set(value)) != len(value):
        raise OptionError("two columns have the same name; give each column its own name")
    return value


_COLUMNS = "a list of column names, for example '    columns: [Role, Date, Outcome]'"

#: Each option's type (pymdownx.blocks checks them before it renders a field; the content
#: check runs the same functions on the source, with the option's line).
OPTIONS = {
    "id": [
        None,
        explained(
            _field_id,
            "the id '{value}' must be lowercase letters and digits joined by '-', for example 'main-question'",
        ),
    ],
    "kind": [
        None,
        explained(
            type_string_in(KINDS, insensitive=False),
            "'{value}' is not a kind of field; use one of: " + ", ".join(KINDS),
        ),
    ],
    "lines": [
        None,
        whole_number(1, MAX_LINES, f"'lines' must be a whole number from 1 to {MAX_LINES}: the ruled lines on paper"),
    ],
    "low": [None, _words("low")],
    "high": [None, _words("high")],
    "columns": [None, _column_names],
    "rows": [
        None,
        whole_number(1, MAX_ROWS, f"'rows' must be a whole number from 1 to {MAX_ROWS}: the empty rows on paper"),
    ],
}


def option_problems(label: str | None, options: dict, has_list: bool) -> Iterator[tuple[str | None, str]]:
    """(option or None for the block's first line, message) for each problem of one field that
    its options' types do not catch: what is missing, and what does not apply to its kind."""
    if not (label or "").strip():
        yield None, ("this field has no question; write it after '|', for example '/// field | What went well?'")
    if options.get("id") is None:
        yield None, "this field has no id; add '    id: a-short-name' under its first line (it keeps saved answers"
        " tied to the question, so never change it once published)"
    kind = options.get("kind")
    if kind is None:
        yield None, f"this field has no kind; add '    kind: ...' with one of: {', '.join(KINDS)}"
        return
    if kind not in KINDS:
        return  # its type says so
    for name, value in options.items():
        if name in ("id", "kind") or value is None:
            continue
        if name not in KIND_OPTIONS[kind]:
            takes = ", ".join(KIND_OPTIONS[kind]) or "no other options"
            yield name, f"'{name}' does not apply to a {kind} field (it takes {takes}); remove it"
    if kind == "scale":
        for end in ("low", "high"):
            value = options.get(end)
            if not isinstance(value, str) or not value.strip():
                word = "1" if end == "low" else "5"
                yield (
                    (end if end in options else None),
                    (
                        f"a scale needs '{end}:', the words for its {word} end, for example "
                        f"'    {end}: {'Not at all' if end == 'low' else 'Very much'}'"
                    ),
                )
    if kind == "table" and options.get("columns") is None:
        yield ("columns" if "columns" in options else None), f"a table needs 'columns:', {_COLUMNS}"
    if kind == "checklist" and not has_list:
        yield None, "a checklist needs its items as a Markdown list inside the block, one '- item' per line"


def slug(words: str) -> str:
    """A stable id from words: lowercase, each run of other characters one '-', trimmed
    (the same as storage.js's `slug`, which carried the older answers over)."""
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


def _plain(source: str) -> str:
    """The words a reader sees of an item's Markdown: no link targets, tags or entities."""
    text = re.sub(r"\]\([^)]*\)", "]", source)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"&#?[A-Za-z0-9]+;", " ", text)


def item_id(source: str) -> tuple[str, str, str | None]:
    """(the item's Markdown without its `{#id}`, its id, a problem or None)."""
    match = _EXPLICIT_ID.search(source)
    if match:
        words, given = source[: match.start()], match.group(1).strip()
        if not _ITEM_ID.match(given):
            return (
                words,
                given,
                (
                    f"the item id '{{#{given}}}' must be lowercase letters and digits joined by '-', "
                    "for example '{#final-round}'"
                ),
            )
        return words, given, None
    made = slug(_plain(source))
    if not made:
        return (
            source,
            made,
            (
                f"the item '{source.strip()}' has no letters a-z or digits to make its id from; "
                "write one at the end of its line, for example '- ¿Qué pasó? {#what-happened}'"
            ),
        )
    return source, made, None


def _duplicate(item: str, first: str) -> str:
    return (
        f"two items of this checklist have the id '{item}' ({first}); give this one "
        f"its own id at the end of its line, for example '{{#{item}-2}}' (a tick is kept by its item's id)"
    )


def checklist_items(body: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(line, Markdown) of each list item of a block's body; a wrapped item's lines joined."""
    current: list | None = None
    for line, text in body:
        if _LIST_ITEM.match(text):
            if current:
                yield current[0], "\n".join(current[1])
            current = [line, [_LIST_MARKER.sub("", text, count=1)]]
        elif current and text.strip() and not text.startswith(" " * 4):
            current[1].append(text.strip())
        elif current:
            yield current[0], "\n".join(current[1])
            current = None
    if current:
        yield current[0], "\n".join(current[1])


def item_problems(body: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(line, message) for each checklist item without a good id, or with another's."""
    seen: dict[str, int] = {}
    for line, source in checklist_items(body):
        _words, made, problem = item_id(source)
        if problem:
            yield line, problem
        elif made in seen:
            yield line, _duplicate(made, f"the first at line {seen[made]}")
        else:
            seen[made] = line


class Field(Block):
    """`/// field | Question`."""

    NAME = "field"
    ARGUMENT = None  # checked here, so that a missing question gets a clear message
    OPTIONS = OPTIONS
    RULE = RULE
    UNIQUE_IN = "page"

    @staticmethod
    def check_source(block: BlockSource) -> Iterator[ScanProblem]:
        has_list = any(_LIST_ITEM.match(text) for _, text in block.body)
        options = {key: value for key, value in (block.options or {}).items() if key != "attrs"}
        for option, message in option_problems(block.argument, options, has_list):
            yield ScanProblem(block.line_of(option) if option else block.line, message)
        if options.get("kind") == "checklist":
            for line, message in item_problems(block.body):
                yield ScanProblem(line, message)

    @staticmethod
    def identity(block: BlockSource) -> str | None:
        value = (block.options or {}).get("id")
        return value if isinstance(value, str) else None

    def on_create(self, parent: etree.Element) -> etree.Element:
        options = {key: value for key, value in self.options.items() if key != "attrs" and value is not None}
        kind = options.get("kind")
        # The body is not parsed yet; a checklist's list is checked in on_end.
        for _option, message in option_problems(self.argument, options, has_list=True):
            raise ContentError(f"/// field | {self.argument or ''}: {message}", RULE)
        self.field_id = options["id"]
        self.kind = kind
        tag = "fieldset" if kind in ("checklist", "scale") else "div"
        return etree.SubElement(
            parent,
            tag,
            {"class": f"ws-field ws-field--{kind}", "data-field": self.field_id, "data-kind": kind},
        )

    def on_end(self, block: etree.Element) -> None:
        body = list(block)
        for child in body:
            block.remove(child)
        items = [child for child in body if child.tag in ("ul", "ol")]
        hint = [child for child in body if child.tag not in ("ul", "ol")]
        if self.kind == "checklist" and not items:
            raise ContentError(
                f"/// field | {self.argument}: a checklist needs its items as a Markdown list inside the block", RULE
            )
        if self.kind != "checklist":
            hint = body  # only a checklist reads a list as its items
        control_id = f"ws-{self.field_id}"
        hint_id = f"{control_id}-hint" if hint else None
        label_tag = "legend" if block.tag == "fieldset" else ("p" if self.kind == "table" else "label")
        label = etree.SubElement(block, label_tag, {"class": "ws-label"})
        label.text = self.argument.strip()  # QuestionNumbers puts the question's number before it
        if label_tag == "label":
            label.set("for", control_id)
        if label_tag == "p":
            label.set("id", f"{control_id}-label")
        if hint:
            hint_box = etree.SubElement(block, "div", {"class": "ws-hint", "id": hint_id})
            hint_box.extend(hint)
            if block.tag == "fieldset":
                block.set("aria-describedby", hint_id)
        render = getattr(self, f"_render_{self.kind}")
        render(block, control_id, hint_id, items[0] if items else None)

    # One method per kind: each adds the controls and what paper shows.

    def _describe(self, attributes: dict, hint_id: str | None) -> dict:
        if hint_id:
            attributes["aria-describedby"] = hint_id
        return attributes

    def _render_short(self, block, control_id, hint_id, _items) -> None:
        etree.SubElement(
            block,
            "input",
            self._describe({"type": "text", "id": control_id, "name": self.field_id, "autocomplete": "off"}, hint_id),
        )
        _paper(block, 1)

    def _render_long(self, block, control_id, hint_id, _items) -> None:
        lines = self.options.get("lines") or DEFAULT_LINES
        area = etree.SubElement(
            block, "textarea", self._describe({"id": control_id, "name": self.field_id, "rows": str(lines)}, hint_id)
        )
        area.text = ""
        _paper(block, lines)

    def _render_date(self, block, control_id, hint_id, _items) -> None:
        etree.SubElement(
            block, "input", self._describe({"type": "date", "id": control_id, "name": self.field_id}, hint_id)
        )
        _paper(block, 1, short=True)

    def _render_checklist(self, block, control_id, _hint_id, items) -> None:
        listing = etree.SubElement(block, "ul", {"class": "ws-options"})
        seen: dict[str, str] = {}
        for number, item in enumerate(items.findall("li"), start=1):
            option_id = f"{control_id}-{number}"
            # A loose list wraps each item in <p>; the label holds the item's inline content,
            # still Markdown here (the inline patterns run later), with its {#id} taken off.
            source = item[0] if len(item) and item[0].tag == "p" and not (item.text or "").strip() else item
            words, made, problem = item_id(source.text or "")
            if problem:
                raise ContentError(f"/// field | {self.argument}: {problem}", RULE)
            if made in seen:
                first = f"the first is '{seen[made]}'"
                raise ContentError(f"/// field | {self.argument}: {_duplicate(made, first)}", RULE)
            seen[made] = " ".join(words.split())
            row = etree.SubElement(listing, "li")
            etree.SubElement(
                row,
                "input",
                {"type": "checkbox", "id": option_id, "name": self.field_id, "value": str(number), "data-item": made},
            )
            label = etree.SubElement(row, "label", {"for": option_id})
            label.text = words.rstrip()
            for child in list(source):
                label.append(child)

    def _render_scale(self, block, control_id, _hint_id, _items) -> None:
        ends = {1: self.options["low"].strip(), 5: self.options["high"].strip()}
        scale = etree.SubElement(block, "div", {"class": "ws-scale"})
        for number in range(1, 6):
            option_id = f"{control_id}-{number}"
            choice = etree.SubElement(scale, "div", {"class": "ws-scale__choice"})
            etree.SubElement(
                choice, "input", {"type": "radio", "id": option_id, "name": self.field_id, "value": str(number)}
            )
            label = etree.SubElement(choice, "label", {"for": option_id})
            digit = etree.SubElement(label, "span", {"class": "ws-scale__number"})
            digit.text = str(number)
            if number in ends:
                end = etree.SubElement(label, "span", {"class": "ws-scale__end"})
                end.text = ends[number]

    def _render_table(self, block, control_id, hint_id, _items) -> None:
        cell_label = self.config.get("cell_label") or ""
        if "{row}" not in cell_label:
            raise ContentError(
                "the worksheet_fields extension needs 'cell_label' in mkdocs.yml (extra.text.worksheet_fields), "
                "with {row} in it, for example 'cell_label: \"{column}, row {row}\"'",
                RULE,
            )
        columns = [column.strip() for column in self.options["columns"]]
        rows = self.options.get("rows") or DEFAULT_ROWS
        block.set("data-columns", str(len(columns)))
        scroll = etree.SubElement(block, "div", {"class": "ws-table-scroll"})
        attributes = {"class": "ws-table", "aria-labelledby": f"{control_id}-label"}
        table = etree.SubElement(scroll, "table", self._describe(attributes, hint_id))
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for column in columns:
            cell = etree.SubElement(head, "th", {"scope": "col"})
            cell.text = column
        body = etree.SubElement(table, "tbody")
        for row in range(1, rows + 1):
            table_row(body, control_id, self.field_id, columns, str(row), cell_label)
        # The row a reader adds: worksheet.js copies it and puts the row's number for {row}.
        template = etree.SubElement(block, "template", {"class": "ws-row-template"})
        table_row(template, control_id, self.field_id, columns, ROW, cell_label)


#: Where the row's number goes in the template of an added row.
ROW = "{row}"


def table_row(parent: etree.Element, control_id: str, field_id: str, columns: list[str], row: str, words: str) -> None:
    """One row of a log table: the rows on the page, and the template of the rows a reader adds."""
    line = etree.SubElement(parent, "tr")
    for number, column in enumerate(columns, start=1):
        cell_id = f"{control_id}-r{row}-c{number}"
        cell = etree.SubElement(line, "td")
        # The label names the input, once, through aria-labelledby: hidden from screen
        # readers itself, so the cell does not read "Role, row 1" as text and then again
        # as the field's name. A span, not a <label for>: a label tied to its input may
        # not be aria-hidden (the Nu HTML Checker), and the name is the same either way.
        label = etree.SubElement(
            cell, "span", {"id": f"{cell_id}-label", "class": "ws-cell-label", "aria-hidden": "true"}
        )
        label.text = words.replace("{column}", column).replace(ROW, row)
        etree.SubElement(
            cell,
            "input",
            {
                "type": "text",
                "id": cell_id,
                "name": f"{field_id}-r{row}-c{number}",
                "aria-labelledby": f"{cell_id}-label",
            },
        )
        etree.SubElement(cell, "span", {"class": "ws-print-value", "aria-hidden": "true"})


def _paper(block: etree.Element, lines: int, short: bool = False) -> None:
    """What paper shows: the reader's answer (filled in by worksheet.js), else ruled lines."""
    etree.SubElement(block, "div", {"class": "ws-print-value", "aria-hidden": "true"})
    rules = etree.SubElement(
        block, "div", {"class": "ws-lines" + (" ws-lines--short" if short else ""), "aria-hidden": "true"}
    )
    for _ in range(lines):
        etree.SubElement(rules, "span", {"class": "ws-line"})


NO_LEGEND = "this fieldset has no heading; write it after '|', for example '//// fieldset | Before you ask'"


class Fieldset(Block):
    """`//// fieldset | Heading`: fields that share a heading."""

    NAME = "fieldset"
    ARGUMENT = None
    OPTIONS = {}
    RULE = RULE

    @staticmethod
    def check_source(block: BlockSource) -> Iterator[ScanProblem]:
        if not (block.argument or "").strip():
            yield ScanProblem(block.line, NO_LEGEND)
        if not any(child.name == "field" for child in block.children):
            yield ScanProblem(block.line, "this fieldset holds no '/// field' block; add fields or remove it")

    def on_create(self, parent: etree.Element) -> etree.Element:
        if not (self.argument or "").strip():
            raise ContentError(f"/// fieldset: {NO_LEGEND}", RULE)
        fieldset = etree.SubElement(parent, "fieldset", {"class": "ws-group"})
        legend = etree.SubElement(fieldset, "legend", {"class": "ws-group__legend"})
        legend.text = self.argument.strip()
        return fieldset


class QuestionNumbers(Treeprocessor):
    """Number the questions of a page, 1, 2, 3..., in their text.

    A group in a workshop can then say "look at question 3", on screen and on paper,
    and a screen reader says the number with the question (a CSS counter it would
    not). Done once the page is parsed, so each page starts again at 1 however the
    engine reuses its Markdown instance.
    """

    def run(self, root: etree.Element) -> None:
        number = 0
        for label in root.iter():
            if label.get("class") != "ws-label":
                continue
            number += 1
            digits = etree.Element("span", {"class": "ws-number"})
            digits.text = f"{number}."
            digits.tail = " " + (label.text or "")
            label.text = None
            label.insert(0, digits)


class WorksheetFieldsExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {
            "cell_label": ["", "A table cell's name, {column} and {row} filled in (extra.text.worksheet_fields)"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (the name pymdownx calls)
        block_mgr.register(Field, self.getConfigs())
        block_mgr.register(Fieldset, self.getConfigs())
        # Before the inline patterns (priority 20), which then read the question's Markdown.
        md.treeprocessors.register(QuestionNumbers(md), "worksheet_question_numbers", 25)


def makeExtension(*args, **kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return WorksheetFieldsExtension(*args, **kwargs)
