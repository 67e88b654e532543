"""Every content gate of `make check`, run in one go, with one list of problems.

The gates, in order (`GATES`):

- content: front matter, page shapes, blocks, links between a strategy and its
  pages (`turning_no.checks.content`; the MkDocs hook runs the same check);
- reading level: the Flesch-Kincaid grade of each page's prose, at most 8
  (`turning_no.checks.reading_level`);
- sentence rhythm: no paragraph with more than five very short sentences in a row
  (`turning_no.checks.sentence_rhythm`);
- spelling: codespell over docs/ (`turning_no.checks.spelling`);
- Markdown style: pymarkdownlnt with `.pymarkdown.yml` (`turning_no.checks.markdown_style`);
- structure: heading order, unique titles, alt text, link text, bare addresses
  (`turning_no.checks.structure`);
- links: every internal link and anchor leads somewhere, and every `nav` entry of
  the mkdocs.yml next to the docs folder names a page (`turning_no.checks.links`);
- config: mkdocs.yml next to the docs folder: valid YAML (`config`), the link
  kit's options, and a career center's `extra.brand` (`brand`, turning_no.site.brand);
- workshop guide: every worksheet question a guide gives by number is pinned in
  data/workshop-questions.yml and is still that question (`turning_no.checks.workshop_guide`).

A gate reads every Markdown page under docs/, so a new page or a new block is
checked without a change here. A page that is not UTF-8 is the content check's
alone (`encoding`); a page over `MAX_PAGE_BYTES` is reported once (`page-size`)
and left out of the slower gates.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from turning_no.checks.content import check_docs
from turning_no.checks.links import check_links, check_nav
from turning_no.checks.markdown_style import check_markdown_style
from turning_no.checks.reading_level import MAX_GRADE, PageGrade, page_grade
from turning_no.checks.sentence_rhythm import check_sentence_rhythm
from turning_no.checks.spelling import ASSET_SUFFIXES, check_spelling
from turning_no.checks.structure import check_structure
from turning_no.checks.workshop_guide import check_workshop_guides
from turning_no.markdown.page_list import EXTENSION_NAME, config_problem
from turning_no.model.config import CONFIG_NAME, ConfigError, SiteConfig, read_config
from turning_no.model.pages import Page, read_page
from turning_no.model.problems import Problem, display_path
from turning_no.site.brand import check_config

#: A page larger than this is too long to read on a phone; the gates would take minutes over it.
MAX_PAGE_BYTES = 200_000


@dataclass
class Run:
    """What the gates share: the pages, and what they found."""

    docs_dir: Path
    root: Path
    pages: list[Page] = field(default_factory=list)  # UTF-8 and not too large
    assets: list[Path] = field(default_factory=list)  # other text files in docs/, for spelling
    problems: list[Problem] = field(default_factory=list)
    grades: list[tuple[str, PageGrade]] = field(default_factory=list)

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)


def _content(run: Run) -> list[Problem]:
    return check_docs(run.docs_dir, root=run.root)


def _reading_level(run: Run) -> list[Problem]:
    problems = []
    for page in run.pages:
        measured = page_grade(page)
        run.grades.append((run.shown(page.path), measured))
        if measured.grade <= MAX_GRADE:
            continue
        hardest = measured.hardest
        line = hardest[0][0].line if hardest else 1
        where = ", ".join(f"line {block.line} (grade {value})" for block, value in hardest)
        problems.append(
            Problem(
                run.shown(page.path),
                line,
                f"the page's prose reads at grade {measured.grade} (Flesch-Kincaid); keep it at {MAX_GRADE:g} or "
                f"lower with shorter sentences and everyday words. Hardest first: {where}",
                "reading-level",
            )
        )
    return problems


def _sentence_rhythm(run: Run) -> list[Problem]:
    return check_sentence_rhythm(run.pages, run.root)


def _spelling(run: Run) -> list[Problem]:
    return check_spelling([page.path for page in run.pages], run.assets, run.root)


def _markdown_style(run: Run) -> list[Problem]:
    return check_markdown_style([page.path for page in run.pages], run.root)


def _structure(run: Run) -> list[Problem]:
    return check_structure(run.pages, run.root)


def _links(run: Run) -> list[Problem]:
    return check_links(run.pages, run.docs_dir, run.root) + check_nav(run.docs_dir.parent / "mkdocs.yml", run.root)


def _config(run: Run) -> list[Problem]:
    """mkdocs.yml: valid YAML (rule `config`), the link kit's options, and the brand (rule `brand`)."""
    path = run.docs_dir.parent / CONFIG_NAME
    if not path.is_file():
        return []
    try:
        config = read_config(path)
    except ConfigError as error:
        return [Problem(run.shown(path), error.line, error.message, "config")]
    problems = check_config(path, run.root)
    options = extension_options(config, EXTENSION_NAME)
    if options is not None:
        problem = config_problem(path, options)
        if problem:
            problems.append(Problem(run.shown(path), problem.line, problem.message, problem.rule))
    return problems


def extension_options(config: SiteConfig, name: str) -> dict | None:
    """The options mkdocs.yml gives the Markdown extension `name`, or None when it is not listed."""
    for entry in config.values.get("markdown_extensions") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return None


def _workshop_guide(run: Run) -> list[Problem]:
    return check_workshop_guides(run.pages, run.docs_dir, run.root)


#: (name, gate): each gate returns the problems it finds and never raises on bad content.
GATES: tuple[tuple[str, Callable[[Run], list[Problem]]], ...] = (
    ("content", _content),
    ("reading level", _reading_level),
    ("sentence rhythm", _sentence_rhythm),
    ("spelling", _spelling),
    ("Markdown style", _markdown_style),
    ("structure", _structure),
    ("links", _links),
    ("config", _config),
    ("workshop guide", _workshop_guide),
)


def _gather(run: Run) -> None:
    for path in sorted(run.docs_dir.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix != ".md":
            if path.suffix in ASSET_SUFFIXES:
                run.assets.append(path)
            continue
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            run.problems.append(
                Problem(
                    run.shown(path),
                    1,
                    f"this page is {size / 1_000_000:.1f} MB; a page over {MAX_PAGE_BYTES // 1000} KB is too long "
                    "to read on a phone. Split it into pages of a few screens each",
                    "page-size",
                )
            )
            continue
        try:
            run.pages.append(read_page(path, run.docs_dir))
        except UnicodeDecodeError:
            continue  # the content check reports it (`encoding`)


def run_gates(docs_dir: Path, root: Path | None = None, gates=GATES) -> Run:
    """Run every gate over `docs_dir`; paths in problems are relative to `root`."""
    run = Run(docs_dir=docs_dir, root=root or docs_dir.parent)
    _gather(run)
    for name, gate in gates:
        try:
            run.problems.extend(gate(run))
        except Exception as error:  # noqa: BLE001 (one broken gate must not hide the others' findings)
            run.problems.append(
                Problem(
                    run.shown(docs_dir),
                    1,
                    f"the {name} gate stopped with {type(error).__name__}: {error}. This is a fault in the "
                    "check, not in a page: please report it with this message",
                    "gate-error",
                )
            )
    run.problems = sorted(set(run.problems))
    return run


def print_problems(problems: list[Problem], file=None) -> None:
    """Each problem as `path:line: rule: message`, and as a GitHub annotation when CI is set."""
    in_ci = bool(os.environ.get("CI"))
    for problem in problems:
        print(problem, file=file)
        if in_ci:
            print(problem.as_github_annotation(), file=file)
