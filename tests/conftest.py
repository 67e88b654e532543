"""Shared fixtures: one strict build of the real site, served over HTTP on 127.0.0.1."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import sync_playwright

from turning_no.checks.addresses import is_redirect
from turning_no.printing import chromium
from turning_no.printing.chromium import chromium_path
from turning_no.site.server import Server

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: The contact the test builds publish, as the Publish workflow fills it in.
CONTACT = "https://github.com/turning-no/turning-no/issues"
#: The MkDocs-only glue that mkdocs.yml names, by its path from the project.
HOOKS = "src/turning_no/site/mkdocs_hooks.py"


def build_site(
    destination: Path, *, project: Path = ROOT, env: dict | None = None, engine: str = "mkdocs", offline: bool = False
):
    """`make site` in `project`: checks, the engine, the post-build step; the finished process (check returncode)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--engine", engine]
    command += ["--site-dir", str(destination), "--project", str(project)] + (["--offline"] if offline else [])
    return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory):
    """A server on a free port of 127.0.0.1 for the built site, and the folder it serves.

    The port is chosen before the build: Material's instant navigation works only
    where the site is served at its `site_url`, as it is on GitHub Pages.
    """
    folder = tmp_path_factory.mktemp("site")
    # LinkChecker sends more than 10 requests a second only to a server that says so.
    with Server(folder, headers={"LinkChecker": "allow"}) as server:
        yield folder, server.url


@pytest.fixture(scope="session")
def built_site(_site_server) -> Path:
    """The real site, built once with --strict, for the address it is served at."""
    destination, url = _site_server
    result = build_site(destination, env={"SITE_URL": url, "SITE_CONTACT": CONTACT})
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return destination


@pytest.fixture(scope="session")
def site_url(built_site, _site_server) -> str:
    """The built site served over HTTP on 127.0.0.1, as GitHub Pages would serve it."""
    return _site_server[1]


OFFLINE_FOLDER = "turning-no-offline"


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """`make offline`, into a temporary folder, as a maintainer runs it."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    work = tmp_path_factory.mktemp("offline")
    destination = work / "turning-no-offline.zip"
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "offline",
            f"OFFLINE_DIR={work / 'build' / OFFLINE_FOLDER}",
            f"OFFLINE_ZIP={destination}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{destination}: " in result.stdout and " files, " in result.stdout
    return destination


@pytest.fixture(scope="session")
def packets(built_site, site_url, offline_zip) -> Path:
    """`make packet` run once on the built site: the folder of the PDFs (downloads/ in the site).

    The offline zip goes there too, as the Pages workflow publishes it, so the links to it are checked.
    """
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium found: install Debian's chromium or set CHROMIUM")
        pytest.skip("no Chromium found: install chromium or set CHROMIUM to build the packets")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "packet.py"), str(built_site)],
        env={**os.environ, "SITE_URL": site_url, "CHROMIUM": executable},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"make packet failed:\n{result.stdout}{result.stderr}"
    shutil.copy(offline_zip, built_site / "downloads" / offline_zip.name)
    return built_site / "downloads"


def assert_same_html(actual: str, expected: str) -> None:
    """Markdown-extension tests: fail with a diff when the rendered HTML is not the expected."""
    if actual != expected:
        diff = "\n".join(
            difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected", "actual", lineterm="")
        )
        pytest.fail(f"rendered HTML differs:\n{diff}")


def copy_project(destination: Path) -> Path:
    """A copy of what a build and `make check` read (config, docs, overrides), to break on purpose."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "spelling-words.txt", ".pymarkdown.yml", HOOKS):
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, destination / name)
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, destination / name)
    return destination


def html_pages(site: Path) -> list[Path]:
    """Every page of the built site except the 404 page and redirect pages.

    A redirect page (mkdocs-redirects writes one for each moved address) has no
    content, and a browser leaves it at once. tests/test_addresses.py checks that it
    is valid HTML and lands on its page.
    """
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html" and not is_redirect(path))


# --- The browser -----------------------------------------------------------
# The system's Chromium (Debian's /usr/bin/chromium, or $CHROMIUM), never a
# downloaded one: `playwright install` cannot download here.

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# axe-core's JavaScript, from the axe-playwright-python wheel (nothing is downloaded).
AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA (what the ADA Title II rule asks for), and 2.2 AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


CHROMIUM_ARGS = chromium.ARGS


@pytest.fixture(scope="session")
def playwright_driver():
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium found: install Debian's chromium or set CHROMIUM")
        pytest.skip("no Chromium found: install chromium or set CHROMIUM to run the browser tests")
    with sync_playwright() as playwright:
        yield playwright, executable


@pytest.fixture(scope="session")
def browser(playwright_driver):
    playwright, executable = playwright_driver
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def add_axe(page) -> None:
    """axe-core into the page, through the DevTools protocol: the site's Content-Security-Policy
    blocks an inline <script> element, as it should."""
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))


def axe_violations(page, tags=AXE_TAGS) -> list[str]:
    """axe-core's violations of `tags` on the page as it is now, one line each."""
    # Half-faded elements (Material's back-to-top button after a scroll) would be
    # measured mid-transition; measure what the reader sees once it settles.
    # A constructed stylesheet, not an inline <style> element, which the site's policy blocks.
    page.evaluate(
        """css => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        }""",
        "*, *::before, *::after { transition: none !important; animation: none !important; }",
    )
    add_axe(page)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    found = []
    for violation in result["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        found.append(f"{violation['id']}: {violation['help']} at {targets}")
    return found
