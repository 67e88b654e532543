"""The email composer in headless Chromium: every template filled in, copied and mailed, as a reader would.

What the reader should get is worked out from the Markdown source (turning_no.model.email_templates.parse),
not from the page, so a script that drops or garbles a word is caught.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from conftest import DESKTOP, DOCS, PHONE
from page_checks import open_page, page_problems, watch
from playwright.sync_api import expect

from turning_no.model.email_templates import Template, parse
from turning_no.model.pages import body_lines, read_page
from turning_no.model.source_blocks import scan

pytestmark = pytest.mark.browser

PLACEHOLDER = re.compile(r"\[([^\[\]]*)\]")
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def source_templates() -> list[tuple[str, Template]]:
    """(page address, template) for every `/// email` block in docs/, in page order."""
    found = []
    for path in sorted(DOCS.glob("strategies/*/email.md")):
        page = read_page(path, DOCS)
        blocks, _ = scan(body_lines(page))
        for block in blocks:
            if block.name == "email":
                template, problems = parse(block.argument, block.body, block.line)
                assert problems == [], (path, problems)
                found.append((f"strategies/{path.parent.name}/email/", template))
    return found


TEMPLATES = source_templates()
EMAIL_PAGES = sorted({address for address, _ in TEMPLATES})


def value_for(number: int) -> str:
    """A value for the placeholder `number` with characters that HTML and URLs treat specially."""
    return f"Filled {number} & <b>bold?</b> #{number} 100% + é 😀 'x' \"y\""


def filled(text: str, template: Template) -> str:
    numbers = {placeholder.text: number for number, placeholder in enumerate(template.placeholders)}
    return PLACEHOLDER.sub(lambda match: value_for(numbers[match.group(1)]), text)


def fill_all(block, template: Template) -> None:
    for number, placeholder in enumerate(template.placeholders):
        field = block.get_by_label(placeholder.label, exact=True)
        field.fill(value_for(number))


def decode_mailto(href: str) -> tuple[str, str]:
    assert href.startswith("mailto:?subject=")
    subject, body = href.removeprefix("mailto:?subject=").split("&body=")
    return unquote(subject, errors="strict"), unquote(body, errors="strict")


@pytest.fixture
def context(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    yield context
    context.close()


def test_every_template_fills_in_as_the_reader_types_and_copy_and_mailto_give_exactly_that(context, site_url):
    assert len(TEMPLATES) >= 10
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for address, template in TEMPLATES:
        page.goto(site_url + address)
        block = page.locator(f"[data-email-template='{template.id}']")
        expect(block.locator(".email-composer")).to_be_visible()
        assert block.locator(".email-composer input").count() == len(template.placeholders)
        fill_all(block, template)

        subject, body = filled(template.subject, template), filled(template.body, template)
        assert block.locator(".email-template__subject").text_content() == subject, template.id
        assert block.locator(".email-template__body").text_content() == body, template.id

        block.get_by_role("button", name="Copy email").click()
        expect(block.get_by_role("status")).to_have_text("Email copied. Paste it into your email app.")
        assert page.evaluate("navigator.clipboard.readText()") == f"Subject: {subject}\n\n{body}", template.id

        href = block.get_by_role("link", name="Open in email app").get_attribute("href")
        assert decode_mailto(href) == (subject, body.replace("\n", "\r\n")), template.id
    assert errors == []


def test_blanks_left_in_brackets_are_counted_when_copying(context, site_url):
    page = context.new_page()
    page.goto(site_url + "strategies/ask-for-feedback/email/")
    block = page.locator(".email-template").first
    block.get_by_label("Job title", exact=True).fill("Data analyst")
    block.get_by_role("button", name="Copy email").click()
    expect(block.get_by_role("status")).to_have_text(
        "Email copied. Paste it into your email app. 2 blanks are still in [brackets]. Fill them in before you send."
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: Re: Data analyst application") and "[Hiring manager's name]" in copied


def test_markup_typed_into_a_placeholder_is_shown_as_text_and_never_becomes_an_element(context, site_url):
    page = context.new_page()
    page.goto(site_url + "strategies/ask-for-feedback/email/")
    block = page.locator(".email-template").first
    images_before = page.locator("img").count()
    typed = '<img src=x onerror="window.typedMarkupRan = true">'
    block.get_by_label("Hiring manager's name", exact=True).press_sequentially(typed)
    for _ in range(2):  # as typed, and as restored from sessionStorage after a reload
        assert block.locator(".email-template__body mark").first.text_content() == typed
        assert block.locator(".email-template__body").text_content().startswith(f"Hi {typed},")
        assert block.locator("img").count() == 0
        assert page.locator("img").count() == images_before
        assert page.evaluate("window.typedMarkupRan") is None
        page.reload()


def test_values_stay_for_this_tab_only_and_reset_clears_them(context, site_url):
    address = site_url + "strategies/build-your-skills/email/"
    page = context.new_page()
    page.goto(address)
    block = page.locator(".email-template").first
    block.get_by_label("Mentor's name", exact=True).fill("Dana")
    block.get_by_label("Job title", exact=True).fill("Nurse manager")

    page.reload()
    expect(block.get_by_label("Mentor's name", exact=True)).to_have_value("Dana")
    expect(block.get_by_label("Job title", exact=True)).to_have_value("Nurse manager")
    assert block.locator(".email-template__body").text_content().startswith("Hi Dana,")

    other_tab = context.new_page()  # same browser, same site: sessionStorage is not shared
    other_tab.goto(address)
    expect(other_tab.get_by_label("Mentor's name", exact=True)).to_have_value("")
    other_tab.close()

    block.get_by_role("button", name="Reset").click()
    expect(block.get_by_role("status")).to_have_text("Cleared. The blanks are back in the email.")
    expect(block.get_by_label("Mentor's name", exact=True)).to_have_value("")
    assert block.locator(".email-template__body").text_content().startswith("Hi [Mentor's name],")
    assert page.evaluate("Object.keys(sessionStorage).filter(key => key.startsWith('turning-no:email:'))") == []
    page.reload()
    expect(block.get_by_label("Job title", exact=True)).to_have_value("")


def test_the_privacy_note_sits_under_the_inputs(context, site_url):
    page = context.new_page()
    page.goto(site_url + "strategies/reflect-on-feedback/email/")
    note = page.locator(".email-composer__privacy")
    expect(note).to_have_text(re.compile(r"^What you type stays in this browser tab only, and is deleted when you"))
    last_input = page.locator(".email-composer input").last.bounding_box()
    assert note.bounding_box()["y"] > last_input["y"] + last_input["height"]


def test_without_javascript_the_template_reads_whole_and_the_composer_stays_hidden(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    address, template = TEMPLATES[0]
    page.goto(site_url + address)
    block = page.locator(f"[data-email-template='{template.id}']")
    expect(block.locator("pre")).to_be_visible()
    assert block.locator("pre").text_content() == f"Subject: {template.subject}\n\n{template.body}"
    expect(block.locator(".email-composer")).to_be_hidden()
    context.close()


def test_if_our_script_fails_materials_copy_button_still_copies_the_template(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    context.route("**/email*.js", lambda route: route.abort())  # email.js, or email.min.js once minified
    page = context.new_page()
    address, template = TEMPLATES[0]
    page.goto(site_url + address)
    block = page.locator(f"[data-email-template='{template.id}']")
    expect(block.locator(".email-composer")).to_be_hidden()
    block.locator("pre").hover()
    block.get_by_title("Copy to clipboard").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"Subject: {template.subject}\n\n{template.body}"
    context.close()


def test_the_composer_starts_after_an_instant_page_change(context, site_url):
    page = context.new_page()
    page.goto(site_url + "strategies/process-emotions/")
    page.evaluate("window.__sameDocument = true")  # gone if the link loads a whole new page
    page.get_by_role("link", name="Email template: Replying to a rejection").click()
    page.wait_for_url("**/process-emotions/email/")
    expect(page.locator(".email-composer")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True  # Material's instant navigation swapped the page
    page.get_by_label("Company name", exact=True).fill("Acme")
    assert "Acme" in page.locator(".email-template__subject").text_content()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("address", EMAIL_PAGES)
def test_a_filled_email_page_passes_every_page_check(browser, site_url, address, scheme):
    # The walk (tests/test_walk.py) checks every email page as it opens; here with every
    # template filled in and a status message showing, on a phone, light and dark.
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page = context.new_page()
    watch(page, site_url)
    open_page(page, site_url + address)
    expect(page.locator(".email-composer").first).to_be_visible()
    for block_address, template in TEMPLATES:
        if block_address == address:
            fill_all(page.locator(f"[data-email-template='{template.id}']"), template)
    page.locator(".email-composer__copy").first.click()
    expect(page.locator(".email-composer__status").first).not_to_be_empty()
    assert page_problems(page) == []
    context.close()
