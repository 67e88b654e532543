"""Bad input never crashes anything: the gates of `make check`, our extensions, the checks.

The corpus of broken pages is tests/check_fixtures (the content check, test_checks.py)
and tests/gate_fixtures (the other gates, test_gates.py). Here: a sample of it through
every gate of `make check`, duplicate ids, and random text (hypothesis) through every
Markdown extension of ours, the content check and the block scanner. (The strict build
on bad input: tests/test_content_check_hook.py.)
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import DOCS, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turning_no.checks import content as checks
from turning_no.checks.content import check_docs
from turning_no.checks.runner import run_gates
from turning_no.model.problems import ContentError
from turning_no.model.source_blocks import check_block, scan

FIXTURES = ROOT / "tests" / "check_fixtures"

pytestmark = pytest.mark.unit

# --- Every gate of `make check` on the worst of the broken pages ---------------------------------

SAMPLE = [
    ("not_utf8.md", "about/index.md"),
    ("empty_file.md", "about/index.md"),
    ("strategy_bad_yaml.md", "strategies/ask-for-feedback/index.md"),
    ("page_unclosed_block.md", "emails.md"),
    ("page_block_unknown_option.md", "emails.md"),
    ("strategy_unknown_slug.md", "strategies/get-hired/index.md"),
]


@pytest.mark.parametrize(("fixture", "placed_at"), SAMPLE, ids=[case[0] for case in SAMPLE])
def test_no_gate_breaks_on_a_broken_page(tmp_path, fixture, placed_at):
    # The content check's own findings on these pages: tests/test_checks.py. Here the other
    # gates (reading level, spelling, Markdown style, structure) must read them too.
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("next-steps.md", "understanding-rejection.md"):
        shutil.copy(DOCS / name, docs / name)
    (docs / placed_at).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / fixture, docs / placed_at)
    run = run_gates(docs)
    assert [str(problem) for problem in run.problems if problem.rule == "gate-error"] == []
    assert f"docs/{placed_at}" in {problem.path for problem in run.problems}
    assert len(run.grades) == len(run.pages)  # the reading level gate read every page it could


# --- Duplicate ids, for any block class that has them --------------------------------------------


class _Field:
    """A stand-in block with an id, as a worksheet field has: its ids are checked for duplicates."""

    NAME = "test-field"
    OPTIONS = {"id": ["", str]}
    RULE = "test-field"

    @staticmethod
    def identity(block):
        return (block.options or {}).get("id")


@pytest.mark.parametrize(
    ("unique_in", "second_page", "expected"),
    [
        (
            "page",
            "a.md",
            "docs/a.md:12: test-field: the id 'name' is already used on line 7 of this page; give each one its own id",
        ),
        (
            "site",
            "b.md",
            "docs/b.md:7: test-field: the id 'name' is already used in a.md line 7; give each one its own id",
        ),
    ],
)
def test_a_duplicate_id_is_reported_where_it_repeats(tmp_path, monkeypatch, unique_in, second_page, expected):
    field = type("Field", (_Field,), {"UNIQUE_IN": unique_in})
    monkeypatch.setitem(checks.BLOCKS, field.NAME, field)
    docs = tmp_path / "docs"
    docs.mkdir()
    front = "---\ntitle: {title}\ndescription: Fields.\n---\n\n"
    one = "/// test-field\n    id: name\nYour name\n///\n"
    (docs / "a.md").write_text(front.format(title="A") + one + ("\n" + one if second_page == "a.md" else ""))
    if second_page == "b.md":
        (docs / "b.md").write_text(front.format(title="B") + one)
    assert [str(problem) for problem in check_docs(docs, root=tmp_path)] == [expected]


# --- Random text (hypothesis) --------------------------------------------------------------------


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV` and other tags as plain values."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def our_extensions() -> list[tuple[str, dict]]:
    """Every `turning_no.*` Markdown extension that mkdocs.yml registers, with its configuration."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    found = []
    for entry in config["markdown_extensions"]:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if name.startswith("turning_no."):
            options = dict(options or {})
            if "docs_dir" in options:
                options["docs_dir"] = str(ROOT / options["docs_dir"])
            found.append((name, options))
    return found


