"""The content check of an email page: what it needs around its templates.

Each `/// email` block stands under its own `##` heading, which names the situation,
after a line "**When to send it:** ...", and is followed by `### Tips` with two or
three tips. An old-style template (a code block that starts with "Subject:") is
reported too. The block itself is checked by its class
(`turning_no.markdown.email_template.EmailTemplate.check_source`, with
`turning_no.model.email_templates.parse`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from turning_no.model.email_templates import SUBJECT, TemplateSection, sections_of
from turning_no.model.pages import Heading, Page, body_lines, heading_ids, headings_of
from turning_no.model.source_blocks import ScanProblem

_TIPS_HEADING = "Tips"
_LIST_ITEM = re.compile(r"^\s{0,3}[-*+]\s+\S")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def check_email_page(page: Page) -> Iterator[ScanProblem]:
    """What an email page needs around its templates: a heading, when to send it, and tips."""
    sections = sections_of(page)
    if not sections:
        yield ScanProblem(
            page.front_matter.end_line,
            "this email page has no template; add one under a '## ' heading: "
            "'/// email | an-id', 'Subject: ...', a blank line, the email, then '///'",
        )
    lines = list(body_lines(page))
    headings = headings_of(page)
    anchors = set(heading_ids(page).values())
    for section in sections:
        yield from _section_problems(section, anchors, headings, lines)
    yield from _fenced_templates(page)


def _section_problems(section: TemplateSection, anchors: set[str], headings, lines) -> Iterator[ScanProblem]:
    block, heading = section.block, section.heading
    if heading is None:
        yield ScanProblem(
            block.line,
            "put this template under a '## ' heading that names the situation, such as '## After a rejection email'",
        )
        return
    if section.first is not None:
        yield ScanProblem(
            block.line,
            f"'## {heading.text}' (line {heading.line}) already has a template (line "
            f"{section.first.line}); give each template its own '## ' heading",
        )
        return
    if block.argument and block.argument.strip() in anchors:
        yield ScanProblem(
            block.line,
            f"the id '{block.argument.strip()}' is also a heading's link on this page; "
            "choose another id, so both links work",
        )
    if section.when is None:
        yield ScanProblem(
            block.line,
            f"add a line '**When to send it:** ...' between '## {heading.text}' (line {heading.line}) "
            "and this template",
        )
    yield from _tips_problems(block, headings, lines)


def _tips_problems(block, headings: list[Heading], lines) -> list[ScanProblem]:
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
            elif number == fence[1] + 1 and SUBJECT.match(text.strip()):
                yield ScanProblem(
                    fence[1],
                    "this email is a code block; write it as '/// email | an-id' ... '///' instead, "
                    "so readers can fill it in and send it",
                )
