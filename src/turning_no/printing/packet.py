"""The printable packets (`make packet`), made from the built site.

- worksheets.pdf / worksheets-a4.pdf: the eight worksheets, blank, in strategy
  order, each printed by Chromium from its built page: the same print styles a
  reader gets from the Print button, checked by the worksheet print tests.
- guide.pdf: every page in menu order, each strategy followed by its worksheet
  and email templates, after a printed contents page; page numbers and a PDF
  outline (bookmarks). Chromium page by page, joined with pypdf, rather than
  mkdocs-print-site-plugin: no third-party MkDocs plugin (see DESIGN.md,
  "Staying portable"), `make site` stays as fast as it is, and each page prints
  exactly as it does on its own (ids and scripts untouched).
- worksheets-fillable.pdf: WeasyPrint turns each field into a PDF form field
  (pdf_forms), named after its label. WeasyPrint runs no JavaScript and has its
  own layout, so fillable.css shows the controls in place of the ruled lines.
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from turning_no.model.pages import read_page, strategies_of
from turning_no.model.urls import url_of

#: The packets, by file name, under the site's downloads/ folder.
WORKSHEETS = "worksheets.pdf"
WORKSHEETS_A4 = "worksheets-a4.pdf"
GUIDE = "guide.pdf"
FILLABLE = "worksheets-fillable.pdf"
FILLABLE_CSS = Path(__file__).with_name("fillable.css")


@dataclass(frozen=True)
class PrintedPage:
    """One page of the site to print: its title and its address relative to the site's root."""

    title: str
    url: str  # "", "strategies/", "strategies/ask-for-feedback/worksheet/"
    is_worksheet: bool = False


def nav_sources(nav) -> Iterator[str]:
    """The Markdown files of a MkDocs `nav`, in order (external links left out)."""
    for item in nav or []:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from nav_sources([value] if isinstance(value, str) else value)


def read_pages(docs_dir: Path) -> dict:
    return {path.relative_to(docs_dir).as_posix(): read_page(path, docs_dir) for path in docs_dir.rglob("*.md")}


def worksheets(docs_dir: Path) -> list[PrintedPage]:
    """The worksheets in strategy order."""
    return [
        PrintedPage(str(strategy.worksheet.meta["title"]), url_of(strategy.worksheet.src_uri), is_worksheet=True)
        for strategy in strategies_of(read_pages(docs_dir))
        if strategy.worksheet
    ]


def guide(docs_dir: Path, nav) -> list[PrintedPage]:
    """Every page of the menu in order; a strategy brings its worksheet and email pages after it."""
    pages = read_pages(docs_dir)
    following = {
        strategy.page.src_uri: [page for page in (strategy.worksheet, strategy.email) if page]
        for strategy in strategies_of(pages)
    }
    found = []
    for src_uri in nav_sources(nav):
        page = pages.get(src_uri)
        if page is None:
            continue
        for each in [page, *following.get(src_uri, [])]:
            found.append(PrintedPage(str(each.meta["title"]), url_of(each.src_uri), "minutes" in each.meta))
    return found


# --- Serving and printing ----------------------------------------------------


def print_pages(browser, base: str, pages: list[PrintedPage], size: str) -> list[bytes]:
    """Each page printed blank by Chromium, as the browser's Print would (fresh storage: no answers)."""
    context = browser.new_context()
    tab = context.new_page()
    printed = []
    for page in pages:
        tab.goto(base + page.url, wait_until="load")
        printed.append(tab.pdf(format=size, print_background=True))
    context.close()
    return printed


