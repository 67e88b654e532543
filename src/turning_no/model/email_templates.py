"""Email templates as the content model sees them: the grammar of one template, and a page's index.

`parse` reads one `/// email | id` block (its subject line, body and placeholders)
and says what is wrong with it; the Markdown extension
(`turning_no.markdown.email_template`) renders what it returns, and the content
check reports its problems at their line. `sections_of` finds each template of an
email page with its `##` heading and "When to send it" line; `templates_in` lists
the complete ones for the index blocks (`turning_no.markdown.page_list`), and
`turning_no.checks.email_pages` reports what is missing around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from turning_no.model.pages import Heading, Page, body_lines, heading_ids, headings_of
from turning_no.model.source_blocks import BlockSource, ScanProblem, scan

#: The block's name: `/// email | id`.
NAME = "email"
SUBJECT_MAX_LENGTH = 70
BODY_MAX_WORDS = 200

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: A template's first line.
SUBJECT = re.compile(r"^Subject:[ \t]*(.*?)\s*$", re.IGNORECASE)
#: A placeholder: words in square brackets, then, for one of "your details", its id in
#: braces right after the ']': `[Job title]{job-title}`. The braces never show in the email.
PLACEHOLDER = re.compile(r"\[([^\[\]]*)\](?:\{([^{}\s]*)\})?")
_HINT = ", such as "
#: "Your details": the placeholders that name the reader or the job, the same in every
#: template (and in every language), so the reader types them once. Their id -> the
#: input's type and its autocomplete purpose (WCAG 1.3.5). The one list of them.
DETAILS: dict[str, tuple[str, str]] = {
    "your-name": ("text", "name"),
    "your-phone": ("tel", "tel"),
    "your-email": ("email", "email"),
    "job-title": ("text", "off"),
    "company": ("text", "off"),
    "hiring-manager": ("text", "off"),
}
#: A placeholder (not one of your details) this long or longer, with its hint, is a
#: sentence to write: a multi-line box. "One thing you discussed in the interview" is 40.
LONG_AT = 35
#: The line between a template's heading and the template.
WHEN = re.compile(r"^\*\*When to send it:\*\*\s*(.*)$")


@dataclass(frozen=True)
class Placeholder:
    """One distinct placeholder of a template: `[text]`."""

    text: str  # the words inside the brackets, as written
    detail: str | None = None  # the id of one of your details (DETAILS), if it is one

    @property
    def label(self) -> str:
        return self.text.split(_HINT, 1)[0].strip()

    @property
    def example(self) -> str | None:
        """The words after ", such as " (the page shows them after its own "Such as")."""
        parts = self.text.split(_HINT, 1)
        return parts[1].strip() if len(parts) == 2 else None

    @property
    def input_type(self) -> str:
        return DETAILS[self.detail][0] if self.detail in DETAILS else "text"

    @property
    def autocomplete(self) -> str:
        return DETAILS[self.detail][1] if self.detail in DETAILS else "off"

    @property
    def long(self) -> bool:
        """A sentence to write (a multi-line box), not a word or two."""
        return self.detail is None and len(self.text) >= LONG_AT


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
    subject_match = SUBJECT.match(first.strip())
    if not subject_match:
        problems.append(
            ScanProblem(
                subject_line,
                "a template starts with its subject line; write 'Subject: ...' here, then a blank line, then the email",
            )
        )
        return None, problems
    subject = subject_match.group(1)
    if not subject.strip():
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
    body = _without_ids("\n".join(text for _, text in rest))
    raw_subject = subject
    subject = _without_ids(subject)

    for number, text in [(subject_line, raw_subject), *rest]:
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

    seen: dict[str, tuple[str, int, str | None]] = {}  # normalized text -> (as first written, line, id)
    placeholders: list[Placeholder] = []
    for number, text in [(subject_line, raw_subject), *rest]:
        for match in PLACEHOLDER.finditer(text):
            words_inside, detail = match.group(1), match.group(2)
            if not words_inside.strip():
                continue
            if detail is not None and detail not in DETAILS:
                problems.append(
                    ScanProblem(
                        number,
                        f"[{words_inside}]{{{detail}}}: '{detail}' is not one of your details; "
                        f"use one of {', '.join(DETAILS)} (the list is DETAILS in "
                        "turning_no/model/email_templates.py), or remove the braces for a blank of this email only",
                    )
                )
                detail = None
            key = normalize(words_inside)
            where = f"on line {seen[key][1]}" if key in seen and start_line is not None else "above"
            if key not in seen:
                seen[key] = (words_inside, number, detail)
                placeholders.append(Placeholder(words_inside, detail))
            elif seen[key][2] != detail:
                first = seen[key]
                problems.append(
                    ScanProblem(
                        number,
                        f"[{words_inside}] is written "
                        + (f"[{first[0]}]{{{first[2]}}}" if first[2] else f"[{first[0]}] without an id")
                        + f" {where}; write its id the same way each time, such as [{first[0]}]"
                        + (f"{{{first[2]}}}" if first[2] else f"{{{detail}}}")
                        + " on every line",
                    )
                )
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
    body_placeholders = {normalize(match.group(1)) for match in PLACEHOLDER.finditer(body)}
    for match in PLACEHOLDER.finditer(subject):
        if match.group(1).strip() and normalize(match.group(1)) not in body_placeholders:
            problems.append(
                ScanProblem(
                    subject_line,
                    f"[{match.group(1)}] is in the subject but not in the body; use it in the body too, "
                    "or write the subject without it",
                )
            )
    return Template(template_id, subject, body, placeholders), problems


def _without_ids(text: str) -> str:
    """The text as the reader sees it: `[Job title]{job-title}` is `[Job title]`."""
    return PLACEHOLDER.sub(lambda match: f"[{match.group(1)}]", text)


def normalize(words: str) -> str:
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


# --- A page's templates -----------------------------------------------------------


@dataclass(frozen=True)
class TemplateEntry:
    """A template as the index lists it."""

    id: str
    title: str  # its `##` heading
    anchor: str  # the heading's id on the page
    when: str  # the "When to send it" text, Markdown
    line: int  # of the `///` line


@dataclass(frozen=True)
class TemplateSection:
    """One `/// email` block of a page, with what stands around it."""

    block: BlockSource
    heading: Heading | None  # the `##` heading it is under; None if there is none, or a deeper one is nearer
    first: BlockSource | None  # an earlier template under the same heading, if any
    when: str | None  # the "When to send it" text between the heading and the block, if any
    anchor: str  # the heading's id ("" without a heading)


def sections_of(page: Page) -> list[TemplateSection]:
    """Every email template of a page, in order, with its heading and "When to send it" text."""
    lines = list(body_lines(page))
    blocks, _ = scan(lines)
    headings = headings_of(page)
    anchors = heading_ids(page)
    owner: dict[int, BlockSource] = {}  # heading line -> first template under it
    found = []
    for block in (block for block in blocks if block.name == NAME):
        above = [heading for heading in headings if heading.line < block.line and heading.level <= 2]
        heading = above[-1] if above and above[-1].level == 2 else None
        if heading is None:
            found.append(TemplateSection(block, None, None, None, ""))
            continue
        first = owner.setdefault(heading.line, block)
        when = [
            WHEN.match(text.strip()).group(1)
            for number, text in lines
            if heading.line < number < block.line and WHEN.match(text.strip())
        ]
        found.append(
            TemplateSection(
                block,
                heading,
                first if first is not block else None,
                when[0] if when else None,
                anchors.get(heading.line, ""),
            )
        )
    return found


def templates_in(page: Page) -> list[TemplateEntry]:
    """The complete email templates of a page, in order: each under its own heading, with when to send it."""
    return [
        TemplateEntry(
            id=(section.block.argument or "").strip(),
            title=section.heading.text,
            anchor=section.anchor,
            when=section.when,
            line=section.block.line,
        )
        for section in sections_of(page)
        if section.heading is not None and section.first is None and section.when is not None
    ]
