"""Markdown extension: lists of strategies, worksheets or email templates, made from the pages.

An author writes, on an index page:

    /// page-list | worksheets
    ///

and the block becomes a list of every worksheet with its strategy, time and link.
`emails` lists every email template of every email page (its heading, strategy and
"When to send it" line, linked to the template's heading), read from the source.
Adding a strategy folder or a template adds it to every list; nothing is kept by hand.

For career centres (the link kit), `links` lists every strategy, worksheet and email
template with its full published address (which needs `site_url` in the extension's
config), and a second block gives text to paste, built from the home page's front
matter and the site's address:

    /// link-kit | paragraph       (or: html, attribution, attribution-html)
    ///

An email template's address ends in its id (`email/#ask-for-feedback`), which authors
never change, not its heading's anchor, which follows the heading's words.

Links are written as final addresses from the host's root, starting with the path of
`site_url`: `/strategies/ask-for-feedback/worksheet/`, or `/guide/strategies/...` for a
site published under https://careers.example.edu/guide/ (`turning_no.model.urls.link_to`).
A Markdown extension does not know which page it is rendering, so it cannot write a link
relative to that page; a root-relative address needs no rewriting, so MkDocs and Zensical
publish it alike, and it works under a subpath. The offline copy, opened from a folder,
makes them relative again (`turning_no.site.offline.relative_links`). The links name
pages found on disk, so they exist; LinkChecker checks them in the built site.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from turning_no.markdown.downloads import Download
from turning_no.model.email_templates import templates_in
from turning_no.model.frontmatter import FrontMatterError, read_front_matter
from turning_no.model.pages import Page, Strategy, read_page, strategies_of
from turning_no.model.problems import ContentError, Problem
from turning_no.model.source_blocks import BlockSource, ScanProblem
from turning_no.model.urls import INDEX, address_of, link_to

KINDS = ("strategies", "worksheets", "emails", "links")
#: What `/// link-kit | ...` can give: text for a career centre to paste, ready to copy.
SNIPPETS = ("paragraph", "html", "attribution", "attribution-html")
LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
EXTENSION_NAME = "turning_no.markdown.page_list"
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


def _link(parent: etree.Element, page: Page, text: str, site_url: str, fragment: str = "") -> None:
    anchor = etree.SubElement(parent, "a", {"href": link_to(page.src_uri, site_url, fragment)})
    anchor.text = text


def _detail(parent: etree.Element, text: str) -> None:
    line = etree.SubElement(parent, "span", {"class": "page-list__detail"})
    line.text = text


def check_site_url(site_url: str) -> str:
    """The site's published address, ending in '/'; a ContentError says how to fix a bad one."""
    where = "in mkdocs.yml, under markdown_extensions, turning_no.markdown.page_list"
    value = (site_url or "").strip()
    if not value:
        raise ContentError(
            f"the link kit needs the site's published address: set 'site_url' {where}, "
            "to '*site_url' (the site_url at the top of mkdocs.yml, marked '&site_url') "
            "or to an address such as https://careers.example.edu/rejection/",
            "config",
        )
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ContentError(
            f"'site_url: {value}' {where} is not a web address; "
            "write the site's published address, such as https://careers.example.edu/rejection/",
            "config",
        )
    return value if value.endswith("/") else value + "/"


def check_author(author) -> str:
    """Who the credit line names; a ContentError if it is empty."""
    if not isinstance(author, str) or not author.strip():
        raise ContentError(
            "'author' in mkdocs.yml, under markdown_extensions, turning_no.markdown.page_list, "
            "is empty; write who to credit, such as 'the Turning No Into Opportunity contributors'",
            "config",
        )
    return author.strip()


def config_problem(config_path: Path, options: dict) -> Problem | None:
    """What is wrong with the extension's options in mkdocs.yml, at the extension's line, or None."""
    try:
        check_site_url(str(options.get("site_url") or ""))
        if "author" in options:
            check_author(options["author"])
    except ContentError as error:
        lines = config_path.read_text(encoding="utf-8").splitlines() if config_path.is_file() else []
        line = next((number for number, text in enumerate(lines, 1) if EXTENSION_NAME in text), 1)
        return Problem(config_path.name, line, error.message, error.rule)
    return None


