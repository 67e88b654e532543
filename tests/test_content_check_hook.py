"""overrides/hooks/content_check.py: a strict build stops on bad content and says where;
MkDocs' own strict checks stop it on a broken link."""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, build_site, copy_project

FIXTURES = ROOT / "tests" / "check_fixtures"


@pytest.mark.build
def test_a_content_problem_stops_the_strict_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "strategy_missing_section.md", project / "docs/strategies/ask-for-feedback/index.md")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    assert (
        "docs/strategies/ask-for-feedback/index.md:21: strategy-page: the section '## Common mistakes' is missing"
        in result.stderr
    )
    assert "the build stopped" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_broken_front_matter_stops_the_build_instead_of_being_ignored(tmp_path):
    # MkDocs alone ignores front matter it cannot parse; the hook must not.
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "strategy_bad_yaml.md", project / "docs/strategies/ask-for-feedback/index.md")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    assert (
        "docs/strategies/ask-for-feedback/index.md:2: front-matter: the front matter is not valid YAML" in result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_a_bad_link_kit_address_in_mkdocs_yml_stops_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: *site_url", "site_url: careers.example.edu/guide"))
    line = next(
        number
        for number, text in enumerate(config.read_text().splitlines(), 1)
        if "turning_no.markdown.page_list" in text
    )
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    assert f"mkdocs.yml:{line}: config: 'site_url: careers.example.edu/guide'" in result.stderr
    assert "is not a web address" in result.stderr and "Traceback" not in result.stderr


def _hook():
    spec = importlib.util.spec_from_file_location("content_check_hook", ROOT / "overrides/hooks/content_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _page(source: Path):
    return SimpleNamespace(file=SimpleNamespace(src_uri="notes.md", abs_src_path=str(source)))


@pytest.mark.unit
def test_a_block_left_as_text_in_the_html_is_reported_at_its_line(tmp_path, caplog):
    # The last line of defence, for a block the content check and pymdownx.blocks read differently.
    source = tmp_path / "notes.md"
    source.write_text("---\ntitle: Notes\n---\n\nText.\n\n/// field | Q?\n    hnt: x\n///\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        _hook().on_page_content("<p>Text.</p>\n<p>/// field | Q?\nhnt: x\n///</p>", _page(source), {}, None)
    assert "docs/notes.md:7: block: '/// field | Q?' reached the page as plain text" in caplog.text


@pytest.mark.unit
def test_block_syntax_shown_as_code_is_not_a_leftover(tmp_path, caplog):
    source = tmp_path / "notes.md"
    source.write_text("Write `/// field | Q?` to start a field.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        _hook().on_page_content("<p>Write <code>/// field | Q?</code> to start.</p>", _page(source), {}, None)
    assert caplog.text == ""


@pytest.mark.build
def test_a_quiet_strict_build_still_stops_and_lists_the_problem(tmp_path):
    # `mkdocs build --quiet --strict` hides warnings from MkDocs' own strict count.
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "worksheet_field_bad_yaml.md", project / "docs/strategies/ask-for-feedback/worksheet.md")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/strategies/ask-for-feedback/worksheet.md:12: block: the block's options are not valid YAML" in output
    assert "Traceback" not in output


@pytest.mark.build
def test_while_serving_a_page_with_broken_blocks_shows_its_problems_instead_of_crashing(tmp_path):
    # `make serve` builds with --no-strict: it must keep going and tell the author what to fix.
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "worksheet_field_unknown_kind.md", project / "docs/strategies/ask-for-feedback/worksheet.md")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    page = (tmp_path / "site/strategies/ask-for-feedback/worksheet/index.html").read_text(encoding="utf-8")
    assert "This page has content problems to fix" in page
    assert re.search(r"Line 11: \S+essay\S+ is not a kind of field", page)


@pytest.mark.build
def test_the_strict_build_stops_on_a_broken_link_and_anchor_and_names_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    next_steps = project / "docs" / "next-steps.md"
    next_steps.write_text(
        next_steps.read_text(encoding="utf-8")
        + "\nSee [a strategy that does not exist](strategies/get-hired/index.md)"
        + " and [a section that does not exist](understanding-rejection.md#no-such-section).\n",
        encoding="utf-8",
    )
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    log = result.stderr
    assert "Doc file 'next-steps.md' contains a link 'strategies/get-hired/index.md'" in log
    assert "'next-steps.md' contains a link 'understanding-rejection.md#no-such-section'" in log
    assert "does not contain an anchor '#no-such-section'" in log
    assert "Traceback" not in log
