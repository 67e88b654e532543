"""Markdown extension: an email template that a reader fills in once and sends.

An author writes, under the template's `##` heading on an email page:

    **When to send it:** ...

    /// email | ask-for-feedback-after-a-rejection-email
    Subject: Re: [Job title] application: a quick question

    Hi [Hiring manager's name],
    ...
    ///

    ### Tips

The argument is the template's id: its anchor on the page and the key of what the
reader types (kept in sessionStorage, for this browser tab only). The first line is
the subject; after a blank line comes the body, kept as written (not Markdown).
Words in square brackets are placeholders. `[How you know them, such as "a former
coworker"]` gives the input the label "How you know them" and the hint "Such as ...".

The block renders the whole template as text in a `<pre><code>`, each placeholder
in a `<mark>`, so it reads well without JavaScript and Material's copy button works.
Under it, hidden until `assets/javascripts/email.js` runs, come one labelled input
per distinct placeholder, the note on privacy, and Copy email, Open in email app
and Reset. The script fills the marks in as the reader types: the template is the
live preview.

`check_source` (the content check) and the extension apply the same rules
(`parse`); the check reports them at their line, the extension raises ContentError.
`check_email_page` checks what surrounds the blocks on an email page, and
`templates_in` lists a page's templates for the index (`turning_no.markdown.page_list`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

from markdown.extensions.toc import slugify, unique
from markdown.serializers import to_html_string
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from turning_no.model.pages import Page, body_lines, headings_of
from turning_no.model.problems import ContentError
from turning_no.model.source_blocks import BlockSource, ScanProblem, scan

NAME = "email"
RULE = "email-template"
SUBJECT_MAX_LENGTH = 70
BODY_MAX_WORDS = 200

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SUBJECT = re.compile(r"^Subject:[ \t]*(.*?)\s*$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\[([^\[\]]*)\]")
_HINT = ", such as "
_WHEN = re.compile(r"^\*\*When to send it:\*\*\s*(.*)$")
_TIPS_HEADING = "Tips"
_LIST_ITEM = re.compile(r"^\s{0,3}[-*+]\s+\S")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HEADING_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
#: Input purposes (WCAG 1.3.5) for placeholders about the reader.
_AUTOCOMPLETE = {"your name": "name", "your phone number": "tel", "your email address": "email", "your email": "email"}


@dataclass(frozen=True)
class Placeholder:
    """One distinct placeholder of a template: `[text]`."""

    text: str  # the words inside the brackets, as written

    @property
    def label(self) -> str:
        return self.text.split(_HINT, 1)[0].strip()

    @property
    def hint(self) -> str | None:
        parts = self.text.split(_HINT, 1)
        return f"Such as {parts[1].strip()}" if len(parts) == 2 else None

    @property
    def autocomplete(self) -> str:
        return _AUTOCOMPLETE.get(self.label.lower(), "off")


@dataclass
class Template:
    id: str
    subject: str
    body: str
    placeholders: list[Placeholder] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.body.split())


def parse(
    argument: str | None, lines: list[tuple[int, str]], start_line: int | None
) -> tuple[Template | None, list[ScanProblem]]:
    """A template from its id and its numbered body lines; `start_line` is the `///` line.

    Returns the template (None if it has no subject or body) and every problem found.
    With `start_line` None (the extension, which does not know the page's lines),
    messages name no line.
    """
    problems: list[ScanProblem] = []
    template_id = (argument or "").strip()
    if not template_id:
        problems.append(
            ScanProblem(
                start_line or 0,
                "this template has no id; write one after '|', such as '/// email | ask-for-feedback': "
                "it is the template's link and the key of what the reader types",
            )
        )
    elif not _ID.match(template_id):
        problems.append(
            ScanProblem(
                start_line or 0,
                f"the id '{template_id}' may use only lowercase letters, digits and single '-' between words, "
                "such as 'ask-for-feedback'",
            )
        )
    lines = [(number, text.rstrip()) for number, text in lines]
    while lines and not lines[0][1].strip():
        lines.pop(0)
    while lines and not lines[-1][1].strip():
        lines.pop()
    if not lines:
        problems.append(
            ScanProblem(
                start_line or 0,
                "this template is empty; write 'Subject: ...' on its first line, then a blank line, then the email",
            )
        )
        return None, problems
    subject_line, first = lines[0]
    subject_match = _SUBJECT.match(first.strip())
    if not subject_match:
        problems.append(
            ScanProblem(
                subject_line,
                "a template starts with its subject line; write 'Subject: ...' here, then a blank line, then the email",
            )
        )
        return None, problems
    subject = subject_match.group(1)
    if not subject:
        problems.append(ScanProblem(subject_line, "the subject is empty; write it after 'Subject:'"))
    rest = lines[1:]
    if rest and rest[0][1].strip():
        problems.append(
            ScanProblem(
                rest[0][0],
                "leave a blank line between the subject line and the body; a subject is one line",
            )
        )
    while rest and not rest[0][1].strip():
        rest.pop(0)
    if not rest:
        problems.append(
            ScanProblem(
                subject_line, "this template has no body; after the subject, leave a blank line and write the email"
            )
        )
        return None, problems
    body = "\n".join(text for _, text in rest)

    for number, text in [(subject_line, subject), *rest]:
        problems += _bracket_problems(number, text)

    if len(subject) > SUBJECT_MAX_LENGTH:
        problems.append(
            ScanProblem(
                subject_line,
                f"the subject is {len(subject)} characters long; keep it to {SUBJECT_MAX_LENGTH} or fewer "
                "so it shows whole in an inbox",
            )
        )
    words = len(body.split())
    if words > BODY_MAX_WORDS:
        problems.append(
            ScanProblem(
                rest[0][0],
                f"the body is {words} words long; keep it to {BODY_MAX_WORDS} or fewer (most should be under 150): "
                "a short email is more likely to be read and answered",
            )
        )

    seen: dict[str, tuple[str, int]] = {}  # normalized text -> (as first written, line)
    placeholders: list[Placeholder] = []
    for number, text in [(subject_line, subject), *rest]:
        for match in _PLACEHOLDER.finditer(text):
            words_inside = match.group(1)
            if not words_inside.strip():
                continue
            key = _normalize(words_inside)
            if key not in seen:
                seen[key] = (words_inside, number)
                placeholders.append(Placeholder(words_inside))
            elif seen[key][0] != words_inside:
                problems.append(
                    ScanProblem(
                        number,
                        f"[{words_inside}] is written [{seen[key][0]}] "
                        + (f"on line {seen[key][1]}" if start_line is not None else "above")
                        + "; write a placeholder "
                        "the same way each time, so the reader fills it in once",
                    )
                )
    body_placeholders = {_normalize(match.group(1)) for match in _PLACEHOLDER.finditer(body)}
    for match in _PLACEHOLDER.finditer(subject):
        if match.group(1).strip() and _normalize(match.group(1)) not in body_placeholders:
            problems.append(
                ScanProblem(
                    subject_line,
                    f"[{match.group(1)}] is in the subject but not in the body; use it in the body too, "
                    "or write the subject without it",
                )
            )
    return Template(template_id, subject, body, placeholders), problems


def _normalize(words: str) -> str:
    return " ".join(words.split()).lower()


def _bracket_problems(number: int, text: str) -> Iterator[ScanProblem]:
    """Unclosed, stray, nested and empty brackets on one line."""
    opened: int | None = None
    for column, character in enumerate(text):
        if character == "[":
            if opened is not None:
                yield ScanProblem(
                    number,
                    f"a '[' inside the placeholder '{text[opened : column + 1]}...'; placeholders cannot hold "
                    "brackets: close the first with ']' or remove the second '['",
                )
            opened = column
        elif character == "]":
            if opened is None:
                yield ScanProblem(
                    number,
                    f"a ']' that closes nothing, after '{text[max(0, column - 20) : column + 1].lstrip()}'; "
                    "remove it or add the '[' that starts the placeholder",
                )
            elif not text[opened + 1 : column].strip():
                yield ScanProblem(
                    number,
                    f"'{text[opened : column + 1]}' is an empty placeholder; write what goes there, "
                    "such as [Your name]",
                )
            opened = None
    if opened is not None:
        yield ScanProblem(
            number,
            f"the '[' of '{text[opened : opened + 25]}' is never closed; end the placeholder with ']' "
            "on the same line, such as [Your name]",
        )


# --- The email page around the templates ----------------------------------------


@dataclass(frozen=True)
class TemplateEntry:
    """A template as the index lists it."""

    id: str
    title: str  # its `##` heading
    anchor: str  # the heading's id on the page
    when: str  # the "When to send it" text, Markdown
    line: int  # of the `///` line


def templates_in(page: Page) -> list[TemplateEntry]:
    """The email templates of a page, in order, with their heading and "When to send it" text."""
    entries, _ = _walk(page)
    return entries


def check_email_page(page: Page) -> Iterator[ScanProblem]:
    """What an email page needs around its templates: a heading, when to send it, and tips."""
    _, problems = _walk(page)
    yield from problems
    yield from _fenced_templates(page)


def _walk(page: Page) -> tuple[list[TemplateEntry], list[ScanProblem]]:
    lines = list(body_lines(page))
    blocks, _ = scan(lines)
    templates = [block for block in blocks if block.name == NAME]
    headings = headings_of(page)
    anchors = _heading_anchors(page)
    entries: list[TemplateEntry] = []
    problems: list[ScanProblem] = []
    if not templates:
        problems.append(
            ScanProblem(
                page.front_matter.end_line,
                "this email page has no template; add one under a '## ' heading: "
                "'/// email | an-id', 'Subject: ...', a blank line, the email, then '///'",
            )
        )
    owner: dict[int, BlockSource] = {}  # heading line -> first template under it
    for block in templates:
        above = [heading for heading in headings if heading.line < block.line and heading.level <= 2]
        heading = above[-1] if above and above[-1].level == 2 else None
        if heading is None:
            problems.append(
                ScanProblem(
                    block.line,
                    "put this template under a '## ' heading that names the situation, such as "
                    "'## After a rejection email'",
                )
            )
            continue
        if heading.line in owner:
            problems.append(
                ScanProblem(
                    block.line,
                    f"'## {heading.text}' (line {heading.line}) already has a template (line "
                    f"{owner[heading.line].line}); give each template its own '## ' heading",
                )
            )
            continue
        owner[heading.line] = block
        anchor = anchors.get(heading.line, "")
        if block.argument and block.argument.strip() in anchors.values():
            problems.append(
                ScanProblem(
                    block.line,
                    f"the id '{block.argument.strip()}' is also a heading's link on this page; "
                    "choose another id, so both links work",
                )
            )
        when = [text for number, text in lines if heading.line < number < block.line and _WHEN.match(text.strip())]
        if not when:
            problems.append(
                ScanProblem(
                    block.line,
                    f"add a line '**When to send it:** ...' between '## {heading.text}' (line {heading.line}) "
                    "and this template",
                )
            )
        else:
            entries.append(
                TemplateEntry(
                    id=(block.argument or "").strip(),
                    title=heading.text,
                    anchor=anchor,
                    when=_WHEN.match(when[0].strip()).group(1),
                    line=block.line,
                )
            )
        problems += _tips_problems(block, heading, headings, lines)
    return entries, problems


def _tips_problems(block: BlockSource, heading, headings, lines) -> list[ScanProblem]:
    after = block.end_line or block.line
    section_end = next((h.line for h in headings if h.line > after and h.level <= 2), None)
    tips = next(
        (
            h
            for h in headings
            if h.level == 3
            and h.text == _TIPS_HEADING
            and h.line > after
            and (section_end is None or h.line < section_end)
        ),
        None,
    )
    if tips is None:
        return [
            ScanProblem(
                after,
                f"add '### {_TIPS_HEADING}' after this template, with two or three tips as a list "
                f"(before the next '## ' heading)",
            )
        ]
    tips_end = next((h.line for h in headings if h.line > tips.line), None)
    items = [
        number
        for number, text in lines
        if tips.line < number and (tips_end is None or number < tips_end) and _LIST_ITEM.match(text)
    ]
    if not 2 <= len(items) <= 3:
        return [
            ScanProblem(
                tips.line,
                f"'### {_TIPS_HEADING}' needs two or three tips, each a list item ('- ...'); it has {len(items)}",
            )
        ]
    return []


def _heading_anchors(page: Page) -> dict[int, str]:
    """The id Python-Markdown's toc gives each heading of the page, by line."""
    used: set[str] = set()
    anchors: dict[int, str] = {}
    for number, text in body_lines(page):
        match = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", text)
        if not match:
            continue
        explicit = _HEADING_ID.search(match.group(2))
        if explicit:
            anchor = explicit.group(1)
            used.add(anchor)
        else:
            words = re.sub(r"\{[^}]*\}\s*$", "", match.group(2))
            anchor = unique(slugify(_MARKDOWN_LINK.sub(r"\1", words), "-"), used)
        anchors[number] = anchor
    return anchors


def _fenced_templates(page: Page) -> Iterator[ScanProblem]:
    """Old-style templates: a fenced code block that starts with 'Subject:'."""
    fence = None
    for number, text in enumerate(page.text.splitlines(), start=1):
        if number <= page.front_matter.end_line and page.meta:
            continue
        opening = _FENCE.match(text)
        if fence is None and opening:
            fence = (opening.group(1), number)
            continue
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0][0] and len(opening.group(1)) >= len(fence[0]):
                fence = None
            elif number == fence[1] + 1 and _SUBJECT.match(text.strip()):
                yield ScanProblem(
                    fence[1],
                    "this email is a code block; write it as '/// email | an-id' ... '///' instead, "
                    "so readers can fill it in and send it",
                )


