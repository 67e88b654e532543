"""Markdown block: a link to a file that is made after the build (a packet, the offline zip).

On the packets page an author writes:

    /// download | worksheets.pdf
    All eight worksheets, Letter size (PDF)
    ///

and the block becomes a paragraph with the link and, for a PDF, an empty
`<span class="packet-size" data-packet="worksheets.pdf">` that `make packet` fills
in with the file's page count and size (`turning_no.printing.packet`).

The files are not in docs/ (`make packet` and `make offline` write them into the
built site's downloads/ folder), so the engine cannot resolve a Markdown link to
them, and a raw `href="../../downloads/..."` depends on how deep the engine puts
the page (Zensical adds a `../`). The block writes the link from the host's root,
like the page lists (`turning_no.model.urls.link_to_file`), so that it works in
both engines and under a subpath. It is registered by the page-list extension,
whose `site_url` it shares.
"""

from __future__ import annotations

import difflib
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from pymdownx.blocks.block import Block

from turning_no.model.problems import ContentError
from turning_no.model.source_blocks import BlockSource, ScanProblem
from turning_no.model.urls import DOWNLOADS, link_to_file
from turning_no.printing.packet import FILLABLE, GUIDE, WORKSHEETS, WORKSHEETS_A4

#: `make offline`'s zip, as the Pages workflow publishes it beside the packets.
OFFLINE_ZIP = "turning-no-offline.zip"
#: Every file the downloads folder holds once the packets and the zip are made.
FILES = (WORKSHEETS, WORKSHEETS_A4, FILLABLE, GUIDE, OFFLINE_ZIP)
RULE = "block"


def name_problem(name: str) -> str | None:
    """What is wrong with the file a block names, or None."""
    if not name:
        return f"'/// download' needs the file's name after '|', one of: {', '.join(FILES)}"
    if name in FILES:
        return None
    close = difflib.get_close_matches(name, FILES, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"'{name}' is not a file the downloads folder holds; {hint}use one of: {', '.join(FILES)}"


def text_problem(lines: list[str]) -> str | None:
    words = [line.strip() for line in lines if line.strip()]
    if not words:
        return "this download has no link text; write what the file is on the line under '/// download | ...'"
    if len(words) > 1:
        return "a download's link text is one line; put more words before or after the block"
    return None


class Download(Block):
    """`/// download | file`, with the link's words as its body."""

    NAME = "download"
    ARGUMENT = True
    OPTIONS: dict = {}
    RULE = RULE
    PROSE = True  # the link text is read as words: spelling and reading level see it

    @staticmethod
    def check_source(block: BlockSource) -> Iterator[ScanProblem]:
        message = name_problem((block.argument or "").strip())
        if message:
            yield ScanProblem(block.line, message)
        message = text_problem([text for _, text in block.body])
        if message:
            yield ScanProblem(block.line, message)

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "p", {"class": "download"})

    def on_markdown(self) -> str:
        return "raw"  # the link text is plain words

    def on_end(self, block: etree.Element) -> None:
        name = (self.argument or "").strip()
        lines = (block.text or "").splitlines()
        message = name_problem(name) or text_problem(lines)
        if message:
            raise ContentError(f"/// download | {name}: {message}", RULE)
        block.text = None
        link = etree.SubElement(block, "a", {"href": link_to_file(f"{DOWNLOADS}/{name}", self.config["site_url"])})
        link.text = next(line.strip() for line in lines if line.strip())
        if name.endswith(".pdf"):
            etree.SubElement(block, "span", {"class": "packet-size", "data-packet": name})
