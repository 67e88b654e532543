"""The Content-Security-Policy: turning_no.site.csp on small pages (HTML in, policy out), the
policy on every built page, and the worksheets, the email composer, search and instant
navigation at work under it in Chromium. (Every page loaded under its policy: tests/test_walk.py.)
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import PHONE, html_pages
from page_checks import console_problems, csp_problems, open_page, outside_request_problems, watch

from turning_no.model.config import SiteConfig
from turning_no.site.csp import (
    PolicyError,
    add_policy,
    inline_scripts,
    page_policy,
    policy_for,
    policy_problems,
    script_hash,
)
from turning_no.site.finish import finish_site

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>A page</title>
    <script>var a = 1;</script>
    <script src="assets/app.js"></script>
  </head>
  <body>
    <script id="__config" type="application/json">{"base": "."}</script>
    <script type="module">import "./x.js";</script>
  </body>
</html>
"""


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


# --- turning_no.site.csp ----------------------------------------------------------


@pytest.mark.unit
def test_only_scripts_the_browser_runs_are_inline_scripts():
    assert inline_scripts(PAGE) == ["var a = 1;", 'import "./x.js";']


@pytest.mark.unit
def test_a_hash_is_the_one_the_browser_computes():
    # The example of the CSP specification's hash-source (Level 3, section 2.3.1): "alert('Hello, world.');"
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    # The HTML parser reads CRLF as LF before the browser hashes.
    assert script_hash("a;\r\nb;") == script_hash("a;\nb;")


@pytest.mark.unit
def test_the_policy_allows_the_sites_own_files_and_each_inline_script_by_hash():
    found = directives(policy_for(PAGE))
    assert found["script-src"] == ["'self'", script_hash("var a = 1;"), script_hash('import "./x.js";')]
    assert found["default-src"] == ["'none'"]
    assert found["style-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]
    assert found["base-uri"] == ["'self'"]
    assert found["form-action"] == ["'none'"]
    assert found["connect-src"] == ["'self'"]
    assert found["worker-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy_for(PAGE) and "'unsafe-eval'" not in policy_for(PAGE)


@pytest.mark.unit
def test_the_policy_comes_before_every_script_and_covers_the_page():
    page = add_policy(PAGE)
    head = BeautifulSoup(page, "html.parser").head
    first = head.find(["meta", "script"], attrs={"http-equiv": True}) or head.find("script")
    assert first.name == "meta" and first["http-equiv"] == "Content-Security-Policy"
    assert page.index("Content-Security-Policy") < page.index("<script")
    assert page_policy(page) == policy_for(PAGE)
    assert policy_problems(page) == []
    assert add_policy(page) == page  # a second pass changes nothing


@pytest.mark.unit
def test_a_page_with_an_inline_script_that_is_not_hashed_fails():
    page = add_policy(PAGE).replace("</body>", "<script>steal()</script></body>")
    assert policy_problems(page) == ["an inline script is not allowed by its hash: 'steal()'"]


@pytest.mark.unit
def test_a_page_with_an_edited_script_fails():
    page = add_policy(PAGE).replace("var a = 1;", "var a = 2;")
    assert policy_problems(page) == ["an inline script is not allowed by its hash: 'var a = 2;'"]


@pytest.mark.unit
def test_a_page_with_an_inline_event_handler_or_no_policy_fails():
    page = add_policy(PAGE).replace("<body>", '<body><button onclick="go()">Go</button>')
    assert policy_problems(page) == [
        "an inline event handler (onclick=) cannot be allowed by a hash; use a script file"
    ]
    assert policy_problems(PAGE) == ["the page has no Content-Security-Policy meta tag"]


@pytest.mark.unit
def test_a_policy_placed_after_a_script_fails():
    page = PAGE.replace("</head>", f'<meta http-equiv="Content-Security-Policy" content="{policy_for(PAGE)}"></head>')
    assert policy_problems(page) == ["a script comes before the policy meta tag, so the policy does not cover it"]


@pytest.mark.unit
def test_a_page_without_a_head_is_a_clear_error():
    with pytest.raises(PolicyError, match="no <head>"):
        add_policy("<p>Just a fragment</p>")


# --- The built site ----------------------------------------------------------


def every_page(site):
    return [*html_pages(site), site / "404.html"]


@pytest.mark.build
def test_every_page_carries_a_policy_that_covers_its_inline_scripts(built_site):
    for path in every_page(built_site):
        html = path.read_text(encoding="utf-8")
        assert inline_scripts(html), f"{path}: Material's inline scripts are missing; is this page built by it?"
        assert policy_problems(html) == [], path


@pytest.mark.build
def test_every_page_sends_no_referrer_to_other_sites(built_site):
    for path in every_page(built_site):
        meta = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head.find(
            "meta", attrs={"name": "referrer"}
        )
        assert meta is not None and meta["content"] == "no-referrer", path


@pytest.mark.unit
def test_a_page_a_plugin_writes_late_gets_the_policy_too(tmp_path):
    # As mkdocs-redirects writes its redirect pages, after the theme's: the post-build step
    # reads every HTML file in the built folder, whoever wrote it.
    site = tmp_path / "site"
    site.mkdir()
    page = '<!doctype html><html><head><meta charset="utf-8"><title>Moved</title>'
    page += '<script>location.href = "../";</script></head><body></body></html>'
    (site / "moved.html").write_text(page, encoding="utf-8")
    finish_site(site, SiteConfig(tmp_path / "mkdocs.yml", {}))
    assert policy_problems((site / "moved.html").read_text(encoding="utf-8")) == []


# --- In the browser ----------------------------------------------------------


def under_the_policy(page) -> list[str]:
    """Policy violations, console errors and requests to other hosts since the page was opened."""
    return csp_problems(page) + console_problems(page) + outside_request_problems(page)


@pytest.fixture
def watched(browser, site_url):
    """A phone's tab that records what tests/page_checks.py reads; the clipboard allowed."""
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    watch(page, site_url)
    yield page
    context.close()


@pytest.mark.browser
def test_search_instant_navigation_and_the_palette_work_under_the_policy(watched, site_url):
    page = watched
    open_page(page, site_url)
    page.locator("label[title='Switch to dark mode']").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("feedback")  # Material reads keys
    page.locator(".md-search-result__item").first.wait_for()  # the search worker ran and read the index
    page.keyboard.press("Escape")
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='strategies/']").first.click()
    page.wait_for_url("**/strategies/")
    page.locator("article a[href$='ask-for-feedback/']").first.click()
    page.wait_for_url("**/strategies/ask-for-feedback/")
    assert page.evaluate("window.__sameDocument") is True  # instant navigation, under the first page's policy
    assert under_the_policy(page) == []


@pytest.mark.browser
def test_our_worksheet_and_email_scripts_run_under_the_policy(watched, site_url):
    page = watched
    open_page(page, site_url + "strategies/ask-for-feedback/worksheet/")
    page.locator("#ws-recipient").fill("Sam Lee")
    assert page.locator(".ws-status").text_content() == "Saved on this device."
    found = under_the_policy(page)
    page.reload()
    assert page.locator("#ws-recipient").input_value() == "Sam Lee"
    found += under_the_policy(page)

    open_page(page, site_url + "strategies/ask-for-feedback/email/")
    composer = page.locator(".email-composer").first
    for field in composer.locator("input[data-blank], textarea[data-blank]").all():
        field.fill("Sam")
    composer.get_by_role("button", name="Copy email").click()
    assert "Sam" in page.evaluate("navigator.clipboard.readText()")
    found += under_the_policy(page)
    assert found == []
