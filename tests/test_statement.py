"""The accessibility statement holds up: the standard and where the site stands, the date
of the last review from one setting, how it is tested (with the axe-core version the
tests really run), and a contact that works, from the one contact setting, with a
center's own contact beside it.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, build_site, copy_project
from page_checks import AXE_SCRIPT
from test_brand import set_brand

pytestmark = pytest.mark.build

STATEMENT = "about/accessibility/index.html"


def config() -> dict:
    return yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", '""', (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))


def statement(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / STATEMENT).read_text(encoding="utf-8"), "html.parser")


def end_of(site: Path):
    box = statement(site).select_one("article .statement-contact")
    assert box is not None, "the statement has no contact and review box"
    return box


def test_the_statement_names_the_standard_and_says_honestly_how_far_the_site_meets_it(built_site):
    text = statement(built_site).select_one("article").get_text(" ", strip=True)
    assert "WCAG) 2.2 at Level AA" in text and "all of WCAG 2.1 Level AA" in text
    assert "partially conforms to WCAG 2.2 Level AA" in text
    # It says how it is tested, and what has not been tested.
    for words in ("Nu HTML Checker", "keyboard walk", "320 pixels", "wider spacing", "scripts turned off", "PDF"):
        assert words in text, words
    assert "have not yet tested this site with real screen readers" in text


def test_the_axe_core_version_the_statement_gives_is_the_one_the_tests_run(built_site):
    version = re.search(r"axe v(\d+)\.(\d+)\.\d+", AXE_SCRIPT.read_text(encoding="utf-8")[:200])
    assert version, "no version in the axe-playwright-python wheel's axe.min.js"
    text = statement(built_site).select_one("article").get_text(" ", strip=True)
    assert f"axe-core {version[1]}.{version[2]}," in text


def test_the_review_date_is_one_setting_shown_at_the_end_of_the_statement(built_site):
    review = config()["extra"]["accessibility"]["last_review"]
    date = datetime.date.fromisoformat(str(review))  # YYYY-MM-DD, a real date
    assert date <= datetime.date.today()
    shown = end_of(built_site).select_one("time")
    assert shown["datetime"] == str(review) and shown.get_text() == str(review)
    assert str(review) not in (ROOT / "docs" / "about" / "accessibility.md").read_text()  # not written twice


def test_with_no_contact_set_the_statement_says_how_else_to_reach_us_and_the_build_says_so(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build_site(tmp_path / "site", project=project, env={"SITE_CONTACT": ""}, checks=False)
    assert result.returncode == 0, result.stderr
    assert "notice: extra.contact in mkdocs.yml is empty" in result.stdout + result.stderr
    box = end_of(tmp_path / "site")
    assert box.select("a") == []
    assert "pass your message on to us" in box.get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("contact", "shown"),
    [
        ("https://github.com/example/turning-no/issues", "https://github.com/example/turning-no/issues"),
        ("mailto:access@example.org", "access@example.org"),
    ],
)
def test_the_contact_setting_is_the_statements_link_with_a_centers_contact_beside_it(tmp_path, contact, shown):
    project = copy_project(tmp_path / "project")
    center = "Riverside College Career Center"
    set_brand(project, {"name": center, "url": "", "logo": "", "contact": "careers@riverside.example", "accent": ""})
    result = build_site(tmp_path / "site", project=project, env={"SITE_CONTACT": contact}, checks=False)
    assert result.returncode == 0, result.stderr
    assert "notice: extra.contact" not in result.stdout + result.stderr
    box = end_of(tmp_path / "site")
    link = box.select_one("a")
    assert link["href"] == contact and link.get_text() == shown
    text = box.get_text(" ", strip=True)
    assert f"Or contact {center}: careers@riverside.example" in text
    assert "pass your message on" not in text


def test_the_about_page_no_longer_says_search_is_the_only_place_to_type(built_site):
    text = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert "The only place to type on this site is the search box" not in text
    for place in ("the search box", "the start-here questions", "the worksheets", "the email templates"):
        assert place in text
    assert "My applications" in text and "My space" in text
