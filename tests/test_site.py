"""The built site, page by page: what a reader, a search engine and a browser get."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT, build_site, html_pages, walk_paths
from markdown.extensions.toc import slugify

from turning_no.checks.addresses import LIST_NAME
from turning_no.checks.workshop_guide import worksheet_questions
from turning_no.model.pages import STRATEGY_COUNT, STRATEGY_SECTIONS, read_page
from turning_no.model.urls import built_file, url_of_file

pytestmark = pytest.mark.build

SOURCE_PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
STRATEGY_FOLDERS = sorted(path.parent.name for path in (DOCS / "strategies").glob("*/index.md"))
assert len(STRATEGY_FOLDERS) == 8


def built_path(site: Path, src_uri: str) -> Path:
    return site / built_file(src_uri)


def linked_file(site: Path, page: Path, href: str) -> Path:
    """The built file a link on `page` opens, as a browser resolves it (the site is at the host's root here)."""
    here = "http://host/" + url_of_file(page.relative_to(site).as_posix())
    path = urlsplit(urljoin(here, href)).path.lstrip("/")
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


@functools.cache
def soup_of(path: Path) -> BeautifulSoup:
    """A built page, parsed once for all the tests of this module (they only read it)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_is_built(built_site):
    missing = [src for src in SOURCE_PAGES if not built_path(built_site, src).is_file()]
    assert missing == []


@pytest.mark.parametrize("src_uri", SOURCE_PAGES)
def test_every_page_has_its_own_title_and_description(built_site, src_uri):
    meta = read_page(DOCS / src_uri, DOCS).meta
    soup = soup_of(built_path(built_site, src_uri))
    assert soup.title.string.startswith(meta["title"])
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"] == meta["description"]
    headings = soup.select("article h1")
    assert [heading.get_text(strip=True).rstrip("¶") for heading in headings] == [meta["title"]]


def sections_of(article) -> dict[str, list]:
    """The elements under each h2 of an article, by the h2's id."""
    sections, current = {}, None
    for element in article.find_all(recursive=False):
        if element.name == "h2":
            current = sections.setdefault(element["id"], [])
        elif current is not None:
            current.append(element)
    return sections


@pytest.mark.parametrize("slug", STRATEGY_FOLDERS)
def test_a_strategy_page_has_its_seven_sections_in_order_and_links_its_pages(built_site, slug):
    soup = soup_of(built_site / "strategies" / slug / "index.html")
    article = soup.select_one("article")
    assert [h2["id"] for h2 in article.find_all("h2")] == [slugify(title, "-") for title in STRATEGY_SECTIONS]
    sections = sections_of(article)
    steps = [element for element in sections["how-to-do-it"] if element.name == "ol"]
    assert steps and len(steps[0].find_all("li", recursive=False)) >= 3

    def links_in(section_id):
        return {a["href"] for element in sections[section_id] for a in element.find_all("a", href=True)}

    assert "worksheet/" in links_in("your-worksheet")
    assert {"worksheet/", "email/"} <= links_in("why-it-matters")  # near the top, for a reader who came to act
    assert "email/" in links_in("email-templates")
    assert re.fullmatch(r"Strategy [1-8] of 8", soup.select_one(".eyebrow").get_text(strip=True))


@pytest.mark.parametrize(
    ("index", "selector"),
    [
        ("strategies/index.html", ".page-list--strategies"),
        ("worksheets/index.html", ".page-list--worksheets"),
    ],
)
def test_index_pages_list_all_eight_and_every_link_works(built_site, index, selector):
    page = built_site / index
    listing = soup_of(page).select_one(selector)
    links = [a["href"] for a in listing.select("li > a")]
    assert len(links) == STRATEGY_COUNT
    for href in links:
        assert linked_file(built_site, page, href).is_file(), href


def test_the_email_index_lists_every_template_and_links_to_its_heading(built_site):
    page = built_site / "emails" / "index.html"
    links = [a["href"] for a in soup_of(page).select(".page-list--emails li > a")]
    template_count = sum(path.read_text(encoding="utf-8").count("\n/// email |") for path in DOCS.rglob("email.md"))
    assert len(links) == template_count >= STRATEGY_COUNT
    for href in links:
        fragment = href.split("#")[1]
        target = soup_of(linked_file(built_site, page, href))
        heading = target.find(id=fragment)
        assert heading is not None and heading.name == "h2", href
        assert heading.find_next(class_="email-template") is not None, href


def test_no_block_syntax_is_left_as_text(built_site):
    # pymdownx.blocks renders a block it does not accept as plain text: "///" would show.
    leftovers = [
        str(path.relative_to(built_site))
        for path in html_pages(built_site)
        if "///" in soup_of(path).select_one("article").get_text()
    ]
    assert leftovers == []


# Elements and attributes that make a browser fetch something.
_FETCHING = [
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("track", "src"),
]
_FETCHING_LINKS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "apple-touch-icon",
}


