"""The email template block: Markdown in, HTML out; every mistake an author can make, at its line."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import assert_found, assert_same_html

from turning_no.checks.email_pages import check_email_page
from turning_no.checks.runner import extension_options
from turning_no.markdown.email_template import EmailTemplate, EmailTemplateExtension
from turning_no.model.config import read_config
from turning_no.model.email_templates import parse, templates_in
from turning_no.model.frontmatter import read_front_matter
from turning_no.model.pages import Page
from turning_no.model.problems import ContentError
from turning_no.model.source_blocks import scan

pytestmark = pytest.mark.unit

# The extensions of mkdocs.yml that could touch a template: highlight rewrites
# `pre > code`, smarty curls quotes, toc and attr_list set ids.
EXTENSIONS = ["toc", "attr_list", "smarty", "pymdownx.highlight", "pymdownx.superfences"]


#: The extension's options as mkdocs.yml gives them: its words (extra.text.email).
OPTIONS = extension_options(read_config(Path(__file__).parents[1] / "mkdocs.yml"), "turning_no.markdown.email_template")


def render(source: str) -> str:
    return markdown.markdown(source, extensions=[*EXTENSIONS, EmailTemplateExtension(**OPTIONS)])


def assert_html(source: str, expected: str) -> None:
    """The source, rendered, is the expected HTML (a diff if not)."""
    assert_same_html(render(source), expected)


def soup(source: str) -> BeautifulSoup:
    return BeautifulSoup(render(source), "html.parser")


SIMPLE = """\
/// email | say-thanks
Subject: Thanks, [Their name]

Hi [Their name],

