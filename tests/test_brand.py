"""A career centre's brand (extra.brand in mkdocs.yml): its check, and a site built with a sample brand.

The check: each bad brand gives its own message, at its line of mkdocs.yml, in
`make check` and in the build. The site: the name (linked), the logo (with alt
text) and the contact line are on every page, in the footer and on paper, and
the branded pages pass axe in light and dark.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import DESKTOP, PHONE, ROOT, assert_problems, build_site, chromium_path, copy_project, html_pages
from hypothesis import given, settings
from hypothesis import strategies as st
from page_checks import PAGE_CHECKS, axe_problems, open_page, page_problems, watch
from pypdf import PdfReader

from turning_no.checks.runner import GATES, run_gates
from turning_no.site.brand import (
    DARK_BACKGROUND,
    LIGHT_BACKGROUND,
    TEXT_CONTRAST,
    UI_CONTRAST,
    accent_palette,
    check_brand,
    check_config,
    contrast,
    mix,
)
from turning_no.site.server import serve

SAMPLE = {
    "name": "Riverside College Career Center",
    "url": "https://careers.riverside.example/",
    "logo": "assets/images/brand-logo.svg",
    "contact": "Book a free appointment: 555-0100 · careers@riverside.example",
    "accent": "#8a1538",
}
SAMPLE_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 40" width="160" height="40">'
    '<rect width="40" height="40" rx="6" fill="#8a1538"/><path d="M10 30 L20 10 L30 30 Z" fill="#fff"/>'
    '<text x="48" y="26" font-family="sans-serif" font-size="15" fill="#8a1538">Riverside</text></svg>\n'
)


def set_brand(project: Path, brand: dict | str) -> Path:
    """Replace the brand block of `project`'s mkdocs.yml, keeping every other line as it is."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    block = re.search(r"^  brand:\n(?:    .*\n|\s+#.*\n)*", text, re.MULTILINE)
    assert block, "mkdocs.yml has no extra.brand block"
    if isinstance(brand, dict):
        # JSON is YAML: one line per key, whatever the value.
        new = "  brand:\n" + "".join(
            f"    {key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in brand.items()
        )
    else:
        new = "  brand: " + brand + "\n"
    config.write_text(text[: block.start()] + new + text[block.end() :], encoding="utf-8")
    return config


def line_of(config: Path, text: str) -> int:
    return next(number for number, line in enumerate(config.read_text().splitlines(), 1) if text in line)


# --- The check ---------------------------------------------------------------------


@pytest.mark.unit
def test_the_projects_own_config_has_an_empty_brand_and_no_problem():
    config = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", '""', (ROOT / "mkdocs.yml").read_text()))
    assert config["extra"]["brand"] == dict.fromkeys(SAMPLE, "")
    assert check_config(ROOT / "mkdocs.yml", ROOT) == []


@pytest.mark.unit
def test_a_good_brand_has_no_problem(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs" / SAMPLE["logo"]).write_text(SAMPLE_LOGO)
    assert check_config(set_brand(project, SAMPLE), project) == []


BAD_BRANDS = [
    pytest.param({**SAMPLE, "colour": "#8a1538"}, "colour", '"colour" is not a brand key', id="unknown-key"),
    pytest.param({**SAMPLE, "logo": "assets/images/missing.svg"}, "logo", "is not a file in docs/", id="no-logo"),
    pytest.param({**SAMPLE, "logo": "https://riverside.example/logo.svg"}, "logo", "inside docs/", id="remote-logo"),
    pytest.param({**SAMPLE, "logo": "index.md"}, "logo", "must be an image", id="logo-not-an-image"),
    pytest.param({**SAMPLE, "url": "careers.riverside.example"}, "url", "starts with https://", id="url-no-scheme"),
    pytest.param({**SAMPLE, "url": "javascript:alert(1)"}, "url", "starts with https://", id="url-javascript"),
    pytest.param({**SAMPLE, "name": ""}, "name", "name is empty but url, logo, contact is set", id="no-name"),
    pytest.param({**SAMPLE, "name": 2024}, "name", "must be text in quotes", id="name-a-number"),
    pytest.param({**SAMPLE, "contact": "555-0100\ncareers@x"}, "contact", "one line", id="contact-two-lines"),
    pytest.param({**SAMPLE, "accent": "maroon"}, "accent", "not a colour this check can read", id="accent-a-word"),
    pytest.param(
        {**SAMPLE, "accent": "#f4a6b8"},
        "accent",
        'accent "#f4a6b8" has a contrast of 1.73:1 on the tinted boxes, like "Start here" (1.91:1 on the white page)',
        id="accent-too-light",
    ),
]


@pytest.mark.unit
@pytest.mark.parametrize(("brand", "key", "message"), BAD_BRANDS)
def test_each_bad_brand_gives_its_message_at_its_line(tmp_path, brand, key, message):
    project = copy_project(tmp_path)
    (project / "docs" / SAMPLE["logo"]).write_text(SAMPLE_LOGO)
    config = set_brand(project, brand)
    problems = check_config(config, project)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.path, problem.rule) == ("mkdocs.yml", "brand")
    assert problem.line == line_of(config, f"    {key}:")
    assert message in problem.message
    assert problem.message.startswith(f"extra.brand.{key}" if key != "colour" else "extra.brand.")


