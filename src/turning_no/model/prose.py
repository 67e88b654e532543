"""Which lines of a page are prose: what a reader reads as sentences.

The reading-level and structure gates measure prose only. Left out:

- the front matter and fenced code blocks (email templates are code blocks today);
- the `///` lines of every block, and its options;
- the body of every block of ours (`turning_no.markdown.registry.BLOCKS`), such as worksheet
  fields and email templates, unless its class says its body is prose
  (`PROSE = True`): a field label or a template is not a sentence read in a row.

A new block class is covered without a change here.
"""

from __future__ import annotations

from turning_no.model.pages import Page, body_lines
from turning_no.model.source_blocks import scan


def _blocks():
    # Imported late: turning_no.checks.content imports the block classes, which may import this module.
    from turning_no.checks.content import BLOCKS

    return BLOCKS


def non_prose_lines(page: Page) -> set[int]:
    """Line numbers (1-based) of the page's body that are block markup or non-prose block bodies."""
    blocks, _ = scan(body_lines(page))
    classes = _blocks()
    skipped: set[int] = set()
    for block in blocks:
        skipped.add(block.line)
        if block.end_line is not None:
            skipped.add(block.end_line)
        skipped.update(range(block.line + 1, block.options_end + 1))  # its options
        cls = classes.get(block.name)
        if cls is not None and not getattr(cls, "PROSE", False):
            skipped.update(number for number, _ in block.body)
    return skipped


def prose_source(page: Page) -> str:
    """The page's Markdown with front matter, code and non-prose blocks blanked out, lines kept in place."""
    keep = dict(body_lines(page))
    skipped = non_prose_lines(page)
    total = page.text.splitlines()
    return "\n".join(
        text if number in keep and number not in skipped else "" for number, text in enumerate(total, start=1)
    )
