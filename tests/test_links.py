"""LinkChecker over the built site: no broken link and no missing anchor.

External links are listed (reports/external-links.txt) but not fetched; the
weekly workflow .github/workflows/external-links.yml fetches them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CONFIG = Path(__file__).parent / "linkcheckerrc"
EXTERNAL_LIST = Path(__file__).resolve().parent.parent / "reports" / "external-links.txt"
# In verbose output, one entry per link: its URL, then its details; an external one says it was not fetched.
_ENTRY = re.compile(r"^URL\s+`(?P<url>[^']*)'(?P<details>.*?)^Result", re.MULTILINE | re.DOTALL)


def linkchecker() -> str:
    """The linkchecker installed beside this Python (the venv's)."""
    beside = Path(sys.executable).parent / "linkchecker"
    return str(beside) if beside.exists() else shutil.which("linkchecker")


def assert_links_work(url: str, *options: str) -> str:
    """Run LinkChecker over the site at `url`; fail on any broken link or anchor; return its report."""
    result = subprocess.run(
        [linkchecker(), "--config", str(CONFIG), "--no-robots", *options, url],
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
    return report


def test_no_broken_links_or_anchors(site_url, packets):
    # `packets`: the PDFs that the packets page links are made after the build.
    report = assert_links_work(site_url, "--verbose")
    # Not fetched: the links to other sites, and the canonical addresses (site_url's default, port 8000).
    not_fetched = {
        entry["url"]
        for entry in _ENTRY.finditer(report)
        if "outside of the domain filter, checked only" in " ".join(entry["details"].split())
    }
    external = sorted(url for url in not_fetched if url.startswith("http") and "//127.0.0.1" not in url)
    assert len(external) > 10, report
    EXTERNAL_LIST.parent.mkdir(parents=True, exist_ok=True)
    EXTERNAL_LIST.write_text("\n".join(external) + "\n", encoding="utf-8")
