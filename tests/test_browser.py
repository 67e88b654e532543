"""The built site in headless Chromium, as a reader on a phone gets it.

Uses the system's Chromium (Debian's /usr/bin/chromium, or $CHROMIUM), never a
downloaded one. axe-core's JavaScript comes from the axe-playwright-python wheel.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from conftest import html_pages
from playwright.sync_api import sync_playwright

PHONE = {"width": 390, "height": 844}
AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA: what the ADA Title II rule asks for.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.browser


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else None


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium found: install Debian's chromium or set CHROMIUM")
        pytest.skip("no Chromium found: install chromium or set CHROMIUM to run the browser tests")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


def site_paths(site: Path) -> list[str]:
    return [path.relative_to(site).as_posix().removesuffix("index.html") for path in html_pages(site)]


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_a_or_aa_violations(browser, site_url, paths, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    found = []
    for path in paths:
        page.goto(site_url + path, wait_until="load")
        page.add_script_tag(path=str(AXE_SCRIPT))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        for violation in result["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"/{path} [{scheme}] {violation['id']}: {violation['help']} at {targets}")
    context.close()
    assert found == [], "\n".join(found)


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
