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

from turning_no.markdown.worksheet_fields import slug as slug_of

pytestmark = pytest.mark.browser

# Today's key (storage.js): the site's root path, then the record; format 1 had no root.
KEY_PREFIX = "turning-no:/:worksheet:"
FORMAT_1_PREFIX = "turning-no:worksheet:"
TRICKY = '<script>window.__hacked = 1</script><img src=x onerror="window.__hacked = 2">'
HOSTILE = "<img src=x onerror=window.__pwned=1>"


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


def test_download_holds_every_question_and_answer_and_old_answers(browser, site_url):
    # A reader in Germany: dates as she writes them, and the rows numbered as she sees them.
    context = browser.new_context(viewport=PHONE, accept_downloads=True, locale="de-DE")
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
    for _ in range(2):
        page.locator(".ws-field--table").first.get_by_role("button", name="Add a row").click()
    page.locator("#ws-request-log-r5-c1").fill("Bolt, clerk")
    page.locator("#ws-first-helper-date").fill("2025-05-12")
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
    assert "- Row 5: Employer and job: Bolt, clerk; Date asked: -;" in text  # rows 2 to 4 are empty
    assert "Row 2" not in text and "Row 3" not in text
    assert "9. By what date?\n12.5.2025\n" in text
    assert f"\nDownloaded {page.evaluate('new Date().toLocaleDateString()')}\n" in text
    assert page.locator("#ws-first-helper-date ~ .ws-print-value").text_content() == "12.5.2025"  # on paper too
    assert "(no answer)" in text
    assert "no longer on this sheet" in text
    assert "What did the recruiter say?\nAn answer from last month" in text
    # Typing on the sheet did not throw the old answer away.
    assert stored(page, "ask-for-feedback")["answers"]["old-question"] == "An answer from last month"
    context.close()


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


def test_typed_markup_stays_text_on_screen_on_paper_and_in_the_download(context, site_url):
    page = open_sheet(context, site_url, "ask-for-feedback")
    images_before = page.locator("img").count()
    page.locator("#ws-recipient").fill(HOSTILE)
    page.locator("#ws-main-question").fill(TRICKY)
    page.locator("#ws-request-log-r1-c1").fill(HOSTILE)
    page.locator(".ws-field--table").first.get_by_role("button", name="Add a row").click()
    page.locator("#ws-request-log-r4-c2").fill(HOSTILE)
    page.reload()
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    assert page.locator("#ws-recipient").input_value() == HOSTILE
    assert page.locator("#ws-recipient + .ws-print-value").text_content() == HOSTILE
    assert page.locator("#ws-main-question + .ws-print-value").text_content() == TRICKY
    assert page.locator("#ws-request-log-r1-c1 + .ws-print-value").text_content() == HOSTILE
    assert page.locator("#ws-request-log-r4-c2 + .ws-print-value").text_content() == HOSTILE
    with page.expect_download() as info:
        page.get_by_role("button", name="Download").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert f"\n{HOSTILE}\n" in text and f"\n{TRICKY}\n" in text
    assert f"Employer and job: {HOSTILE};" in text and f"Date asked: {HOSTILE};" in text
    assert page.locator("img").count() == images_before
    assert page.evaluate("[window.__pwned, window.__hacked]") == [None, None]


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
    # The added row is the extension's <template>: the markup of a row on the page, numbered.
    markup = r"""row => { const copy = row.cloneNode(true);  // without the focus marks Material adds
        copy.querySelectorAll('[data-focus-visible-added]').forEach(element => element.removeAttribute('class'));
        copy.querySelectorAll('*').forEach(element => element.removeAttribute('data-focus-visible-added'));
        return copy.outerHTML.replace(/>\s+</g, "><"); }"""
    first, added = (table.locator("tbody tr").nth(index).evaluate(markup) for index in (0, -1))
    assert added == first.replace("-r1-", f"-r{rows + 1}-").replace("row 1<", f"row {rows + 1}<")
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
    assert page.locator(".ws-name-line").is_hidden()  # on screen: the line is for paper
    pages = pdf_pages(page, "Letter")
    text = " ".join(pages)
    assert pages[0].index("Name:") < pages[0].index("Date:") < pages[0].index("Plan your feedback request")
    assert "Sam Lee, hiring manager" in text
    assert "Acme analyst" in text
    assert "Clear answers" not in text


# Today's answers as the code before storage.js kept them (format 1), one field of each kind
# each sheet has: sheet -> {kind: (field id, for a checklist the words of the box ticked)}.
FORMAT_1_FIELDS = {
    "ask-for-feedback": {
        "short": "recipient",
        "long": "main-question",
        "checklist": ("stage", "I had a phone or video screen"),
        "scale": "readiness",
        "date": "first-helper-date",
        "table": ("request-log", 4),
    },
    "build-your-skills": {
        "short": "mock-interviewer",
        "long": "skills-to-build",
        "checklist": ("ways-to-learn", "An online course through my public library"),
        "scale": "readiness",
        "date": "mock-interview-ask-date",
        "table": ("skill-plan", 5),
    },
    "network-actively": {
        "short": "first-contact",
        "long": "make-it-easier",
        "checklist": ("groups", "A trade group, professional group, or union in my field"),
        "scale": "comfort",
        "date": "event-date",
        "table": ("contact-list", 5),
    },
    "process-emotions": {
        "short": "job-and-news",
        "long": "free-writing",
        "checklist": ("feelings", "Angry"),
        "scale": "sting-before",
        "table": ("writing-log", 4),
    },
    "refine-your-search": {
        "short": "hardest-question",
        "long": "drop-out-reason",
        "checklist": ("drop-out-stage", "A phone call, then nothing"),
        "scale": "resume-match",
        "date": "review-ask-date",
        "table": ("application-log", 6),
    },
    "reflect-on-feedback": {
        "short": "job",
        "long": "employer-feedback",
        "checklist": ("repeated", "I was told I lacked the same skill or experience."),
        "scale": "agreement",
        "date": "interview-date",
        "table": ("sort-log", 4),
    },
    "stay-positive": {
        "short": "search-hours",
        "long": "harsh-words",
        "checklist": ("daily-habits", "A walk or other movement"),
        "scale": "mood",
        "date": "buddy-ask-date",
        "table": ("effort-log", 4),
    },
    "widen-your-search": {
        "long": "tasks-done",
        "checklist": ("skills-shown", "Teaching or training people"),
        "scale": "bridge-work",
        "table": ("directions", 4),
    },
}


