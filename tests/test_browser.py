"""The built site in headless Chromium, as a reader on a phone gets it.

The browser and axe-core fixtures live in conftest.py; axe-core runs over every
page in tests/test_accessibility.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import PHONE, html_pages

from turning_no.model.urls import url_of_file

pytestmark = pytest.mark.browser


def site_paths(site: Path) -> list[str]:
    return [url_of_file(path.relative_to(site).as_posix()) for path in html_pages(site)]


@pytest.fixture(scope="module")
def paths(built_site) -> list[str]:
    return site_paths(built_site)


def test_every_page_loads_on_a_phone_without_errors_outside_requests_or_sideways_scrolling(browser, site_url, paths):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requested, errors = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    too_wide = []
    for path in paths:
        page.goto(site_url + path, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append((path, width))
    context.close()
    own_host = urlsplit(site_url).netloc
    assert [url for url in requested if urlsplit(url).netloc not in (own_host, "")] == []
    assert errors == []
    assert too_wide == []


def test_the_palette_toggle_switches_to_dark_and_back(browser, site_url):
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    page.goto(site_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label[title='Switch to dark mode']").click()
    assert page.evaluate(scheme) == "slate"
    page.reload()
    assert page.evaluate(scheme) == "slate"  # the choice is kept on this device
    page.locator("label[title='Switch to light mode']").click()
    assert page.evaluate(scheme) == "default"
    context.close()


def test_dark_mode_never_reaches_paper(browser, site_url):
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "strategies/ask-for-feedback/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.emulate_media(media="print")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    text = page.evaluate("getComputedStyle(document.querySelector('article p')).color")
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert text.startswith("rgba(0, 0, 0") or text == "rgb(0, 0, 0)"
    context.close()
