"""Front matter: the YAML block at the top of every page, read with line numbers.

MkDocs reads front matter too, but it quietly ignores a block it cannot parse.
We read it ourselves so that a broken block is reported with its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

_FENCE = "---"


class FrontMatterError(ValueError):
    """The front matter cannot be read. `line` is 1-based in the page file."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class FrontMatter:
    """The values of a page's front matter and the line each key stands on."""

    values: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    #: line of the closing fence, or 1 when the page has no front matter
    end_line: int = 1

    def line_of(self, key: str) -> int:
        """The line of `key`, or of the front matter's start when it is missing."""
        return self.lines.get(key, 1)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split a page into (front matter text, body, first line of the body).

    A page without front matter gives an empty front matter and the whole text.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != _FENCE:
        return "", text, 1
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in (_FENCE, "..."):
            return "".join(lines[1 : number - 1]), "".join(lines[number:]), number + 1
    return "".join(lines[1:]), "", len(lines) + 1


def read_front_matter(text: str) -> FrontMatter:
    """Parse the front matter of a page, keeping the line of each top-level key."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != _FENCE:
        return FrontMatter()
    closing = next(
        (number for number, line in enumerate(lines[1:], start=2) if line.rstrip() in (_FENCE, "...")),
        None,
    )
    if closing is None:
        raise FrontMatterError(1, "the front matter opened with '---' is never closed; add a line '---' after it")
    source = "\n".join(lines[1 : closing - 1])
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        values = yaml.safe_load(source)
    except RecursionError:
        # PyYAML parses nested brackets by recursion: thousands of '[' exhaust Python's stack.
        raise FrontMatterError(2, "the front matter nests brackets too deep to read; check its '[' and '{'") from None
    except yaml.YAMLError as error:
        # An unclosed quote or bracket is found only at the end; point at where it opened.
        mark = getattr(error, "problem_mark", None)
        if "end of stream" in str(getattr(error, "problem", "")) and getattr(error, "context_mark", None):
            mark = error.context_mark
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise FrontMatterError(
            line, f"the front matter is not valid YAML ({problem}); check quotes and colons"
        ) from None
    if values is None:
        return FrontMatter(end_line=closing)
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(2, "the front matter must be a list of 'key: value' lines")
    key_lines = {key.value: key.start_mark.line + 2 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    return FrontMatter(values=values, lines=key_lines, end_line=closing)
