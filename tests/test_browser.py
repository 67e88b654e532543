"""The built site in headless Chromium, as a reader on a phone gets it: the palette.

The browser fixtures live in conftest.py; every page in every state, with axe-core,
the policy, the console and overflow: tests/test_walk.py.
"""

from __future__ import annotations

import pytest
from conftest import PHONE

pytestmark = pytest.mark.browser


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