def _literal(text: str) -> AtomicString:
    """Text shown exactly as written. Python-Markdown escapes '&' only when it does not start
    an entity, so '&amp;' in a snippet would show as '&': escape every '&' first."""
    return AtomicString(text.replace("&", "&amp;"))


def _address(parent: etree.Element, address: str) -> None:
    """The address as code; on a phone it wraps after a '/' or before a '#', not inside a word."""
    code = etree.SubElement(parent, "code", {"class": "page-list__address"})
    pieces = re.split(r"(?<=/)(?=[^/])|(?=#)", address)
    code.text = _literal(pieces[0])
    for piece in pieces[1:]:
        etree.SubElement(code, "wbr").tail = _literal(piece)


def _links_entry(listing: etree.Element, page: Page, text: str, detail: str, site_url: str, fragment: str = ""):
    item = etree.SubElement(listing, "li")
    _link(item, page, text, site_url, fragment)
    address = address_of(page.src_uri, site_url, fragment)
    _detail(item, detail)
    _address(item, address)
    return item


def render_links(strategies: list[Strategy], site_url: str, parent: etree.Element) -> None:
    """Each strategy page with its address, and under it its worksheet and each email template."""
    listing = etree.SubElement(parent, "ol", {"class": "page-list page-list--links"})
    for strategy in strategies:
        page = strategy.page
        item = _links_entry(listing, page, strategy.title, str(page.meta.get("description", "")), site_url)
        parts = etree.SubElement(item, "ul")
        if strategy.worksheet is not None:
            worksheet = strategy.worksheet
            _links_entry(
                parts,
                worksheet,
                str(worksheet.meta.get("title", "")),
                str(worksheet.meta.get("description", "")),
                site_url,
            )
        if strategy.email is not None:
            for template in templates_in(strategy.email):
                _links_entry(
                    parts,
                    strategy.email,
                    f"Email: {template.title}",
                    "When to send it: " + _MARKDOWN_LINK.sub(r"\1", template.when),
                    site_url,
                    template.id,
                )
        if not len(parts):
            item.remove(parts)


def render(kind: str, strategies: list[Strategy], parent: etree.Element, site_url: str = "") -> None:
    """Fill `parent` with the list of `kind` (one of KINDS but `links`); links start at site_url's path."""
    tag = "ol" if kind == "strategies" else "ul"
    listing = etree.SubElement(parent, tag, {"class": f"page-list page-list--{kind}"})
    for strategy in strategies:
        label = f"Strategy {strategy.number}: {strategy.title}"
        if kind == "strategies":
            item = etree.SubElement(listing, "li")
            _link(item, strategy.page, strategy.title, site_url)
            _detail(item, str(strategy.page.meta.get("description", "")))
            continue
        page = strategy.worksheet if kind == "worksheets" else strategy.email
        if page is None:
            continue
        if kind == "emails":
            for template in templates_in(page):
                item = etree.SubElement(listing, "li")
                _link(item, page, template.title, site_url, template.anchor)
                _detail(item, label)
                when = etree.SubElement(item, "span", {"class": "page-list__when"})
                when.text = "**When to send it:** " + _MARKDOWN_LINK.sub(r"\1", template.when)
            continue
        item = etree.SubElement(listing, "li")
        _link(item, page, str(page.meta.get("title", "")), site_url)
        minutes = page.meta.get("minutes")
        _detail(item, f"{label} · about {minutes} minutes" if kind == "worksheets" and minutes else label)


class _GeneratedBlock(Block):
    """A block whose argument names what to generate from the pages, and which holds nothing itself."""

    ARGUMENT = True
    CHOICES: tuple[str, ...] = ()
    CSS_CLASS = ""

    @classmethod
    def choice_problem(cls, argument: str | None) -> str | None:
        """What is wrong with the block's argument, which must be one of CHOICES, or None."""
        if (argument or "").strip() in cls.CHOICES:
            return None
        return f"'/// {cls.NAME}' needs one of these after '|': {', '.join(cls.CHOICES)} (found '{argument or ''}')"

    @classmethod
    def check_source(cls, block: BlockSource) -> Iterator[ScanProblem]:
        """The argument must be one of CHOICES; the block holds nothing."""
        message = cls.choice_problem(block.argument)
        if message:
            yield ScanProblem(block.line, message)
        content = [number for number, text in block.body if text.strip()]
        if content:
            yield ScanProblem(content[0], f"'/// {cls.NAME}' holds nothing; put text before or after the block")

    def on_create(self, parent: etree.Element) -> etree.Element:
        message = self.choice_problem(self.argument)
        if message:
            raise ContentError(message)
        return etree.SubElement(parent, "div", {"class": self.CSS_CLASS})

    def on_markdown(self) -> str:
        return "raw"  # the block has no content of its own


