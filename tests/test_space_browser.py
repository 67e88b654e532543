"""My space in a real browser: what the reader saved, listed; a copy saved as a file in the
documented format; "Delete everything" asks first, then empties the device."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PHONE
from page_checks import console_problems, open_page, page_problems, watch

pytestmark = pytest.mark.browser

HOSTILE = '<img src=x onerror="window.__pwned = 1">'
SEED = """records => {
  for (const [key, data] of records)
    localStorage.setItem('turning-no:/:' + key, JSON.stringify({v: 2, updated: '2026-05-12T10:00:00Z', data}));
}"""


def test_my_space_lists_exports_and_deletes_what_the_reader_saved(browser, site_url):
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    watch(page, site_url)
    open_page(page, f"{site_url}my-space/")
    page.wait_for_selector(".space:not([hidden])")
    assert page.locator(".space-empty").is_visible()  # nothing saved yet

    records = [
        [
            "worksheet:ask-for-feedback",
            {
                "answers": {"recipient": "Sam", "stage": ["i-reached-the-final-round"]},
                "questions": {},
                "title": "Worksheet: Plan your feedback request",
            },
        ],
        ["worksheet:" + HOSTILE, {"answers": {"a": HOSTILE}, "questions": {"a": HOSTILE}, "title": HOSTILE}],
        ["applications", {"rows": [{"id": "1", "organization": HOSTILE}, {"id": "2"}]}],
        ["plan", {"steps": [{"title": "Stop for today.", "href": "/"}], "made": "2026-05-12T10:00:00Z"}],
    ]
    page.evaluate(SEED, records)
    page.reload()
    page.wait_for_selector(".space:not([hidden])")
    items = page.locator(".space-list > li").all_inner_texts()
    assert any(
        text.startswith("Worksheet: Plan your feedback request") and "Questions answered: 2" in text for text in items
    )
    assert any("Applications logged: 2" in text for text in items)
    assert any("Stop for today." in text for text in items)
    assert page.locator(".space img").count() == 0 and page.evaluate("window.__pwned") is None
    assert page_problems(page) == []

    with page.expect_download() as info:
        page.get_by_role("button", name="Save a copy as a file").click()
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert info.value.suggested_filename.startswith("turning-no-") and info.value.suggested_filename.endswith(".json")
    assert (exported["format"], exported["version"], exported["count"]) == ("turning-no-export", 1, 4)
    assert exported["site"]["root"] == "/"
    assert {(record["kind"], record["id"]) for record in exported["records"]} == {
        ("worksheet", "ask-for-feedback"),
        ("worksheet", HOSTILE),
        ("applications", ""),
        ("plan", ""),
    }

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Delete everything on this device").click()
    assert page.locator(".space-list > li").count() == 4  # said no: nothing deleted
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete everything on this device").click()
    assert page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('turning-no:'))") == []
    assert page.locator(".space-empty").is_visible()
    assert "Everything is deleted" in page.locator(".space-status").inner_text()
    assert console_problems(page) == []
    context.close()
