"""The content model: the kinds of page, what their front matter holds, and how
the eight strategies tie their worksheet and email pages to them.

This is the one place that says what a valid page is. The checks
(`turning_no.checks.content`) enforce it and the index blocks (`turning_no.markdown.page_list`)
read it; CONTRIBUTING.md explains it to authors.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify, unique

from turning_no.model.frontmatter import FrontMatter, FrontMatterError, read_front_matter

STRATEGY_COUNT = 8
STRATEGIES_FOLDER = "strategies"

#: The sections of every strategy page, as `##` headings, in this order.
STRATEGY_SECTIONS = (
    "Why it matters",
    "How to do it",
    "An example",
    "Common mistakes",
    "Your worksheet",
    "Email templates",
    "Key takeaways",
)

DESCRIPTION_MAX_LENGTH = 160

#: Front matter keys that Material for MkDocs reads; allowed on any page.
THEME_KEYS = frozenset({"hide", "search", "template", "icon", "status", "subtitle"})


@dataclass(frozen=True)
class Key:
    """One front matter key of a page type."""

    name: str
    kind: type  # str or int
    meaning: str  # said in messages: what the value is
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    #: characters that break the HTML the theme writes the value into, unescaped
    forbidden: str = ""


_TITLE = Key("title", str, "the page's heading, a few words")
_DESCRIPTION = Key(
    "description",
    str,
    "one sentence for search results and link previews",
    max_length=DESCRIPTION_MAX_LENGTH,
    forbidden='"<>',  # Material writes it into <meta content="..."> without escaping
)

#: A page's kind, declared once, in its own front matter (`kind: worksheet`), and read
#: from there by everything: the checks, the packets, the template (`page.meta.kind`)
#: and the post-build step. A page without `kind` is a plain page ("page").
#: strategy: strategies/<slug>/index.md, the teaching page of one strategy;
#: worksheet and email: its worksheet and its email templates, in the same folder;
#: index: a page that lists others (the strategies, the worksheets, the emails).
#: home: the home page (index.md), which carries the start-here guide;
#: tool: a page with one of the reader's tools (`tool: my-space`), a bundle of
#: turning_no.site.bundles of the same name.
KINDS = ("strategy", "worksheet", "email", "index", "home", "tool")
_KIND = Key("kind", str, "the kind of page: " + ", ".join(KINDS))

#: What the front matter of each page type must hold.
SCHEMAS: dict[str, tuple[Key, ...]] = {
    "page": (_TITLE, _DESCRIPTION),
    "strategy": (
        _TITLE,
        _DESCRIPTION,
        _KIND,
        Key("strategy", int, f"the strategy's number, 1 to {STRATEGY_COUNT}", minimum=1, maximum=STRATEGY_COUNT),
    ),
    "worksheet": (
        _TITLE,
        _DESCRIPTION,
        _KIND,
        Key("minutes", int, "about how many minutes it takes to fill in, 5 to 30", minimum=5, maximum=30),
    ),
    "email": (_TITLE, _DESCRIPTION, _KIND),
    "index": (_TITLE, _DESCRIPTION, _KIND),
    "home": (_TITLE, _DESCRIPTION, _KIND),
    "tool": (_TITLE, _DESCRIPTION, _KIND, Key("tool", str, "the tool on the page: my-space or my-applications")),
}

PAGE_TYPE_NAMES = {
    "page": "page",
    "strategy": "strategy page",
    "worksheet": "worksheet page",
    "email": "email templates page",
    "index": "index page",
    "home": "home page",
    "tool": "tool page",
}


@dataclass
class Page:
    """A Markdown file in docs/, read once."""

    path: Path
    src_uri: str  # relative to docs/, with forward slashes: strategies/ask-for-feedback/index.md
    text: str
    front_matter: FrontMatter = field(default_factory=FrontMatter)
    front_matter_error: FrontMatterError | None = None

    @property
    def meta(self) -> dict:
        return self.front_matter.values

    @property
    def kind(self) -> str:
        """The kind its front matter declares (one of KINDS), or "page"."""
        declared = self.meta.get("kind")
        return declared if declared in KINDS else "page"

    @property
    def is_strategy(self) -> bool:
        return self.kind == "strategy"

    @property
    def in_strategy_folder(self) -> bool:
        """Whether it sits in a strategy's folder: strategies/<slug>/<file>.md."""
        parts = self.src_uri.split("/")
        return len(parts) == 3 and parts[0] == STRATEGIES_FOLDER

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.src_uri)

    def resolve(self, link: str) -> str:
        """The src_uri of a page linked from this one by a relative path."""
        return posixpath.normpath(posixpath.join(self.folder, link))