# --- The Markdown extension -------------------------------------------------------


class EmailTemplate(Block):
    """`/// email | id`: a template's subject and body, with placeholders in [brackets]."""

    NAME = NAME
    RULE = RULE
    ARGUMENT = True
    OPTIONS: dict = {}
    UNIQUE_IN = "site"

    @staticmethod
    def identity(block: BlockSource) -> str | None:
        return (block.argument or "").strip() or None

    @staticmethod
    def check_source(block: BlockSource) -> Iterator[ScanProblem]:
        _, problems = parse(block.argument, block.body, block.line)
        yield from problems

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "email-template"})

    def on_markdown(self) -> str:
        return "raw"  # an email is plain text, not Markdown

    def on_end(self, block: etree.Element) -> None:
        text = block.text or ""
        lines = list(enumerate(text.split("\n"), start=1))
        template, problems = parse(self.argument, lines, None)
        if problems or template is None:
            message = problems[0].message if problems else "the template cannot be read"
            raise ContentError(f"/// email | {self.argument}: {message}", RULE)
        seen = self.tracker.setdefault("ids", set())
        if template.id in seen:
            raise ContentError(f"/// email | {template.id}: this id is used twice on the page", RULE)
        seen.add(template.id)
        block.set("id", template.id)
        block.set("data-email-template", template.id)
        # Stored as raw HTML, so that no later step rewrites it: pymdownx.highlight
        # would turn the `pre > code` into a highlighted block without its marks.
        block.text = self.md.htmlStash.store(render(template))