@pytest.mark.unit
def test_a_too_light_accent_is_refused_with_the_ratio_and_a_darker_shade_that_passes():
    [(key, message)] = check_brand({"name": "A", "accent": "#ffcc00"}, ROOT / "docs")
    assert key == "accent"
    assert "contrast of 1.38:1 on the tinted boxes" in message and "(1.51:1 on the white page)" in message
    assert "need at least 4.5:1" in message
    suggested = re.search(r'for example "(#[0-9a-f]{6})"', message).group(1)
    assert check_brand({"name": "A", "accent": suggested}, ROOT / "docs") == []


@pytest.mark.unit
def test_a_brand_that_is_not_a_list_of_keys_is_refused(tmp_path):
    project = copy_project(tmp_path)
    problems = check_config(set_brand(project, '"Riverside"'), project)
    assert [problem.rule for problem in problems] == ["brand"]
    assert "must be a list of keys" in problems[0].message


@pytest.mark.unit
def test_contrast_matches_the_wcag_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#00695c", "#fff") == pytest.approx(6.6, abs=0.05)  # the project's own teal


_HEX_COLOUR = st.integers(0, 0xFFFFFF).map(lambda value: f"#{value:06x}")


@pytest.mark.unit
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(_HEX_COLOUR)
def test_every_accent_the_check_accepts_gives_colours_that_pass_in_light_and_dark(accent):
    refused = check_brand({"name": "A", "accent": accent}, ROOT / "docs")
    if refused:
        assert "need at least 4.5:1" in refused[0][1]
        return
    light, dark = accent_palette(accent)["light"], accent_palette(accent)["dark"]
    light_tint = mix(LIGHT_BACKGROUND, light["--md-accent-fg-color"], 0.1)
    dark_tint = mix(DARK_BACKGROUND, dark["--md-accent-fg-color"], 0.1)
    assert contrast(light["--md-typeset-a-color"], LIGHT_BACKGROUND) >= TEXT_CONTRAST
    assert contrast(light["--md-typeset-a-color"], light_tint) >= TEXT_CONTRAST
    assert contrast(dark["--md-typeset-a-color"], dark_tint) >= TEXT_CONTRAST
    assert contrast("#ffffff", light["--md-primary-fg-color"]) >= TEXT_CONTRAST
    assert contrast(light["--md-accent-fg-color"], LIGHT_BACKGROUND) >= UI_CONTRAST
    assert contrast(dark["--md-typeset-a-color"], DARK_BACKGROUND) >= TEXT_CONTRAST
    assert contrast(dark["--md-accent-fg-color"], DARK_BACKGROUND) >= UI_CONTRAST
    assert contrast(dark["--md-accent-bg-color"], dark["--md-accent-fg-color"]) >= TEXT_CONTRAST


BRAND_GATE = [gate for gate in GATES if gate[0] == "config"]  # mkdocs.yml, extra.brand with it


@pytest.mark.unit
def test_make_check_finds_every_problem_of_a_bad_brand_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    config = set_brand(project, {**SAMPLE, "accent": "#ffcc00"})
    # make check's brand gate finds every problem at once: the missing logo too.
    assert_problems(
        run_gates(project / "docs", root=project, gates=BRAND_GATE).problems,
        [
            ("mkdocs.yml", line_of(config, "    accent:"), "brand", "extra.brand.accent"),
            ("mkdocs.yml", line_of(config, "    logo:"), "brand", "extra.brand.logo"),
        ],
    )
    # The build runs these gates first and stops on any problem (tests/test_build_pipeline.py).


# --- A site built with the sample brand ------------------------------------------


@pytest.fixture(scope="module")
def branded_project(tmp_path_factory) -> Path:
    """A copy of the project with SAMPLE as its brand."""
    project = copy_project(tmp_path_factory.mktemp("branded-project"))
    (project / "docs" / SAMPLE["logo"]).write_text(SAMPLE_LOGO)
    set_brand(project, SAMPLE)
    return project


@pytest.fixture(scope="module")
def branded(tmp_path_factory, branded_project):
    """The site built with SAMPLE as its brand, served on 127.0.0.1: (folder, address)."""
    project = branded_project
    site = tmp_path_factory.mktemp("branded-site")
    with serve(site) as url:  # the address first: the build writes it into every page
        result = build_site(site, project=project, env={"SITE_URL": url}, checks=False)
        assert result.returncode == 0, result.stderr
        yield site, url


