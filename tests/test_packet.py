"""The printable packets (`make packet`, scripts/packet.py), read back with pypdf.

The packets are built once per session (the `packets` fixture in conftest.py)
from the strict build that the other site tests use.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT
from pypdf import PdfReader

from turning_no.model.pages import read_page
from turning_no.printing.packet import guide, nav_sources, pdf_field_name
from turning_no.printing.tagged import content_marks, covers, describe, number_tree, structure_elements

SHEET_SOURCES = sorted(DOCS.glob("strategies/*/worksheet.md"))
PACKETS = ("worksheets.pdf", "worksheets-a4.pdf", "worksheets-fillable.pdf", "guide.pdf")
MULTILINE = 1 << 12  # PDF text field flag: multi-line


def squashed(text: str) -> str:
    """Text without any white space: a title may wrap or be split into pieces in a PDF."""
    return re.sub(r"\s+", "", text)


def titles_in_strategy_order() -> list[str]:
    def number(path: Path) -> int:
        return read_page(path.parent / "index.md", DOCS).meta["strategy"]

    return [read_page(path, DOCS).meta["title"] for path in sorted(SHEET_SOURCES, key=number)]


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    """The top-level bookmarks: title and 1-based page number (pypdf lists the ones below
    a bookmark in a list after it)."""
    return [
        (item.title, reader.get_destination_page_number(item) + 1)
        for item in reader.outline
        if not isinstance(item, list)
    ]


def links(reader: PdfReader) -> set[str]:
    found = set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                found.add(str(action["/URI"]))
    return found


@pytest.fixture(scope="module")
def read(packets):
    return lambda name: PdfReader(packets / name)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("name", "fewest", "most"),
    [
        ("worksheets.pdf", 8, 16),
        ("worksheets-a4.pdf", 8, 16),
        ("worksheets-fillable.pdf", 8, 16),
        ("guide.pdf", 60, 200),
    ],
)
def test_each_packet_opens_and_has_a_sensible_number_of_pages(read, name, fewest, most):
    reader = read(name)
    assert fewest <= len(reader.pages) <= most, f"{name}: {len(reader.pages)} pages"
    assert reader.metadata.title.startswith("Turning No Into Opportunity: ")
    assert all(page.extract_text().strip() for page in reader.pages), f"{name} has a blank page"


def config() -> dict:
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml_load(file)


@pytest.mark.browser
@pytest.mark.parametrize("name", PACKETS)
def test_each_packet_is_tagged_for_screen_readers_with_its_language_and_title(packets, name):
    """What a screen reader needs of a PDF (PDF/UA-1, WCAG 1.3.1, 2.4.2, 3.1.1): a structure
    tree that reaches every page, the language of the pages, and the title shown as the
    document's name."""
    settings = config()
    found = describe(packets / name)
    assert found["marked"], f"{name}: not tagged (no /MarkInfo /Marked true)"
    assert found["tree"] and found["elements"] > 10 * found["pages"], f"{name}: {found['elements']} structure elements"
    assert found["covered"] == found["pages"], f"{name}: the structure reaches {found['covered']} of {found['pages']}"
    assert found["lang"] == settings["theme"]["language"], f"{name}: /Lang is {found['lang']!r}"
    assert found["title"].startswith(settings["site_name"] + ": "), found["title"]
    assert found["display_title"], f"{name}: viewers show the file name, not the title (/DisplayDocTitle)"


@pytest.mark.browser
@pytest.mark.parametrize("name", PACKETS)
def test_each_packet_draws_nothing_outside_its_structure_but_artifacts(read, name):
    """PDF/UA-1 (7.1): every text and drawing is in the structure tree or marked as an
    artifact, so that a reader neither skips real content nor reads page numbers as text."""
    reader = read(name)
    untagged = {
        number: marks["unmarked"]
        for number, page in enumerate(reader.pages, start=1)
        if (marks := content_marks(reader, page))["unmarked"]
    }
    assert untagged == {}, f"{name}: pieces drawn outside the structure, by page: {dict(list(untagged.items())[:5])}"