EXTENSIONS = our_extensions()


def test_the_extension_list_is_read_from_mkdocs_yml():
    names = [name for name, _ in EXTENSIONS]
    assert {"turning_no.markdown.page_list", "turning_no.markdown.checklist"} <= set(names)


def _fragments() -> list[str]:
    """Pieces of Markdown that our extensions and checks react to, for every block this site knows."""
    pieces = ["\n", "\n\n", "///\n", "////\n", "/// \n", "---\n", "title: x\n", "- [ ] ", "- [x] ", "1. ", "    "]
    pieces += [
        "```\n",
        "```text\n",
        "# ",
        "## ",
        "[link](x.md)",
        "![](x.png)",
        "<div markdown>\n",
        "</div>\n",
        "|a|b|\n",
    ]
    pieces += ["[Name]", "{#id}", ": ", "\t", "\x00", "\u200b", "é", "🙂", "\r\n"]
    for name, cls in checks.BLOCKS.items():
        pieces += [f"/// {name}\n", f"/// {name} | x\n", f"//// {name}\n", f"/// {name} | \n"]
        pieces += [f"    {option}: x\n" for option in getattr(cls, "OPTIONS", {})]
        pieces += [f"    {option}: [\n" for option in getattr(cls, "OPTIONS", {})]
    pieces += ["/// unknown-block\n", "    : :\n", "    - a\n"]
    return pieces


MARKDOWN_TEXT = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(_fragments())), max_size=40).map("".join)
# For the checks, which parse YAML: thousands of nested brackets once exhausted Python's stack (RecursionError).
# (Python-Markdown itself takes minutes over them, so the extensions get MARKDOWN_TEXT alone.)
CHECKED_TEXT = st.lists(
    st.one_of(st.text(max_size=20), st.sampled_from([*_fragments(), "[" * 3000, "{" * 3000])), max_size=40
).map("".join)
SETTINGS = settings(max_examples=100, deadline=None, derandomize=True, database=None)


@pytest.mark.parametrize(("name", "options"), EXTENSIONS, ids=[name for name, _ in EXTENSIONS])
@SETTINGS
@given(text=MARKDOWN_TEXT)
def test_random_text_through_our_extension_renders_or_raises_content_error(name, options, text):
    renderer = markdown.Markdown(
        extensions=["attr_list", "md_in_html", "pymdownx.superfences", "pymdownx.tasklist", name],
        extension_configs={name: options},
    )
    with contextlib.suppress(ContentError):
        renderer.convert(text)


@SETTINGS
@given(text=CHECKED_TEXT)
def test_random_text_through_the_block_scanner_gives_problems_never_an_error(text):
    blocks, problems = scan(enumerate(text.splitlines(), start=1))
    for block in blocks:
        cls = checks.BLOCKS.get(block.name)
        if cls is not None:
            list(check_block(block, cls))
            if not block.options_error and hasattr(cls, "check_source"):
                list(cls.check_source(block))  # on options of any type, too
    assert all(problem.line >= 1 for problem in problems)


PLACES = ["next-steps.md", "strategies/ask-for-feedback/index.md", "strategies/ask-for-feedback/worksheet.md"]


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(CHECKED_TEXT, CHECKED_TEXT.map(lambda body: "---\n" + body)),
    raw=st.one_of(st.none(), st.binary(max_size=60)),
    place=st.sampled_from(PLACES),
)
def test_random_text_through_the_content_check_gives_problems_never_an_error(text, raw, place):
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder) / "docs"
        shutil.copytree(DOCS / "strategies" / "ask-for-feedback", docs / "strategies" / "ask-for-feedback")
        target = docs / place
        target.parent.mkdir(parents=True, exist_ok=True)
        if raw is None:
            target.write_text(text, encoding="utf-8", errors="surrogatepass")
        else:
            target.write_bytes(raw)
        problems = check_docs(docs, root=Path(folder))
    assert all(problem.line >= 1 and problem.rule and problem.message for problem in problems)
