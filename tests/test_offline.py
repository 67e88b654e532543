"""The offline copy (`make offline`): a zip of the site that works from a folder, with no internet.

Unzipped and opened through file:// in Chromium: links lead from page to page,
search finds pages, a worksheet keeps its answers over a reload, the email
composer fills in, and no request leaves the machine.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import DESKTOP, DOCS, OFFLINE_FOLDER, html_pages
from playwright.sync_api import expect

from turning_no.model.urls import url_of
from turning_no.site.csp import page_policy

FOLDER = OFFLINE_FOLDER
#: What a page of the copy may ask for: its own files, and what the page makes itself.
LOCAL = ("file://", "data:", "blob:", "about:")


@pytest.fixture(scope="module")
def unzipped(offline_zip, tmp_path_factory) -> Path:
    """The copy as a reader has it after unzipping: its folder."""
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / FOLDER


def offline_address(source: Path) -> str:
    """Where a page of docs/ is in the copy: without directory URLs, x/index.md is x/index.html, x/y.md is x/y.html."""
    return url_of(source.relative_to(DOCS).as_posix(), directory_urls=False)


@pytest.mark.build
def test_the_zip_holds_one_folder_with_index_html_and_every_page(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = set(archive.namelist())
    assert all(name.startswith(f"{FOLDER}/") for name in names)
    pages = [offline_address(source) for source in sorted(DOCS.rglob("*.md"))]
    assert len(pages) > 30
    missing = [page for page in ["index.html", "404.html", *pages] if f"{FOLDER}/{page}" not in names]
    assert missing == []
    # Search without a server, with Material's Web Worker shim served from the copy itself.
    for needed in ("search/search_index.js", "assets/javascripts/iframe-worker/shim.js"):
        assert f"{FOLDER}/{needed}" in names


@pytest.mark.build
def test_every_page_loads_only_files_of_the_copy(unzipped):
    pages = html_pages(unzipped)
    assert len(pages) > 30
    found = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        loaded = [element.get("src") for element in soup.select("script[src], img[src], iframe[src], source[src]")]
        loaded += [link.get("href") for link in soup.select("link[href]") if set(link.get("rel", [])) & _FETCHED]
        where = page.relative_to(unzipped).as_posix()
        found += [f"{where}: loads {address}" for address in loaded if re.match(r"^[a-z]+:|^//", address)]
        if "unpkg.com" in text:
            found.append(f"{where}: names unpkg.com")
        if "iframe-worker/shim.js" not in text:
            found.append(f"{where}: does not load the iframe-worker shim")
    assert found == []


#: <link> types a browser fetches (a canonical link is an address, not a request).
_FETCHED = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}


@pytest.mark.build
def test_the_pages_of_the_copy_carry_no_content_security_policy(unzipped):
    # Material's offline plugin runs inline code the policy would block, and a file:// page has no
    # origin for 'self' to allow; the offline build leaves the policy out (overrides/hooks/csp.py).
    pages = [*html_pages(unzipped), unzipped / "404.html"]
    assert [page for page in pages if page_policy(page.read_text(encoding="utf-8")) is not None] == []


@pytest.mark.build
def test_the_copy_sends_download_links_to_the_published_site(unzipped):
    # The PDFs and the zip are not in the copy, and the links written for the
    # published folder addresses would point one folder too high from page.html.
    soup = BeautifulSoup((unzipped / "career-services" / "packets.html").read_text(encoding="utf-8"), "html.parser")
    downloads = [link["href"] for link in soup.select("article a[href*='downloads/']")]
    assert len(downloads) == 5, downloads
    published = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # what make offline builds with
    assert all(href.startswith(f"{published}downloads/") for href in downloads), downloads


@pytest.mark.build
def test_no_link_of_the_copy_starts_at_the_root_of_the_disk(unzipped):
    # The page lists write links from the host's root; from a folder they would open
    # file:///strategies/..., so the copy makes them relative to their page.
    found = []
    for page in html_pages(unzipped):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        found += [f"{page.relative_to(unzipped)}: {a['href']}" for a in soup.select("a[href^='/']")]
    assert found == []
    worksheets = BeautifulSoup((unzipped / "worksheets.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in worksheets.select(".page-list a")]
    assert len(hrefs) == 8 and all(href.endswith("/worksheet.html") for href in hrefs), hrefs


@pytest.mark.build
def test_the_published_site_is_not_the_offline_build(built_site):
    text = (built_site / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in text
    assert "navigation.instant" in text  # instant navigation stays on where there is a server
    assert not (built_site / "assets" / "javascripts" / "iframe-worker").exists()


@pytest.mark.browser
def test_from_file_links_search_worksheet_and_email_work_and_nothing_leaves_the_machine(browser, unzipped):
    context = browser.new_context(viewport=DESKTOP)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    home = (unzipped / "index.html").as_uri()

    # A link from the home page opens the next page from the folder.
    page.goto(home)
    page.locator("article").get_by_role("link", name="The eight strategies").click()
    expect(page).to_have_url(re.compile(r"/strategies/index\.html$"))

    # Search: type a word, see results, open one.
    page.locator(".md-search__input").press_sequentially("feedback")  # as a reader types
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert "matching document" in page.locator(".md-search-result__meta").inner_text()
    results.first.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"^file://.*\.html"))

    # A worksheet saves as the reader types and keeps the answer over a reload.
    page.goto((unzipped / "strategies" / "ask-for-feedback" / "worksheet.html").as_uri())
    page.locator("#ws-recipient").fill("Sam Lee, hiring manager")
    expect(page.locator(".ws-status")).to_have_text("Saved on this device.")
    page.reload()
    expect(page.locator("#ws-recipient")).to_have_value("Sam Lee, hiring manager")

    # The email composer fills the template in as the reader types.
    page.goto((unzipped / "strategies" / "ask-for-feedback" / "email.html").as_uri())
    block = page.locator(".email-template").first
    block.get_by_label("Job title", exact=True).fill("Data analyst")
    expect(block.locator(".email-template__subject")).to_contain_text("Data analyst")

    context.close()
    assert errors == []
    assert len(requests) > 20
    assert [url for url in requests if not url.startswith(LOCAL)] == []
