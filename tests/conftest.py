"""Shared fixtures: one strict build of the real site, served over HTTP on 127.0.0.1; the test tiers.

Every test has exactly one tier, `unit`, `build` or `browser` (pyproject.toml), set
for its module (`pytestmark`) or on the test itself; the run stops at collection if
one has none, two, or a tier below what its fixtures need. Under pytest-xdist each
worker builds and serves its own copy of the site (a build takes about a second).
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from page_checks import AXE_RUNS, BEST_PRACTICE
from playwright.sync_api import sync_playwright

from turning_no.checks.addresses import is_redirect
from turning_no.model.urls import url_of
from turning_no.printing import chromium
from turning_no.printing.chromium import chromium_path
from turning_no.site.server import Server

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: The contact the test builds publish, as the Publish workflow fills it in.
CONTACT = "https://github.com/turning-no/turning-no/issues"
#: The MkDocs-only glue that mkdocs.yml names, by its path from the project.
HOOKS = "src/turning_no/site/mkdocs_hooks.py"


# --- The tiers ----------------------------------------------------------------

TIERS = ("unit", "build", "browser")
#: Fixtures that start Chromium, and those that build the site: a test that uses one is of that tier.
BROWSER_FIXTURES = {"browser", "playwright_driver", "packets"}
BUILD_FIXTURES = {"built_site", "site_url", "_site_server", "offline_zip", "moved_site", "zensical"}
#: Tests that share these session fixtures run on one xdist worker (make test: --dist loadgroup),
#: so that the packets and the offline zip are made once, and Zensical builds once: two
#: Zensical builds of one project at once share its output folder and its .cache.
GROUPS = {"packets": "packets", "offline_zip": "packets", "zensical": "zensical"}
#: Where those tests are, by the start of their node id: the scheduler knows no fixtures.
GROUP_OF = {
    "packets": ("tests/test_packet.py", "tests/test_links.py", "tests/test_offline.py"),
    "zensical": ("tests/test_engines.py", "tests/test_html.py::test_every_page_both_engines_build"),
}


def group_of(nodeid: str) -> str | None:
    return next((group for group, starts in GROUP_OF.items() if nodeid.startswith(starts)), None)


def pytest_xdist_make_scheduler(config, log):
    """--dist loadgroup, by GROUP_OF: xdist's own reads `xdist_group` marks through a node id
    that pytest 9 no longer lets it change, and so sends a group's tests to every worker."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid) or nodeid  # a test of no group is a unit of its own

    return GroupScheduling(config, log)


def tier_of(item) -> tuple[str | None, str]:
    """(the test's tier, or None and what is wrong)."""
    tiers = sorted({mark.name for mark in item.iter_markers() if mark.name in TIERS})
    if len(tiers) != 1:
        found = "no tier" if not tiers else f"two tiers ({', '.join(tiers)})"
        return None, f"has {found}: mark it (or its module, with pytestmark) one of unit, build, browser"
    callspec = getattr(item, "callspec", None)
    tier, fixtures = tiers[0], set(item.fixturenames) - set(callspec.params if callspec else ())
    if tier != "browser" and fixtures & BROWSER_FIXTURES:
        return (
            None,
            f"is marked {tier} but uses Chromium ({', '.join(sorted(fixtures & BROWSER_FIXTURES))}): mark it browser",
        )
    if tier == "unit" and fixtures & BUILD_FIXTURES:
        return (
            None,
            f"is marked unit but uses a built site ({', '.join(sorted(fixtures & BUILD_FIXTURES))}): mark it build",
        )
    return tier, ""


def pytest_collection_modifyitems(config, items):
    wrong = []
    for item in items:
        tier, problem = tier_of(item)
        if tier is None:
            wrong.append(f"{item.nodeid} {problem}")
        groups = {GROUPS[name] for name in item.fixturenames if name in GROUPS}
        if groups and groups != {group_of(item.nodeid)}:
            wrong.append(f"{item.nodeid} uses the fixtures of {', '.join(sorted(groups))}: add it to GROUP_OF")
    if wrong:
        raise pytest.UsageError("Every test needs exactly one tier (and its xdist group):\n" + "\n".join(wrong))


_running_tier: str | None = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Note the test's tier before its fixtures start, so that build_site can refuse a unit test."""
    global _running_tier
    _running_tier = tier_of(item)[0]


def build_site(
    destination: Path,
    *,
    project: Path = ROOT,
    env: dict | None = None,
    engine: str = "mkdocs",
    offline: bool = False,
    checks: bool = True,
):
    """`make site` in `project`: checks, the engine, the post-build step; the finished process (check returncode).

    `checks=False` leaves the checks out (a few seconds a build) where they are not what
    the test is about: tests/test_gates.py runs them on the real pages once.
    """
    if _running_tier == "unit":
        pytest.fail("a unit test builds the site: mark it build")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--engine", engine]
    command += ["--site-dir", str(destination), "--project", str(project)] + (["--offline"] if offline else [])
    command += [] if checks else ["--no-checks"]
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
    result = build_site(destination, env={"SITE_URL": url, "SITE_CONTACT": CONTACT}, checks=False)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return destination


@pytest.fixture(scope="session")
def site_url(built_site, _site_server) -> str:
    """The built site served over HTTP on 127.0.0.1, as GitHub Pages would serve it."""
    return _site_server[1]