def format_1_record(slug: str) -> tuple[dict, dict]:
    """(the format-1 record of a sheet, the answers as today's record holds them)."""
    answers, now = {}, {}
    for kind, field in FORMAT_1_FIELDS[slug].items():
        if kind == "checklist":
            field, words = field
            answers[field], now[field] = [words], [slug_of(words)]  # today: the box's id, not its words
            continue
        if kind == "table":
            field, columns = field
            # Seven rows: more than any sheet shows (3 to 5), with empty rows between the filled ones.
            value = [[f"{slug} r1 c{n}" for n in range(1, columns + 1)], *[[""] * columns] * 5]
            value.append([f"{slug} r7 c{n}" for n in range(1, columns + 1)])
        else:
            value = {"short": f"Sam Lee for {slug}", "long": "First line\nSecond line", "scale": "3"}.get(
                kind, "2025-05-12"
            )
        answers[field] = now[field] = value
    record = {
        "format": 1,
        "answers": answers,
        "questions": {field: f"Question {field}" for field in answers},
        "title": f"Worksheet of {slug}",
        "updated": "2025-05-12T10:00:00.000Z",
    }
    return record, now


def test_answers_kept_by_the_earlier_format_come_back_on_all_eight_sheets(context, site_url, slugs):
    # The "No data loss on upgrade": every sheet's answers, as the code before the
    # storage module wrote them, found in the controls, then only under the new keys.
    page = context.new_page()
    page.goto(f"{site_url}understanding-rejection/")  # a page without storage.js: nothing moves yet
    records = {slug: format_1_record(slug) for slug in slugs}
    for slug, (record, _) in records.items():
        page.evaluate(
            "([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [FORMAT_1_PREFIX + slug, record]
        )
    missing = {}
    for slug in slugs:
        page.goto(f"{site_url}strategies/{slug}/worksheet/")
        page.wait_for_selector(".ws-toolbar:not([hidden])")
        # Every box's id is the slug of its words, so a format-1 tick (the words) finds its box.
        assert (
            page.evaluate(
                """() => [...document.querySelectorAll('input[data-item]')].filter(box =>
                TurningNo.storage.slug(document.querySelector(`label[for='${box.id}']`).textContent.trim())
                !== box.dataset.item).map(box => box.id)"""
            )
            == []
        )
        found = page.evaluate(
            """fields => Object.entries(fields).map(([kind, spec]) => {
                const id = Array.isArray(spec) ? spec[0] : spec;
                const field = document.querySelector(`.ws-field[data-field='${id}']`);
                if (kind === 'checklist') return [id, [...field.querySelectorAll('input:checked')].map(box =>
                    document.querySelector(`label[for='${box.id}']`).textContent.trim())];
                if (kind === 'scale') return [id, field.querySelector('input:checked')?.value];
                if (kind === 'table') return [id, [...field.querySelectorAll('tbody tr')].map(row =>
                    [...row.querySelectorAll('input')].map(input => input.value))];
                return [id, field.querySelector('input, textarea').value];
            })""",
            FORMAT_1_FIELDS[slug],
        )
        if dict(found) != records[slug][0]["answers"]:
            missing[slug] = found
        assert "back" in page.locator(".ws-status").text_content()
    assert missing == {}
    keys = page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('turning-no:')).sort()")
    assert keys == [KEY_PREFIX + slug for slug in slugs]  # the old keys are gone
    for slug in slugs:
        record = page.evaluate("key => JSON.parse(localStorage.getItem(key))", KEY_PREFIX + slug)
        assert record["v"] == 2 and record["updated"] == "2025-05-12T10:00:00.000Z"
        assert record["data"]["answers"] == records[slug][1]
        assert record["data"]["questions"] == records[slug][0]["questions"]


def test_the_shared_computer_choice_in_the_toolbar_keeps_the_answers_in_this_tab_only(context, site_url):
    page = open_sheet(context, site_url, "stay-positive")
    page.locator("#ws-search-hours").fill("10")
    page.get_by_label("Shared computer: keep nothing after I close this tab").check()
    status = page.locator(".ws-status")
    assert status.text_content() == "Shared computer is on. Nothing is kept after you close this tab."
    assert stored(page, "stay-positive") is None  # gone from the device...
    page.locator("#ws-search-hours").fill("12")
    assert status.text_content().startswith("Saved in this tab only")
    kept = page.evaluate("key => JSON.parse(sessionStorage.getItem(key))", KEY_PREFIX + "stay-positive")
    assert kept["data"]["answers"]["search-hours"] == "12"  # ...and kept in the tab
    page.reload()
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    assert page.locator("#ws-search-hours").input_value() == "12"
    assert page.get_by_label("Shared computer: keep nothing after I close this tab").is_checked()
    assert page.locator(".ws-status").text_content().endswith("They are kept in this tab only.")
