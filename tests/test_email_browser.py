"""The email composer in headless Chromium: every template filled in, copied and mailed, as a reader would.

What the reader should get is worked out from the Markdown source (turning_no.model.email_templates.parse),
not from the page, so a script that drops or garbles a word is caught.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from conftest import CHROMIUM_ARGS, DESKTOP, DOCS, PHONE
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
        assert block.locator(".email-composer [data-blank]").count() == len(template.placeholders)
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
    typed = "<img src=x onerror=window.typedMarkupRan=1>"
    block.get_by_label("Hiring manager's name", exact=True).press_sequentially(typed)
    for _ in range(2):  # as typed, and as restored from the device after a reload
        assert block.locator(".email-template__body mark").first.text_content() == typed
        assert block.locator(".email-template__body").text_content().startswith(f"Hi {typed},")
        assert block.locator("img").count() == 0
        assert page.locator("img").count() == images_before
        assert page.evaluate("window.typedMarkupRan") is None
        page.reload()


def test_drafts_survive_closing_the_browser_and_clear_asks_first(playwright_driver, site_url, tmp_path):
    playwright, executable = playwright_driver
    profile = tmp_path / "profile"
    address = site_url + "strategies/build-your-skills/email/"
    first = playwright.chromium.launch_persistent_context(profile, executable_path=executable, args=CHROMIUM_ARGS)
    page = first.new_page()
    page.goto(address)
    block = page.locator(".email-template").first
    block.get_by_label("Mentor's name", exact=True).fill("Dana")
    block.get_by_label("Job title", exact=True).fill("Nurse manager")
    first.close()

    second = playwright.chromium.launch_persistent_context(profile, executable_path=executable, args=CHROMIUM_ARGS)
    page = second.new_page()
    page.goto(address)
    block = page.locator(".email-template").first
    expect(block.get_by_label("Mentor's name", exact=True)).to_have_value("Dana")
    expect(block.get_by_label("Job title", exact=True)).to_have_value("Nurse manager")
    assert block.locator(".email-template__body").text_content().startswith("Hi Dana,")
    draft = page.evaluate(
        "id => JSON.parse(localStorage.getItem('turning-no:/:draft:' + id))", block.get_attribute("data-email-template")
    )
    assert draft["v"] == 2 and list(draft["data"]["values"].values()) == ["Dana"]  # your details are kept apart

    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    block.get_by_role("button", name="Clear").click()
    expect(block.get_by_role("status")).to_have_text("Nothing was cleared.")
    expect(block.get_by_label("Mentor's name", exact=True)).to_have_value("Dana")
    assert asked[0].startswith("Clear the blanks of this email?")

    page.once("dialog", lambda dialog: dialog.accept())
    block.get_by_role("button", name="Clear").click()
    expect(block.get_by_role("status")).to_have_text(
        "Cleared. The blanks are back in the email. Your details are kept."
    )
    expect(block.get_by_label("Mentor's name", exact=True)).to_have_value("")
    expect(block.get_by_label("Job title", exact=True)).to_have_value("Nurse manager")  # a detail: kept
    assert block.locator(".email-template__body").text_content().startswith("Hi [Mentor's name],")
    page.reload()
    expect(page.locator(".email-template").first.get_by_label("Mentor's name", exact=True)).to_have_value("")
    second.close()


def test_your_details_typed_once_fill_every_template_on_every_email_page(context, site_url):
    details = {
        "your-name": "Ana Ruiz",
        "your-phone": "555-0100",
        "job-title": "Data analyst",
        "company": "Acme",
        "hiring-manager": "Ms. Lee",
    }
    page = context.new_page()
    page.goto(site_url + "strategies/ask-for-feedback/email/")
    for detail, value in details.items():  # in whichever template asks for it first
        page.locator(f"[data-detail='{detail}']").first.fill(value)
    assert page.locator("[data-detail='your-phone']").first.get_attribute("type") == "tel"
    expect(page.locator(".email-composer__details-note").first).to_be_visible()
    seen = set()
    for address in EMAIL_PAGES:
        page.goto(site_url + address)
        expect(page.locator(".email-composer").first).to_be_visible()
        for box in page.locator("[data-detail]").all():
            detail = box.get_attribute("data-detail")
            assert box.input_value() == details[detail], (address, detail)
            seen.add(detail)
    assert seen == set(details)
    # A change in one template changes them all, here and on the other pages.
    page.goto(site_url + "strategies/ask-for-feedback/email/")
    page.locator("[data-detail='job-title']").nth(1).fill("Analyst")
    for box in page.locator("[data-detail='job-title']").all():
        expect(box).to_have_value("Analyst")
    page.goto(site_url + "strategies/process-emotions/email/")
    expect(page.locator("[data-detail='job-title']").first).to_have_value("Analyst")
    assert page.locator(".email-template__subject").first.text_content().startswith("Re: Analyst at Acme")


def test_a_reply_copies_its_message_only(context, site_url):
    page = context.new_page()
    page.goto(site_url + "strategies/process-emotions/email/")
    block = page.locator(".email-template").first
    block.get_by_role("button", name="Copy message only").click()
    expect(block.get_by_role("status")).to_contain_text("Message copied, without the subject line.")
    assert page.evaluate("navigator.clipboard.readText()") == block.locator(".email-template__body").text_content()
    assert page.get_by_role("button", name="Copy message only").count() == 1  # the page's one reply
    expect(block.locator(".email-composer__how")).to_contain_text("choose Reply")


def test_drafts_of_the_earlier_tab_only_composer_are_carried_over_once(context, site_url):
    page = context.new_page()
    address = site_url + "strategies/ask-for-feedback/email/"
    page.goto(address)
    template = page.locator(".email-template").first.get_attribute("data-email-template")
    page.evaluate(
        """id => sessionStorage.setItem('turning-no:email:' + id, JSON.stringify({
            "Job title": "Welder", "Hiring manager's name": "Mr. Cole", "Your name": "Sam"}))""",
        template,
    )
    page.reload()
    block = page.locator(".email-template").first
    expect(block.get_by_label("Job title", exact=True)).to_have_value("Welder")
    expect(block.get_by_label("Hiring manager's name", exact=True)).to_have_value("Mr. Cole")
    expect(block.get_by_label("Your name", exact=True)).to_have_value("Sam")
    assert page.evaluate("Object.keys(sessionStorage).filter(key => key.startsWith('turning-no:email:'))") == []
    details = page.evaluate("JSON.parse(localStorage.getItem('turning-no:/:details'))")["data"]["values"]
    assert details == {"job-title": "Welder", "hiring-manager": "Mr. Cole", "your-name": "Sam"}


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