Thank you.
[Your name]{your-name}
///
"""


def test_a_template_renders_as_text_with_marked_placeholders_and_a_hidden_composer():
    assert_html(
        SIMPLE,
        '<div class="email-template" data-email-template="say-thanks" id="say-thanks">'
        '<pre class="email-template__text"><code>'
        '<span class="email-template__subject-label">Subject:</span> '
        '<span class="email-template__subject">Thanks, '
        '<mark class="email-placeholder" data-blank="0">[Their name]</mark></span>\n\n'
        '<span class="email-template__body">Hi <mark class="email-placeholder" data-blank="0">[Their name]</mark>,\n\n'
        "Thank you.\n"
        '<mark class="email-placeholder" data-blank="1">[Your name]</mark></span></code></pre>\n'
        '<div class="email-composer" data-tn-shared-scope="" hidden>'
        '<fieldset class="email-composer__blanks"><legend>Fill in the blanks</legend>'
        '<div class="email-composer__field"><label for="say-thanks-blank-1">Their name</label>'
        '<input autocomplete="off" data-blank="0" data-placeholder="Their name" id="say-thanks-blank-1" '
        'spellcheck="true" type="text"></div>'
        '<div class="email-composer__field"><label for="say-thanks-blank-2">Your name</label>'
        '<input autocomplete="name" data-blank="1" data-detail="your-name" data-placeholder="Your name" '
        'id="say-thanks-blank-2" spellcheck="true" type="text"></div>'
        '<p class="email-composer__details-note">Your details are filled in on every email template. '
        "Change one here and it changes in all of them.</p>"
        "</fieldset>"
        '<div class="email-composer__privacy">'
        "<p>What you type is saved on this device only; nothing is sent until you send the email yourself.</p>"
        '<label class="tn-shared"><input data-tn-shared="" type="checkbox"> '
        "Shared computer: keep nothing after I close this tab</label>"
        "</div>"
        '<div class="email-composer__actions">'
        '<button class="email-composer__copy" data-action="copy" type="button">Copy email</button>'
        '<a class="email-composer__open" data-action="open" '
        'href="mailto:?subject=Thanks%2C%20%5BTheir%20name%5D&amp;body=Hi%20%5BTheir%20name%5D%2C%0D%0A%0D%0A'
        'Thank%20you.%0D%0A%5BYour%20name%5D">Open in email app</a>'
        '<button class="email-composer__reset" data-action="clear" type="button">Clear</button>'
        "</div>"
        '<p class="email-composer__how">Open in email app starts a new, empty message.</p>'
        '<p class="email-composer__status" data-tn-shared-status="" role="status"></p>'
        "</div></div>",
    )


def test_the_body_is_kept_as_written_never_read_as_markdown_or_html():
    html = soup(
        "/// email | raw\n"
        "Subject: A *test* -- it's <b>raw</b>\n\n"
        "Hi [Name](https://example.com), `code` and **bold**.\n"
        "    indented line\n"
        '<img src=x onerror="alert(1)"> & "quotes"\n'
        "- not a list\n"
        "///\n"
    )
    code = html.select_one("pre > code")
    assert code.get_text() == (
        "Subject: A *test* -- it's <b>raw</b>\n\n"
        "Hi [Name](https://example.com), `code` and **bold**.\n"
        "    indented line\n"
        '<img src=x onerror="alert(1)"> & "quotes"\n'
        "- not a list"
    )
    assert code.select("img, b, a, em, strong, li") == []


def test_the_same_placeholder_twice_has_one_input_and_each_distinct_one_its_own():
    html = soup(
        "/// email | twice\nSubject: About [Job title]\n\n"
        "Hi [Name], the [Job title] role. [Name], thanks.\n[Your phone number]{your-phone}\n///\n"
    )
    labels = [label.get_text() for label in html.select(".email-composer__blanks label")]
    assert labels == ["Job title", "Name", "Your phone number"]
    assert [mark["data-blank"] for mark in html.select("mark")] == ["0", "1", "0", "1", "2"]
    assert html.select_one("#twice-blank-3")["autocomplete"] == "tel"  # WCAG 1.3.5: input purpose


def test_a_placeholder_with_such_as_gets_a_short_label_and_a_hint():
    html = soup('/// email | hint\nSubject: Hi\n\nI am [How you know them, such as "a former coworker"].\n///\n')
    field = html.select_one(".email-composer__field")
    assert field.select_one("label").get_text() == "How you know them"
    assert field.select_one("#hint-blank-1-hint").get_text() == 'Such as "a former coworker"'
    assert field.select_one("[data-blank]")["aria-describedby"] == "hint-blank-1-hint"
    assert field.select_one("[data-blank]")["data-placeholder"] == 'How you know them, such as "a former coworker"'
    # The template itself shows the placeholder whole.
    assert html.select_one("mark").get_text() == '[How you know them, such as "a former coworker"]'


def test_a_template_without_placeholders_has_no_inputs_but_can_be_copied_and_sent():
    html = soup("/// email | plain\nSubject: Hello\n\nHello there.\n///\n")
    assert html.select("fieldset, [data-blank]") == []
    assert [button.get_text() for button in html.select(".email-composer__actions > *")] == [
        "Copy email",
        "Open in email app",
        "Clear",
    ]
    assert html.select("[data-action='copy-body']") == []  # not a reply


DETAILS = """\
/// email | details
Subject: Re: [Job title]{job-title} at [Company name]{company}

