"""The content check: every page against the content model in `turning_no.model.pages`.

`check_docs` returns every problem it finds, each with the file, the line and a
message that says what is wrong and how to fix it. It never raises on bad content.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from pathlib import Path

from turning_no.checks.email_pages import check_email_page
from turning_no.markdown.registry import BLOCKS
from turning_no.model.pages import (
    KINDS,
    PAGE_TYPE_NAMES,
    SCHEMAS,
    STRATEGIES_FOLDER,
    STRATEGY_COUNT,
    STRATEGY_SECTIONS,
    THEME_KEYS,
    Key,
    Page,
    Strategy,
    body_lines,
    headings_of,
    read_page,
    section_text,
    strategies_of,
)
from turning_no.model.problems import Problem, display_path
from turning_no.model.source_blocks import BlockSource, check_block, scan

_NUMBERED_LIST_ITEM = re.compile(r"^\s{0,3}\d+[.)]\s+\S", re.MULTILINE)


def check_docs(docs_dir: Path, root: Path | None = None) -> list[Problem]:
    """Check every Markdown page under `docs_dir`; paths in messages are relative to `root`."""
    root = root or docs_dir.parent
    problems: list[Problem] = []
    pages: dict[str, Page] = {}

    def report(page: Page, line: int, message: str, rule: str = "content") -> None:
        problems.append(Problem(display_path(page.path, root), line, message, rule))

    for path in sorted(docs_dir.rglob("*.md")):
        try:
            page = read_page(path, docs_dir)
        except UnicodeDecodeError as error:
            line = path.read_bytes()[: error.start].count(b"\n") + 1
            problems.append(
                Problem(
                    display_path(path, root), line, "this file is not valid UTF-8 text; save it as UTF-8", "encoding"
                )
            )
            continue
        if page.front_matter_error is not None:
            report(page, page.front_matter_error.line, page.front_matter_error.message, "front-matter")
        pages[page.src_uri] = page

    strategies = strategies_of(pages)
    site_ids: dict[tuple[str, str], tuple[Page, BlockSource]] = {}
    for page in pages.values():
        kind = page.kind
        if page.front_matter_error is None:
            _check_front_matter(page, kind, _with_rule(report, "front-matter"))
            _check_kind(page, _with_rule(report, "front-matter"))
        _check_single_heading(page, _with_rule(report, "heading"))
        _check_blocks(page, site_ids, report)
        if kind == "strategy":
            strategy = next((each for each in strategies if each.page is page), None)
            _check_strategy_page(page, strategy, _with_rule(report, "strategy-page"))
        if kind == "email":
            for problem in check_email_page(page):
                report(page, problem.line, problem.message, BLOCKS["email"].RULE)
    _check_strategy_set(strategies, pages, _with_rule(report, "strategy-set"))
    return sorted(problems)


def _with_rule(report, rule: str):
    """`report`, with every problem it gets filed under `rule`."""
    return lambda page, line, message: report(page, line, message, rule)


def _check_front_matter(page: Page, kind: str, report) -> None:
    schema = SCHEMAS[kind]
    name = PAGE_TYPE_NAMES[kind]
    values = page.meta
    if not values:
        report(
            page,
            1,
            f"this {name} has no front matter; start the file with '---', then "
            + ", ".join(f"'{key.name}: ...'" for key in schema)
            + " on lines of their own, then '---'",
        )
        return
    for key in schema:
        if key.name not in values:
            report(page, page.front_matter.end_line, f"the front matter has no '{key.name}'; add {key.meaning}")
            continue
        message = _value_problem(key, values[key.name])
        if message:
            report(page, page.front_matter.line_of(key.name), message)
    known = {key.name for key in schema} | THEME_KEYS | {"kind"}
    for unknown in values.keys() - known:
        report(
            page,
            page.front_matter.line_of(unknown),
            f"'{unknown}' is not a key a {name} takes; use only " + ", ".join(sorted(key.name for key in schema)),
        )


def _value_problem(key: Key, value) -> str | None:
    """What is wrong with one front matter value, or None."""
    if key.kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            return f"'{key.name}' must be a whole number: {key.meaning}"
        if key.minimum is not None and not key.minimum <= value <= key.maximum:
            return f"'{key.name}' is {value}; it must be {key.meaning}"
        return None
    if not isinstance(value, str):
        return f"'{key.name}' must be text: {key.meaning}"
    if not value.strip():
        return f"'{key.name}' is empty; write {key.meaning}"
    bad = sorted({character for character in value if character in key.forbidden})
    if bad:
        return (
            f"'{key.name}' contains {' and '.join(bad)}, which breaks the page's HTML head; "
            "use curly quotes (“ ”) or rephrase"
        )
    if key.max_length is not None and len(value) > key.max_length:
        return (
            f"'{key.name}' is {len(value)} characters long; shorten it to {key.max_length} or fewer "
            "so search results and link previews show it whole"
        )
    return None


def _check_single_heading(page: Page, report) -> None:
    for heading in headings_of(page):
        if heading.level == 1:
            report(
                page,
                heading.line,
                "remove this '# ' heading: the page's title comes from 'title' in the front matter, "
                "and a page has one top heading",
            )


def _check_blocks(page: Page, site_ids: dict, report) -> None:
    """Every `///` block of the page, as pymdownx.blocks would read it (see turning_no.model.source_blocks)."""
    blocks, shape_problems = scan(body_lines(page))
    for problem in shape_problems:
        report(page, problem.line, problem.message, "block")
    page_ids: dict[tuple[str, str], BlockSource] = {}
    for block in blocks:
        cls = BLOCKS.get(block.name)
        if cls is None:
            report(
                page,
                block.line,
                f"'/// {block.name}' is not a block this site knows; use one of: " + ", ".join(sorted(BLOCKS)),
                "block",
            )
            continue
        for problem in check_block(block, cls):
            report(page, problem.line, problem.message, problem.rule)
        rule = getattr(cls, "RULE", "block")
        identity = cls.identity(block) if hasattr(cls, "identity") else None
        if not identity:
            continue
        key = (block.name, identity)
        if cls.UNIQUE_IN == "page":
            if key in page_ids:
                first = page_ids[key]
                report(
                    page,
                    block.line_of("id"),
                    f"the id '{identity}' is already used on line {first.line_of('id')} of this page; "
                    "give each one its own id",
                    rule,
                )
            page_ids.setdefault(key, block)
        elif cls.UNIQUE_IN == "site":
            if key in site_ids:
                first_page, first = site_ids[key]
                report(
                    page,
                    block.line_of("id"),
                    f"the id '{identity}' is already used in {first_page.src_uri} line {first.line_of('id')}; "
                    "give each one its own id",
                    rule,
                )
            site_ids.setdefault(key, (page, block))


def _check_kind(page: Page, report) -> None:
    declared = page.meta.get("kind")
    if declared is not None and declared not in KINDS:
        report(
            page,
            page.front_matter.line_of("kind"),
            f"'kind: {declared}' is not a kind of page; use one of {', '.join(KINDS)}, "
            "or leave 'kind' out for a plain page",
        )


def _check_strategy_page(page: Page, strategy: Strategy | None, report) -> None:
    headings = headings_of(page)
    sections = [heading for heading in headings if heading.level == 2]
    order = ", ".join(STRATEGY_SECTIONS)
    for heading in sections:
        if heading.text not in STRATEGY_SECTIONS:
            report(
                page,
                heading.line,
                f"'## {heading.text}' is not a section of a strategy page; use these '## ' sections, "
                f"in this order: {order} (use '### ' for a part inside one)",
            )
    first_of_title: dict[str, object] = {}
    for heading in sections:
        if heading.text in first_of_title:
            report(page, heading.line, f"'## {heading.text}' appears twice; keep one")
        first_of_title.setdefault(heading.text, heading)
    known = [heading for heading in sections if heading.text in STRATEGY_SECTIONS]
    present = {heading.text for heading in known}
    end_line = len(page.text.splitlines()) or 1
    for index, title in enumerate(STRATEGY_SECTIONS):
        if title in present:
            continue
        later = [heading for heading in known if STRATEGY_SECTIONS.index(heading.text) > index]
        line = later[0].line if later else end_line
        where = f"before '## {later[0].text}'" if later else "at the end"
        report(page, line, f"the section '## {title}' is missing; add it {where} (a strategy page has: {order})")
    unique = [heading for heading in known if first_of_title[heading.text] is heading]
    for previous, heading in itertools.pairwise(unique):
        if STRATEGY_SECTIONS.index(heading.text) < STRATEGY_SECTIONS.index(previous.text):
            report(
                page,
                heading.line,
                f"'## {heading.text}' comes after '## {previous.text}'; put the sections in this order: {order}",
            )
            break

    by_title = {heading.text: heading for heading in known}
    _require(
        page, by_title, headings, "How to do it", _NUMBERED_LIST_ITEM.search, "numbered steps (1., 2., ...)", report
    )
    for member, title in (
        (strategy and strategy.worksheet, "Your worksheet"),
        (strategy and strategy.email, "Email templates"),
    ):
        if member is not None:
            link = posixpath.basename(member.src_uri)
            pattern = re.compile(r"\]\(\s*(?:\./)?" + re.escape(link) + r"(?:#[^)]*)?\s*\)")
            _require(page, by_title, headings, title, pattern.search, f"a link to {link}", report)


def _require(page: Page, by_title: dict, headings: list, title: str, test, what: str, report) -> None:
    heading = by_title.get(title)
    if heading is not None and not test(section_text(page, heading, headings)):
        report(page, heading.line, f"the section '## {title}' needs {what}")


def _check_strategy_set(strategies: list[Strategy], pages: dict[str, Page], report) -> None:
    """Numbers 1 to 8 once each; each strategy's pages exist; every page in a strategy folder belongs to one."""
    by_number: dict[int, list[Strategy]] = {}
    for strategy in strategies:
        by_number.setdefault(strategy.number, []).append(strategy)
    for number, holders in by_number.items():
        for strategy in holders[1:]:
            report(
                strategy.page,
                strategy.page.front_matter.line_of("strategy"),
                f"strategy {number} is also {holders[0].page.src_uri}; give each strategy its own number",
            )
    strategy_pages = [page for page in pages.values() if page.is_strategy]
    if strategy_pages:
        for number in range(1, STRATEGY_COUNT + 1):
            if number not in by_number:
                first = min(strategy_pages, key=lambda page: page.src_uri)
                report(first, 1, f"no strategy page has 'strategy: {number}'; the site has {STRATEGY_COUNT} strategies")

    for strategy in strategies:
        page = strategy.page
        for kind, member in (("worksheet", strategy.worksheet), ("email", strategy.email)):
            if member is None:
                report(
                    page,
                    page.front_matter.line_of("kind"),
                    f"this strategy has no {PAGE_TYPE_NAMES[kind]}; add {kind}.md beside it "
                    f"with 'kind: {kind}' in its front matter",
                )
            elif not re.search(r"\]\(\s*(?:\./)?index\.md(?:#[^)]*)?\s*\)", member.text):
                report(
                    member,
                    member.front_matter.end_line,
                    f"link back to its strategy page near the top, for example [{strategy.title}](index.md)",
                )

    members = {page.src_uri for strategy in strategies for page in (strategy.worksheet, strategy.email) if page}
    for page in pages.values():
        parts = page.src_uri.split("/")
        where = f"{STRATEGIES_FOLDER}/<slug>/index.md"
        if page.kind == "strategy" and not (page.in_strategy_folder and parts[2] == "index.md"):
            report(page, page.front_matter.line_of("kind"), f"a strategy page must be {where}; move it there")
        elif page.in_strategy_folder and parts[2] == "index.md" and page.kind != "strategy":
            report(page, 1, "the index.md of a strategy's folder is its strategy page; add 'kind: strategy'")
        elif page.kind in ("worksheet", "email") and page.src_uri not in members:
            report(
                page,
                page.front_matter.line_of("kind"),
                f"this {PAGE_TYPE_NAMES[page.kind]} belongs to no strategy; a strategy's folder holds one "
                f"{page.kind} page, beside its {where}",
            )
        elif page.in_strategy_folder and page.kind not in KINDS:
            report(
                page,
                1,
                f"this page belongs to no strategy; give it 'kind: worksheet' or 'kind: email', "
                f"or move it out of {STRATEGIES_FOLDER}/{parts[1]}/",
            )
