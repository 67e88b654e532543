"""One walk over every page of the built site, in every state, with every per-page check.

Each (state, page) is one test, so pytest-xdist's workers share the pages out between
them; each worker keeps one browser tab per state and reuses it from page to page. On
each page the checks of tests/page_checks.py (`PAGE_CHECKS`) run together: sideways
overflow, axe-core, the Content-Security-Policy listener, console errors and requests
to other hosts. Every problem is collected, and the test fails with all of them.

axe's best-practice findings do not fail a test: they are listed in
reports/axe-best-practice.md (CI uploads it with the built site) for a person to weigh.
In dark mode axe runs its colour rules only: the dark palette swaps colours on the same
markup, and the four light widths run every rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import walk_paths
from page_checks import (
    AXE_TAGS,
    COLOUR_RULES,
    axe_problems,
    console_problems,
    csp_problems,
    open_page,
    outside_request_problems,
    overflow_problems,
    page_problems,
    watch,
)

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class State:
    scheme: str  # "light" or "dark"
    width: int
    height: int

    def __str__(self) -> str:
        return f"{self.width}px-{self.scheme}"


STATES = [State("light", 320, 640), State("light", 390, 844), State("light", 640, 900), State("light", 1280, 900)]
STATES += [State("dark", 390, 844)]


@pytest.fixture(scope="session")
def tab_in(browser, site_url):
    """One watched tab per state for this worker, opened when first asked for."""
    tabs, contexts = {}, []

    def tab(state: State):
        if state not in tabs:
            context = browser.new_context(
                viewport={"width": state.width, "height": state.height}, color_scheme=state.scheme
            )
            contexts.append(context)
            tabs[state] = context.new_page()
            watch(tabs[state], site_url)
        return tabs[state]

    yield tab
    for context in contexts:
        context.close()


@pytest.mark.parametrize("path", walk_paths())  # the test server has no 404 handling: the 404 page itself
@pytest.mark.parametrize("state", STATES, ids=str)
def test_every_page_in_every_state_passes_every_check(tab_in, site_url, state, path):
    page = tab_in(state)
    open_page(page, site_url + path)
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if state.scheme == "dark" else "default"), f"/{path} is not in {state.scheme} mode"
    problems = page_problems(page)
    assert problems == [], f"/{path} at {state}:\n" + "\n".join(problems)


# --- Each check can fail ---------------------------------------------------------------------


@pytest.fixture
def broken_page(browser, site_url):
    """The home page in a watched tab, to break on purpose."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    watch(page, site_url)
    open_page(page, site_url)
    assert page_problems(page) == []
    yield page
    context.close()


def test_overflow_is_found(broken_page):
    broken_page.evaluate(
        """() => {
        const wide = document.createElement('div');
        Object.assign(wide.style, {position: 'absolute', left: '0', top: '0', width: '1000px', height: '1px'});
        document.body.append(wide);
    }"""
    )
    assert overflow_problems(broken_page) == ["the page is 1000 px wide in a 390 px viewport"]


def test_axe_finds_an_image_without_alt_text_and_faint_text(broken_page):
    broken_page.evaluate(
        """() => {
        const image = document.createElement('img');
        image.src = 'assets/images/favicon.svg';
        const faint = document.createElement('p');
        faint.textContent = 'Hard to read';
        faint.style.color = '#eeeeee';
        document.querySelector('article').append(image, faint);
    }"""
    )
    assert [problem.split(" ")[1] for problem in axe_problems(broken_page)] == ["color-contrast", "image-alt"]


def test_the_dark_mode_run_covers_the_colour_rules(broken_page):
    broken_page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    axe_problems(broken_page)  # injects axe
    rules = broken_page.evaluate(COLOUR_RULES, AXE_TAGS)
    assert {"color-contrast", "link-in-text-block"} <= set(rules)


def test_a_blocked_inline_script_a_console_error_and_an_uncaught_error_are_found(broken_page):
    broken_page.evaluate(
        """() => {
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.append(script);
        console.error('Something broke');
        setTimeout(() => { throw new Error('Nobody caught this'); });
    }"""
    )
    broken_page.wait_for_timeout(100)
    assert broken_page.evaluate("window.__ran") is None
    [violation] = csp_problems(broken_page)
    assert violation.startswith("policy violation: script-src-elem inline ")
    blocked, *others = console_problems(broken_page)  # Chromium says so on the console too
    assert blocked.startswith("console error: Executing inline script violates the following Content Security")
    assert others == ["console error: Something broke", "uncaught error: Nobody caught this"]


def test_a_request_to_another_host_is_found(browser, site_url):
    # The policy would block it before any request: lift the policy to see the listener work.
    context = browser.new_context(bypass_csp=True)
    context.route("http://192.0.2.1/**", lambda route: route.abort())  # a documentation address; nothing leaves
    page = context.new_page()
    watch(page, site_url)
    open_page(page, site_url)
    page.evaluate("() => fetch('http://192.0.2.1/pixel.png').catch(() => {})")
    page.wait_for_timeout(100)
    assert outside_request_problems(page) == ["request to another host: http://192.0.2.1/pixel.png"]
    context.close()
