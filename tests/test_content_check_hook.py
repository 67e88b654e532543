"""overrides/hooks/content_check.py: a strict build stops on bad content and says where."""

from __future__ import annotations

import shutil

from conftest import ROOT, build_site, copy_project

FIXTURES = ROOT / "tests" / "check_fixtures"


def test_a_content_problem_stops_the_strict_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "strategy_missing_section.md", project / "docs/strategies/ask-for-feedback/index.md")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    assert (
        "docs/strategies/ask-for-feedback/index.md:21: strategy-page: the section '## Common mistakes' is missing"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


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