def render(template: Template) -> str:
    """The HTML inside the block's `div`: the template as text and its composer (hidden until email.js runs)."""
    block = etree.Element("div")
    index = {_normalize(placeholder.text): number for number, placeholder in enumerate(template.placeholders)}

    pre = etree.SubElement(block, "pre", {"class": "email-template__text"})
    code = etree.SubElement(pre, "code")
    label = etree.SubElement(code, "span", {"class": "email-template__subject-label"})
    label.text = "Subject:"
    label.tail = " "
    subject = etree.SubElement(code, "span", {"class": "email-template__subject"})
    _marked_text(subject, template.subject, index)
    subject.tail = "\n\n"
    body = etree.SubElement(code, "span", {"class": "email-template__body"})
    _marked_text(body, template.body, index)

    composer = etree.SubElement(block, "div", {"class": "email-composer", "hidden": "hidden"})
    if template.placeholders:
        fieldset = etree.SubElement(composer, "fieldset", {"class": "email-composer__blanks"})
        legend = etree.SubElement(fieldset, "legend")
        legend.text = "Fill in the blanks"
        for number, placeholder in enumerate(template.placeholders, start=1):
            field_id = f"{template.id}-blank-{number}"
            row = etree.SubElement(fieldset, "div", {"class": "email-composer__field"})
            label = etree.SubElement(row, "label", {"for": field_id})
            label.text = placeholder.label
            attributes = {
                "type": "text",
                "id": field_id,
                "data-blank": str(number - 1),
                "data-placeholder": placeholder.text,
                "autocomplete": placeholder.autocomplete,
                "spellcheck": "true",
            }
            if placeholder.hint:
                hint = etree.SubElement(row, "span", {"class": "email-composer__hint", "id": f"{field_id}-hint"})
                hint.text = placeholder.hint
                attributes["aria-describedby"] = f"{field_id}-hint"
            etree.SubElement(row, "input", attributes)
    note = etree.SubElement(composer, "p", {"class": "email-composer__privacy"})
    note.text = (
        "What you type stays in this browser tab only, and is deleted when you close the tab. "
        "Nothing is sent until you send the email yourself."
    )
    actions = etree.SubElement(composer, "div", {"class": "email-composer__actions"})
    copy = etree.SubElement(
        actions, "button", {"type": "button", "class": "email-composer__copy", "data-action": "copy"}
    )
    copy.text = "Copy email"
    mail = etree.SubElement(
        actions, "a", {"class": "email-composer__open", "data-action": "open", "href": mailto(template)}
    )
    mail.text = "Open in email app"
    reset = etree.SubElement(
        actions, "button", {"type": "button", "class": "email-composer__reset", "data-action": "reset"}
    )
    reset.text = "Reset"
    status = etree.SubElement(composer, "p", {"class": "email-composer__status", "role": "status"})
    status.text = ""
    return "\n".join(to_html_string(child) for child in block)


