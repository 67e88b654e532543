"""The keyboard and the screen reader, on one page of each type, at a phone's width, a
laptop at 200% zoom (640 px) and a desktop.

The checks themselves are plain functions in tests/page_checks.py, so that one walk over
every page and width can call them; this file drives them on a few pages. It also
writes reports/keyboard.md: the tab stops walked per page and width, and the smallest
target, for the issue notes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, html_pages
from page_checks import (
    aria_problems,
    focus_stops,
    focus_walk,
    settle,
    sideways_overflow,
    small_targets,
    smallest_target,
    text_spacing_problems,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "strategy": "strategies/ask-for-feedback/",
    "worksheet": "strategies/ask-for-feedback/worksheet/",
    "email": "strategies/ask-for-feedback/email/",
}
WIDTHS = {390: 844, 640: 480, 1280: 900}  # 640 x 480: a 1280 x 960 screen at 200% zoom
STEPS = 250  # more than any of these pages has stops
REPORT = Path(os.environ.get("KEYBOARD_REPORT", ROOT / "reports" / "keyboard.md"))


@pytest.fixture(scope="module")
def report():
    """Rows of the report, written when the module is done."""
    rows: dict[tuple[str, int], dict] = {}
    yield rows
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Keyboard walk and target sizes",
        "",
        "| Page | Width | Tab stops | Shift+Tab stops | Bad stops | Smallest target |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for (name, width), row in sorted(rows.items(), key=lambda item: (list(PAGES).index(item[0][0]), item[0][1])):
        smallest = row.get("smallest", (float("nan"), ""))
        lines.append(
            f"| {name} | {width} | {row.get('Tab', '-')} | {row.get('Shift+Tab', '-')} | {row.get('bad', 0)} "
            f"| {smallest[0]:.0f} px ({smallest[1]}) |"
        )
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def open_page(browser, site_url: str, path: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": WIDTHS.get(width, 640)})
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    page.wait_for_function("typeof document$ !== 'undefined'")
    settle(page)
    return context, page


def active(page) -> str:
    """What has focus: its tag and name, e.g. 'label Navigation'."""
    return page.evaluate(
        """() => { const element = document.activeElement;
        const name = element.getAttribute('aria-label') || element.textContent.replace(/\\s+/g, ' ').trim();
        return element.tagName.toLowerCase() + ' ' + name.slice(0, 40); }"""
    )


def toggle(page, name: str) -> bool:
    return page.evaluate("name => document.querySelector(`[data-md-toggle=${name}]`).checked", name)


def tab_to(page, selector: str, key: str = "Tab", steps: int = 40) -> None:
    """Press `key` until the element matching `selector` has focus."""
    for _ in range(steps):
        page.keyboard.press(key)
        page.wait_for_timeout(20)
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{key} never reached {selector}")


# --- Every stop of a walk is visible --------------------------------------------


@pytest.mark.parametrize("key", ["Tab", "Shift+Tab"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_tab_stop_is_in_view_with_a_box_and_not_covered(browser, site_url, report, width, key):
    bad = []
    for name, path in PAGES.items():
        context, page = open_page(browser, site_url, path, width)
        stops = focus_stops(page, STEPS, key)
        problems = [
            f"{name}: {key} {number}: {stop['name']} {problem}"
            for number, stop in enumerate(stops, start=1)
            for problem in stop["problems"]
        ]
        row = report.setdefault((name, width), {})
        row[key] = len(stops)
        row["bad"] = row.get("bad", 0) + len(problems)
        if key == "Tab":
            page.goto(site_url + path, wait_until="load")
            row["smallest"] = smallest_target(page)
        context.close()
        # A sanity check that the walk ran: the shortest of these pages has 13 stops at 390 px.
        assert len(stops) >= 10, f"{name} at {width} px: only {len(stops)} stops; did the walk run?"
        bad += problems
    assert bad == [], "\n".join(bad)


def test_the_walk_reports_a_stop_off_screen_invisible_or_covered(browser, site_url):
    # The check can fail: a link far to the left, a faded button and a link under the sticky header.
    context, page = open_page(browser, site_url, "", 640)
    page.evaluate(
        """() => {
        const article = document.querySelector('article');
        const start = Object.assign(document.createElement('button'), {id: 'start', textContent: 'Start'});
        const away = Object.assign(document.createElement('a'), {href: '#', textContent: 'Away'});
        away.style.cssText = 'position: fixed; left: -300px; top: 200px';
        const faded = Object.assign(document.createElement('button'), {textContent: 'Faded'});
        faded.style.opacity = '0';
        const under = Object.assign(document.createElement('a'), {href: '#', textContent: 'Under'});
        under.style.cssText = 'position: fixed; left: 200px; top: 10px; z-index: 0';
        article.prepend(start, away, faded, under);
    }"""
    )
    page.locator("#start").focus()
    found = "\n".join(focus_walk(page, 3))
    context.close()
    assert '"Away" is outside the viewport' in found
    assert '"Faded" is invisible' in found
    assert '"Under" is covered by header.md-header' in found


# --- The drawer -------------------------------------------------------------------


@pytest.mark.parametrize("width", [390, 640])
def test_the_menu_opens_from_the_keyboard_and_closes_with_escape(browser, site_url, width):
    context, page = open_page(browser, site_url, "strategies/ask-for-feedback/", width)
    tab_to(page, ".md-header label[for=__drawer]")
    assert active(page) == "label Navigation"
    assert page.evaluate("document.activeElement.getAttribute('role')") == "button"
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert toggle(page, "drawer")
    # Focus is in the drawer, in the section of this page: its heading, which closes the section.
    assert page.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
    assert active(page) == "label Strategies"
    # Walking the open drawer: every stop visible, none behind the section shown.
    inside = []
    for _ in range(12):
        page.keyboard.press("Tab")
        page.wait_for_timeout(20)
        if not toggle(page, "drawer"):
            break
        inside.append(active(page))
    assert "a Process your emotions" in inside and "a Worksheets" not in inside
    # Leaving the drawer with Tab closed it.
    assert not toggle(page, "drawer")
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    # Open it again; Escape closes the section first, then the drawer, and focus goes back.
    tab_to(page, ".md-header label[for=__drawer]", key="Shift+Tab", steps=80)
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert active(page) == "label Strategies"  # the button that opens the section again
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Tab")
    page.wait_for_timeout(20)
    assert active(page) == "a Worksheets"
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert not toggle(page, "drawer")
    assert active(page) == "label Navigation"
    context.close()


def test_every_stop_in_the_open_drawer_is_in_view(browser, site_url):
    context, page = open_page(browser, site_url, "about/sources/", 640)
    tab_to(page, ".md-header label[for=__drawer]")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    page.keyboard.press("Escape")  # up from the About section to the whole menu
    page.wait_for_timeout(100)
    assert active(page) == "label About"  # the last item of the menu: walk up from it
    stops = focus_stops(page, 30, "Shift+Tab", within=".md-sidebar--primary")
    context.close()
    names = " ".join(stop["name"] for stop in stops)
    assert '"Worksheets"' in names and '"Understanding rejection"' in names
    assert "Sources" not in names and "Process your emotions" not in names  # in sections that are closed
    assert [f"{stop['name']} {problem}" for stop in stops for problem in stop["problems"]] == []


# --- Search -----------------------------------------------------------------------


def test_tabbing_onto_the_search_box_does_not_open_the_search(browser, site_url):
    context, page = open_page(browser, site_url, "strategies/ask-for-feedback/", 1280)
    tab_to(page, ".md-search__input")
    page.wait_for_timeout(200)
    assert not toggle(page, "search")
    page.keyboard.type("feedback")
    page.wait_for_selector(".md-search-result__item")
    assert toggle(page, "search")
    # Tab leaves the search, closes it, and the next stop is visible (not the results panel).
    page.keyboard.press("Tab")
    page.wait_for_timeout(100)
    assert not toggle(page, "search")
    assert focus_walk(page, 1) == []
    context.close()


@pytest.mark.parametrize("width", [390, 640])
def test_on_a_small_screen_the_search_button_opens_the_search_and_escape_comes_back(browser, site_url, width):
    context, page = open_page(browser, site_url, "strategies/ask-for-feedback/", width)
    tab_to(page, ".md-header label[for=__search]")
    assert active(page) == "label Search"
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert toggle(page, "search")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("feedback")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    page.wait_for_timeout(200)
    assert not toggle(page, "search")
    assert active(page) == "label Search"
    context.close()


# --- The skip link ----------------------------------------------------------------


def wait_for_focus_on(page, selector: str) -> None:
    """Material follows the link a moment later (its instant navigation handles the click)."""
    try:
        page.wait_for_function("selector => document.activeElement.matches(selector)", arg=selector, timeout=5000)
    except PlaywrightTimeout:
        pytest.fail(f"focus went to {active(page)!r}, not to {selector}")


@pytest.mark.parametrize("path", [*PAGES.values(), "strategies/", "404.html"])
def test_the_skip_link_moves_focus_to_the_page_title(browser, site_url, path):
    context, page = open_page(browser, site_url, path, 390)
    page.keyboard.press("Tab")
    assert active(page) == "a Skip to content"
    page.keyboard.press("Enter")
    wait_for_focus_on(page, "h1")
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") > 48  # below the header
    context.close()


def test_the_skip_link_works_after_instant_navigation(browser, site_url):
    context, page = open_page(browser, site_url, "", 1280)
    page.locator("article a[href$='strategies/']").first.click()
    page.wait_for_url("**/strategies/")
    page.wait_for_timeout(200)
    page.locator(".md-skip").focus()
    page.keyboard.press("Enter")
    wait_for_focus_on(page, "h1")
    assert page.evaluate("[document.activeElement.tagName, document.activeElement.textContent]") == [
        "H1",
        "The eight strategies",
    ]
    context.close()


# --- What a screen reader gets ------------------------------------------------------

# One sheet for each kind of field.
SHEET_OF_KIND = {
    "short": "ask-for-feedback",
    "long": "ask-for-feedback",
    "checklist": "ask-for-feedback",
    "scale": "ask-for-feedback",
    "table": "ask-for-feedback",
    "date": "build-your-skills",
}
ROLE_OF_KIND = {"short": "textbox", "long": "textbox", "date": "textbox", "checklist": "group", "scale": "group"}


@pytest.mark.parametrize("kind", list(SHEET_OF_KIND))
def test_a_screen_reader_gets_the_question_numbers_and_each_name_once(browser, site_url, kind):
    context, page = open_page(browser, site_url, f"strategies/{SHEET_OF_KIND[kind]}/worksheet/", 1280)
    field = page.locator(f".ws-field--{kind}").first
    number = field.locator(".ws-number").inner_text()
    question = field.locator(".ws-label").inner_text()
    tree = field.aria_snapshot()
    problems = aria_problems(page)
    context.close()
    assert question.startswith(f"{number} ") and number.rstrip(".").isdigit()
    role = ROLE_OF_KIND.get(kind, "table")
    assert f'{role} "{question}' in tree, tree
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", list(PAGES.values()))
def test_headings_read_their_words_without_the_permalink(browser, site_url, path):
    context, page = open_page(browser, site_url, path, 1280)
    problems = [problem for problem in aria_problems(page) if problem.startswith("heading")]
    # The permalink is still there for a pointer, out of the tab order.
    links = page.locator("article .headerlink")
    hidden = [links.nth(index).get_attribute("aria-hidden") == "true" for index in range(links.count())]
    context.close()
    assert problems == []
    assert hidden and all(hidden)


def test_the_aria_check_finds_a_missing_number_a_read_permalink_and_a_twice_read_cell(browser, site_url):
    context, page = open_page(browser, site_url, "strategies/ask-for-feedback/worksheet/", 1280)
    page.evaluate(
        """() => {
        document.querySelector('.ws-number').remove();
        const link = document.querySelector('article h2 .headerlink');
        link.removeAttribute('aria-hidden');
        const label = document.querySelector('.ws-cell-label');
        label.removeAttribute('aria-hidden');
        label.nextElementSibling.removeAttribute('aria-labelledby');
    }"""
    )
    found = "\n".join(aria_problems(page))
    context.close()
    assert "question recipient has no number" in found
    assert "reads its permalink" in found
    assert "a table cell reads its label twice" in found


def test_the_saved_message_is_announced_and_in_reach_of_a_screen_reader(browser, site_url):
    context, page = open_page(browser, site_url, "strategies/ask-for-feedback/worksheet/", 390)
    page.locator("#ws-recipient").fill("Sam")
    page.wait_for_timeout(100)
    toolbar = page.locator(".ws-toolbar").aria_snapshot()
    context.close()
    assert "- status: Saved on this device." in toolbar


def test_the_email_composer_announces_what_it_did(browser, site_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    page.goto(site_url + "strategies/ask-for-feedback/email/", wait_until="load")
    template = page.locator("[data-email-template]").first
    template.locator(".email-composer__copy").click()
    page.wait_for_timeout(200)
    tree = template.locator(".email-composer__status").aria_snapshot()
    context.close()
    assert tree.startswith("- status: ") and len(tree) > len("- status: ") + 5, tree


# --- Target size ----------------------------------------------------------------------


@pytest.mark.parametrize("width", [390, 1280])
def test_every_radio_checkbox_and_button_is_at_least_24_px(browser, site_url, built_site, width):
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]})
    page = context.new_page()
    found, pages = [], 0
    for path in [page.relative_to(built_site).as_posix().removesuffix("index.html") for page in html_pages(built_site)]:
        page.goto(site_url + path, wait_until="load")
        found += [f"/{path}: {target}" for target in small_targets(page)]
        pages += 1
    # What only shows once opened: the search with a query in it (its Clear button) and,
    # on a phone, the menu drawer with a section closed (the arrows that open sections).
    page.goto(site_url + "strategies/ask-for-feedback/", wait_until="load")
    page.wait_for_function("typeof document$ !== 'undefined'")
    settle(page)
    if width < 960:
        page.locator(".md-header__button[for=__search]").click()
    page.locator(".md-search__input").focus()
    page.keyboard.type("feedback")  # Material searches on each key, not on a pasted value
    page.wait_for_selector(".md-search-result__item")
    found += [f"search open: {target}" for target in small_targets(page)]
    if width < 1220:
        page.keyboard.press("Escape")
        page.locator(".md-header__button[for=__drawer]").click()
        page.locator("label.md-nav__title[for=__nav_3]").click()  # back to the whole menu
        page.wait_for_timeout(100)
        found += [f"menu open: {target}" for target in small_targets(page)]
    context.close()
    assert pages > 30
    assert found == [], "\n".join(found)


def test_the_target_check_finds_a_small_button(browser, site_url):
    context, page = open_page(browser, site_url, "", 390)
    page.evaluate(
        """() => {
        const button = Object.assign(document.createElement('button'), {textContent: 'x'});
        button.style.cssText = 'width: 20px; height: 20px; padding: 0';
        document.querySelector('article').prepend(button);
    }"""
    )
    found = small_targets(page)
    context.close()
    assert found == ['button "x" is 20 x 20 px (needs 24 x 24)']


# --- Without JavaScript ---------------------------------------------------------------

PROMISES = ("stay on this device", "saved", "Clear answers")
PRINT_AND_WRITE = "write your answers by hand"


@pytest.fixture(scope="module")
def worksheet_paths(built_site) -> list[str]:
    found = sorted(
        f"strategies/{path.parent.parent.name}/worksheet/"
        for path in built_site.glob("strategies/*/worksheet/index.html")
    )
    assert len(found) == 8
    return found


def test_without_javascript_a_worksheet_promises_no_saving_and_says_to_print_it(browser, site_url, worksheet_paths):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    found = []
    for path in [*worksheet_paths, "worksheets/"]:
        page.goto(site_url + path, wait_until="load")
        shown = page.locator("article").inner_text()
        found += [f"/{path} says {promise!r}" for promise in PROMISES if promise in shown]
        if path != "worksheets/" and PRINT_AND_WRITE not in shown:
            found.append(f"/{path} does not say to print it and write by hand")
        if path == "worksheets/" and "print a sheet and write on it by hand" not in shown:
            found.append(f"/{path} does not say to print a sheet")
        if page.locator(".ws-toolbar").count() and page.locator(".ws-toolbar").is_visible():
            found.append(f"/{path} shows the toolbar")
    context.close()
    assert found == [], "\n".join(found)


def test_with_javascript_the_sheet_promises_saving_and_not_the_no_script_text(browser, site_url):
    context, page = open_page(browser, site_url, "strategies/process-emotions/worksheet/", 390)
    page.wait_for_selector(".ws-toolbar:not([hidden])")
    shown = page.locator("article").inner_text()
    tree = page.locator("article").aria_snapshot()
    page.emulate_media(media="print")
    printed = page.locator("article").inner_text()
    context.close()
    assert "Your answers stay on this device" in shown and "Clear answers” when you are done" in shown
    assert PRINT_AND_WRITE not in shown and PRINT_AND_WRITE not in tree
    assert PRINT_AND_WRITE not in printed


@pytest.mark.parametrize("width", list(WIDTHS))
def test_without_javascript_every_tab_stop_is_in_view(browser, site_url, width):
    # assets/stylesheets/no-script.css: the drawer slides in while it has focus, and
    # what only works with a script (palette, back to top) takes no focus.
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, java_script_enabled=False)
    page = context.new_page()
    bad = []
    for name in ("home", "strategy", "worksheet"):
        page.goto(site_url + PAGES[name], wait_until="load")
        stops = focus_stops(page, STEPS)
        assert len(stops) >= 15
        bad += [f"{name}: {stop['name']} {problem}" for stop in stops for problem in stop["problems"]]
    context.close()
    assert bad == [], "\n".join(bad)


# --- Reflow and text spacing ---------------------------------------------------------


def every_path(site) -> list[str]:
    return [*(path.relative_to(site).as_posix().removesuffix("index.html") for path in html_pages(site)), "404.html"]


def test_at_320_px_no_page_scrolls_sideways_even_with_wider_text_spacing(browser, site_url, built_site):
    # WCAG 1.4.10 (reflow at 320 CSS px) and 1.4.12 (text spacing: nothing cut off or
    # spilling out of its box), on every page.
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    found = []
    paths = every_path(built_site)
    for path in paths:
        page.goto(site_url + path, wait_until="load")
        found += [f"/{path}: {problem}" for problem in sideways_overflow(page)]
        found += [f"/{path} with text spacing: {problem}" for problem in text_spacing_problems(page)]
        found += [f"/{path} with text spacing: {problem}" for problem in sideways_overflow(page)]
    context.close()
    assert len(paths) > 30
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("path", [*PAGES.values(), "strategies/", "about/accessibility/"])
def test_on_a_desktop_wider_text_spacing_cuts_nothing_off(browser, site_url, path):
    context, page = open_page(browser, site_url, path, 1280)
    found = text_spacing_problems(page)
    context.close()
    assert found == []


def test_the_reflow_and_spacing_checks_find_a_wide_box_and_cut_text(browser, site_url):
    context, page = open_page(browser, site_url, "", 320)
    page.evaluate(
        """() => {
        const wide = Object.assign(document.createElement('p'), {textContent: 'Wide'});
        wide.style.width = '500px';
        const tight = Object.assign(document.createElement('p'), {textContent: 'Words that fit only as they are'});
        tight.style.cssText = 'height: 1.6em; overflow: hidden; width: 240px; font-size: 16px';
        document.querySelector('article').prepend(wide, tight);
    }"""
    )
    wide = sideways_overflow(page)
    cut = text_spacing_problems(page)
    context.close()
    assert wide[0].startswith("the page is ") and 'p "Wide" reaches' in wide[1]
    assert any(problem.startswith('p "Words that fit only as they are" cuts off text') for problem in cut), cut


def test_the_focus_ring_in_the_drawer_is_drawn_inside_the_item_where_the_drawer_cannot_clip_it(browser, site_url):
    context, page = open_page(browser, site_url, "strategies/ask-for-feedback/", 640)
    tab_to(page, ".md-header label[for=__drawer]")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    page.keyboard.press("Tab")
    ring = page.evaluate(
        """() => { const style = getComputedStyle(document.activeElement);
        return [document.activeElement.textContent.trim(), style.outlineStyle, parseFloat(style.outlineOffset)]; }"""
    )
    context.close()
    assert ring[0] == "Process your emotions" and ring[1] == "solid" and ring[2] < 0, ring