@pytest.mark.build
def test_every_branded_page_shows_the_name_link_logo_and_contact(branded):
    site, _ = branded
    pages = [*html_pages(site), site / "404.html"]
    missing = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        bar = soup.select_one(".md-banner .brand-bar")
        footer = soup.select_one("footer .md-copyright .brand-footer")
        where = path.relative_to(site).as_posix()
        if bar is None or footer is None:
            missing.append(f"{where}: no brand bar or footer line")
            continue
        link = bar.find("a", href=SAMPLE["url"])
        logo = bar.select_one("img.brand-bar__logo")
        if link is None or link.get_text(strip=True) != SAMPLE["name"]:
            missing.append(f"{where}: no link to the centre named after it")
        if logo is None or SAMPLE["name"] not in logo.get("alt", "") or not logo["src"].endswith(SAMPLE["logo"]):
            missing.append(f"{where}: no logo with the centre's name as alt text")
        elif not (path.parent / logo["src"]).resolve().is_file() and path.name != "404.html":
            missing.append(f"{where}: the logo's address {logo['src']} leads to no file")
        if SAMPLE["contact"] not in bar.get_text(" ", strip=True):
            missing.append(f"{where}: no contact line in the header bar")
        footer_text = footer.get_text(" ", strip=True)
        if SAMPLE["name"] not in footer_text or SAMPLE["contact"] not in footer_text:
            missing.append(f"{where}: no name and contact in the footer")
        if footer.find("a", href=SAMPLE["url"]) is None:
            missing.append(f"{where}: the footer does not link the centre")
        stylesheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
        if not any(href.endswith("assets/stylesheets/brand.css") for href in stylesheets):
            missing.append(f"{where}: the accent's style sheet is not linked")
    assert len(pages) > 30
    assert missing == []
    assert "#8a1538" in (site / "assets" / "stylesheets" / "brand.css").read_text()


@pytest.mark.build
def test_the_unbranded_site_shows_no_brand(built_site):
    text = (built_site / "index.html").read_text(encoding="utf-8")
    assert "md-banner" not in text and "brand-footer" not in text and "print-brand" not in text
    assert not (built_site / "assets" / "stylesheets" / "brand.css").exists()


def pdf_text(page) -> list[str]:
    return [sheet.extract_text() or "" for sheet in PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages]


@pytest.mark.browser
def test_every_printed_branded_worksheet_says_who_shared_it_and_still_fits_two_pages(browser, branded):
    site, url = branded
    context = browser.new_context()
    page = context.new_page()
    worksheets = sorted(path.parent.parent.name for path in site.glob("strategies/*/worksheet/index.html"))
    assert len(worksheets) == 8
    for slug in worksheets:
        page.goto(f"{url}strategies/{slug}/worksheet/")
        pages = pdf_text(page)
        last = re.sub(r"\s+", " ", pages[-1])
        assert len(pages) <= 2, f"{slug} prints on {len(pages)} pages with the brand line"
        assert f"Shared by {SAMPLE['name']} · {SAMPLE['contact']}" in last, f"{slug}: {last[-300:]}"
        # The header bar stays on screen: paper carries the footer line once.
        assert " ".join(pages).count(SAMPLE["name"]) == 1
    context.close()


@pytest.mark.browser
def test_the_packets_of_a_branded_site_say_who_shared_them(branded, branded_project):
    # `make packet` on the branded build: the packets print the pages, so they carry the brand line.
    site, url = branded
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium found: install chromium or set CHROMIUM to build the packets")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "packet.py"),
            str(site),
            "--config",
            str(branded_project / "mkdocs.yml"),
        ],
        env={**os.environ, "SITE_URL": url, "CHROMIUM": executable},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = f"Shared by {SAMPLE['name']} · {SAMPLE['contact']}"
    for name, sheets in (("worksheets.pdf", 8), ("worksheets-a4.pdf", 8), ("guide.pdf", 8)):
        text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(site / "downloads" / name).pages))
        assert text.count(line) >= sheets, f"{name}: the brand line is on {text.count(line)} printed sheets"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_branded_pages_pass_every_page_check(browser, branded, scheme, viewport):
    _, url = branded
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    watch(page, url)
    checks = [
        check if check is not axe_problems else functools.partial(axe_problems, report=False) for check in PAGE_CHECKS
    ]
    found = []
    for path in ("", "strategies/ask-for-feedback/worksheet/", "strategies/ask-for-feedback/email/"):
        open_page(page, url + path)
        assert page.locator(".brand-bar").is_visible()
        found += [f"/{path}: {problem}" for problem in page_problems(page, checks)]
    context.close()
    assert found == []
