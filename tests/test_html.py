"""The Nu HTML Checker (vnu.jar from the npm package vnu-jar) over every built page: no errors.

`make test` installs vnu.jar with `npm ci` from package-lock.json; it runs on the
machine's Java (17 or newer). One message is about Material's own markup that
overrides/ cannot reach; it is filtered below, narrowly, with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from conftest import ROOT, html_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (start of the message, text the offending markup contains): Material's markup, filtered on purpose.
MATERIAL_MESSAGES = [
    # base.html, outside any template block: the hidden checkboxes that open the
    # menu drawer and the search carry autocomplete="off", so that Firefox does
    # not restore them as checked when the reader goes back a page. Harmless,
    # and wanted; only overriding the whole base.html would remove it.
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # (The "Table of contents" label for a missing "__toc" toggle on a section's
    # index page is no longer filtered: turning_no.site.html_mend drops its `for`.)
]


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        missing = "java (Debian: default-jre-headless)" if java is None else f"{VNU} (run: npm ci --ignore-scripts)"
        if os.environ.get("CI"):
            pytest.fail(f"the Nu HTML Checker cannot run: no {missing}")
        pytest.skip(f"the Nu HTML Checker cannot run: no {missing}")
    return [java, "-jar", str(VNU)]


def vnu_errors(*paths) -> list[dict]:
    """The checker's errors (and fatal problems) for the HTML files under `paths`."""
    result = subprocess.run(
        [*vnu_command(), "--errors-only", "--format", "json", "--skip-non-html", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [message for message in messages if message.get("type") in ("error", "non-document-error")]


def is_material_markup(message: dict) -> bool:
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(text.startswith(start) and marker in extract for start, marker in MATERIAL_MESSAGES)


def shown(message: dict) -> str:
    where = message.get("url", "").split("/pytest-", 1)[-1]  # which site: site0/, zensical0/site/, moved0/site/
    return f"{where}:{message.get('lastLine', '?')}: {message.get('message')}\n    {message.get('extract', '').strip()}"


@pytest.mark.build
def test_every_page_both_engines_build_and_a_redirect_page_are_valid_html_and_a_broken_page_is_not(
    built_site, zensical, moved_site, tmp_path
):
    # One run of the checker (a Java start is seconds): the site as MkDocs and as Zensical
    # build it (tests/test_engines.py), a redirect page as mkdocs-redirects writes it
    # (tests/test_addresses.py), and a page broken on purpose.
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a">x</p><p id="a">y</p></body></html>'
    )
    pages = [*html_pages(built_site), built_site / "404.html"]
    assert len(pages) > 30
    errors = vnu_errors(built_site, zensical[0], moved_site / "next-steps" / "index.html", broken)
    assert [message["message"] for message in errors if message.get("url", "").endswith("/broken.html")] == [
        "Duplicate ID “a”."
    ]
    errors = [message for message in errors if not is_material_markup(message) and "/broken.html" not in message["url"]]
    assert errors == [], "\n".join(shown(message) for message in errors)


@pytest.mark.unit
def test_the_checker_version_is_the_pinned_one():
    version = subprocess.run([*vnu_command(), "--version"], capture_output=True, text=True, check=True).stdout
    pinned = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/vnu-jar"]["version"]
    assert version.split()[0] == pinned
