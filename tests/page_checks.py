"""Checks of one page as it is now in Chromium: each `xxx_problems(page) -> list[str]`.

The walk (tests/test_walk.py) opens every page of the site in every state (widths,
light and dark) and runs every function of `PAGE_CHECKS` on it, then asserts that
the problems add up to an empty list. A check that belongs on every page joins the
walk by being added to `PAGE_CHECKS`: it must not navigate, and it returns lines a
person can act on (what, where), or [] when all is well.

`watch(page, site_url)` goes on a fresh page before its first navigation: it records
what the passive checks read (policy violations, console messages, requests), and
`open_page` clears the record before each new address.

    overflow_problems(page)          the page scrolls sideways (WCAG 1.4.10)
    axe_problems(page)               axe-core's WCAG 2.0/2.1/2.2 A and AA violations
    csp_problems(page)               Content-Security-Policy violations
    console_problems(page)           console errors and warnings, uncaught errors
    outside_request_problems(page)   requests to any host but the site's own
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python

# axe-core's JavaScript, from the axe-playwright-python wheel (nothing is downloaded).
AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA (what the ADA Title II rule asks for), and 2.2 AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The WCAG rules about colour, chosen in the page by axe's own category tag.
COLOUR_RULES = "tags => axe.getRules(tags).filter(rule => rule.tags.includes('cat.color')).map(rule => rule.ruleId)"

#: axe's best-practice findings: not failures, advice for a person to weigh.
#: {rule: {"help": ..., "where": {"/path (state): targets", ...}}}; conftest.py writes the report.
BEST_PRACTICE: dict[str, dict] = defaultdict(lambda: {"help": "", "where": set()})
AXE_RUNS = {"pages": 0}

# Recorded from the first moment of each page (an init script is not subject to the page's policy).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => window.__violations.push(
  [event.violatedDirective, event.blockedURI, event.sourceFile + ":" + event.lineNumber, event.sample].join(" ")));
"""
# Material's bundle ran and its search worker read the index (both need the policy to allow them).
SEARCH_READY = "() => document.querySelector('.md-search-result__meta')?.textContent.includes('Type to start')"

# Measure what the reader sees once it settles (Material's back-to-top button fades).
# A constructed stylesheet, not an inline <style> element, which the site's policy blocks.
_NO_MOTION = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('*, *::before, *::after { transition: none !important; animation: none !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""


def watch(page, site_url: str) -> None:
    """Record the page's console messages, uncaught errors, requests and policy violations."""
    record = {"host": urlsplit(site_url).netloc, "console": [], "requests": []}
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: _console(record, message))
    page.on("pageerror", lambda error: record["console"].append(f"uncaught error: {error}"))
    page.on("request", lambda request: record["requests"].append(request.url))
    page.recorded = record


def _console(record: dict, message) -> None:
    if message.type in ("error", "warning"):
        record["console"].append(f"console {message.type}: {message.text}")


def open_page(page, url: str, wait_for_search: bool = True) -> None:
    """Go to `url` with a clean record; wait until Material's search worker is ready."""
    page.recorded["console"].clear()
    page.recorded["requests"].clear()
    page.goto(url, wait_until="load")
    if wait_for_search:
        page.wait_for_function(SEARCH_READY)


def overflow_problems(page) -> list[str]:
    """The page is wider than the viewport: the reader must scroll sideways."""
    width, total = page.evaluate("[document.documentElement.clientWidth, document.documentElement.scrollWidth]")
    return [f"the page is {total} px wide in a {width} px viewport"] if total > width else []


def axe_problems(page, report: bool = True) -> list[str]:
    """axe-core's WCAG A and AA violations; its best-practice findings go to BEST_PRACTICE
    (for the report on the real site's pages; `report=False` for other sites).

    In dark mode only the colour rules run: the dark palette swaps colours and nothing else.
    """
    page.evaluate(_NO_MOTION)
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))  # through DevTools: the policy blocks inline scripts
    dark = page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    if dark:
        run_only = {"type": "rule", "values": page.evaluate(COLOUR_RULES, AXE_TAGS)}
    else:
        run_only = {"type": "tag", "values": [*AXE_TAGS, "best-practice"]}
    result = page.evaluate("runOnly => axe.run(document, {runOnly})", run_only)
    AXE_RUNS["pages"] += report
    problems = []
    state = f"{page.viewport_size['width']} px, {'dark' if dark else 'light'}"
    where = "/" + page.url.split("/", 3)[-1]
    for violation in result["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        if set(violation["tags"]) & set(AXE_TAGS):
            problems.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
        elif report:
            finding = BEST_PRACTICE[violation["id"]]
            finding["help"] = violation["help"]
            finding["where"].add(f"{where} ({state}): {'; '.join(targets)}")
    return problems


def csp_problems(page) -> list[str]:
    """What the page's Content-Security-Policy blocked since the page opened."""
    return [f"policy violation: {found}" for found in page.evaluate("window.__violations || []")]


def console_problems(page) -> list[str]:
    return list(page.recorded["console"])


def outside_request_problems(page) -> list[str]:
    """Requests to another host: nothing may be fetched from anywhere but the site itself."""
    return [
        f"request to another host: {url}"
        for url in page.recorded["requests"]
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != page.recorded["host"]
    ]


#: Every check of the walk, in the order it runs (the passive ones last, to catch what the others set off).
PAGE_CHECKS = [overflow_problems, axe_problems, csp_problems, console_problems, outside_request_problems]


def page_problems(page, checks=PAGE_CHECKS) -> list[str]:
    """Every problem the checks find on the page as it is now."""
    return [problem for check in checks for problem in check(page)]
