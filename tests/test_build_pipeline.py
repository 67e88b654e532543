"""scripts/build_site.py: checks before the engine, the post-build step after; bad content stops it, saying where."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import CONTACT, ROOT, assert_problems, build_site, copy_project

from turning_no.checks.runner import GATES, run_gates
from turning_no.model.config import SiteConfig
from turning_no.site.engines import ENGINES
from turning_no.site.finish import finish_site, leftover_blocks

FIXTURES = ROOT / "tests" / "check_fixtures"
CONFIG_GATE = [gate for gate in GATES if gate[0] == "config"]


@pytest.mark.unit
def test_a_bad_link_kit_address_in_mkdocs_yml_is_found_at_its_line(tmp_path):
    # The build runs these gates first and stops on any problem (test_bad_block_options_stop_...).
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: *site_url", "site_url: careers.example.edu/guide"))
    line = next(
        number
        for number, text in enumerate(config.read_text().splitlines(), 1)
        if "turning_no.markdown.page_list" in text
    )
    assert_problems(
        run_gates(project / "docs", root=project, gates=CONFIG_GATE).problems,
        [
            (
                "mkdocs.yml",
                line,
                "config",
                "'site_url: careers.example.edu/guide' in mkdocs.yml, under markdown_extensions",
            )
        ],
    )


@pytest.mark.unit
def test_a_block_left_as_text_in_the_html_is_reported_at_its_line(tmp_path):
    # The last line of defence, for a block the content check and pymdownx.blocks read differently.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.md").write_text("---\ntitle: Notes\n---\n\nText.\n\n/// field | Q?\n    hnt: x\n///\n")
    site = tmp_path / "site" / "notes"
    site.mkdir(parents=True)
    (site / "index.html").write_text("<html><head><meta charset=utf-8></head><p>/// field | Q?\nhnt: x\n///</p></html>")
    config = SiteConfig(tmp_path / "mkdocs.yml", {})
    problems = [str(problem) for problem in finish_site(tmp_path / "site", config).problems]
    assert problems == [
        "docs/notes.md:7: block: '/// field | Q?' reached the page as plain text; pymdownx.blocks did not read it "
        "as a block. Check its name, its options (indented 4 spaces) and its closing line",
        "docs/notes.md:9: block: '///' reached the page as plain text; pymdownx.blocks did not read it "
        "as a block. Check its name, its options (indented 4 spaces) and its closing line",
    ]


@pytest.mark.unit
def test_block_syntax_shown_as_code_is_not_a_leftover():
    assert leftover_blocks("<p>Write <code>/// field | Q?</code> to start.</p><pre>///\n</pre>") == []


@pytest.mark.build
@pytest.mark.parametrize("engine", ENGINES)
def test_bad_block_options_stop_either_engine_before_it_runs(tmp_path, engine):
    # Zensical alone would build such a page with exit 0; the checks run before any engine.
    # (Any problem of `make check` stops the build so: the gates' own tests find each one.)
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "worksheet_field_bad_yaml.md", project / "docs/strategies/ask-for-feedback/worksheet.md")
    result = build_site(tmp_path / "site", project=project, engine=engine)
    assert result.returncode == 1
    assert "docs/strategies/ask-for-feedback/worksheet.md:13: block: the block's options are not valid YAML" in (
        result.stderr
    )
    assert "The build stopped before the engine" in result.stderr
    assert not (tmp_path / "site").exists()
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_while_previewing_a_page_with_broken_blocks_shows_its_problems_instead_of_crashing(tmp_path):
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
    assert re.search(r"Line 12: \S+essay\S+ is not a kind of field", page)


@pytest.mark.build
def test_the_built_site_publishes_security_txt_from_the_one_contact(built_site, site_url):
    text = (built_site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert f"Contact: {CONTACT}" in text
    assert f"Canonical: {site_url}.well-known/security.txt" in text
    assert "Expires: " in text
