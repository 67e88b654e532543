"""Sentence rhythm: plain prose that flows, not prose clipped into a row of fragments.

Grade-8 prose needs short sentences, but a paragraph made only of very short
ones reads like a list of orders ("Stop. Breathe. Wait. Write. Send. Rest.").
This check flags a paragraph (or list item) with more than `MAX_SHORT_RUN`
sentences in a row of fewer than `SHORT_WORDS` words each, and says how to fix it.

It reads the same prose as the reading-level gate (`turning_no.reading_level.prose_blocks`,
which uses `turning_no.model.prose` to leave out front matter, code, tables and block
bodies such as worksheet fields and email templates), so the two gates agree on
what a reader reads as sentences. `rhythm_problems` is pure: blocks in, problems out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from turning_no.checks.reading_level import ProseBlock, prose_blocks
from turning_no.model.pages import Page
from turning_no.model.problems import Problem, display_path

#: A sentence with fewer words than this is short.
SHORT_WORDS = 8
#: The most short sentences a paragraph may have in a row.
MAX_SHORT_RUN = 5

RULE = "sentence-rhythm"

# A sentence ends at . ! or ? (and any closing quote or bracket), before a space and
# what can start a sentence. Abbreviations that rarely end one do not end it here.
_BOUNDARY = re.compile(r"(?<=[.!?])(?P<close>[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_NOT_AN_END = re.compile(r"(?:\b(?:e\.g|i\.e|vs|Dr|Mr|Mrs|Ms|St|U\.S|[A-Z])\.)$")  # [A-Z]: an initial


def sentences(text: str) -> list[str]:
    """The sentences of one block of plain prose, in order."""
    found: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        piece = text[start : boundary.end("close")].strip()
        if _NOT_AN_END.search(piece):
            continue  # "e.g. The" is one sentence going on
        if piece:
            found.append(piece)
        start = boundary.end()
    rest = text[start:].strip()
    if rest:
        found.append(rest)
    return found


def word_count(sentence: str) -> int:
    """Words as a reader counts them: each run of letters or digits between spaces ("10-minute" is one)."""
    return sum(1 for token in sentence.split() if any(character.isalnum() for character in token))


def _longest_short_run(found: list[str]) -> tuple[int, int]:
    """(index of the first sentence, length) of the longest run of short sentences."""
    best_start, best_length, start, length = 0, 0, 0, 0
    for index, sentence in enumerate(found):
        if word_count(sentence) < SHORT_WORDS:
            if length == 0:
                start = index
            length += 1
            if length > best_length:
                best_start, best_length = start, length
        else:
            length = 0
    return best_start, best_length


def _quote(sentence: str, limit: int = 60) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def rhythm_problems(path: str, blocks: Iterable[ProseBlock]) -> list[Problem]:
    """A problem for each block of `path`'s prose with more than `MAX_SHORT_RUN` short sentences in a row."""
    problems = []
    for block in blocks:
        found = sentences(block.text)
        start, length = _longest_short_run(found)
        if length <= MAX_SHORT_RUN:
            continue
        run = found[start : start + length]
        problems.append(
            Problem(
                path,
                block.line,
                f"{length} short sentences in a row (each under {SHORT_WORDS} words), from "
                f'"{_quote(run[0])}" to "{_quote(run[-1])}"; it reads choppy. Keep at most '
                f'{MAX_SHORT_RUN} in a row: join two that belong together with "and", "but", "so" '
                'or "because", or turn one into a longer sentence that says why',
                RULE,
            )
        )
    return problems


def check_sentence_rhythm(pages: Iterable[Page], root: Path) -> list[Problem]:
    """The gate: `rhythm_problems` for each page's prose, with paths relative to `root`."""
    problems = []
    for page in pages:
        problems += rhythm_problems(display_path(page.path, root), prose_blocks(page))
    return problems
