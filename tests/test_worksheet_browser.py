"""Worksheets in a real browser: typing, saving on the device, restoring, clearing,
downloading, print, and every page check of tests/page_checks.py on each sheet filled in.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import CHROMIUM_ARGS, DOCS, PHONE
from page_checks import console_problems, open_page, page_problems, watch
from pypdf import PdfReader

pytestmark = pytest.mark.browser

# Today's key (storage.js): the site's root path, then the record; format 1 had no root.
KEY_PREFIX = "turning-no:/:worksheet:"
FORMAT_1_PREFIX = "turning-no:worksheet:"
TRICKY = '<script>window.__hacked = 1</script><img src=x onerror="window.__hacked = 2">'


SLUGS = sorted(path.parent.name for path in DOCS.glob("strategies/*/worksheet.md"))


@pytest.fixture(scope="module")
def slugs(built_site) -> list[str]:
    found = sorted(path.parent.parent.name for path in built_site.glob("strategies/*/worksheet/index.html"))
    assert found == SLUGS and len(found) == 8
    return found


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    yield context
    context.close()


def open_sheet(context, site_url: str, slug: str):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error}\n{getattr(error, 'stack', '')}"))
    page.errors = errors
    page.goto(f"{site_url}strategies/{slug}/worksheet/")
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    return page


def fill_every_field(page, text: str = "My answer") -> dict:
    """Answer every field of the sheet the way a reader would; return what was entered, by field id."""
    entered = {}
    for field in page.locator(".ws-field").all():
        kind, field_id = field.get_attribute("data-kind"), field.get_attribute("data-field")
        if kind in ("short", "long"):
            value = f"{text} to {field_id}"
            field.locator("input, textarea").first.fill(value)
        elif kind == "date":
            value = "2026-11-26"
            field.locator("input").fill(value)
        elif kind == "checklist":
            field.locator("input[type=checkbox]").last.check()
            value = ["last"]
        elif kind == "scale":
            field.locator("input[value='4']").check()
            value = "4"
        else:  # table
            value = f"{text} in a log"
            field.locator("tbody input").first.fill(value)
        entered[field_id] = value
    return entered


def read_every_field(page) -> dict:
    found = {}
    for field in page.locator(".ws-field").all():
        kind, field_id = field.get_attribute("data-kind"), field.get_attribute("data-field")
        if kind in ("short", "long", "date"):
            found[field_id] = field.locator("input, textarea").first.input_value()
        elif kind == "checklist":
            boxes = field.locator("input[type=checkbox]")
            found[field_id] = ["last"] if boxes.last.is_checked() else []
        elif kind == "scale":
            checked = field.locator("input:checked")
            found[field_id] = checked.get_attribute("value") if checked.count() else ""
        else:
            found[field_id] = field.locator("tbody input").first.input_value()
    return found


def stored(page, slug: str) -> dict | None:
    """The sheet's record as stored (its data), or None."""
    record = page.evaluate("key => JSON.parse(localStorage.getItem(key))", KEY_PREFIX + slug)
    return record["data"] if record else None


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("slug", SLUGS)
def test_a_filled_sheet_passes_every_page_check_and_its_answers_come_back_after_a_reload(
    browser, site_url, slug, scheme
):
    # The walk (tests/test_walk.py) checks every sheet blank; here filled in, with a row added
    # and the status showing, on a phone, light and dark.
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    watch(page, site_url)
    open_page(page, f"{site_url}strategies/{slug}/worksheet/")
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    entered = fill_every_field(page)
    assert page.locator(".ws-status").text_content() == "Saved on this device."
    page.locator(".ws-field--table").first.get_by_role("button", name="Add a row").click()
    assert page_problems(page) == []
    page.reload()
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    assert read_every_field(page) == entered
    assert "back" in page.locator(".ws-status").text_content()
    assert set(stored(page, slug)["answers"]) == set(entered)
    assert console_problems(page) == []
    context.close()


def test_answers_survive_instant_navigation_away_and_back(context, site_url):
    page = open_sheet(context, site_url, "ask-for-feedback")
    page.locator("#ws-recipient").fill("Sam Lee, hiring manager")
    page.evaluate("window.__sameDocument = true")  # gone if a link loads a whole new page
    page.locator(".back-to-strategy a").click()
    page.wait_for_url("**/strategies/ask-for-feedback/")
    page.locator("article a[href$='worksheet/']").first.click()
    page.wait_for_url("**/strategies/ask-for-feedback/worksheet/")
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    assert page.evaluate("window.__sameDocument") is True  # Material's instant navigation swapped the page
    assert page.locator("#ws-recipient").input_value() == "Sam Lee, hiring manager"
    # The browser's own back and forward buttons.
    page.evaluate("history.back()")
    page.wait_for_url("**/strategies/ask-for-feedback/")
    page.wait_for_selector("article a[href$='worksheet/']")
    page.evaluate("history.forward()")
    page.wait_for_url("**/strategies/ask-for-feedback/worksheet/")
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    assert page.locator("#ws-recipient").input_value() == "Sam Lee, hiring manager"


