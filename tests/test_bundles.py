"""One script and one style sheet per page type (turning_no.site.bundles).

A page loads only what it uses: the bundle of its type, named by overrides/main.html
from the page's kind. Here: a bundle naming a missing file stops the build with a clear
message; every built page links exactly one bundle script and one bundle style sheet,
of the right type, minified, holding each part's code; and Material's instant
navigation runs each page's scripts once and swaps the bundle style sheet in the head.
"""

from __future__ import annotations

from pathlib import Path

import csscompressor
import jsmin
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PHONE
from page_checks import console_problems, open_page, watch

from turning_no.site import bundles
from turning_no.site.bundles import BASE_CSS, BASE_JS, BUNDLES, FOLDER, BundleError, write_bundles

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
OURS = "assets/bundles/"


def expected_bundle(source: Path) -> str:
    """The bundle a page's front matter asks for (as overrides/main.html decides)."""
    text = source.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}
    kind = (meta or {}).get("kind")
    if kind == "tool":
        return meta["tool"]
    return kind if kind in ("home", "worksheet", "email") else "page"


def built_page(site: Path, source: Path) -> Path:
    relative = source.relative_to(DOCS).with_suffix("")
    if relative.name == "index":
        return site / relative.parent / "index.html"
    return site / relative / "index.html"


def bundle_links(html: str) -> tuple[list[str], list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    styles = [link["href"] for link in soup.select("link[rel=stylesheet][href]") if OURS in link["href"]]
    scripts = [script["src"] for script in soup.select("script[src]") if OURS in script["src"]]
    return styles, scripts


def parts(name: str, suffix: str) -> tuple[str, ...]:
    scripts, styles = BUNDLES[name]
    return BASE_JS + scripts if suffix == ".js" else BASE_CSS + styles


def minify_js(text: str) -> str:
    return jsmin.jsmin(text, quote_chars="'\"`")


@pytest.mark.unit
def test_a_bundle_naming_a_missing_file_stops_with_the_bundle_and_the_file(tmp_path, monkeypatch):
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets").mkdir()
    for each in BASE_JS + BASE_CSS:
        (tmp_path / "assets" / each).write_text("/* part */ a { color: red }\n", encoding="utf-8")
    monkeypatch.setattr(bundles, "BUNDLES", {"worksheet": (("javascripts/gone.js",), ())})
    with pytest.raises(BundleError, match=r"the bundle 'worksheet' names assets/javascripts/gone\.js, which is not in"):
        write_bundles(tmp_path)


@pytest.mark.build
def test_every_page_links_one_bundle_of_its_type_minified_with_each_parts_code(built_site):
    sources = sorted(DOCS.rglob("*.md"))
    assert len(sources) > 30
    seen = set()
    for source in sources:
        page = built_page(built_site, source)
        styles, scripts = bundle_links(page.read_text(encoding="utf-8"))
        name = expected_bundle(source)
        seen.add(name)
        assert len(styles) == 1 and styles[0].endswith(f"{OURS}{name}.css"), (source, styles)
        assert len(scripts) == 1 and scripts[0].endswith(f"{OURS}{name}.js"), (source, scripts)
    assert seen == set(BUNDLES)  # every bundle is used by some page, and no page asks for one that is missing
    # Nor does any other page of the theme (404, the tag lists...) link two, or none.
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'id="turning-no-text"' in html:
            styles, scripts = bundle_links(html)
            assert len(styles) == 1 and len(scripts) == 1, page
    for name in BUNDLES:
        for suffix, minify in ((".js", minify_js), (".css", csscompressor.compress)):
            bundle = (built_site / FOLDER / f"{name}{suffix}").read_text(encoding="utf-8")
            sources_text = [(built_site / "assets" / each).read_text(encoding="utf-8") for each in parts(name, suffix)]
            assert len(bundle) < 0.8 * sum(map(len, sources_text)), f"{name}{suffix} is not minified"
            assert "/*" not in bundle and "\n  " not in bundle, f"{name}{suffix} keeps comments or indentation"
            for each, text in zip(parts(name, suffix), sources_text, strict=True):
                inner = minify(text).strip().strip(";")
                if inner:
                    assert inner[:-1] in bundle, f"{name}{suffix} lacks the code of {each}"


@pytest.mark.browser
def test_instant_navigation_runs_each_pages_scripts_once_and_swaps_the_bundle_style_sheet(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    # Count every flag our scripts set on window.TurningNo: each guard is set once per
    # document, however many times instant navigation runs the bundles again.
    context.add_init_script(
        """
        window.__sets = {};
        window.TurningNo = new Proxy({}, {set: function (target, name, value) {
          window.__sets[name] = (window.__sets[name] || 0) + 1; target[name] = value; return true;
        }});
        """
    )
    page = context.new_page()
    watch(page, site_url)
    open_page(page, site_url)
    page.evaluate("window.__sameDocument = true")  # gone if a link loads a whole new page

    def follow(address: str) -> None:
        # A link in the article, followed as a reader would: Material's instant navigation takes the click.
        page.evaluate(
            """address => { var link = document.createElement('a'); link.href = address; link.textContent = 'go';
                document.querySelector('article').appendChild(link); link.click(); }""",
            site_url + address,
        )
        page.wait_for_url(site_url + address)
        page.wait_for_function(
            "name => [...document.head.querySelectorAll('link[rel=stylesheet]')].some(l => l.href.endsWith(name))",
            arg=f"{OURS}{expected_bundle_for(address)}.css",
        )

    def bundle_styles() -> list[str]:
        return page.evaluate(
            f"[...document.head.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))"
            f".filter(h => h.includes('{OURS}')).map(h => h.split('/').pop())"
        )

    assert bundle_styles() == ["home.css"]
    follow("strategies/ask-for-feedback/worksheet/")
    page.locator(".ws-toolbar").first.wait_for(state="visible")
    assert bundle_styles() == ["worksheet.css"]
    assert page.locator(".ws-toolbar:visible").count() == page.locator(".ws-toolbar").count() >= 1
    tables = page.locator("[data-field][data-kind=table]")
    assert tables.count() >= 1
    for table in tables.all():
        assert table.locator(".ws-add-row").count() == 1  # the sheet was set up once, not once per run
    follow("strategies/ask-for-feedback/email/")
    page.locator(".email-composer").first.wait_for(state="visible")
    assert bundle_styles() == ["email.css"]
    for template in page.locator("[data-email-template]").all():
        blanks = template.locator("input[data-blank]").evaluate_all("inputs => inputs.map(i => i.dataset.blank)")
        assert len(blanks) == len(set(blanks)) >= 1  # one input per blank: the composer was set up once
    assert page.evaluate("window.__sameDocument") is True  # all of it by instant navigation, in one document
    sets = page.evaluate("window.__sets")
    assert {"keyboard", "tables", "storage", "worksheet"} <= set(sets), sets
    assert all(count == 1 for count in sets.values()), sets
    assert console_problems(page) == []
    context.close()


def expected_bundle_for(address: str) -> str:
    return {"": "home"}.get(address) or address.rstrip("/").rsplit("/", 1)[-1]
