"""Reading level of a guidance page's prose, as a Flesch-Kincaid grade.

Only the prose counts: headings, paragraphs and list items. Email templates
(`/// email` blocks), code blocks, tables and the front matter are left out,
because they are not sentences a reader reads in a row.
"""

from __future__ import annotations

import re

import markdown
import textstat
from bs4 import BeautifulSoup

from turning_no.blocks import scan
from turning_no.frontmatter import split_front_matter

#: Blocks whose text is not the page's prose.
_NOT_PROSE_BLOCKS = {"email", "field", "fieldset"}

# The blocks whose text is prose. A list item or heading without a full stop is
# still one sentence, so each block is ended with one before counting.
_PROSE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li")
_SKIPPED_PARENTS = ("pre", "code", "table", "li")


def prose_of_markdown(text: str) -> str:
    """Return the prose of a Markdown page as plain sentences."""
    _, body, _ = split_front_matter(text)
    body = _without_blocks(body, _NOT_PROSE_BLOCKS)
    html = markdown.markdown(body, extensions=["tables", "fenced_code", "attr_list", "admonition"])
    soup = BeautifulSoup(html, "html.parser")
    sentences = []
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
        sentences.append(words)
    return "\n".join(sentences)


def _without_blocks(text: str, names: set[str]) -> str:
    """`text` without the `///` blocks named `names`, from their first line to their last."""
    lines = text.splitlines()
    blocks, _ = scan(enumerate(lines))
    dropped = set()
    for block in blocks:
        if block.name in names:
            dropped.update(range(block.line, (block.end_line if block.end_line is not None else len(lines)) + 1))
    return "\n".join(line for number, line in enumerate(lines) if number not in dropped)


def grade(text: str) -> float:
    """Flesch-Kincaid grade of plain prose (textstat's formula)."""
    return round(textstat.flesch_kincaid_grade(text), 1)
