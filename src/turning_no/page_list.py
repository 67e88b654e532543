"""Markdown extension: lists of strategies, worksheets or email templates, made from the pages.

An author writes, on an index page:

    /// page-list | worksheets
    ///

and the block becomes a list of every worksheet with its strategy, time and link.
`emails` lists every email template of every email page (its heading, strategy and
"When to send it" line, linked to the template's heading), read from the source.
Adding a strategy folder or a template adds it to every list; nothing is kept by hand.

Links are written as absolute paths to the Markdown files (`/strategies/.../worksheet.md`);
MkDocs turns them into relative page addresses (`validation.links.absolute_links:
relative_to_docs` in mkdocs.yml) and checks that they exist.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from pathlib import Path

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from turning_no.blocks import BlockSource, ScanProblem
from turning_no.content import Page, Strategy, read_page, strategies_of
from turning_no.email_template import templates_in

# Under "mkdocs." so that `mkdocs build --strict` counts the warning.
log = logging.getLogger("mkdocs.plugins.turning_no.page_list")

KINDS = ("strategies", "worksheets", "emails")
# A link in a "When to send it" line is relative to its email page; in a list elsewhere, keep its words.
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def load_strategies(docs_dir: Path) -> list[Strategy]:
    """The strategies under `docs_dir`; unreadable pages are skipped (the content check reports them)."""
    pages: dict[str, Page] = {}
    for path in sorted((docs_dir / "strategies").glob("*/*.md")):
        try:
            page = read_page(path, docs_dir)
        except (OSError, UnicodeDecodeError):
            continue
        pages[page.src_uri] = page
    return strategies_of(pages)


def _link(parent: etree.Element, page: Page, text: str, fragment: str = "") -> None:
    anchor = etree.SubElement(parent, "a", {"href": "/" + page.src_uri + (f"#{fragment}" if fragment else "")})
    anchor.text = text


def _detail(parent: etree.Element, text: str) -> None:
    line = etree.SubElement(parent, "span", {"class": "page-list__detail"})
    line.text = text


def render(kind: str, strategies: list[Strategy], parent: etree.Element) -> None:
    """Fill `parent` with the list of `kind` (one of KINDS)."""
    tag = "ol" if kind == "strategies" else "ul"
    listing = etree.SubElement(parent, tag, {"class": f"page-list page-list--{kind}"})
    for strategy in strategies:
        label = f"Strategy {strategy.number}: {strategy.title}"
        if kind == "strategies":
            item = etree.SubElement(listing, "li")
            _link(item, strategy.page, strategy.title)
            _detail(item, str(strategy.page.meta.get("description", "")))
            continue
        page = strategy.worksheet if kind == "worksheets" else strategy.email
        if page is None:
            continue
        if kind == "emails":
            for template in templates_in(page):
                item = etree.SubElement(listing, "li")
                _link(item, page, template.title, template.anchor)
                _detail(item, label)
                when = etree.SubElement(item, "span", {"class": "page-list__when"})
                when.text = "**When to send it:** " + _MARKDOWN_LINK.sub(r"\1", template.when)
            continue
        item = etree.SubElement(listing, "li")
        _link(item, page, str(page.meta.get("title", "")))
        minutes = page.meta.get("minutes")
        _detail(item, f"{label} · about {minutes} minutes" if kind == "worksheets" and minutes else label)


class PageList(Block):
    """`/// page-list | strategies|worksheets|emails`."""

    NAME = "page-list"
    ARGUMENT = True

    @staticmethod
    def check_source(block: BlockSource) -> Iterator[ScanProblem]:
        """The argument must name a list; the block holds nothing."""
        if (block.argument or "") not in KINDS:
            yield ScanProblem(
                block.line,
                f"'/// page-list' needs one of these after '|': {', '.join(KINDS)} (found '{block.argument or ''}')",
            )
        content = [number for number, text in block.body if text.strip()]
        if content:
            yield ScanProblem(content[0], "'/// page-list' holds nothing; put text before or after the block")

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "page-list-block"})

    def on_markdown(self) -> str:
        return "raw"  # the block has no content of its own

    def on_end(self, block: etree.Element) -> None:
        kind = self.argument.strip()
        if kind not in KINDS:
            log.warning("page-list: unknown list '%s'; use one of: %s", kind, ", ".join(KINDS))
            block.text = f"[page-list: unknown list '{kind}']"
            return
        block.text = None
        render(kind, load_strategies(Path(self.config["docs_dir"])), block)


class PageListExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {"docs_dir": ["docs", "the folder of the site's Markdown pages"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (the name pymdownx calls)
        block_mgr.register(PageList, self.getConfigs())


def makeExtension(*args, **kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return PageListExtension(*args, **kwargs)
