"""A content problem: which file, which line, what is wrong and how to fix it.

Every check reports `Problem`s instead of raising, so that one run lists them
all; the command line and the MkDocs hook decide how to show them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as the reader should see it, relative to the repository
    line: int  # 1-based
    message: str  # what is wrong, then how to fix it
    rule: str = "content"  # the name of the check that found it, for the summary and for grep

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message}"

    def as_github_annotation(self) -> str:
        """The same problem as a GitHub Actions annotation on the file and line."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},title={self.rule}::{message}"


class ContentError(ValueError):
    """Bad content met while rendering Markdown, e.g. a worksheet field without a label.

    Our Markdown extensions raise it (and nothing else) on input they cannot render.
    The content check finds the same problems first, with their file and line, so a
    build stops with a clear message before any page is rendered.
    """

    def __init__(self, message: str, rule: str = "block") -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` when it is inside it, for short, clickable messages."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return os.fspath(path)