Hi [Hiring manager's name]{hiring-manager}, about the [Job title]{job-title} role at [Company name]{company}:
[One thing you discussed in the interview]. [How many years, such as six years].
[Your name]{your-name}, [Your phone number]{your-phone}, [Your email address]{your-email}
///
"""


def test_your_details_carry_their_id_and_input_type_and_long_blanks_get_a_multi_line_box():
    html = soup(DETAILS)
    fields = {
        field.select_one("label").get_text(): field.select_one("input, textarea")
        for field in html.select(".email-composer__field")
    }
    found = {
        label: (box.name, box.get("type"), box.get("data-detail"), box["autocomplete"]) for label, box in fields.items()
    }
    assert found == {
        "Job title": ("input", "text", "job-title", "off"),
        "Company name": ("input", "text", "company", "off"),
        "Hiring manager's name": ("input", "text", "hiring-manager", "off"),
        "One thing you discussed in the interview": ("textarea", None, None, "off"),
        "How many years": ("input", "text", None, "off"),
        "Your name": ("input", "text", "your-name", "name"),
        "Your phone number": ("input", "tel", "your-phone", "tel"),
        "Your email address": ("input", "email", "your-email", "email"),
    }
    # The braces are author syntax: the email, its marks and its mailto link never show them.
    text = html.select_one("pre").get_text() + unquote(html.select_one("[data-action='open']")["href"])
    assert "{" not in text and "[Job title] at [Company name]" in text
    assert html.select_one(".email-composer__details-note").get_text().startswith("Your details are filled in")


def test_a_reply_also_copies_its_message_only_and_says_how_to_reply_in_the_thread():
    html = soup(DETAILS)
    assert [button.get_text() for button in html.select(".email-composer__actions > *")] == [
        "Copy email",
        "Copy message only",
        "Open in email app",
        "Clear",
    ]
    how = html.select_one(".email-composer__how").get_text()
    assert "choose Reply" in how and "starts a new, empty message" in how
    assert "choose Reply" not in soup(SIMPLE).select_one(".email-composer__how").get_text()


def test_every_word_of_the_block_comes_from_the_config():
    other = {**OPTIONS["text"], "legend": "Rellena los espacios", "copy_body": "Copiar solo el mensaje"}
    html = markdown.markdown(DETAILS, extensions=[EmailTemplateExtension(text=other)])
    assert "Rellena los espacios" in html and "Copiar solo el mensaje" in html
    with pytest.raises(ContentError, match="the email template's words are missing: legend"):
        markdown.markdown(SIMPLE, extensions=[EmailTemplateExtension(text={**OPTIONS["text"], "legend": ""})])


def test_the_mailto_link_decodes_back_to_the_subject_and_the_body_with_crlf_line_breaks():
    html = soup("/// email | encode\nSubject: Q&A: 100% #1 + you?\n\nLine one & two\n\nÉté = 😀 [Name]\n///\n")
    href = html.select_one("[data-action='open']")["href"]
    assert href.startswith("mailto:?subject=")
    subject, body = href.removeprefix("mailto:?subject=").split("&body=")
    assert unquote(subject) == "Q&A: 100% #1 + you?"
    assert unquote(body) == "Line one & two\r\n\r\nÉté = 😀 [Name]"
    assert "&" not in subject + body and "#" not in subject + body and "+" not in subject + body


def test_text_around_the_block_is_ordinary_markdown():
    html = render("## Thanks\n\n**When to send it:** Soon.\n\n" + SIMPLE + "\n### Tips\n\n- One\n- Two\n")
    assert html.startswith('<h2 id="thanks">Thanks</h2>\n<p><strong>When to send it:</strong> Soon.</p>\n<div')
    assert html.endswith('<h3 id="tips">Tips</h3>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>')


# --- Mistakes in a block: the content check reports each at its line; the extension raises.

LONG_SUBJECT = "A" * 71
LONG_BODY = " ".join(["word"] * 201)

BROKEN_BLOCKS = [
    ("/// email | a\nHi [Name],\n///\n", 2, "a template starts with its subject line; write 'Subject: ...' here"),
    ("/// email | a\n///\n", 1, "this template is empty; write 'Subject: ...' on its first line"),
    ("/// email | a\n\nSubject: Hello\n\n///\n", 3, "this template has no body; after the subject, leave a blank"),
    ("/// email | a\nSubject:\n\nHello.\n///\n", 2, "the subject is empty; write it after 'Subject:'"),
    ("/// email | a\nSubject: Hi\nHello there.\n///\n", 3, "leave a blank line between the subject line and the body"),
    ("/// email | a\nSubject: Hi\n\nHi [Name,\nThanks.\n///\n", 4, "the '[' of '[Name,' is never closed; end the"),
    ("/// email | a\nSubject: Hi\n\nHi Name],\n///\n", 4, "a ']' that closes nothing, after 'Hi Name]'"),
    (
        "/// email | a\nSubject: Hi\n\nHi [Name [first]].\n///\n",
        4,
        "a '[' inside the placeholder '[Name [...'",
        [(4, "a ']' that closes nothing, after 'Hi [Name [first]]'")],
    ),
    ("/// email | a\nSubject: Hi\n\nHi [ ],\n///\n", 4, "'[ ]' is an empty placeholder; write what goes there"),
    ("/// email | a\nSubject: Hi [Name\n\nHi.\n///\n", 2, "the '[' of '[Name' is never closed"),
    (
        "/// email | a\nSubject: About [Company]\n\nHi [Name].\n///\n",
        2,
        "[Company] is in the subject but not in the body; use it in the body too",
    ),
    (f"/// email | a\nSubject: {LONG_SUBJECT}\n\nHi.\n///\n", 2, "the subject is 71 characters long; keep it to 70"),
    (f"/// email | a\nSubject: Hi\n\n\n{LONG_BODY}\n///\n", 5, "the body is 201 words long; keep it to 200 or fewer"),
    (
        "/// email | a\nSubject: Hi\n\nThe [Job title] role.\nAs a [Job Title]...\n///\n",
        5,
        "[Job Title] is written [Job title] on line 4; write a placeholder the same way each time",
    ),
    ("/// email | Ask_Feedback\nSubject: Hi\n\nHello.\n///\n", 1, "the id 'Ask_Feedback' may use only lowercase"),
    (
        "/// email | a\nSubject: Hi\n\nHi.\n[Your name]{name}\n///\n",
        5,
        "[Your name]{name}: 'name' is not one of your details; use one of your-name, your-phone, your-email, "
        "job-title, company, hiring-manager",
    ),
    (
        "/// email | a\nSubject: Hi\n\nThe [Job title]{job-title} role.\nAs a [Job title]...\n///\n",
        5,
        "[Job title] is written [Job title]{job-title} on line 4; write its id the same way each time, "
        "such as [Job title]{job-title} on every line",
    ),
]


def check_source(source: str) -> list[tuple[int, str]]:
    blocks, shape_problems = scan(enumerate(source.splitlines(), start=1))
    assert shape_problems == []
    return [(problem.line, problem.message) for problem in EmailTemplate.check_source(blocks[0])]


#: (source, line, message, and any other (line, message) the same source gives).
BROKEN_BLOCKS = [case if len(case) == 4 else (*case, []) for case in BROKEN_BLOCKS]


@pytest.mark.parametrize(("source", "line", "message", "others"), BROKEN_BLOCKS)
def test_the_content_check_reports_each_mistake_at_its_line(source, line, message, others):
    assert_found(check_source(source), [(line, message), *others])


@pytest.mark.parametrize(("source", "line", "message", "others"), BROKEN_BLOCKS)
def test_the_extension_raises_a_content_error_on_the_same_mistakes(source, line, message, others):
    with pytest.raises(ContentError) as raised:
        render(source)
    assert raised.value.rule == "email-template"
    # The same words; the extension cannot know the page's line numbers, so it names none.
    assert message.split(";")[0].split("'")[0].split(" on line")[0] in raised.value.message


def test_a_template_without_an_id_is_reported_at_its_first_line():
    assert check_source("/// email\nSubject: Hi\n\nHello.\n///\n") == [
        (
            1,
            "this template has no id; write one after '|', such as '/// email | ask-for-feedback': "
            "it is the template's link and the key of what the reader types",
        )
    ]
    # pymdownx.blocks shows it as text; the build's hook stops on any '///' left in a page.
    assert "/// email" in render("/// email\nSubject: Hi\n\nHello.\n///\n")


def test_a_good_template_has_no_problems_and_counts_its_words():
    assert check_source(SIMPLE) == []
    template, problems = parse("say-thanks", list(enumerate(SIMPLE.splitlines()[1:-1], start=2)), 1)
    assert problems == [] and template.words == 7 and template.subject == "Thanks, [Their name]"


def test_the_extension_stops_on_an_id_used_twice_on_one_page():
    with pytest.raises(ContentError, match="used twice on the page"):
        render(SIMPLE + "\n" + SIMPLE)


# --- The page around the templates: heading, when to send it, tips.


def page_of(body: str) -> Page:
    text = "---\ntitle: Emails\ndescription: Some.\n---\n\nBack to [the strategy](index.md).\n\n" + body
    return Page(Path("email.md"), "strategies/x/email.md", text, front_matter=read_front_matter(text))


GOOD_SECTION = "## Saying thanks\n\n**When to send it:** Soon.\n\n" + SIMPLE + "\n### Tips\n\n- One\n- Two\n"


def test_a_good_email_page_has_no_problems_and_lists_its_templates():
    page = page_of(
        GOOD_SECTION
        + "\n## Thanks again {#again}\n\n**When to send it:** Later.\n\n"
        + SIMPLE.replace("say-thanks", "again-thanks")
        + "\n### Tips\n\n- One\n- Two\n- Three\n"
    )
    assert list(check_email_page(page)) == []
    assert [(entry.id, entry.title, entry.anchor, entry.when) for entry in templates_in(page)] == [
        ("say-thanks", "Saying thanks", "saying-thanks", "Soon."),
        ("again-thanks", "Thanks again", "again", "Later."),
    ]


def test_heading_anchors_are_those_the_toc_gives_repeated_headings():
    page = page_of(GOOD_SECTION + "\n" + GOOD_SECTION.replace("say-thanks", "say-thanks-2"))
    assert [entry.anchor for entry in templates_in(page)] == ["saying-thanks", "saying-thanks_1"]
    html = render(page.text.split("---\n", 2)[2])
    assert 'id="saying-thanks"' in html and 'id="saying-thanks_1"' in html


BROKEN_PAGES = [
    (SIMPLE, 8, "put this template under a '## ' heading that names the situation"),
    ("## Thanks\n\n" + SIMPLE + "\n### Tips\n\n- One\n- Two\n", 10, "add a line '**When to send it:** ...' between"),
    ("## Thanks\n\n**When to send it:** Soon.\n\n" + SIMPLE, 19, "add '### Tips' after this template"),
    (
        "## Thanks\n\n**When to send it:** Soon.\n\n" + SIMPLE + "\n### Tips\n\n- Only one\n",
        21,
        "'### Tips' needs two or three tips, each a list item ('- ...'); it has 1",
    ),
    (
        GOOD_SECTION + "\n" + SIMPLE.replace("say-thanks", "second"),
        26,
        "'## Saying thanks' (line 8) already has a template (line 12); give each template its own '## ' heading",
    ),
    ("## Thanks\n\nNo template yet.\n", 4, "this email page has no template; add one under a '## ' heading"),
    (
        "## Thanks\n\n```text\nSubject: Hello\n\nHi.\n```\n",
        10,
        "this email is a code block; write it as '/// email | an-id' ... '///' instead",
        [(4, "this email page has no template; add one under a '## ' heading")],
    ),
    (
        GOOD_SECTION.replace("say-thanks", "saying-thanks"),
        12,
        "the id 'saying-thanks' is also a heading's link on this page; choose another id",
    ),
]


@pytest.mark.parametrize(("body", "line", "message", "others"), [c if len(c) == 4 else (*c, []) for c in BROKEN_PAGES])
def test_an_email_page_without_what_surrounds_a_template_is_reported_at_its_line(body, line, message, others):
    found = [(problem.line, problem.message) for problem in check_email_page(page_of(body))]
    assert_found(found, [(line, message), *others])