@pytest.mark.browser
def test_the_guide_has_a_heading_in_its_structure_for_each_bookmark(read):
    """Each top-level bookmark (the contents, then one for each page) is a page's h1,
    and the structure tree holds that h1 as a heading: a screen reader lists them too."""
    reader = read("guide.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "guide.pdf is not tagged"
    headings = [element for element in structure_elements(root["/StructTreeRoot"]) if element["/S"] == "/H1"]
    assert len(headings) == len(outline(reader)) > 40


@pytest.mark.browser
def test_the_fillable_fields_are_tagged_and_taken_in_the_order_of_the_structure(read):
    """Each form field's widget is in the structure tree (a /Form element), and Tab goes
    through the fields in the order of the structure (/Tabs /S), on every page."""
    reader = read("worksheets-fillable.pdf")
    assert "/StructTreeRoot" in reader.trailer["/Root"], "the fillable PDF is not tagged"
    tree = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    parents = number_tree(tree["/ParentTree"])
    widgets = 0
    for number, page in enumerate(reader.pages, start=1):
        assert covers(parents, page), f"page {number}"
        annotations = [annotation.get_object() for annotation in page.get("/Annots") or []]
        if any(annotation["/Subtype"] == "/Widget" for annotation in annotations):
            assert page.get("/Tabs") == "/S", f"page {number}: tab order {page.get('/Tabs')}"
        for annotation in annotations:
            if annotation["/Subtype"] != "/Widget":
                continue
            widgets += 1
            assert "/StructParent" in annotation, f"page {number}: a field outside the structure"
            element = parents[int(annotation["/StructParent"])].get_object()
            assert element["/S"] == "/Form"
    assert widgets >= len(reader.get_fields())


@pytest.mark.browser
def test_the_sizes_are_letter_and_a4(read):
    assert [round(float(size)) for size in read("worksheets.pdf").pages[0].mediabox[2:]] == [612, 792]
    assert [round(float(size) / 72 * 25.4) for size in read("worksheets-a4.pdf").pages[0].mediabox[2:]] == [210, 297]


@pytest.mark.browser
@pytest.mark.parametrize("name", ["worksheets.pdf", "worksheets-a4.pdf", "worksheets-fillable.pdf"])
def test_the_worksheet_packets_hold_every_sheet_in_strategy_order_with_a_bookmark_each(read, name):
    reader = read(name)
    titles = titles_in_strategy_order()
    assert len(titles) == 8
    if name == "worksheets-fillable.pdf":  # WeasyPrint makes bookmarks of every heading: the sheets are the top
        assert [item.title for item in reader.outline if not isinstance(item, list)] == titles
    else:
        bookmarks = outline(reader)
        assert [title for title, _ in bookmarks] == titles
        for title, number in bookmarks:
            assert squashed(title) in squashed(reader.pages[number - 1].extract_text())
    text = squashed(" ".join(page.extract_text() for page in reader.pages))
    for title in titles:
        assert squashed(title) in text


@pytest.mark.browser
@pytest.mark.parametrize("name", ["worksheets.pdf", "worksheets-a4.pdf"])
def test_every_printed_sheet_takes_one_or_two_pages_of_its_own_and_ends_with_where_it_came_from(read, site_url, name):
    # Each sheet is printed blank on its own (Chromium's print, as a reader's Print button does).
    reader = read(name)
    starts = [number for _, number in outline(reader)] + [len(reader.pages) + 1]
    for (title, first), following in zip(outline(reader), starts[1:], strict=True):
        assert 1 <= following - first <= 2, f"{name}: {title} takes {following - first} pages"
        last = squashed(reader.pages[following - 2].extract_text())
        assert "TurningNoIntoOpportunity" in last, f"{name}: {title} does not say where it came from"
        assert squashed(site_url) + "strategies/" in last and "/worksheet/" in last, f"{name}: {title}"


@pytest.mark.browser
def test_the_guide_has_every_page_in_menu_order_with_contents_bookmarks_and_page_numbers(read):
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        nav = yaml_load(file)["nav"]
    reader = read("guide.pdf")
    bookmarks = outline(reader)
    assert bookmarks[0] == ("Contents", 1)
    titles = [title for title, _ in bookmarks[1:]]
    # Every page of the menu, in order, each strategy followed by its worksheet and email page.
    menu = [read_page(DOCS / source, DOCS).meta["title"] for source in nav_sources(nav)]
    assert [title for title in titles if title in menu] == menu
    for title in titles_in_strategy_order():
        assert title in titles
    assert len(titles) == len(menu) + 16
    contents_pages = bookmarks[1][1] - 1
    assert contents_pages == 1  # the contents fit on one page
    # By title without spaces: pypdf may run two words of a line together.
    contents = {
        squashed(title): number
        for page in reader.pages[:contents_pages]
        for line in page.extract_text().splitlines()
        if re.fullmatch(r".*\S\s+\d+", line.strip()) and " / " not in line
        for title, number in [re.fullmatch(r"(.*\S)\s+(\d+)", line.strip()).groups()]
    }
    total = len(reader.pages)
    for title, number in bookmarks[1:]:
        page_text = reader.pages[number - 1].extract_text()
        assert squashed(title) in squashed(page_text), f"bookmark {title!r} does not lead to its page"
        # The contents page gives the same page number, and the page carries it.
        assert contents[squashed(title)] == str(number), title
        assert f"{number} / {total}" in page_text


@pytest.mark.browser
def test_the_guide_contents_entries_link_to_their_pages(read):
    """Each entry of the contents page is a link to the page whose number it gives, and
    says so to a screen reader (its /Contents is the entry's words)."""
    reader = read("guide.pdf")
    destinations = {
        name: reader.get_destination_page_number(place) + 1 for name, place in reader.named_destinations.items()
    }
    entries = []
    for annotation in reader.pages[0].get("/Annots") or []:
        annotation = annotation.get_object()
        if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
            title, number = re.fullmatch(r"(.*\S)\s+(\d+)", str(annotation["/Contents"])).groups()
            entries.append((title, int(number), destinations[str(annotation["/Dest"])]))
    assert len(entries) == len(outline(reader)) - 1  # every page but the contents itself
    assert [squashed(title) for title, _, _ in entries] == [squashed(title) for title, _ in outline(reader)[1:]]
    for title, number, page in entries:
        assert page == number, f"the contents entry {title!r} says page {number} and leads to page {page}"


@pytest.mark.browser
def test_every_link_in_the_packets_says_where_it_goes(read):
    """PDF/UA-1 (7.18.5): each link annotation has a description, the words of its link."""
    for name in ("worksheets.pdf", "guide.pdf"):
        for number, page in enumerate(read(name).pages, start=1):
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                if annotation.get("/Subtype") == "/Link":
                    assert str(annotation.get("/Contents", "")).strip(), f"{name}, page {number}: a link without words"


@pytest.mark.browser
def test_the_links_in_the_pdfs_lead_to_the_published_site(read, site_url):
    for name in ("worksheets.pdf", "guide.pdf", "worksheets-fillable.pdf"):
        found = links(read(name))
        assert any(link.startswith(site_url + "strategies/") for link in found), name
        # Never to the copy the packet was printed from (another port, or a file).
        local = [link for link in found if link.startswith(("http://127.0.0.1", "http://localhost", "file:"))]
        strays = [link for link in local if not link.startswith(site_url)]
        assert strays == [], f"{name}: {strays[:5]}"


def labels_of_built_worksheets(site: Path) -> list[str]:
    """What each control of the eight built worksheets is called: a label, or a scale's question."""
    names = []
    for path in sorted(site.glob("strategies/*/worksheet/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for control in soup.select(".ws-field input, .ws-field textarea"):
            # Not the template of an added row, which paper never shows.
            if control.get("type") != "radio" and not control.find_parent("template"):
                named_by = control.get("aria-labelledby")  # a table cell: named by a span
                label = soup.find(id=named_by) if named_by else soup.find("label", attrs={"for": control["id"]})
                names.append(label.get_text(" ", strip=True))
        names += [group.legend.get_text(" ", strip=True) for group in soup.select("fieldset.ws-field--scale")]
    return names


@pytest.mark.browser
def test_the_fillable_packet_has_a_field_for_every_control_named_after_its_label(read, built_site):
    fields = read("worksheets-fillable.pdf").get_fields()
    labels = labels_of_built_worksheets(built_site)
    assert len(fields) == len(labels)
    # The spoken name (TU) is the label as it reads; the name is the label, numbered when it repeats.
    assert sorted(str(field["/TU"]) for field in fields.values()) == sorted(labels)
    for name, field in fields.items():
        # The name is the question without its number (a period would split it).
        assert re.sub(r" \(\d+\)$", "", name) == pdf_field_name(re.sub(r"^\d+\. ", "", str(field["/TU"])))
    assert not any("." in name for name in fields)  # a period would split a PDF field name
    # From docs/strategies/ask-for-feedback/worksheet.md: a long answer, a checklist, a scale, a log.
    question = fields["What is the one thing you most want to know?"]
    assert question["/FT"] == "/Tx" and question["/Ff"] & MULTILINE
    assert question["/TU"] == "3. What is the one thing you most want to know?"  # read with its number
    assert fields["Who will you write to? Write their name, role and email address"]["/TU"] == (
        "1. Who will you write to? Write their name, role and email address."
    )
    assert fields["I reached the final round"]["/FT"] == "/Btn"
    scale = fields["How ready are you to hear hard feedback without arguing?"]
    assert scale["/FT"] == "/Btn" and len(scale["/_States_"]) == 5  # the five choices
    assert fields["Employer and job, row 1"]["/FT"] == "/Tx"
    assert fields["What they said, row 3"]["/TU"] == "What they said, row 3"


@pytest.mark.browser
def test_every_text_area_is_a_multi_line_field(read, built_site):
    fields = read("worksheets-fillable.pdf").get_fields()
    for path in built_site.glob("strategies/*/worksheet/index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for area in soup.select(".worksheet textarea"):
            label = soup.find("label", attrs={"for": area["id"]}).get_text(" ", strip=True)
            question = re.sub(r"^\d+\. ", "", label)  # the name leaves out the question's number
            assert fields[pdf_field_name(question)]["/Ff"] & MULTILINE, label


@pytest.mark.browser
def test_the_packets_page_links_each_packet_with_its_pages_and_size(packets, built_site):
    soup = BeautifulSoup((built_site / "career-services/packets/index.html").read_text(encoding="utf-8"), "html.parser")
    linked = {Path(a["href"]).name for a in soup.select("article a[href$='.pdf']")}
    assert (
        linked
        == {path.name for path in packets.glob("*.pdf")}
        == {
            "worksheets.pdf",
            "worksheets-a4.pdf",
            "worksheets-fillable.pdf",
            "guide.pdf",
        }
    )
    for slot in soup.select(".packet-size"):
        pages = len(PdfReader(packets / slot["data-packet"]).pages)
        assert re.fullmatch(rf" · {pages} pages, \d+ KB", slot.get_text()), slot


@pytest.mark.unit
@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("What is the one thing you most want to know?", "What is the one thing you most want to know?"),
        ("Who will you write to? Write their name.", "Who will you write to? Write their name"),
        ("Most employers will not reply. Which ones?", "Most employers will not reply - Which ones?"),
        ("  Date,\n row 1 ", "Date, row 1"),
        ("Version 2.0 of it", "Version 20 of it"),
    ],
)
def test_a_field_name_is_its_label_without_periods(label, name):
    assert pdf_field_name(label) == name


@pytest.mark.unit
def test_the_guide_lists_a_strategy_with_its_worksheet_and_email():
    pages = guide(DOCS, ["index.md", {"Strategies": ["strategies/ask-for-feedback/index.md"]}, "next-steps.md"])
    assert [page.url for page in pages] == [
        "",
        "strategies/ask-for-feedback/",
        "strategies/ask-for-feedback/worksheet/",
        "strategies/ask-for-feedback/email/",
        "next-steps/",
    ]
    assert [page.is_worksheet for page in pages] == [False, False, True, False, False]


@pytest.mark.unit
def test_without_a_built_site_the_script_says_what_to_do(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "packet.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "no built site here; build it first (make site)" in result.stderr
    assert "Traceback" not in result.stderr
