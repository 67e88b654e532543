"""LinkChecker over the built site: no broken link and no missing anchor."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

CONFIG = Path(__file__).parent / "linkcheckerrc"


def linkchecker() -> str:
    """The linkchecker installed beside this Python (the venv's)."""
    beside = Path(sys.executable).parent / "linkchecker"
    return str(beside) if beside.exists() else shutil.which("linkchecker")


def test_no_broken_links_or_anchors(site_url):
    result = subprocess.run(
        [linkchecker(), "--config", str(CONFIG), "--no-robots", site_url],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = result.stdout + result.stderr
    # LinkChecker exits 1 on any error or warning; anchor problems are warnings.
    assert result.returncode == 0, report
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", report)
    assert checked and int(checked.group(2)) > 40, report