class PageList(_GeneratedBlock):
    """`/// page-list | strategies|worksheets|emails|links`."""

    NAME = "page-list"
    CHOICES = KINDS
    CSS_CLASS = "page-list-block"

    def on_end(self, block: etree.Element) -> None:
        kind = self.argument.strip()
        block.text = None
        docs_dir = Path(self.config["docs_dir"])
        strategies = load_strategies(docs_dir)
        if kind == "links":
            site_url = check_site_url(self.config["site_url"])
            if not strategies:
                raise ContentError(
                    f"page-list | links: no strategy pages under '{docs_dir}/strategies'; "
                    "check 'docs_dir' under turning_no.markdown.page_list in mkdocs.yml",
                    "config",
                )
            render_links(strategies, site_url, block)
            return
        site_url = self.config["site_url"]
        render(kind, strategies, block, check_site_url(site_url) if site_url else "")


def home_page(docs_dir: Path) -> tuple[str, str]:
    """The site's name and one-sentence description: the home page's title and description."""
    path = docs_dir / INDEX
    try:
        values = read_front_matter(path.read_text(encoding="utf-8")).values
    except (OSError, UnicodeDecodeError, FrontMatterError):
        values = {}
    title, description = values.get("title"), values.get("description")
    if not isinstance(title, str) or not isinstance(description, str) or not title.strip():
        raise ContentError(
            f"the link kit reads the site's name and description from the front matter of {path}; "
            "give that page a 'title' and a 'description' (or check 'docs_dir' under turning_no.markdown.page_list "
            "in mkdocs.yml)",
            "config",
        )
    return title.strip(), description.strip()


def snippet(kind: str, docs_dir: Path, site_url: str, author: str) -> str:
    """The text of `/// link-kit | kind` (one of SNIPPETS), with the site's real address."""
    title, description = home_page(docs_dir)
    address = check_site_url(site_url)
    author = check_author(author)
    if kind == "paragraph":
        return f"{title}: {description} {address}"
    if kind == "html":
        return f'<p><a href="{html.escape(address)}">{html.escape(title)}</a>: {html.escape(description)}</p>'
    if kind == "attribution":
        return f'"{title}" by {author}, {address}, licensed under {LICENSE_NAME} ({LICENSE_URL}).'
    return (
        f'<p>"<a href="{html.escape(address)}">{html.escape(title)}</a>" by {html.escape(author)}, '
        f'licensed under <a href="{LICENSE_URL}">{LICENSE_NAME}</a>.</p>'
    )


class LinkKit(_GeneratedBlock):
    """`/// link-kit | paragraph|html|attribution|attribution-html`: text to paste, in a code block."""

    NAME = "link-kit"
    CHOICES = SNIPPETS
    CSS_CLASS = "link-kit-snippet"

    def on_end(self, block: etree.Element) -> None:
        kind = self.argument.strip()
        block.text = None
        block.set("data-snippet", kind)  # pymdownx.highlight rewrites the code block and drops its class
        text = snippet(kind, Path(self.config["docs_dir"]), self.config["site_url"], self.config["author"])
        pre = etree.SubElement(block, "pre")
        code = etree.SubElement(pre, "code", {"class": "language-html" if kind.endswith("html") else "language-text"})
        code.text = _literal(text)


class PageListExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {
            "docs_dir": ["docs", "the folder of the site's Markdown pages"],
            "site_url": ["", "the site's address: the link kit's full addresses; links start at its path"],
            "author": ["the Turning No Into Opportunity contributors", "who to credit, in the attribution text"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 (the name pymdownx calls)
        block_mgr.register(PageList, self.getConfigs())
        block_mgr.register(LinkKit, self.getConfigs())
        block_mgr.register(Download, self.getConfigs())  # it shares site_url


def makeExtension(*args, **kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return PageListExtension(*args, **kwargs)
