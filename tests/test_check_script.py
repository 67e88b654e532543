"""scripts/check.py (`make check`): what it prints and its exit codes.

One run as a maintainer starts it, in a new process, for the exit code, the output
and the GitHub annotations; the rest call its `main` in this process, on a small
docs folder, which takes a fraction of a second instead of a new Python and every
gate over the whole site.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, copy_project

pytestmark = pytest.mark.unit

SCRIPT = ROOT / "scripts" / "check.py"
GATE_FIXTURES = ROOT / "tests" / "gate_fixtures"
CHECK_FIXTURES = ROOT / "tests" / "check_fixtures"


def _script():
    spec = importlib.util.spec_from_file_location("check_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_script = _script()


PAGE = "---\ntitle: {title}\ndescription: A short page for a test.\n---\n\nYou can do this. Write one note today.\n"


@pytest.fixture
def small_project(tmp_path, monkeypatch):
    """A project folder with a docs/ of two short pages, as the working folder."""
    (tmp_path / "docs").mkdir()
    for name in ("next-steps.md", "understanding-rejection.md"):
        (tmp_path / "docs" / name).write_text(PAGE.format(title=name.removesuffix(".md")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


def test_make_check_prints_each_problem_the_grades_and_a_count_per_rule_and_exits_1(tmp_path):
    project = copy_project(tmp_path)
    shutil.copy(GATE_FIXTURES / "misspelling.md", project / "docs" / "next-steps.md")
    shutil.copy(GATE_FIXTURES / "bare_url.md", project / "docs" / "about" / "license.md")
    shutil.copy(CHECK_FIXTURES / "strategy_long_description.md", project / "docs/strategies/ask-for-feedback/index.md")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "docs"],
        cwd=project,
        env=os.environ | {"CI": "true"},
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout
    assert result.returncode == 1
    assert "docs/next-steps.md:6: spelling: 'recieve' may be a misspelling of 'receive'" in output
    assert "::error file=docs/next-steps.md,line=6,title=spelling::'recieve' may be" in output
    assert "docs/about/license.md:8: bare-url: the address https://988lifeline.org/" in output
    assert "docs/strategies/ask-for-feedback/index.md:3: front-matter: 'description' is 200 characters long" in output
    assert (
        "::error file=docs/strategies/ask-for-feedback/index.md,line=3,title=front-matter::'description' is 200 "
        "characters long" in output
    )
    # Both fixtures are titled "Next steps": the structure gate notices that too.
    assert (
        "docs/next-steps.md:2: page-title: the title 'Next steps' is also the title of docs/about/license.md" in output
    )
    assert "      1  bare-url\n      1  front-matter\n      1  page-title\n      1  spelling" in output
    assert "docs/understanding-rejection.md" in output.split("Problems by rule")[0]  # every page's grade
    assert "4 problems in docs" in result.stderr
    assert "Traceback" not in output + result.stderr


def test_outside_ci_a_problem_is_one_line_with_no_annotation(small_project, capsys):
    shutil.copy(GATE_FIXTURES / "misspelling.md", small_project / "docs" / "next-steps.md")
    assert check_script.main(["docs"]) == 1
    output = capsys.readouterr()
    assert "\ndocs/next-steps.md:6: spelling: 'recieve' may be a misspelling of 'receive'" in output.out
    assert "::error" not in output.out
    assert "1 problem in docs; gates: content, " in output.err


def test_good_pages_pass_and_it_says_so(small_project, capsys):
    assert check_script.main(["docs"]) == 0
    output = capsys.readouterr().out
    assert "All gates passed (content, reading level, " in output and ": 2 pages, no problems." in output
    assert "docs/next-steps.md" in output  # its grade
    assert "::error" not in output


def test_a_missing_folder_is_a_clear_error(small_project, capsys):
    assert check_script.main(["no-such-folder"]) == 2
    assert "no-such-folder: no such folder" in capsys.readouterr().err