@dataclass(frozen=True)
class Strategy:
    """A strategy page with the worksheet and email pages in its folder."""

    number: int
    page: Page
    worksheet: Page | None
    email: Page | None

    @property
    def title(self) -> str:
        return str(self.page.meta.get("title", ""))

    @property
    def slug(self) -> str:
        return self.page.folder.split("/")[-1]


def read_page(path: Path, docs_dir: Path) -> Page:
    """Read one page. Undecodable text raises UnicodeDecodeError for the caller to report."""
    return page_of_text(path.read_text(encoding="utf-8"), path.relative_to(docs_dir).as_posix(), path)


def page_of_text(text: str, src_uri: str = "page.md", path: Path | None = None) -> Page:
    """A page from its text; a front matter problem is kept on the page for the check to report."""
    page = Page(path=path or Path(src_uri), src_uri=src_uri, text=text)
    try:
        page.front_matter = read_front_matter(text)
    except FrontMatterError as error:
        page.front_matter_error = error
    return page


def strategies_of(pages: dict[str, Page]) -> list[Strategy]:
    """The strategies in order of their number; pages with no valid number are left out."""
    found = []
    for page in pages.values():
        number = page.meta.get("strategy")
        if not page.is_strategy or not isinstance(number, int) or isinstance(number, bool):
            continue
        found.append(
            Strategy(
                number=number,
                page=page,
                worksheet=_beside(page, "worksheet", pages),
                email=_beside(page, "email", pages),
            )
        )
    return sorted(found, key=lambda strategy: (strategy.number, strategy.page.src_uri))


def _beside(strategy_page: Page, kind: str, pages: dict[str, Page]) -> Page | None:
    """The first page of `kind` in the strategy page's folder."""
    same_folder = [page for page in pages.values() if page.folder == strategy_page.folder and page.kind == kind]
    return min(same_folder, key=lambda page: page.src_uri) if same_folder else None


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTRIBUTE_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
_HEADING_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int  # 1-based, in the page file


def body_lines(page: Page):
    """(line number, line) of the page's body, leaving out front matter and code blocks."""
    fence = None
    skip_until = page.front_matter.end_line if page.meta or page.front_matter.end_line > 1 else 0
    for number, line in enumerate(page.text.splitlines(), start=1):
        if number <= skip_until:
            continue
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None:
            yield number, line


def headings_of(page: Page) -> list[Heading]:
    """The ATX headings of a page's body, outside code blocks, with their lines."""
    found = []
    for number, line in body_lines(page):
        match = _HEADING.match(line)
        if match:
            text = _ATTRIBUTE_LIST.sub("", match.group(2))
            found.append(Heading(level=len(match.group(1)), text=text, line=number))
    return found


def heading_ids(page: Page) -> dict[int, str]:
    """The id Python-Markdown's toc gives each heading of the page, by line: an explicit
    `{#id}`, else its words as toc slugifies them, made unique with `_1`, `_2`."""
    used: set[str] = set()
    ids: dict[int, str] = {}
    for number, line in body_lines(page):
        match = _HEADING.match(line)
        if not match:
            continue
        explicit = _HEADING_ID.search(match.group(2))
        if explicit:
            anchor = explicit.group(1)
            used.add(anchor)
        else:
            words = _MARKDOWN_LINK.sub(r"\1", _ATTRIBUTE_LIST.sub("", match.group(2)))
            anchor = unique(slugify(words, "-"), used)
        ids[number] = anchor
    return ids


def section_text(page: Page, heading: Heading, headings: list[Heading]) -> str:
    """The Markdown between `heading` and the next heading of the same or a higher level."""
    lines = page.text.splitlines()
    end = len(lines)
    for other in headings:
        if other.line > heading.line and other.level <= heading.level:
            end = other.line - 1
            break
    return "\n".join(lines[heading.line : end])
