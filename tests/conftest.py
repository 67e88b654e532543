"""Shared fixtures: one strict build of the real site, served over HTTP on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def build_site(destination: Path, *, project: Path = ROOT, env: dict | None = None):
    """Run `mkdocs build --strict` in `project`; return the finished process (check returncode yourself)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict into a temporary folder."""
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return destination


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the signature http.server calls)
        pass

    def end_headers(self):
        # LinkChecker sends more than 10 requests a second only to a server that says so.
        self.send_header("LinkChecker", "allow")
        super().end_headers()


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site served on a free port of 127.0.0.1, as GitHub Pages would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def copy_project(destination: Path) -> Path:
    """A copy of what a build reads (config, docs, overrides), to break on purpose."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, destination / name)
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, destination / name)
    return destination


def html_pages(site: Path) -> list[Path]:
    """Every page of the built site except the 404 page."""
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")
