"""Our `///` blocks as they stand in the Markdown source, with line numbers.

pymdownx.blocks turns a block it cannot use (an unknown name, a bad option, a
misspelled option) into plain text without a word. So the content check reads
every block from the source here first, and checks it against the same option
types the Block class declares, and against the Block's own rules
(`check_source`). A problem is then reported at its file and line, and the build
stops before any page is rendered.

A block in the source:

    /// name | argument
        option: value          (indented 4 spaces: YAML options)

    body, any Markdown
    ///

An outer block uses more slashes than the blocks inside it (`////`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from pymdownx.blocks.block import type_ranged_integer

# The same patterns pymdownx.blocks uses for a block's first and last lines.
_START = re.compile(r"^[ ]{0,3}(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
_END = re.compile(r"^[ ]{0,3}(/{3,})[ ]*$")
# Anything else that starts with three slashes: a start line pymdownx.blocks would not read.
_LOOKS_LIKE_A_BLOCK = re.compile(r"^[ ]{0,3}/{3,}")
_OPTION_LINE = re.compile(r"^[ ]{4,}\S")
_OPTION_KEY = re.compile(r"^[ ]{4,}([^\s:#][^:]*?)[ ]*:(?:\s|$)")


@dataclass
class BlockSource:
    """One `///` block of a page's source."""

    name: str
    argument: str | None
    line: int  # of the opening `///` line
    slashes: int
    options: dict | None = None  # None when the options are not valid YAML
    options_error: str | None = None
    option_lines: dict[str, int] = field(default_factory=dict)
    options_end: int = 0  # the last line of the options (the opening line when there are none)
    body: list[tuple[int, str]] = field(default_factory=list)  # (line, text) between options and end
    end_line: int | None = None  # None while (or if) the block is never closed
    parent: BlockSource | None = None
    children: list[BlockSource] = field(default_factory=list)

    def line_of(self, option: str) -> int:
        """The line of `option`, or the block's first line."""
        return self.option_lines.get(option, self.line)


@dataclass
class ScanProblem:
    line: int
    message: str
    rule: str | None = None  # None: the block's own rule (its class's RULE), as the caller files it


def scan(lines: Iterable[tuple[int, str]]) -> tuple[list[BlockSource], list[ScanProblem]]:
    """Every block in `lines` (numbered source lines, code blocks left out), outermost first.

    Returns all blocks in source order (nested ones included) and the problems of
    shape: lines that look like a block but are not one, ends that close nothing,
    blocks that are never closed or closed in the wrong order.
    """
    found: list[BlockSource] = []
    problems: list[ScanProblem] = []
    stack: list[BlockSource] = []
    reading_options: BlockSource | None = None
    option_text: list[str] = []

    def finish_options() -> None:
        nonlocal reading_options
        block = reading_options
        reading_options = None
        if block is None:
            return
        text = "\n".join(option_text)
        option_text.clear()
        if not text.strip():
            block.options = {}
            return
        try:
            loaded = yaml.safe_load(_dedent(text))
        except RecursionError:  # thousands of nested brackets exhaust Python's stack
            block.options_error = "the block's options nest brackets too deep to read"
            return
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = block.line + 1 + (mark.line if mark else 0)
            block.options_error = "the block's options are not valid YAML"
            block.option_lines["<yaml>"] = where
            return
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            block.options_error = "the block's options must be 'name: value' lines"
            return
        block.options = loaded

    for number, text in lines:
        if reading_options is not None:
            if _OPTION_LINE.match(text):
                option_text.append(text)
                reading_options.options_end = number
                key = _OPTION_KEY.match(text)
                if key and len(text) - len(text.lstrip(" ")) == _indent(option_text[0]):
                    reading_options.option_lines.setdefault(key.group(1), number)
                continue
            finish_options()
        start = _START.match(text)
        end = _END.match(text)
        if start:
            slashes, name, argument = start.groups()
            block = BlockSource(name.lower(), argument, number, len(slashes), options_end=number)
            if stack:
                outer = stack[-1]
                if block.slashes >= outer.slashes:
                    problems.append(
                        ScanProblem(
                            number,
                            f"'/// {block.name}' is inside '{'/' * outer.slashes} {outer.name}' "
                            f"(line {outer.line}), so it needs fewer slashes than it; give the outer block "
                            f"more slashes (for example '{'/' * (block.slashes + 1)} {outer.name}') and close "
                            "it with the same number",
                        )
                    )
                block.parent = outer
                outer.children.append(block)
                outer.body.append((number, text))
            found.append(block)
            stack.append(block)
            reading_options = block
            continue
        if end:
            slashes = len(end.group(1))
            match = next((index for index in range(len(stack) - 1, -1, -1) if stack[index].slashes == slashes), None)
            if match is None:
                problems.append(
                    ScanProblem(number, f"this '{end.group(1)}' closes no block; remove it or check the opening line")
                )
                continue
            for unclosed in stack[match + 1 :]:
                problems.append(
                    ScanProblem(
                        unclosed.line,
                        f"'{'/' * unclosed.slashes} {unclosed.name}' is not closed before line {number} closes "
                        f"the block around it; add a line '{'/' * unclosed.slashes}' where it should end",
                    )
                )
            closed = stack[match]
            closed.end_line = number
            del stack[match:]
            if stack:
                stack[-1].body.append((number, text))
            continue
        if _LOOKS_LIKE_A_BLOCK.match(text):
            problems.append(
                ScanProblem(
                    number,
                    "this line starts with '///' but is not a block; write '/// name' or '/// name | argument', "
                    "where the name has only letters, digits and '-'",
                )
            )
        for block in stack:
            block.body.append((number, text))
    finish_options()
    for unclosed in stack:
        problems.append(
            ScanProblem(
                unclosed.line,
                f"'{'/' * unclosed.slashes} {unclosed.name}' is never closed; add a line "
                f"'{'/' * unclosed.slashes}' where the block ends",
            )
        )
    return found, problems