def _marked_text(parent: etree.Element, text: str, index: dict[str, int]) -> None:
    """`text` into `parent`, with each placeholder in a `<mark>`."""
    position = 0
    last: etree.Element | None = None
    parent.text = ""
    for match in _PLACEHOLDER.finditer(text):
        before = text[position : match.start()]
        if last is None:
            parent.text = before
        else:
            last.tail = before
        last = etree.SubElement(
            parent, "mark", {"class": "email-placeholder", "data-blank": str(index[_normalize(match.group(1))])}
        )
        last.text = match.group(0)
        position = match.end()
    rest = text[position:]
    if last is None:
        parent.text = rest
    else:
        last.tail = rest


def mailto(template: Template) -> str:
    """A `mailto:` link with the subject and body (CRLF line breaks), encoded as email.js encodes it."""
    safe = "-_.!~*'()"  # what JavaScript's encodeURIComponent leaves as they are
    body = template.body.replace("\n", "\r\n")
    return f"mailto:?subject={quote(template.subject, safe=safe)}&body={quote(body, safe=safe)}"


class EmailTemplateExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (the name pymdownx calls)
        block_mgr.register(EmailTemplate, self.getConfigs())


def makeExtension(*args, **kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return EmailTemplateExtension(*args, **kwargs)
