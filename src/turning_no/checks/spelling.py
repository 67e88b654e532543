"""The spelling gate: codespell over docs/, with the project's word list.

codespell knows common misspellings rather than every word, so it flags few false
alarms and needs no dictionary of its own. The pages are also checked for British
spellings ("colour", "organise"): the content is American English. A right word
that codespell flags (such as "sting", the sting of a rejection) goes into
`spelling-words.txt`, one word a line, in lower case.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from turning_no.model.problems import Problem, display_path

#: The project's words that codespell would flag but that are right (lines starting with '#' are comments).
WORD_LIST = Path(__file__).resolve().parents[3] / "spelling-words.txt"
#: Dictionaries for the pages (American English) and for the other text files in docs/ (CSS and JavaScript).
PAGE_DICTIONARIES = "clear,rare,en-GB_to_en-US"
ASSET_DICTIONARIES = "clear,rare"
ASSET_SUFFIXES = (".css", ".js", ".html", ".txt")

_FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+)$")


def _ignore_words(word_list: Path) -> list[str]:
    if not word_list.is_file():
        return []
    words = (line.strip() for line in word_list.read_text(encoding="utf-8").splitlines())
    return [word for word in words if word and not word.startswith("#")]


def run_codespell(paths: list[Path], dictionaries: str, words: list[str]) -> str:
    if not paths:
        return ""
    command = [sys.executable, "-m", "codespell_lib", "--builtin", dictionaries]
    if words:
        command += ["--ignore-words-list", ",".join(words)]
    result = subprocess.run(
        [*command, "--", *map(str, paths)], capture_output=True, text=True, encoding="utf-8", check=False
    )
    if result.returncode not in (0, 65):  # 65: misspellings found
        raise RuntimeError(f"codespell exited with {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def check_spelling(pages: Iterable[Path], assets: Iterable[Path], root: Path, word_list: Path = WORD_LIST):
    """Problems for each word codespell flags in the pages (and in other text files of docs/)."""
    words = _ignore_words(word_list)
    output = run_codespell(sorted(pages), PAGE_DICTIONARIES, words)
    output += run_codespell(sorted(assets), ASSET_DICTIONARIES, words)
    problems = []
    list_name = display_path(word_list, root)
    for line in output.splitlines():
        found = _FINDING.match(line.strip())
        if not found:
            continue
        word, fix = found["word"], found["fix"].strip()
        problems.append(
            Problem(
                display_path(Path(found["path"]), root),
                int(found["line"]),
                f"'{word}' may be a misspelling of {' or '.join(repr(option.strip()) for option in fix.split(','))}; "
                f"correct it, or if '{word}' is right, add it to {list_name} (one word a line, in lower case)",
                "spelling",
            )
        )
    return problems