def external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in {"http", "https"}


def test_nothing_is_requested_from_another_host(built_site):
    found = []
    for path in [*html_pages(built_site), built_site / "404.html"]:
        soup = soup_of(path)
        for tag, attribute in _FETCHING:
            found += [
                (path.name, element[attribute])
                for element in soup.find_all(tag)
                if element.get(attribute) and external(element[attribute])
            ]
        for link in soup.find_all("link", href=True):
            if _FETCHING_LINKS & set(link.get("rel", [])) and external(link["href"]):
                found.append((path.name, link["href"]))
        for element in soup.find_all(style=True):
            found += [
                (path.name, url)
                for url in re.findall(r"url\(([^)]*)\)", element["style"])
                if external(url.strip("'\""))
            ]
    for stylesheet in built_site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        found += [(stylesheet.name, url) for url in re.findall(r"url\(([^)]*)\)", text) if external(url.strip("'\""))]
        found += [(stylesheet.name, url) for url in re.findall(r"@import\s+[\"']([^\"']+)", text) if external(url)]
    assert found == []


def test_no_google_fonts_and_no_source_repository_lookup(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
    # A repo_url makes Material fetch star counts from api.github.com in the reader's browser.
    assert soup_of(built_site / "index.html").select(".md-source") == []


def test_the_404_page_leads_back_to_the_guide(built_site):
    soup = soup_of(built_site / "404.html")
    assert soup.select_one("article h1").get_text(strip=True) == "We can’t find that page"
    assert {a.get_text(strip=True) for a in soup.select("article a")} >= {"The eight strategies", "All worksheets"}


def test_the_published_address_comes_from_site_url(tmp_path):
    result = build_site(tmp_path, env={"SITE_URL": "https://careers.example.edu/rejection/"}, checks=False)
    assert result.returncode == 0, result.stderr
    canonical = soup_of(tmp_path / "strategies" / "ask-for-feedback" / "index.html").find("link", rel="canonical")
    assert canonical["href"] == "https://careers.example.edu/rejection/strategies/ask-for-feedback/"
    # The link kit gives the same address, in its list and in the text to paste.
    kit = soup_of(tmp_path / "career-services" / "link-kit" / "index.html")
    addresses = [code.get_text() for code in kit.select(".page-list__address")]
    assert "https://careers.example.edu/rejection/strategies/ask-for-feedback/" in addresses
    assert all(address.startswith("https://careers.example.edu/rejection/strategies/") for address in addresses)
    snippets = [code.get_text() for code in kit.select(".link-kit-snippet code")]
    assert len(snippets) == 4 and all("https://careers.example.edu/rejection/" in text for text in snippets)
    # Generated links start at the site's path on its host, so they work under a subpath.
    hrefs = [a["href"] for a in kit.select(".page-list--links a")]
    assert len(hrefs) > 16 and all(href.startswith("/rejection/strategies/") for href in hrefs), hrefs
    packets = soup_of(tmp_path / "career-services" / "packets" / "index.html")
    downloads = [a["href"] for a in packets.select(".download a")]
    assert len(downloads) == 5 and all(href.startswith("/rejection/downloads/") for href in downloads), downloads


@pytest.mark.parametrize("slug", STRATEGY_FOLDERS)
def test_worksheet_and_email_pages_lead_back_to_their_strategy(built_site, slug):
    for name in ("worksheet", "email"):
        soup = soup_of(built_site / "strategies" / slug / name / "index.html")
        assert soup.select_one(".back-to-strategy a")["href"] == "../"
        assert len(soup.select("article a[href='../']")) >= 2  # and the link in its first sentence


def test_every_page_says_on_paper_where_it_came_from(built_site):
    for path in html_pages(built_site):
        soup = soup_of(path)
        canonical = soup.find("link", rel="canonical")["href"]
        footer = soup.select_one(".print-footer").get_text(" ", strip=True)
        assert "Turning No Into Opportunity" in footer and canonical in footer and "CC BY 4.0" in footer, path


def test_the_link_kit_gives_every_strategy_worksheet_and_template_its_full_published_address(built_site, site_url):
    kit = built_site / "career-services" / "link-kit" / "index.html"
    items = soup_of(kit).select(".page-list--links li")
    shown = [item.select_one(".page-list__address").get_text() for item in items]
    published = [line.strip() for line in (ROOT / LIST_NAME).read_text(encoding="utf-8").splitlines()]
    expected = [
        address for address in published if re.fullmatch(r"strategies/[a-z-]+/(worksheet/|email/#[a-z0-9-]+)?", address)
    ]
    assert len(expected) == 2 * STRATEGY_COUNT + len(
        soup_of(built_site / "emails" / "index.html").select(".page-list--emails li")
    )
    assert sorted(shown) == sorted(site_url + address for address in expected)
    for item in items:
        # The link beside each address opens that very address, anchor included.
        href = item.select_one("a")["href"]
        address = item.select_one(".page-list__address").get_text()
        assert urljoin(site_url + "career-services/link-kit/", href) == address, href


def test_the_text_to_paste_uses_the_site_address_and_copies_as_written(built_site, site_url):
    kit = soup_of(built_site / "career-services" / "link-kit" / "index.html")
    html_snippet = kit.select_one('[data-snippet="html"] code').get_text()
    paragraph = BeautifulSoup(html_snippet, "html.parser")
    assert paragraph.a["href"] == site_url and paragraph.a.get_text() == "Turning No Into Opportunity"
    credit = kit.select_one('[data-snippet="attribution"] code').get_text()
    assert credit.startswith('"Turning No Into Opportunity" by ') and "CC BY 4.0" in credit and site_url in credit


def test_every_dialog_has_a_name(built_site):
    # Material's search panel has none; overrides/hooks/html_fixes.py names it (axe: aria-dialog-name).
    for path in [*html_pages(built_site), built_site / "404.html"]:
        dialogs = soup_of(path).select("[role=dialog]")
        assert dialogs, path
        assert all(dialog.get("aria-label") or dialog.get("aria-labelledby") for dialog in dialogs), path


@pytest.mark.parametrize("slug", STRATEGY_FOLDERS)
def test_every_control_of_a_worksheet_has_a_label(built_site, slug):
    soup = soup_of(built_site / "strategies" / slug / "worksheet" / "index.html")
    unlabelled = [
        control.get("id") or str(control)
        for control in soup.select(".worksheet input, .worksheet textarea")
        if not soup.find("label", attrs={"for": control.get("id")})
        and not control.find_parent("label")
        and not (control.get("aria-labelledby") and soup.find(id=control["aria-labelledby"]))
    ]
    assert unlabelled == []
    assert len(soup.select(".ws-field")) >= 5


@pytest.mark.parametrize("slug", STRATEGY_FOLDERS)
def test_the_questions_are_numbered_in_the_order_the_workshop_guide_rule_reads_them(built_site, slug):
    # make check's workshop-guide rule reads the `/// field` blocks of the source; the site numbers
    # each field's label (.ws-label, worksheet.css) in the built page.
    html = soup_of(built_site / "strategies" / slug / "worksheet" / "index.html")
    built = [label.find_parent(class_="ws-field")["data-field"] for label in html.select("article .ws-label")]
    source = worksheet_questions(read_page(DOCS / "strategies" / slug / "worksheet.md", DOCS))
    assert built == [field_id for field_id, _ in source]


def test_the_browser_walk_visits_every_built_page(built_site):
    # tests/test_walk.py takes its pages from docs/ before any build; these are the ones built.
    built = [path.relative_to(built_site).as_posix().removesuffix("index.html") for path in html_pages(built_site)]
    assert walk_paths() == [*sorted(built), "404.html"]
