"""scripts/check.py (`make check`) as a maintainer runs it: messages, exit codes, no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT, copy_project

SCRIPT = ROOT / "scripts" / "check.py"
BROKEN = ROOT / "tests" / "check_fixtures" / "strategy_long_description.md"
TARGET = "docs/strategies/ask-for-feedback/index.md"


def run(folder, cwd, **env):
    environment = {key: value for key, value in os.environ.items() if key != "CI"} | env
    return subprocess.run(
        [sys.executable, str(SCRIPT), folder], cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )


def test_the_real_content_passes():
    result = run("docs", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


def test_a_problem_is_printed_with_file_and_line_and_exits_1(tmp_path):
    project = copy_project(tmp_path)
    shutil.copy(BROKEN, project / TARGET)
    result = run("docs", project)
    assert result.returncode == 1
    assert f"{TARGET}:3: front-matter: 'description' is 200 characters long" in result.stdout
    assert "::error" not in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_in_ci_each_problem_is_also_a_github_annotation(tmp_path):
    project = copy_project(tmp_path)
    shutil.copy(BROKEN, project / TARGET)
    result = run("docs", project, CI="true")
    assert f"::error file={TARGET},line=3,title=front-matter::'description' is 200 characters long" in result.stdout


def test_a_missing_folder_is_a_clear_error(tmp_path):
    result = run("no-such-folder", tmp_path)
    assert result.returncode == 2
    assert "no-such-folder: no such folder" in result.stderr
    assert "Traceback" not in result.stderr