def _rename_next_steps(project: Path) -> None:
    """Move next-steps.md to first-week.md, with every link and the nav, as an author would."""
    (project / "docs/next-steps.md").rename(project / "docs/first-week.md")
    for path in [*(project / "docs").rglob("*.md"), project / "mkdocs.yml"]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("next-steps.md", "first-week.md"), encoding="utf-8")


def _redirect(project: Path, old: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      redirect_maps: {}\n" in text
    config.write_text(text.replace("      redirect_maps: {}\n", f"      redirect_maps:\n        {old}: {new}\n"))


@pytest.fixture(scope="session")
def moved_site(tmp_path_factory) -> Path:
    """The site built with next-steps.md renamed to first-week.md and a redirect from the old file
    (tests/test_addresses.py; its redirect page is checked in tests/test_html.py)."""
    folder = tmp_path_factory.mktemp("moved")
    project = copy_project(folder / "project")
    _rename_next_steps(project)
    _redirect(project, "next-steps.md", "first-week.md")
    result = build_site(folder / "site", project=project, checks=False)
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture(scope="session")
def zensical(tmp_path_factory):
    """The site built with Zensical (tests/test_engines.py) and served on 127.0.0.1: (folder, address)."""
    folder = tmp_path_factory.mktemp("zensical") / "site"
    folder.mkdir()
    with Server(folder, headers={"LinkChecker": "allow"}) as server:
        env = {"SITE_URL": server.url, "SITE_CONTACT": CONTACT}
        result = build_site(folder, env=env, engine="zensical", checks=False)
        assert result.returncode == 0, result.stdout + result.stderr
        yield folder, server.url


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


def assert_problems(problems, expected) -> None:
    """`problems` are exactly `expected`, in any order: each (path, line, rule, part of its message)."""
    assert_found([(problem.path, problem.line, problem.rule, problem.message) for problem in problems], expected)


def assert_found(found, expected) -> None:
    """Each tuple found matches one expected tuple, and none is left over: the same values, and the
    expected last one (part of a message) inside the found message."""
    left, missing = list(found), []
    for wanted in expected:
        *where, part = wanted
        match = next((each for each in left if list(each[:-1]) == where and part in each[-1]), None)
        if match is None:
            missing.append(f"{':'.join(map(str, where))}: ...{part}...")
        else:
            left.remove(match)
    if missing or left:
        report = ["expected but not found:", *missing] if missing else []
        report += ["found but not expected:", *(": ".join(map(str, each)) for each in left)] if left else []
        pytest.fail("\n".join(report))


def copy_project(destination: Path) -> Path:
    """A copy of what a build and `make check` read (config, docs, data, overrides), to break on purpose."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "spelling-words.txt", ".pymarkdown.yml", HOOKS):
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, destination / name)
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, destination / name)
    return destination


def walk_paths() -> list[str]:
    """Every page's address below the site's root, from docs/ (known before any build), and the 404 page."""
    return sorted(url_of(path.relative_to(DOCS).as_posix()) for path in DOCS.rglob("*.md")) + ["404.html"]


def html_pages(site: Path) -> list[Path]:
    """Every page of the built site except the 404 page and redirect pages.

    A redirect page (mkdocs-redirects writes one for each moved address) has no
    content, and a browser leaves it at once. tests/test_addresses.py checks that it
    lands on its page, tests/test_html.py that it is valid HTML.
    """
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html" and not is_redirect(path))


# --- The browser -----------------------------------------------------------
# The system's Chromium (Debian's /usr/bin/chromium, or $CHROMIUM), never a
# downloaded one: `playwright install` cannot download here.

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


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


# --- axe's best-practice report ------------------------------------------------
# Each process (each xdist worker, or the one pytest) writes what its walk found to a
# fragment; the main process joins them into one Markdown report at the end. CI uploads it.

AXE_REPORT = Path(os.environ.get("AXE_REPORT", ROOT / "reports" / "axe-best-practice.md"))


def _fragments() -> list[Path]:
    return sorted(AXE_REPORT.parent.glob(f".{AXE_REPORT.stem}.*.json"))


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):
        for stale in _fragments():
            stale.unlink()


def pytest_sessionfinish(session):
    worker = getattr(session.config, "workerinput", {}).get("workerid", "main")
    if AXE_RUNS["pages"]:  # only where axe ran: make test-fast leaves the report alone
        AXE_REPORT.parent.mkdir(parents=True, exist_ok=True)
        found = {
            rule: {"help": entry["help"], "where": sorted(entry["where"])} for rule, entry in BEST_PRACTICE.items()
        }
        (AXE_REPORT.parent / f".{AXE_REPORT.stem}.{worker}.json").write_text(json.dumps(found), encoding="utf-8")
    if worker == "main" and _fragments():
        write_best_practice_report()


def write_best_practice_report() -> None:
    helps: dict[str, str] = {}
    where: dict[str, set[str]] = {}
    for fragment in _fragments():
        for rule, entry in json.loads(fragment.read_text(encoding="utf-8")).items():
            helps[rule] = entry["help"]
            where.setdefault(rule, set()).update(entry["where"])
        fragment.unlink()
    lines = ["# axe-core best-practice findings", ""]
    lines += ["Not WCAG failures: advice to weigh. Each rule, then where it was found.", ""]
    if not where:
        lines.append("None.")
    for rule in sorted(where):
        lines += [f"## {rule}: {helps[rule]}", ""]
        lines += [f"- {place}" for place in sorted(where[rule])]
        lines.append("")
    AXE_REPORT.write_text("\n".join(lines), encoding="utf-8")