def join(printed: list[bytes], pages: list[PrintedPage], title: str, printed_from: str, address: str):
    """One PdfWriter with the printed pages in order and an outline entry for each page's title;
    links lead to `address`, the published site, instead of `printed_from`."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_metadata({"/Title": title})
    for pdf, page in zip(printed, pages, strict=True):
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(pdf)))
        writer.add_outline_item(page.title, start)
    point_links_online(writer, printed_from, address)
    return writer


def point_links_online(writer, printed_from: str, address: str) -> None:
    """Links in the PDF lead to the published site, not to the local copy it was printed from."""
    from pypdf.generic import NameObject, TextStringObject

    for page in writer.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = str(action.get("/URI", "")) if action else ""
            if uri.startswith(printed_from):
                online = address + uri.removeprefix(printed_from).replace("index.html", "")
                action[NameObject("/URI")] = TextStringObject(online)


def page_counts(printed: list[bytes]) -> list[int]:
    from pypdf import PdfReader

    return [len(PdfReader(io.BytesIO(pdf)).pages) for pdf in printed]


def contents_html(site_name: str, address: str, entries: list[tuple[PrintedPage, int]]) -> str:
    """The printed contents page of the guide: each page's title and the number of its first page."""
    rows = "\n".join(
        f'<li class="{"sub" if page.is_worksheet or page.url.endswith("/email/") else ""}">'
        f"<span>{html.escape(page.title)}</span><span>{number}</span></li>"
        for page, number in entries
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contents</title>
<style>
  @page {{ margin: 16mm 18mm; }}
  body {{ font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif; color: #000000de;
         font-size: 9.5pt; line-height: 1.25; }}  /* 50 entries fit on one page */
  h1 {{ font-size: 18pt; margin: 0 0 2pt; }}
  .lead {{ margin: 0 0 14pt; color: #0000008a; }}
  h2 {{ font-size: 13pt; margin: 0 0 6pt; }}
  ol {{ list-style: none; margin: 0; padding: 0; }}
  li {{ display: flex; gap: 6pt; padding: 0.5pt 0; break-inside: avoid; }}
  li span:first-child {{ flex: 1; border-bottom: 1px dotted #00000052; }}
  li.sub {{ padding-left: 14pt; color: #000000b3; }}
</style></head><body>
<h1>{html.escape(site_name)}</h1>
<p class="lead">The whole guide, to print. Online: {html.escape(address)}</p>
<h2>Contents</h2>
<ol>
{rows}
</ol>
</body></html>"""


def numbers_overlay(browser, count: int, size: str) -> bytes:
    """`count` empty pages with only a page number at the foot, to lay over the joined guide."""
    context = browser.new_context()
    tab = context.new_page()
    tab.set_content('<div style="break-after: page">&nbsp;</div>' * count)
    pdf = tab.pdf(
        format=size,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=(
            '<div style="width: 100%; text-align: center; font-size: 8pt; color: #555555;'
            ' font-family: Helvetica, Arial, sans-serif;">'
            '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
        ),
        margin={"top": "12mm", "bottom": "12mm"},
    )
    context.close()
    return pdf


def guide_pdf(browser, base: str, pages: list[PrintedPage], site_name: str, address: str, size: str = "Letter"):
    """The guide: contents, then every page; an outline entry and a page number on every page."""
    from pypdf import PdfReader

    printed = print_pages(browser, base, pages, size)
    counts = page_counts(printed)
    context = browser.new_context()
    tab = context.new_page()
    contents_pages = 1
    for _ in range(3):  # the numbers depend on how long the contents are; they settle at once
        starts, number = [], contents_pages + 1
        for count in counts:
            starts.append(number)
            number += count
        tab.set_content(contents_html(site_name, address, list(zip(pages, starts, strict=True))))
        contents = tab.pdf(format=size)
        length = len(PdfReader(io.BytesIO(contents)).pages)
        if length == contents_pages:
            break
        contents_pages = length
    context.close()
    writer = join(
        [contents, *printed], [PrintedPage("Contents", ""), *pages], f"{site_name}: the whole guide", base, address
    )
    overlay = PdfReader(io.BytesIO(numbers_overlay(browser, len(writer.pages), size)))
    for page, numbers in zip(writer.pages, overlay.pages, strict=True):
        page.merge_page(numbers)
    return writer


# --- The fillable worksheets (WeasyPrint) --------------------------------------


def pdf_field_name(label: str) -> str:
    """A form field's name from its label. PDF names may not hold a period (it splits a
    field's full name into parts), so a sentence's period becomes a dash or goes."""
    text = " ".join(label.split()).rstrip(".")
    return re.sub(r"\.\s+", " - ", text).replace(".", "")


def name_fields(soup, taken: dict[str, str]) -> None:
    """Give every control of a worksheet page the name of its label, unique in the packet
    (a second "Day, row 1" is "Day, row 1 (2)"). `taken` maps each name to its label."""

    def unique(label: str) -> str:
        name = pdf_field_name(label)
        candidate, number = name, 2
        while candidate in taken:
            candidate, number = f"{name} ({number})", number + 1
        taken[candidate] = label
        return candidate

    for control in soup.select(".worksheet input, .worksheet textarea"):
        if control.get("type") == "radio":
            continue
        label = soup.find("label", attrs={"for": control.get("id")})
        control["name"] = unique(label.get_text(" ", strip=True))
    for group in soup.select(".worksheet fieldset.ws-field--scale"):
        name = unique(group.legend.get_text(" ", strip=True))
        for radio in group.select("input[type=radio]"):
            radio["name"] = name


def fillable_html(path: Path, taken: dict[str, str]) -> str:
    """A built worksheet page made ready for WeasyPrint: named fields inside a form, no scripts."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for script in soup.find_all("script"):
        script.decompose()
    name_fields(soup, taken)
    article = soup.select_one("article")
    form = soup.new_tag("form")
    for child in list(article.children):
        form.append(child.extract())
    article.append(form)
    return str(soup)


def build_fillable(site: Path, pages: list[PrintedPage], title: str, address: str) -> bytes:
    """The worksheets as one PDF with form fields (WeasyPrint, Letter)."""
    from weasyprint import CSS, HTML

    # WeasyPrint reports every CSS property of Material it does not know; the PDF is checked instead.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    stylesheet = CSS(filename=str(FILLABLE_CSS))
    taken: dict[str, str] = {}
    documents = []
    for page in pages:
        path = site / page.url / "index.html"
        document = HTML(string=fillable_html(path, taken), base_url=str(path), media_type="print")
        documents.append(document.render(stylesheets=[stylesheet], pdf_forms=True))
    combined = documents[0].copy([sheet for document in documents for sheet in document.pages])
    return tidy_form(combined.write_pdf(pdf_forms=True), title, taken, site.as_uri() + "/", address)


def tidy_form(pdf: bytes, title: str, labels: dict[str, str], printed_from: str, address: str) -> bytes:
    """WeasyPrint 70 names each radio button like its group and lists it as a field of its
    own, so readers see the name twice ("Group.Group"). A button is only a kid of its group:
    no name, and the group's spoken name is its question. The packet gets its own title,
    and its links lead to the published site."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, NameObject, TextStringObject

    # Incremental: WeasyPrint's compact file is kept, and the changes are added at its end.
    writer = PdfWriter(PdfReader(io.BytesIO(pdf)), incremental=True)
    form = writer.root_object["/AcroForm"]
    fields = ArrayObject()
    for reference in form["/Fields"]:
        field = reference.get_object()
        if "/Parent" in field:
            for key in ("/T", "/TU"):
                field.pop(key, None)
            continue
        if "/Kids" in field:
            field[NameObject("/TU")] = TextStringObject(labels.get(str(field["/T"]), field["/T"]))
        fields.append(reference)
    form[NameObject("/Fields")] = fields
    writer.metadata = {"/Title": title, "/Producer": "WeasyPrint and pypdf"}
    point_links_online(writer, printed_from, address)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


# --- The packets page ----------------------------------------------------------

#: On the packets page (docs/career-services/packets.md), an empty
#: <span class="packet-size" data-packet="NAME"></span> after each link; filled in here.
_SIZE_SLOT = re.compile(r'(<span class="packet-size" data-packet="(?P<name>[^"]+)">)[^<]*(</span>)')
PACKETS_PAGE = "career-services/packets/index.html"


def describe(downloads: Path) -> dict[str, tuple[int, int]]:
    """Each packet's page count and size in KB, by file name."""
    from pypdf import PdfReader

    return {
        path.name: (len(PdfReader(path).pages), round(path.stat().st_size / 1024))
        for path in sorted(downloads.glob("*.pdf"))
    }


def fill_in_packets_page(site: Path, summary: dict[str, tuple[int, int]]) -> None:
    """Write each packet's page count and size next to its link on the built packets page."""
    page = site / PACKETS_PAGE
    if not page.is_file():
        return

    def size(match: re.Match) -> str:
        found = summary.get(match["name"])
        text = f" · {found[0]} pages, {found[1]} KB" if found else ""
        return f"{match[1]}{text}{match[3]}"

    page.write_text(_SIZE_SLOT.sub(size, page.read_text(encoding="utf-8")), encoding="utf-8")
