"""The printable packets (`make packet`), made from the built site. Every one is a
tagged PDF (a structure tree for screen readers, /Lang, its title shown, bookmarks).

- worksheets.pdf / worksheets-a4.pdf: the eight worksheets, blank, in strategy
  order, with the same print styles a reader gets from the Print button (checked
  by the worksheet print tests), each sheet from a new page.
- guide.pdf: every page in menu order, each strategy followed by its worksheet
  and email templates, after a printed contents page whose entries link to their
  pages; page numbers and bookmarks, one for each page with its headings below.
  Made here rather than with mkdocs-print-site-plugin: no third-party MkDocs
  plugin (see DESIGN.md, "Staying portable"), and `make site` stays as fast as it is.
- Both are printed by Chromium once each, as one document holding every page's
  article (combined.py): a PDF joined from pages printed one by one would lose
  the structure tree. What Chromium draws outside the structure (the page
  numbers, the numbers that CSS counts) is marked an artifact (tagged.py).
- worksheets-fillable.pdf: WeasyPrint turns each field into a PDF form field
  (pdf_forms), named after its label, in its PDF/UA-1 variant (tagged, fields in
  the structure, Tab in structure order). WeasyPrint runs no JavaScript and has its
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
from turning_no.printing.combined import PART_ID, Part, compose, print_document
from turning_no.printing.tagged import mark_artifacts

#: The packets, by file name, under the site's downloads/ folder.
WORKSHEETS = "worksheets.pdf"
WORKSHEETS_A4 = "worksheets-a4.pdf"
GUIDE = "guide.pdf"
FILLABLE = "worksheets-fillable.pdf"
FILLABLE_CSS = Path(__file__).with_name("fillable.css")
#: WeasyPrint's variant for the fillable PDF: tagged, with what PDF/UA-1 asks of the file.
PDF_UA = "pdf/ua-1"


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
            found.append(PrintedPage(str(each.meta["title"]), url_of(each.src_uri), each.kind == "worksheet"))
    return found


# --- Printing (Chromium, one tagged document per packet: see combined.py) ------

#: The guide's page numbers, at the foot of every page: Chromium's footer, drawn outside the
#: structure (so mark_artifacts makes it an artifact, as page numbers are in PDF/UA).
FOOTER = (
    '<div style="width: 100%; text-align: center; font-size: 8pt; color: #555555;'
    ' font-family: Helvetica, Arial, sans-serif;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def parts(site: Path, pages: list[PrintedPage]) -> list[Part]:
    return [Part(site / page.url / "index.html", page.url) for page in pages]


def sheets_pdf(
    browser, site: Path, base: str, pages: list[PrintedPage], title: str, language: str, address: str, size: str
) -> bytes:
    """The worksheets as one tagged PDF, each sheet from a new page, blank, as the Print button prints it."""
    html = compose(parts(site, pages), title, language, base, address)
    return mark_artifacts(print_document(browser, base, pages[0].url, html, size))[0]


def part_starts(pdf: bytes, count: int) -> list[int]:
    """The first page (from 1) of each of the `count` parts: the last `count` top-level
    bookmarks, one for each part's h1 (every page of the site has one)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    top = [item for item in reader.outline if not isinstance(item, list)]
    if len(top) < count:
        raise ValueError(f"{len(top)} top-level bookmarks for {count} pages: a page without its h1?")
    return [reader.get_destination_page_number(item) + 1 for item in top[-count:]]


def contents_html(site_name: str, address: str, entries: list[tuple[PrintedPage, int]], words: dict) -> str:
    """The printed contents page of the guide: each page's title and the number of its first
    page, a link to it (the parts' ids are combined.PART_ID). `words` is config.extra.text."""
    rows = "\n".join(
        f'<li class="{"sub" if page.is_worksheet or page.url.endswith("/email/") else ""}">'
        f'<a href="#{PART_ID.format(number)}"><span>{html.escape(page.title)}</span><span>{start}</span></a></li>'
        for number, (page, start) in enumerate(entries, start=1)
    )
    return f"""<nav class="packet-contents" aria-labelledby="packet-contents">
<p class="packet-contents__site">{html.escape(site_name)}</p>
<p class="packet-contents__lead">{html.escape(words["packet_guide_lead"].replace("{address}", address))}</p>
<h1 id="packet-contents">{html.escape(words["packet_contents"])}</h1>
<ol>
{rows}
</ol>
</nav>"""