def test_answers_survive_closing_the_browser(playwright_driver, site_url, tmp_path):
    playwright, executable = playwright_driver
    profile = tmp_path / "profile"
    url = f"{site_url}strategies/ask-for-feedback/worksheet/"
    first = playwright.chromium.launch_persistent_context(profile, executable_path=executable, args=CHROMIUM_ARGS)
    page = first.new_page()
    page.goto(url)
    page.locator("#ws-main-question").fill("What skill did you hope to see more of?")
    page.locator("#ws-readiness-3").check()
    first.close()

    second = playwright.chromium.launch_persistent_context(profile, executable_path=executable, args=CHROMIUM_ARGS)
    page = second.new_page()
    page.goto(url)
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    assert page.locator("#ws-main-question").input_value() == "What skill did you hope to see more of?"
    assert page.locator("#ws-readiness-3").is_checked()
    second.close()


def test_clear_asks_first_and_then_empties_the_sheet_and_the_storage(context, site_url):
    page = open_sheet(context, site_url, "ask-for-feedback")
    fill_every_field(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Clear answers").click()
    assert page.locator("#ws-recipient").input_value() != ""  # said no: nothing cleared

    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Clear answers").click()
    assert "cannot be undone" in questions[0]
    assert all(not value for value in read_every_field(page).values())
    assert stored(page, "ask-for-feedback") is None
    assert page.locator(".ws-status").text_content() == "Your answers are cleared."
    page.reload()
    assert all(not value for value in read_every_field(page).values())


def test_download_holds_every_question_and_answer_and_old_answers(context, site_url):
    page = open_sheet(context, site_url, "ask-for-feedback")
    # An answer saved by an older version of the sheet, to a question since removed.
    page.evaluate(
        """key => localStorage.setItem(key, JSON.stringify({format: 1,
            answers: {'old-question': 'An answer from last month'},
            questions: {'old-question': 'What did the recruiter say?'}}))""",
        FORMAT_1_PREFIX + "ask-for-feedback",
    )
    page.reload()
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    page.locator("#ws-recipient").fill("Sam Lee")
    page.locator("#ws-stage-4").check()
    page.locator("#ws-readiness-5").check()
    page.locator("#ws-request-log-r1-c1").fill("Acme, analyst")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download").click()
    download = info.value
    assert download.suggested_filename == "worksheet-plan-your-feedback-request.txt"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("Worksheet: Plan your feedback request\n")
    assert "/strategies/ask-for-feedback/worksheet/" in text
    assert "1. Who will you write to?" in text
    assert "\nSam Lee\n" in text
    assert "- [x] I reached the final round" in text
    assert "5 out of 5" in text
    assert "- Row 1: Employer and job: Acme, analyst;" in text
    assert "(no answer)" in text
    assert "no longer on this sheet" in text
    assert "What did the recruiter say?\nAn answer from last month" in text
    # Typing on the sheet did not throw the old answer away.
    assert stored(page, "ask-for-feedback")["answers"]["old-question"] == "An answer from last month"


def test_blocked_storage_is_said_plainly_and_the_sheet_still_works(context, site_url):
    context.add_init_script(
        """Object.defineProperty(window, 'localStorage', {
            get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }})"""
    )
    page = open_sheet(context, site_url, "ask-for-feedback")
    status = page.locator(".ws-status")
    assert "not letting the page save" in status.text_content()
    page.locator("#ws-recipient").fill("Sam Lee")
    assert "will be lost when you leave" in status.text_content()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download").click()
    assert "Sam Lee" in Path(info.value.path()).read_text(encoding="utf-8")
    # Material's own script reads localStorage too and reports the block; ours never throws.
    assert [error for error in page.errors if "worksheet." in error] == []  # worksheet.js or .min.js


def test_full_storage_is_said_plainly(context, site_url):
    context.add_init_script(
        """Storage.prototype.setItem = function (key) {
            if (key.endsWith('probe')) return;
            throw new DOMException('full', 'QuotaExceededError'); }"""
    )
    page = open_sheet(context, site_url, "ask-for-feedback")
    page.locator("#ws-recipient").fill("Sam Lee")
    assert "no room left" in page.locator(".ws-status").text_content()
    assert page.errors == []


def test_typed_markup_stays_text(context, site_url):
    page = open_sheet(context, site_url, "ask-for-feedback")
    images_before = page.locator("img").count()
    page.locator("#ws-recipient").fill(TRICKY)
    page.locator("#ws-request-log-r1-c1").fill(TRICKY)
    page.reload()
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    assert page.locator("#ws-recipient").input_value() == TRICKY
    assert page.locator("#ws-recipient + .ws-print-value").text_content() == TRICKY
    assert page.locator("#ws-request-log-r1-c1 + .ws-print-value").text_content() == TRICKY
    assert page.locator("img").count() == images_before
    assert page.evaluate("window.__hacked") is None


def test_a_reader_can_add_rows_to_a_log_and_they_are_kept(context, site_url):
    page = open_sheet(context, site_url, "refine-your-search")
    table = page.locator(".ws-field--table").first
    rows = table.locator("tbody tr").count()
    table.get_by_role("button", name="Add a row").click()
    assert table.locator("tbody tr").count() == rows + 1
    new_cell = table.locator("tbody tr").last.locator("input").first
    assert new_cell.evaluate("element => element === document.activeElement")
    assert new_cell.evaluate(
        "element => document.getElementById(element.getAttribute('aria-labelledby')).textContent"
    ).endswith(f"row {rows + 1}")
    new_cell.fill("Data analyst")
    page.reload()
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    table = page.locator(".ws-field--table").first
    assert table.locator("tbody tr").count() == rows + 1
    assert table.locator("tbody tr").last.locator("input").first.input_value() == "Data analyst"


def test_the_keyboard_alone_can_fill_a_sheet_with_a_visible_focus(context, site_url):
    page = open_sheet(context, site_url, "ask-for-feedback")
    page.locator("#ws-recipient").focus()
    page.keyboard.type("Sam")
    assert page.locator("#ws-recipient").evaluate("element => getComputedStyle(element).outlineStyle") != "none"
    page.keyboard.press("Tab")  # to the first box of the next question
    page.keyboard.press("Space")
    assert page.locator("#ws-stage-1").is_checked()
    page.locator("#ws-readiness-1").focus()
    page.keyboard.press("ArrowRight")
    assert page.locator("#ws-readiness-2").is_checked()
    page.reload()
    assert page.locator("#ws-readiness-2").is_checked()
    assert page.locator("#ws-stage-1").is_checked()


def test_the_sticky_header_and_toolbar_never_hide_the_field_in_focus(context, site_url):
    page = open_sheet(context, site_url, "refine-your-search")
    hidden_by = """() => {
        const focused = document.activeElement.getBoundingClientRect();
        const header = document.querySelector('.md-header').getBoundingClientRect();
        const bar = document.querySelector('.ws-toolbar').getBoundingClientRect();
        if (document.activeElement.closest('.ws-toolbar, .md-header')) return null;
        if (focused.top < header.bottom) return 'header';
        if (focused.bottom > bar.top) return 'toolbar';
        return null;
    }"""
    hidden = []
    page.locator(".worksheet input, .worksheet textarea").first.focus()
    for key in ["Tab"] * 40 + ["Shift+Tab"] * 40:
        page.keyboard.press(key)
        where = page.evaluate(hidden_by)
        if where:
            hidden.append(f"{key}: {page.evaluate('document.activeElement.id')} under the {where}")
    assert hidden == []


def pdf_pages(page, size: str) -> list[str]:
    """The text of each printed page."""
    reader = PdfReader(io.BytesIO(page.pdf(format=size)))
    return [sheet.extract_text() or "" for sheet in reader.pages]


def test_on_paper_a_sheet_shows_no_buttons_or_menus_even_in_dark_mode(browser, site_url, slugs):
    # How many pages each sheet prints on, with its footer and address: tests/test_packet.py,
    # which reads the packets that print every sheet, Letter and A4.
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.emulate_media(media="print")
    shown = {}
    for slug in slugs:
        page.goto(f"{site_url}strategies/{slug}/worksheet/")
        shown[slug] = page.locator(".ws-toolbar, .ws-add-row, .md-header, .md-sidebar").evaluate_all(
            "elements => elements.filter(element => element.offsetParent !== null).map(element => element.className)"
        )
    context.close()
    assert shown == {slug: [] for slug in slugs}


def test_a_filled_worksheet_prints_the_answers_in_place_of_the_lines(context, site_url):
    page = open_sheet(context, site_url, "ask-for-feedback")
    page.locator("#ws-recipient").fill("Sam Lee, hiring manager")
    page.locator("#ws-request-log-r1-c1").fill("Acme analyst")
    text = " ".join(pdf_pages(page, "Letter"))
    assert "Sam Lee, hiring manager" in text
    assert "Acme analyst" in text
    assert "Clear answers" not in text
