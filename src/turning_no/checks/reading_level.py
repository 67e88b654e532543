"""Reading level of a page's prose, as a Flesch-Kincaid grade.

Only the prose counts: headings, paragraphs and list items (`turning_no.model.prose`
says which lines). Code blocks (email templates), tables, the front matter and
the bodies of our `///` blocks (worksheet fields, templates) are left out,
because they are not sentences a reader reads in a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
import textstat
from bs4 import BeautifulSoup

from turning_no.model.pages import Page, page_of_text
from turning_no.model.prose import prose_source

#: The highest Flesch-Kincaid grade a page's prose may have.
MAX_GRADE = 8.0

# The blocks whose text is prose. A list item or heading without a full stop is
# still one sentence, so each block is ended with one before counting.
_PROSE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li")
_SKIPPED_PARENTS = ("pre", "code", "table", "li")
# The extensions that change what is prose: md_in_html opens <div markdown> boxes.
_EXTENSIONS = ["tables", "fenced_code", "attr_list", "admonition", "md_in_html", "def_list", "sane_lists"]
_WORD = re.compile(r"[a-z0-9’']+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<[^>]*>")


@dataclass(frozen=True)
class ProseBlock:
    """One heading, paragraph or list item: its text as a sentence, and the line it starts on."""

    line: int
    text: str


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def prose_blocks(page: Page) -> list[ProseBlock]:
    """The page's prose, block by block, each with the source line it most likely starts on."""
    source = prose_source(page)
    html = markdown.markdown(source, extensions=_EXTENSIONS)
    soup = BeautifulSoup(html, "html.parser")
    source_words = [_words(_LINK_TARGET.sub(" ", line)) for line in source.splitlines()]
    found, position = [], 0
    for element in soup.find_all(_PROSE_TAGS):
        if element.name != "li" and element.find_parent(_SKIPPED_PARENTS):
            continue  # counted with its list item, or not prose at all
        if element.name == "li":
            for nested in element.find_all(["ul", "ol"]):
                nested.extract()  # nested items are counted on their own
        words = re.sub(r"\s+", " ", element.get_text(" ")).strip()
        if not words:
            continue
        if words[-1] not in ".!?:":
            words += "."
        position = _line_of(_words(words)[:3], source_words, position)
        found.append(ProseBlock(position + 1, words))
    return found


def _line_of(start: list[str], source_words: list[list[str]], after: int) -> int:
    """The index of the first source line from `after` on whose words contain `start`, else `after`."""
    if not start:
        return after
    width = len(start)
    for index in range(after, len(source_words)):
        words = source_words[index]
        if any(words[i : i + width] == start for i in range(len(words) - width + 1)):
            return index
    return after


def prose_of_markdown(text: str) -> str:
    """Return the prose of a Markdown page as plain sentences, one block a line."""
    return "\n".join(block.text for block in prose_blocks(page_of_text(text)))


def grade(text: str) -> float:
    """Flesch-Kincaid grade of plain prose (textstat's formula)."""
    return round(textstat.flesch_kincaid_grade(text), 1)


@dataclass(frozen=True)
class PageGrade:
    grade: float
    words: int
    hardest: list[tuple[ProseBlock, float]]  # the blocks with the highest grades, hardest first


def page_grade(page: Page, hardest: int = 3) -> PageGrade:
    blocks = prose_blocks(page)
    prose = "\n".join(block.text for block in blocks)
    words = len(prose.split())
    graded = sorted(
        ((block, grade(block.text)) for block in blocks if len(block.text.split()) >= 8),
        key=lambda pair: -pair[1],
    )
    return PageGrade(grade(prose) if words else 0.0, words, graded[:hardest])
