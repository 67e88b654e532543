"""One printable document from many built pages, so that Chromium prints a packet once, tagged.

Printing each page on its own and joining the PDFs (as `make packet` once did) loses the
structure tree that a screen reader reads: no PDF tool here merges structure trees. So the
packet is one HTML page instead: the first page of the packet as it was built (its head, its
styles and scripts, its header and menus, which do not print), with the `<article>` of every
page of the packet, in order, in place of its own. Each article starts on a new page
(packet.css), keeps its classes (the print styles of the site apply as they do to the page
alone) and its own ids, prefixed so that they stay unique ("p3-what-to-do"); its links are
written out in full: to the published site for a page of the site, to the local copy for
anything the page loads. Chromium then prints it with `tagged=True` and `outline=True`:
headings become bookmarks, articles, headings, lists, tables and fields become tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

#: The packet's own print styles: each part on a new page, the contents page.
PACKET_CSS = Path(__file__).with_name("packet.css")
#: Where the page loads packet.css from; answered by the browser route in `print_document`.
PACKET_CSS_URL = "assets/stylesheets/_packet.css"
#: The id of the nth part (from 1), the target of the contents page's links.
PART_ID = "packet-part-{}"

#: Attributes that hold one id, or a list of ids, of the same page.
_ID_REFERENCES = ("for", "form", "list")
_ID_LISTS = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-details", "headers")
_URL_ATTRIBUTES = ("src", "poster", "data")


@dataclass(frozen=True)
class Part:
    """One page of a packet: the built file, and its address relative to the site's root."""

    path: Path  # site/strategies/ask-for-feedback/worksheet/index.html
    url: str  # "strategies/ask-for-feedback/worksheet/"


def _read(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def published(link: str, printed_from: str, address: str) -> str:
    """A link to a page of the local copy, as its published address (without index.html)."""
    if not link.startswith(printed_from):
        return link
    rest = link.removeprefix(printed_from)
    rest = re.sub(r"(^|/)index\.html(?=$|[#?])", r"\1", rest)
    return address + rest


def prefix_ids(article, prefix: str) -> None:
    """Every id in `article` gets `prefix`, and so does every reference to one of them."""
    ids = {element["id"] for element in article.find_all(id=True)}
    for element in article.find_all(True):
        if element.get("id") in ids:
            element["id"] = prefix + element["id"]
        for name in _ID_REFERENCES:
            if element.get(name) in ids:
                element[name] = prefix + element[name]
        for name in _ID_LISTS:
            value = element.get(name)
            if value:
                words = value if isinstance(value, list) else value.split()
                element[name] = " ".join(prefix + word if word in ids else word for word in words)
        for name in ("href", "xlink:href"):
            value = element.get(name)
            if value and value.startswith("#") and value[1:] in ids:
                element[name] = "#" + prefix + value[1:]


def absolute_links(article, page_address: str, printed_from: str, address: str) -> None:
    """Links of a page written in full: a link to the site leads to the published site, and
    what the page loads (images) comes from `printed_from`, as it did for the page alone."""
    for element in article.find_all(True):
        href = element.get("href")
        if href is not None and not href.startswith("#"):
            element["href"] = published(urljoin(page_address, href), printed_from, address)
        for name in _URL_ATTRIBUTES:
            if element.get(name):
                element[name] = urljoin(page_address, element[name])
        if element.get("srcset"):
            element["srcset"] = ", ".join(
                " ".join([urljoin(page_address, words[0]), *words[1:]])
                for words in (candidate.split() for candidate in element["srcset"].split(","))
                if words
            )


def compose(parts: list[Part], title: str, language: str, printed_from: str, address: str, before: str = "") -> str:
    """The HTML of one document holding every part's article in order, after `before` (HTML:
    the guide's contents page). It is meant to be opened at the first part's address."""
    from bs4 import BeautifulSoup

    shell = _read(parts[0].path)
    shell.html["lang"] = language
    shell.title.string = title
    for link in shell.find_all("link", rel="canonical"):
        link.decompose()
    stylesheet = shell.new_tag("link", rel="stylesheet", href=printed_from + PACKET_CSS_URL)
    shell.head.append(stylesheet)
    # Each part in a copy of the blocks that hold the article on its own page (the first
    # part in the shell's own), so that it starts as far down its first page as it did there.
    own = shell.select_one("article.md-content__inner")
    inner = own.find_parent(class_="md-main__inner")
    content = own.find_parent(class_="md-content")
    classes = list(inner["class"])
    holders = []
    for number, part in enumerate(parts, start=1):
        article = own if number == 1 else _read(part.path).select_one("article.md-content__inner").extract()
        for script in article.find_all("script"):
            script.decompose()
        prefix_ids(article, f"p{number}-")
        absolute_links(article, printed_from + part.url, printed_from, address)
        article["id"] = PART_ID.format(number)
        if holders:
            holder = shell.new_tag("div", attrs={"class": classes})
            holder.append(shell.new_tag("div", attrs=dict(content.attrs)))
            holder.div.append(article)
            holders[-1].insert_after(holder)
        else:
            holder = inner
        holder["class"] = [*classes, "packet-part"]
        holders.append(holder)
    if before:
        inner.insert_before(BeautifulSoup(before, "html.parser"))
    return str(shell)


def print_document(browser, printed_from: str, url: str, html: str, size: str, **options) -> bytes:
    """`html` opened at `printed_from + url`, the first part's address (so that what it loads
    resolves as on that page), and printed once by Chromium, blank (fresh storage): tagged,
    with an outline of its headings. `options` go to page.pdf (a footer, for example).
    What Chromium leaves out of the structure is not marked yet: see tagged.mark_artifacts."""
    css = PACKET_CSS.read_bytes()
    context = browser.new_context()
    tab = context.new_page()
    page_address, css_address = printed_from + url, printed_from + PACKET_CSS_URL
    tab.route(lambda seen: seen == page_address, lambda route: route.fulfill(body=html, content_type="text/html"))
    tab.route(lambda seen: seen == css_address, lambda route: route.fulfill(body=css, content_type="text/css"))
    tab.goto(page_address, wait_until="load")
    pdf = tab.pdf(format=size, print_background=True, tagged=True, outline=True, **options)
    context.close()
    return pdf