def guide_pdf(
    browser,
    site: Path,
    base: str,
    pages: list[PrintedPage],
    site_name: str,
    language: str,
    address: str,
    words: dict,
    size: str = "Letter",
) -> bytes:
    """The guide as one tagged PDF: contents, then every page from a new page; a bookmark for
    each page (and its headings below it) and a page number on every page."""
    title = words["packet_guide_title"].replace("{site}", site_name)
    starts = [0] * len(pages)
    for _ in range(4):  # the numbers depend on how long the contents are; they settle at once
        contents = contents_html(site_name, address, list(zip(pages, starts, strict=True)), words)
        html_text = compose(parts(site, pages), title, language, base, address, before=contents)
        pdf = print_document(
            browser,
            base,
            pages[0].url,
            html_text,
            size,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
        )
        found = part_starts(pdf, len(pages))
        if found == starts:
            return mark_artifacts(pdf)[0]
        starts = found
    raise RuntimeError("the guide's page numbers do not settle: is the contents page too long?")


# --- The fillable worksheets (WeasyPrint) --------------------------------------


def pdf_field_name(label: str) -> str:
    """A form field's name from its label. PDF names may not hold a period (it splits a
    field's full name into parts), so a sentence's period becomes a dash or goes."""
    text = " ".join(label.split()).rstrip(".")
    return re.sub(r"\.\s+", " - ", text).replace(".", "")


def name_fields(soup, taken: dict[str, str]) -> None:
    """Give every control of a worksheet page the name of its label (without the question's
    number), unique in the packet (a second "Day, row 1" is "Day, row 1 (2)"). `taken`
    maps each name to its label as it reads, number included."""

    def unique(label) -> str:
        # The name is the question; what a screen reader says (taken) keeps its number, "3. ...".
        spoken = label.get_text(" ", strip=True)
        number = label.select_one(".ws-number")
        question = spoken.removeprefix(number.get_text(strip=True)).strip() if number else spoken
        name = pdf_field_name(question)
        candidate, count = name, 2
        while candidate in taken:
            candidate, count = f"{name} ({count})", count + 1
        taken[candidate] = spoken
        return candidate

    for control in soup.select(".worksheet input, .worksheet textarea"):
        if control.get("type") == "radio":
            continue
        # Its <label for>, or what names it through aria-labelledby (a table cell).
        named_by = control.get("aria-labelledby")
        label = soup.find(id=named_by) if named_by else soup.find("label", attrs={"for": control.get("id")})
        if named_by:  # WeasyPrint names a field (its /TU) from a <label for>: make the cell's span one
            label.name, label["for"] = "label", control.get("id")
        control["name"] = unique(label)
    for group in soup.select(".worksheet fieldset.ws-field--scale"):
        name = unique(group.legend)
        for radio in group.select("input[type=radio]"):
            radio["name"] = name


def fillable_html(path: Path, taken: dict[str, str], title: str, language: str) -> str:
    """A built worksheet page made ready for WeasyPrint: named fields inside a form, no scripts,
    the packet's title and language (the tagged PDF's /Title and /Lang)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    soup.html["lang"] = language
    soup.title.string = title
    for meta in soup.find_all("meta", attrs={"name": "description"}):
        meta.decompose()  # the first sheet's: it would describe the whole packet (XMP dc:description)
    for script in soup.find_all("script"):
        script.decompose()
    # Material's skip link: see-through until focused, but WeasyPrint still draws its words,
    # and the tagged PDF would give them to a screen reader on every page.
    for link in soup.select("a.md-skip"):
        link.decompose()
    name_fields(soup, taken)
    article = soup.select_one("article")
    form = soup.new_tag("form")
    for child in list(article.children):
        form.append(child.extract())
    article.append(form)
    return str(soup)


def build_fillable(site: Path, pages: list[PrintedPage], title: str, language: str, address: str) -> bytes:
    """The worksheets as one tagged PDF with form fields (WeasyPrint's PDF/UA-1 variant, Letter):
    a structure tree, /Lang, the title shown, fields in the structure order (/Tabs /S)."""
    from weasyprint import CSS, HTML

    # WeasyPrint reports every CSS property of Material it does not know; the PDF is checked instead.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    stylesheet = CSS(filename=str(FILLABLE_CSS))
    taken: dict[str, str] = {}
    documents = []
    for page in pages:
        path = site / page.url / "index.html"
        document = HTML(string=fillable_html(path, taken, title, language), base_url=str(path), media_type="print")
        documents.append(document.render(stylesheets=[stylesheet], pdf_forms=True, pdf_variant=PDF_UA))
    combined = documents[0].copy([sheet for document in documents for sheet in document.pages])
    pdf = combined.write_pdf(pdf_forms=True, pdf_variant=PDF_UA)
    return tidy_form(pdf, title, taken, site.as_uri() + "/", address)


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
