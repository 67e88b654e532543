"""The one storage module (docs/assets/javascripts/storage.js) in a real browser: its keys,
the shared-computer choice, damaged records and the carry-over of earlier formats.

Each tool's own tests use it through the tool; these check what every tool relies on.
"""

from __future__ import annotations

import pytest
from conftest import PHONE

pytestmark = pytest.mark.browser

STORE = "window.TurningNo.storage"


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}my-space/")
    page.wait_for_function(f"{STORE} !== undefined")
    yield page
    context.close()


def local_keys(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('turning-no:')).sort()")


def test_records_are_versioned_and_keyed_by_the_sites_root_path(page):
    assert page.evaluate(f"{STORE}.write('plan', '', {{steps: ['a']}})") == "saved"
    assert local_keys(page) == ["turning-no:/:plan"]
    record = page.evaluate("JSON.parse(localStorage.getItem('turning-no:/:plan'))")
    assert record["v"] == 2 and record["data"] == {"steps": ["a"]} and record["updated"].endswith("Z")
    # Another copy of the site on the same host (its pages carry another root) sees none of it.
    page.evaluate("document.getElementById('turning-no-text').setAttribute('data-root', '/other-copy/')")
    assert page.evaluate(f"{STORE}.read('plan', '')") is None
    assert page.evaluate(f"{STORE}.list()") == []
    page.evaluate(f"{STORE}.write('plan', '', {{steps: ['b']}})")
    assert page.evaluate(f"{STORE}.removeAll()") is None
    assert local_keys(page) == ["turning-no:/:plan"]  # the other copy's delete left this copy's record


def test_a_damaged_record_reads_as_absent_and_stays_until_written_again(page):
    page.evaluate("localStorage.setItem('turning-no:/:worksheet:stay-positive', '{\"v\": 2, \"da')")
    assert page.evaluate(f"{STORE}.read('worksheet', 'stay-positive')") is None
    assert page.evaluate("localStorage.getItem('turning-no:/:worksheet:stay-positive')") == '{"v": 2, "da'
    # A damaged record of the old format is left alone too.
    page.evaluate("localStorage.setItem('turning-no:worksheet:stay-positive', 'not json')")
    page.reload()
    page.wait_for_function(f"{STORE} !== undefined")
    assert page.evaluate("localStorage.getItem('turning-no:worksheet:stay-positive')") == "not json"


def test_shared_computer_keeps_every_record_in_the_tab_only_and_gives_them_back(page, site_url):
    page.evaluate(f"{STORE}.write('worksheet', 'stay-positive', {{answers: {{a: 'kept'}}, questions: {{}}}})")
    page.evaluate(f"{STORE}.write('applications', '', {{rows: []}})")
    assert page.evaluate(f"{STORE}.setShared(true)") is True
    assert local_keys(page) == []  # nothing left on the device
    assert page.evaluate(f"{STORE}.read('worksheet', 'stay-positive')")["answers"] == {"a": "kept"}
    page.evaluate(f"{STORE}.write('plan', '', {{steps: []}})")
    assert local_keys(page) == []
    assert page.evaluate(f"{STORE}.savedMessage('saved')").startswith("Saved in this tab only")
    # The choice holds on the next page of the same tab.
    page.goto(f"{site_url}my-applications/")
    page.wait_for_function(f"{STORE} !== undefined")
    assert page.evaluate(f"{STORE}.isShared()") is True
    page.evaluate(f"{STORE}.setShared(false)")
    assert local_keys(page) == [
        "turning-no:/:applications",
        "turning-no:/:plan",
        "turning-no:/:worksheet:stay-positive",
    ]
    assert page.evaluate("Object.keys(sessionStorage).filter(key => key.startsWith('turning-no:'))") == []


def test_a_new_tab_after_a_shared_session_finds_nothing(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    first = context.new_page()
    first.goto(f"{site_url}my-space/")
    first.wait_for_function(f"{STORE} !== undefined")
    first.evaluate(f"{STORE}.setShared(true)")
    first.evaluate(f"{STORE}.write('plan', '', {{steps: ['private']}})")
    first.close()  # the tab is closed: its sessionStorage goes with it
    second = context.new_page()
    second.goto(f"{site_url}my-space/")
    second.wait_for_function(f"{STORE} !== undefined")
    assert second.evaluate(f"{STORE}.isShared()") is False
    assert second.evaluate(f"{STORE}.read('plan', '')") is None
    assert local_keys(second) == []
    context.close()
