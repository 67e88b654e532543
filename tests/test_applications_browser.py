"""My applications (docs/my-applications.md) in a real browser: rows added, edited and
removed and found again after a reload, the summary and its hiding, typed markup kept as
text, a browser that blocks storage, and the page on paper."""

from __future__ import annotations

import json

import pytest
from conftest import PHONE
from page_checks import focus_stops, page_problems, watch
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KEY = "turning-no:/:applications"
HOSTILE = "<img src=x onerror=window.__pwned=1>"


def words(page, name: str) -> str:
    return page.get_attribute("#turning-no-text", f"data-text-{name}")


def open_log(page, site_url: str) -> None:
    page.goto(f"{site_url}my-applications/")
    page.wait_for_selector("[data-apps]:not([hidden])")


def cards(page):
    return page.locator("[data-apps-list] > li")


def count(page, name: str) -> str:
    return page.locator(f'[data-apps-count="{name}"]').inner_text()


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["data"]


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    watch(page, site_url)
    yield page
    context.close()


def test_rows_are_added_edited_and_removed_and_kept_with_the_summary(page, site_url):
    open_log(page, site_url)
    assert page.locator("[data-apps-empty]").is_visible()
    assert count(page, "applications") == "0"
    assert page.locator("[data-apps-last-no]").inner_text() == words(page, "last_no_none")

    page.click("[data-apps-add]")
    first = cards(page).nth(0)
    assert page.evaluate("document.activeElement.dataset.field") == "organization"
    first.get_by_label("Organization").fill("Riverside Clinic")
    first.get_by_label("Role").fill("Front desk")
    first.get_by_label("Stage reached").select_option(label=words(page, "stage_final"))
    first.get_by_label("Outcome").select_option(label=words(page, "outcome_turned-down"))
    first.get_by_label("What you learned").fill("Name the tools I know.")
    assert first.locator("h3").inner_text() == "Front desk at Riverside Clinic"

    page.click("[data-apps-add]")
    second = cards(page).nth(1)
    second.get_by_label("Organization").fill(HOSTILE)
    second.get_by_label("Feedback you got").fill(HOSTILE)
    assert not page.locator("[data-apps-empty]").is_visible()

    page.reload()
    page.wait_for_selector("[data-apps]:not([hidden])")
    assert cards(page).count() == 2
    first, second = cards(page).nth(0), cards(page).nth(1)
    assert first.get_by_label("Organization").input_value() == "Riverside Clinic"
    assert first.get_by_label("Stage reached").input_value() == "final"  # stored by its id, not its words
    assert first.get_by_label("What you learned").input_value() == "Name the tools I know."
    # Typed markup stays text: in the card, its title and the table for paper.
    assert second.locator("h3").inner_text() == HOSTILE
    assert second.get_by_label("Feedback you got").input_value() == HOSTILE
    assert page.locator("article img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert HOSTILE in page.locator("[data-apps-print-rows]").inner_text()

    # With rows in it the page still passes the walk's checks, and every stop in the log
    # (fields, selects, Remove, Add, Print) is in view with a visible focus box.
    assert page_problems(page) == []
    page.locator("[data-apps-toggle]").focus()
    stops = focus_stops(page, 40, within="[data-apps]")
    assert len(stops) >= 19  # 2 x (8 fields + Remove) + Add + Print
    assert [stop["problems"] for stop in stops if stop["problems"]] == []

    rows = stored(page)["rows"]
    assert [row["stage"] for row in rows] == ["final", "applied"]
    assert [row["outcome"] for row in rows] == ["turned-down", "waiting"]
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == 2 and all(len(each) == 16 for each in ids)
    assert {"organization", "role", "applied", "feedback", "learned", "next", "updated"} <= set(rows[0])

    assert [count(page, name) for name in ("applications", "interviews", "finals", "offers")] == ["2", "1", "1", "0"]
    assert page.locator("[data-apps-almosts]").is_visible()
    assert page.locator("[data-apps-last-no]").inner_text() == words(page, "last_no_today")

    # Remove, undo, remove again: the row is gone after a reload, the other keeps its id.
    second.locator("[data-apps-remove]").click()
    assert cards(page).count() == 1
    assert page.locator("[data-apps-undo]").is_visible()
    page.click("[data-apps-undo]")
    assert cards(page).count() == 2 and not page.locator("[data-apps-undo]").is_visible()
    assert [row["id"] for row in stored(page)["rows"]] == ids
    cards(page).nth(1).locator("[data-apps-remove]").click()
    assert count(page, "applications") == "1"

    # Hiding the summary is kept too.
    toggle = page.locator("[data-apps-toggle]")
    assert toggle.inner_text() == words(page, "hide_summary")
    toggle.click()
    assert not page.locator("[data-apps-summary]").is_visible()
    page.reload()
    page.wait_for_selector("[data-apps]:not([hidden])")
    assert cards(page).count() == 1
    assert [row["id"] for row in stored(page)["rows"]] == ids[:1]
    assert not page.locator("[data-apps-summary]").is_visible()
    assert toggle.inner_text() == words(page, "show_summary")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert page.locator("[data-apps-summary]").is_visible()
    assert stored(page)["hideSummary"] is False


def test_a_browser_that_blocks_storage_gets_a_plain_message_and_a_working_page(page, site_url):
    page.add_init_script(
        """for (const name of ['localStorage', 'sessionStorage']) {
            Object.defineProperty(window, name, {get() { throw new DOMException('blocked', 'SecurityError'); }});
        }"""
    )
    open_log(page, site_url)
    status = page.locator("[data-apps-status]")
    expect(status).to_have_text(words(page, "not_kept"))
    page.click("[data-apps-add]")
    cards(page).nth(0).get_by_label("Organization").fill("Maple Books")
    assert cards(page).nth(0).locator("h3").inner_text() == "Maple Books"
    assert count(page, "applications") == "1"
    expect(status).to_have_text(words(page, "not_kept"))  # said again on each change that could not be kept


def test_on_paper_the_log_is_a_table_without_buttons_and_a_hidden_summary_stays_off(page, site_url):
    rows = [
        {"id": f"row{n}", "organization": f"Place {n}", "role": "Clerk", "applied": "2026-11-0" + str(n)}
        for n in range(1, 4)
    ]
    open_log(page, site_url)
    record = {"v": 2, "updated": "2026-12-01T10:00:00Z", "data": {"rows": rows, "hideSummary": False}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(record)])
    page.reload()
    page.wait_for_selector("[data-apps]:not([hidden])")
    page.emulate_media(media="print")
    visible_buttons = page.evaluate(
        "[...document.querySelectorAll('button, .md-button')].filter(b => b.checkVisibility()).map(b => b.outerHTML)"
    )
    assert visible_buttons == []
    assert not page.locator("[data-apps-list]").is_visible()
    table = page.locator("[data-apps-print-table]")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 3
    assert table.locator("tbody tr").nth(0).locator("td").nth(0).inner_text() == "Clerk at Place 1"
    assert page.locator("[data-apps-summary]").is_visible()

    page.emulate_media(media="screen")
    page.click("[data-apps-toggle]")
    page.emulate_media(media="print")
    assert not page.locator("[data-apps-summary]").is_visible()
