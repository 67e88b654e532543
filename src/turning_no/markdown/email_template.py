"""Markdown extension: an email template that a reader fills in once and sends.

An author writes, under the template's `##` heading on an email page:

    **When to send it:** ...

    /// email | ask-for-feedback-after-a-rejection-email
    Subject: Re: [Job title] application: a quick question

    Hi [Hiring manager's name],
    ...
    ///

    ### Tips

The argument is the template's id: its anchor on the page and the key of the reader's
draft (storage.js record `draft:<id>`, kept on the device). The first line is
the subject; after a blank line comes the body, kept as written (not Markdown).
Words in square brackets are placeholders. `[How you know them, such as "a former
coworker"]` gives the input the label "How you know them" and the hint "Such as ...".

Your details. A placeholder that names the reader or the job carries a stable id in
braces right after its `]`: `[Your name]{your-name}`, `[Job title]{job-title}`. The
reader types it once and every template on every email page fills it in (storage.js
record `details`); the id, not the words, matches them, so a page in another language
words them as it likes. Write the id on every use of the placeholder. The ids and
their input types (tel, email) are `DETAILS` in `turning_no.model.email_templates`;
an unknown id is an error that lists them. Braces never show in the email.

Long blanks. A placeholder of 35 characters or more (with its "such as" example), not
one of your details, is a sentence to write: a multi-line box (`LONG_AT`).

Replies. A template whose subject starts with the config's `reply_prefix` ("Re:")
also gets "Copy message only" (the body, without the subject line) and a sentence on
replying in the same thread.

Words. Every word the block shows comes from the extension's `text` config (`WORDS`),
which mkdocs.yml takes from `extra.text.email` by a YAML anchor.

The block renders the whole template as text in a `<pre><code>`, each placeholder
in a `<mark>`, so it reads well without JavaScript and Material's copy button works.
Under it, hidden until `assets/javascripts/email.js` runs, come one labelled input
per distinct placeholder, the note on privacy with the "shared computer" choice, and
Copy email, Open in email app and Clear. The script fills the marks in as the reader types: the template is the
live preview.

`check_source` (the content check) and the extension apply the same rules
(`turning_no.model.email_templates.parse`); the check reports them at their line,
the extension raises ContentError. What surrounds the blocks on an email page is
checked by `turning_no.checks.email_pages`; a page's index of templates is
`turning_no.model.email_templates.templates_in`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterator
from urllib.parse import quote

from markdown.serializers import to_html_string
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from turning_no.model.email_templates import NAME, PLACEHOLDER, Template, normalize, parse
from turning_no.model.problems import ContentError
from turning_no.model.source_blocks import BlockSource, ScanProblem

RULE = "email-template"


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
        block.text = self.md.htmlStash.store(render(template, self.config.get("text") or {}))


#: The words the block shows: the extension's `text` config, which mkdocs.yml takes from
#: `extra.text.email` (a YAML anchor), so that one place per language holds them.
WORDS = (
    "subject_label",  # before the subject: "Subject:"
    "legend",  # over the inputs: "Fill in the blanks"
    "such_as",  # before a placeholder's example: "Such as"
    "details_note",  # under the inputs, when the template has one of your details
    "privacy",  # the privacy note, as the worksheets word it
    "shared_computer",  # the label of the "shared computer" choice
    "copy",  # "Copy email"
    "copy_body",  # "Copy message only" (replies only)
    "open",  # "Open in email app"
    "open_note",  # that Open in email app starts a new message
    "reply_how",  # how to reply in the same thread (replies only)
    "clear",  # "Clear"
    "reply_prefix",  # how a reply's subject starts: "Re:"
)


def is_reply(template: Template, words: dict[str, str]) -> bool:
    prefix = words.get("reply_prefix", "").strip().lower()
    return bool(prefix) and template.subject.strip().lower().startswith(prefix)


def render(template: Template, words: dict[str, str]) -> str:
    """The HTML inside the block's `div`: the template as text and its composer (hidden until email.js runs)."""
    missing = [name for name in WORDS if not words.get(name)]
    if missing:
        raise ContentError(
            f"the email template's words are missing: {', '.join(missing)}; add them to extra.text.email "
            "in mkdocs.yml (turning_no.markdown.email_template takes them as its 'text')",
            RULE,
        )
    block = etree.Element("div")
    index = {normalize(placeholder.text): number for number, placeholder in enumerate(template.placeholders)}
    reply = is_reply(template, words)

    pre = etree.SubElement(block, "pre", {"class": "email-template__text"})
    code = etree.SubElement(pre, "code")
    label = etree.SubElement(code, "span", {"class": "email-template__subject-label"})
    label.text = words["subject_label"]
    label.tail = " "
    subject = etree.SubElement(code, "span", {"class": "email-template__subject"})
    _marked_text(subject, template.subject, index)
    subject.tail = "\n\n"
    body = etree.SubElement(code, "span", {"class": "email-template__body"})
    _marked_text(body, template.body, index)

    # One status line per composer: the shared-computer choice (storage.bindShared) says its change there too.
    composer = etree.SubElement(
        block, "div", {"class": "email-composer", "hidden": "hidden", "data-tn-shared-scope": ""}
    )
    if template.placeholders:
        fieldset = etree.SubElement(composer, "fieldset", {"class": "email-composer__blanks"})
        legend = etree.SubElement(fieldset, "legend")
        legend.text = words["legend"]
        for number, placeholder in enumerate(template.placeholders, start=1):
            field_id = f"{template.id}-blank-{number}"
            row = etree.SubElement(fieldset, "div", {"class": "email-composer__field"})
            label = etree.SubElement(row, "label", {"for": field_id})
            label.text = placeholder.label
            attributes = {
                "id": field_id,
                "data-blank": str(number - 1),
                "data-placeholder": placeholder.text,
                "autocomplete": placeholder.autocomplete,
                "spellcheck": "false" if placeholder.input_type != "text" else "true",
            }
            if placeholder.detail:
                attributes["data-detail"] = placeholder.detail
            if placeholder.example:
                hint = etree.SubElement(row, "span", {"class": "email-composer__hint", "id": f"{field_id}-hint"})
                hint.text = f"{words['such_as']} {placeholder.example}"
                attributes["aria-describedby"] = f"{field_id}-hint"
            if placeholder.long:
                area = etree.SubElement(row, "textarea", {**attributes, "rows": "3"})
                area.text = ""
            else:
                etree.SubElement(row, "input", {"type": placeholder.input_type, **attributes})
        if any(placeholder.detail for placeholder in template.placeholders):
            note = etree.SubElement(fieldset, "p", {"class": "email-composer__details-note"})
            note.text = words["details_note"]
    privacy = etree.SubElement(composer, "div", {"class": "email-composer__privacy"})
    note = etree.SubElement(privacy, "p")
    note.text = words["privacy"]
    shared = etree.SubElement(privacy, "label", {"class": "tn-shared"})
    etree.SubElement(shared, "input", {"type": "checkbox", "data-tn-shared": ""}).tail = " " + words["shared_computer"]
    actions = etree.SubElement(composer, "div", {"class": "email-composer__actions"})
    copy = etree.SubElement(
        actions, "button", {"type": "button", "class": "email-composer__copy", "data-action": "copy"}
    )
    copy.text = words["copy"]
    if reply:
        copy_body = etree.SubElement(
            actions, "button", {"type": "button", "class": "email-composer__copy-body", "data-action": "copy-body"}
        )
        copy_body.text = words["copy_body"]
    mail = etree.SubElement(
        actions, "a", {"class": "email-composer__open", "data-action": "open", "href": mailto(template)}
    )
    mail.text = words["open"]
    clear = etree.SubElement(
        actions, "button", {"type": "button", "class": "email-composer__reset", "data-action": "clear"}
    )
    clear.text = words["clear"]
    how = etree.SubElement(composer, "p", {"class": "email-composer__how"})
    how.text = (words["reply_how"] + " " if reply else "") + words["open_note"]
    status = etree.SubElement(
        composer, "p", {"class": "email-composer__status", "role": "status", "data-tn-shared-status": ""}
    )
    status.text = ""
    return "\n".join(to_html_string(child) for child in block)


def _marked_text(parent: etree.Element, text: str, index: dict[str, int]) -> None:
    """`text` into `parent`, with each placeholder in a `<mark>`."""
    position = 0
    last: etree.Element | None = None
    parent.text = ""
    for match in PLACEHOLDER.finditer(text):
        before = text[position : match.start()]
        if last is None:
            parent.text = before
        else:
            last.tail = before
        last = etree.SubElement(
            parent, "mark", {"class": "email-placeholder", "data-blank": str(index[normalize(match.group(1))])}
        )
        last.text = f"[{match.group(1)}]"
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
    def __init__(self, *args, **kwargs):
        self.config = {"text": [{}, "the words the block shows (WORDS), from mkdocs.yml's extra.text.email"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (the name pymdownx calls)
        block_mgr.register(EmailTemplate, self.getConfigs())


def makeExtension(*args, **kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return EmailTemplateExtension(*args, **kwargs)
