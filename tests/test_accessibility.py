"""axe-core in Chromium on every built page: light and dark, phone and desktop width.

Zero violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules (conftest.AXE_TAGS)
fail the test. axe's best-practice findings do not: they are listed in
reports/axe-best-practice.md (CI uploads it with the built site) for a person
to weigh.

The dark palette changes colours and nothing else (Material swaps CSS variables
on the same markup), so in dark mode axe runs its colour rules (contrast, links
told apart from text), at both widths; every rule runs in light mode at both
widths, where the width changes what is shown. That keeps the run short on CI's
two cores.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import AXE_TAGS, DESKTOP, PHONE, ROOT, add_axe, html_pages

from turning_no.model.urls import url_of_file

pytestmark = pytest.mark.browser

REPORT = Path(os.environ.get("AXE_REPORT", ROOT / "reports" / "axe-best-practice.md"))
STATES = [
    pytest.param(scheme, name, viewport, id=f"{scheme}-{viewport['width']}px")
    for scheme in ("light", "dark")
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP))
]


def site_paths(site: Path) -> list[str]:
    """Every page's address below the site's root, the 404 page included."""
    paths = [url_of_file(path.relative_to(site).as_posix()) for path in html_pages(site)]
    return [*paths, "404.html"]


# The WCAG rules about colour, chosen in the page by axe's own category tag.
_COLOUR_RULES = "tags => axe.getRules(tags).filter(rule => rule.tags.includes('cat.color')).map(rule => rule.ruleId)"


def axe_findings(page, colour_only: bool = False) -> tuple[list[dict], list[dict]]:
    """(WCAG violations, best-practice-only violations) of the page as it is now."""
    add_axe(page)
    if colour_only:
        run_only = {"type": "rule", "values": page.evaluate(_COLOUR_RULES, AXE_TAGS)}
    else:
        run_only = {"type": "tag", "values": [*AXE_TAGS, "best-practice"]}
    result = page.evaluate("runOnly => axe.run(document, {runOnly})", run_only)
    wcag, best_practice = [], []
    for violation in result["violations"]:
        (wcag if set(violation["tags"]) & set(AXE_TAGS) else best_practice).append(violation)
    return wcag, best_practice


def described(violation: dict) -> str:
    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
    return f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"


@pytest.fixture(scope="module")
def best_practice_report():
    """Best-practice findings by rule, written to REPORT when every state has run."""
    findings: dict[str, set[str]] = defaultdict(set)
    helps: dict[str, str] = {}
    yield findings, helps
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# axe-core best-practice findings", ""]
    lines += ["Not WCAG failures: advice to weigh. Each rule, then where it was found.", ""]
    if not findings:
        lines.append("None.")
    for rule in sorted(findings):
        lines.append(f"## {rule}: {helps[rule]}")
        lines.append("")
        lines += [f"- {where}" for where in sorted(findings[rule])]
        lines.append("")
    REPORT.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(("scheme", "name", "viewport"), STATES)
def test_axe_finds_no_wcag_violation_on_any_page(
    browser, site_url, built_site, best_practice_report, scheme, name, viewport
):
    findings, helps = best_practice_report
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    failures, checked = [], 0
    for path in site_paths(built_site):
        page.goto(site_url + path, wait_until="load")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default"
        )
        wcag, best_practice = axe_findings(page, colour_only=scheme == "dark")
        checked += 1
        failures += [f"/{path} [{scheme}, {name}] {described(violation)}" for violation in wcag]
        for violation in best_practice:
            helps[violation["id"]] = violation["help"]
            targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"][:3])
            findings[violation["id"]].add(f"/{path} ({scheme}, {name}): {targets}")
    context.close()
    assert checked == len(site_paths(built_site)) > 30
    assert failures == [], "\n".join(failures)


def test_axe_reports_a_violation_when_there_is_one(browser, site_url):
    # The check can fail: a page with an image without alt text and a low-contrast line.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url)
    page.evaluate(
        """() => {
        const image = document.createElement('img');
        image.src = 'assets/images/favicon.svg';
        const faint = document.createElement('p');
        faint.textContent = 'Hard to read';
        faint.style.color = '#eeeeee';
        document.querySelector('article').append(image, faint);
    }"""
    )
    wcag, _ = axe_findings(page)
    context.close()
    assert {"image-alt", "color-contrast"} <= {violation["id"] for violation in wcag}


def test_the_dark_mode_run_covers_the_colour_rules(browser, site_url):
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    page.goto(site_url)
    add_axe(page)
    rules = page.evaluate(_COLOUR_RULES, AXE_TAGS)
    context.close()
    assert {"color-contrast", "link-in-text-block"} <= set(rules)
