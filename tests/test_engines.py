"""Both engines build the same site: MkDocs (the default) and Zensical, its successor.

The Zensical build (the `zensical` fixture in conftest.py) gets the built-site checks
(structure, CSP, QR codes, links; valid HTML in tests/test_html.py) and a browser
smoke; the full browser suite runs on the MkDocs build. The article bodies of the two
builds must match, apart from the differences listed in KNOWN_DIFFERENCES, each with
its reason.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PHONE, html_pages
from page_checks import console_problems, csp_problems, outside_request_problems, watch
from test_links import assert_links_work

from turning_no.checks.addresses import is_redirect
from turning_no.site.csp import policy_problems

#: What may differ between the two engines' article bodies, with why; each is a
#: pattern removed from both before they are compared.
KNOWN_DIFFERENCES = {
    # Zensical's theme puts the skip link's target, an empty anchor, at the top of the
    # article; Material for MkDocs 9 has none there and scrolls to the content itself.
    "skip-link target": re.compile(r'<a id="__skip" tabindex="-1">\s*</a>'),
    # The same file: on the home page Zensical's `url` filter writes "./assets/...",
    # MkDocs "assets/..." (the script tag at the end of each article).
    "home page's ./ prefix": re.compile(r'(?<= src=")\./(?=assets/)'),
}


#: Not a difference of the engines: each build is served on its own port, so the
#: addresses differ, and so do the QR codes that encode them (checked on their own).
_PORT = re.compile(r"127\.0\.0\.1:\d+")
_QR_CODE = re.compile(r'<svg role="img" aria-label="QR code: [^"]*".*?</svg>', re.DOTALL)


def article(path: Path) -> list[str]:
    """A page's article, one tag or text per line, with the known differences removed."""
    text = _QR_CODE.sub("", _PORT.sub("HOST", path.read_text(encoding="utf-8")))
    for pattern in KNOWN_DIFFERENCES.values():
        text = pattern.sub("", text)
    found = BeautifulSoup(text, "html.parser").select_one("article")
    return found.prettify().splitlines() if found else []


@pytest.mark.build
def test_both_engines_write_the_same_pages_with_the_same_article_bodies(built_site, zensical):
    folder, _ = zensical
    # Both served at their own address: the addresses inside the pages differ by the port alone.
    mkdocs_pages = {path.relative_to(built_site) for path in built_site.rglob("*.html")}
    zensical_pages = {path.relative_to(folder) for path in folder.rglob("*.html")}
    assert mkdocs_pages == zensical_pages
    differences = []
    for relative in sorted(mkdocs_pages):
        if is_redirect(built_site / relative):
            continue
        ours, theirs = article(built_site / relative), article(folder / relative)
        if ours != theirs:
            diff = difflib.unified_diff(ours, theirs, "mkdocs", "zensical", lineterm="", n=1)
            differences.append(f"{relative}:\n" + "\n".join(list(diff)[:20]))
    assert differences == [], "\n\n".join(differences)


@pytest.mark.build
def test_the_zensical_build_gets_the_post_build_step(zensical):
    folder, url = zensical
    pages = [*html_pages(folder), folder / "404.html"]
    assert len(pages) > 30
    problems = [
        f"{page.relative_to(folder)}: {problem}" for page in pages for problem in policy_problems(page.read_text())
    ]
    assert problems == []
    for sheet in sorted(folder.glob("strategies/*/worksheet/index.html")):
        html = sheet.read_text(encoding="utf-8")
        slug = sheet.parent.parent.name
        assert f'data-worksheet="{slug}"' in html, slug
        assert html.count('<svg role="img" aria-label="QR code: ') == 1, slug
        assert f"QR code: {url}strategies/{slug}/worksheet/" in html, slug
    security = (folder / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert f"Canonical: {url}.well-known/security.txt" in security
    raw_markdown_links = [page.name for page in pages if re.search(r'href="[^"]*\.md[#"]', page.read_text())]
    assert raw_markdown_links == []


@pytest.mark.build
def test_the_zensical_build_has_no_broken_link_or_anchor(zensical):
    _, url = zensical
    # The packets are printed from the MkDocs build, and their links checked there (test_links).
    assert_links_work(url, "--ignore-url=/downloads/")


@pytest.mark.browser
def test_the_zensical_build_works_in_the_browser(browser, zensical):
    folder, url = zensical
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    watch(page, url)
    paths = [path.relative_to(folder).as_posix().removesuffix("index.html") for path in html_pages(folder)]
    found = []
    for path in paths:
        # Zensical's search is its own (no "Type to start searching" line to wait for):
        # wait until the page has fetched all it will, its search index included.
        page.goto(url + path, wait_until="networkidle")
        found += [f"/{path}: {problem}" for problem in csp_problems(page)]

    page.goto(url + "strategies/ask-for-feedback/worksheet/")
    page.locator("#ws-recipient").fill("Sam Lee")
    assert page.locator(".ws-status").text_content() == "Saved on this device."
    found += csp_problems(page)
    page.reload()
    assert page.locator("#ws-recipient").input_value() == "Sam Lee"
    found += csp_problems(page)

    page.goto(url + "strategies/ask-for-feedback/email/")
    composer = page.locator(".email-composer").first
    for field in composer.locator("input[data-blank], textarea[data-blank]").all():
        field.fill("Sam")
    composer.get_by_role("button", name="Copy email").click()
    assert "Sam" in page.evaluate("navigator.clipboard.readText()")
    found += csp_problems(page) + console_problems(page) + outside_request_problems(page)
    context.close()
    assert len(paths) >= 30
    assert found == []
