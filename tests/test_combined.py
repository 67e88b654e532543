"""One printable document from many built pages (turning_no.printing.combined), without a browser."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from turning_no.printing.combined import Part, compose, prefix_ids, published

pytestmark = pytest.mark.unit

LOCAL = "http://127.0.0.1:5000/"
ONLINE = "https://example.org/guide/"

PAGE = """<!doctype html><html lang="en"><head><title>{title} - Site</title>
<link rel="canonical" href="{canonical}"><link rel="stylesheet" href="{up}assets/main.css"></head>
<body><header class="md-header">Site</header><div class="md-container"><main class="md-main">
<div class="md-main__inner md-grid"><div class="md-sidebar">menu</div>
<div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">
<h1 id="{slug}">{title}</h1>
<label for="ws-a">Question</label><input id="ws-a" aria-describedby="ws-a-hint"><p id="ws-a-hint">Hint</p>
<p><a href="#{slug}">top</a> <a href="../other/">other</a> <a href="{up}index.html#x">home</a>
<a href="https://elsewhere.example/">away</a> <img src="{up}assets/qr.svg" alt="QR"></p>
<script>alert(1)</script>
</article></div></div></main></div></body></html>"""


def built(tmp_path, url: str, title: str, slug: str):
    up = "../" * url.count("/")
    path = tmp_path / url / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, slug=slug, up=up, canonical=ONLINE + url), encoding="utf-8")
    return Part(path, url)


def test_a_link_to_the_local_copy_becomes_its_published_address():
    assert published(LOCAL + "a/b/index.html#c", LOCAL, ONLINE) == ONLINE + "a/b/#c"
    assert published(LOCAL + "index.html", LOCAL, ONLINE) == ONLINE
    assert published("https://elsewhere.example/index.html", LOCAL, ONLINE) == "https://elsewhere.example/index.html"


def test_ids_and_every_reference_to_them_get_the_prefix():
    soup = BeautifulSoup(
        '<article><label for="a">A</label><input id="a" aria-describedby="h b"><p id="h">hint</p>'
        '<a href="#a">to a</a><a href="#elsewhere">out</a></article>',
        "html.parser",
    )
    prefix_ids(soup.article, "p2-")
    assert soup.label["for"] == "p2-a" and soup.input["id"] == "p2-a"
    assert soup.input["aria-describedby"] == "p2-h b"  # "b" is not an id of this page
    assert [a["href"] for a in soup.find_all("a")] == ["#p2-a", "#elsewhere"]


def test_the_document_holds_every_article_in_order_each_in_its_own_blocks(tmp_path):
    parts = [
        built(tmp_path, "strategies/one/worksheet/", "Sheet one", "sheet-one"),
        built(tmp_path, "strategies/two/worksheet/", "Sheet two", "sheet-two"),
    ]
    html = compose(parts, "Site: the sheets", "es", LOCAL, ONLINE, before='<nav class="packet-contents">C</nav>')
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "es"
    assert soup.title.string == "Site: the sheets"
    assert not soup.find("link", rel="canonical")
    assert soup.find("link", href=LOCAL + "assets/stylesheets/_packet.css")
    # Each article in a copy of the blocks around it on its own page, the contents first.
    blocks = soup.select("main > *")
    assert [block.get("class") for block in blocks] == [
        ["packet-contents"],
        ["md-main__inner", "md-grid", "packet-part"],
        ["md-main__inner", "md-grid", "packet-part"],
    ]
    articles = soup.select(".packet-part > .md-content > article.md-content__inner")
    assert [article["id"] for article in articles] == ["packet-part-1", "packet-part-2"]
    assert [article.h1.get_text() for article in articles] == ["Sheet one", "Sheet two"]
    # Ids stay unique, and the labels still name their fields.
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert [label["for"] for label in soup.find_all("label")] == ["p1-ws-a", "p2-ws-a"]
    # Links lead to the published site; what the page loads comes from the local copy.
    second = articles[1]
    assert [a["href"] for a in second.find_all("a")] == [
        "#p2-sheet-two",
        ONLINE + "strategies/two/other/",
        ONLINE + "#x",
        "https://elsewhere.example/",
    ]
    assert second.img["src"] == LOCAL + "assets/qr.svg"
    assert not soup.select("article script")