class OptionError(ValueError):
    """An option's value is wrong; the message says what it must be, for the author to read as it is."""


def explained(check: Callable[[Any], Any], message: str) -> Callable[[Any], Any]:
    """A pymdownx.blocks option type (such as `type_string_in(...)`) whose failure says `message`,
    formatted with the `value`. A missing option (None) is left to the block's own checks."""

    def typed(value):
        if value is None:
            return value
        try:
            return check(value)
        except (ValueError, TypeError) as error:
            raise OptionError(message.format(value=value)) from error

    return typed


def whole_number(minimum: int, maximum: int, message: str) -> Callable[[Any], Any]:
    """`type_ranged_integer(minimum, maximum)` that also refuses YAML's true and false (Python's bools are ints)."""

    def integer(value):
        if isinstance(value, bool):
            raise ValueError("a boolean")
        return type_ranged_integer(minimum, maximum)(value)

    return explained(integer, message)


def check_block(block: BlockSource, cls) -> Iterator[ScanProblem]:
    """Every problem of one block of ours: its options against the class's `OPTIONS`, then,
    once they are right, the class's own `check_source` rules. Each problem has its rule:
    `block` for the shape of the options, else the class's RULE."""
    own = getattr(cls, "RULE", "block")
    option_problems = list(check_options(block, cls.OPTIONS))
    for problem in option_problems:
        yield ScanProblem(problem.line, problem.message, problem.rule or own)
    if not option_problems and hasattr(cls, "check_source"):
        for problem in cls.check_source(block):
            yield ScanProblem(problem.line, problem.message, problem.rule or own)


def check_options(block: BlockSource, spec: dict) -> Iterator[ScanProblem]:
    """The block's options against a Block class's `OPTIONS` (name -> [default, type function]):
    the same type functions pymdownx.blocks runs, which turns a block with a bad one into plain text."""
    if block.options is None:
        yield ScanProblem(
            block.option_lines.get("<yaml>", block.line + 1),
            f"{block.options_error or 'the options are not valid'} in '/// {block.name}'; write each option "
            "on its own line as 'name: value', indented 4 spaces, and put quotes around values with ':' or '#'",
            "block",
        )
        return
    for key, value in block.options.items():
        if key not in spec:
            known = ", ".join(sorted(spec)) or "none"
            yield ScanProblem(
                block.line_of(str(key)),
                f"'{key}' is not an option of '/// {block.name}' (it would show the block as plain text); "
                f"its options are: {known}",
                "block",
            )
            continue
        try:
            spec[key][1](value)
        except OptionError as error:
            yield ScanProblem(block.line_of(str(key)), str(error))  # the block's own rule
        except (ValueError, TypeError) as error:
            yield ScanProblem(
                block.line_of(str(key)), f"'{key}' in '/// {block.name}' has a bad value: {error}", "block"
            )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _dedent(text: str) -> str:
    lines = text.splitlines()
    width = min(_indent(line) for line in lines if line.strip())
    return "\n".join(line[width:] for line in lines)
