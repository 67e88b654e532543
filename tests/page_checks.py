"""Checks of one page as it is now in Chromium: each returns what is wrong, as lines a
person can act on (what, where), or [] when all is well. None of them navigates; the
caller loads the page and sets the viewport.

The walk (tests/test_walk.py) opens every page of the site in every state (widths,
light and dark) and runs every function of `PAGE_CHECKS` on it; a check that belongs
on every page joins the walk by being added there. `watch(page, site_url)` goes on a
fresh page before its first navigation: it records what the passive checks read
(policy violations, console messages, requests), and `open_page` clears the record
before each new address.

    overflow_problems(page)          the page scrolls sideways (WCAG 1.4.10)
    axe_problems(page)               axe-core's WCAG 2.0/2.1/2.2 A and AA violations
    csp_problems(page)               Content-Security-Policy violations
    console_problems(page)           console errors and warnings, uncaught errors
    outside_request_problems(page)   requests to any host but the site's own
    small_targets(page)              radios, checkboxes, their labels and buttons smaller
                                     than 24 x 24 CSS px (WCAG 2.2, 2.5.8)

The checks of the second part act on the page (they press keys or add styles), so
tests/test_keyboard.py runs them on one page of each type rather than in the walk:

    focus_walk(page, steps)          Tab (or Shift+Tab) through the page: stops that are
                                     outside the viewport, have no box, are invisible or
                                     are covered (by the sticky header, the toolbar, ...)
    sideways_overflow(page)          why the page scrolls sideways (at 320 px)
    text_spacing_problems(page)      text clipped or spilling out of its box once the
                                     WCAG 1.4.12 spacing is applied
    aria_problems(page)              what the accessibility tree tells a screen reader
                                     that the page does not show, or leaves out

`focus_stops` gives every stop of a walk, for reports; `focus_walk` only the bad ones.
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
    settle(page)
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


# --- Keyboard, targets, reflow, text spacing, accessibility tree -----------------
# Measure what the reader sees once things settle: no half-faded skip link, no drawer
# in mid-slide, no smooth scroll still under way when the box is read. A constructed
# stylesheet, as the site's Content-Security-Policy blocks an inline <style>.
_ADOPT_CSS = """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""
NO_MOTION = (
    "*, *::before, *::after { transition: none !important; animation: none !important; }"
    " html { scroll-behavior: auto !important; }"
)

# What a person would call the element: its tag, id or first class, and its name or text.
_DESCRIBE = """
const describe = element => {
  if (!element || element.nodeType !== 1) return String(element);
  let text = element.getAttribute('aria-label') || element.getAttribute('title') || element.textContent || '';
  text = text.replace(/\\s+/g, ' ').trim().slice(0, 40);
  const id = element.id ? '#' + element.id : '';
  const classes = typeof element.className === 'string' && element.className.trim()
    ? '.' + element.className.trim().split(/\\s+/)[0] : '';
  return element.tagName.toLowerCase() + (id || classes) + (text ? ` "${text}"` : '');
};
"""

_FOCUS_STOP = (
    """() => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  """
    + _DESCRIBE
    + """
  window.__focusIds = window.__focusIds || new WeakMap();
  window.__focusCount = window.__focusCount || 0;
  if (!window.__focusIds.has(element)) window.__focusIds.set(element, ++window.__focusCount);
  const width = document.documentElement.clientWidth, height = window.innerHeight;
  const problems = [];
  let shown = element, box = element.getBoundingClientRect();
  // Material hides its palette radios and shows their focus on the label beside them.
  if ((box.width < 1 || box.height < 1) && element.tagName === 'INPUT') {
    const next = element.nextElementSibling;
    const label = [...(element.labels || []), ...(next && next.tagName === 'LABEL' ? [next] : [])]
      .find(each => { const b = each.getBoundingClientRect(); return b.width >= 1 && b.height >= 1; });
    if (label) { shown = label; box = label.getBoundingClientRect(); }
  }
  const round = Math.round;
  const where = `at x=${round(box.left)}, y=${round(box.top)}, ${round(box.width)}x${round(box.height)}`;
  let opacity = 1;
  for (let node = shown; node && node.nodeType === 1; node = node.parentElement) {
    opacity *= parseFloat(getComputedStyle(node).opacity);
  }
  if (box.width < 1 || box.height < 1) {
    problems.push(`has no box (${where})`);
  } else {
    const left = Math.max(box.left, 0), right = Math.min(box.right, width);
    const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, height);
    if (right - left < 1 || bottom - top < 1) {
      problems.push(`is outside the viewport (${where})`);
    } else {
      if ((box.left < -1 || box.right > width + 1) && box.width <= width) {
        problems.push(`is cut off at the side (${where})`);
      }
      if ((box.top < -1 || box.bottom > height + 1) && box.height <= height) {
        problems.push(`is cut off at the top or bottom (${where})`);
      }
      // Is it covered (by the sticky header, a toolbar, the back-to-top button, an
      // overlay)? Look at five points of its first line box, in the viewport: the
      // union box of a link that wraps would reach into the words around it.
      const first = [...shown.getClientRects()].find(rect => rect.width >= 1 && rect.height >= 1) || box;
      const x0 = Math.max(first.left, 0), x1 = Math.min(first.right, width);
      const y0 = Math.max(first.top, 0), y1 = Math.min(first.bottom, height);
      const ours = hit => shown.contains(hit) || hit.contains(shown) || element.contains(hit)
        || [...(element.labels || [])].some(label => label.contains(hit));
      const by = new Set();
      let centre = false;
      for (const [fx, fy] of [[0.5, 0.5], [0.2, 0.2], [0.8, 0.2], [0.2, 0.8], [0.8, 0.8]]) {
        if (x1 - x0 < 1 || y1 - y0 < 1) break;
        const hit = document.elementFromPoint(x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy);
        if (!hit || ours(hit)) continue;
        by.add(describe(hit.closest('.md-header, .ws-toolbar, .md-top, .md-overlay, .md-sidebar') || hit));
        if (fx === 0.5) centre = true;
      }
      if (by.size) problems.push(`is ${centre ? '' : 'partly '}covered by ${[...by].join(' and ')} (${where})`);
    }
  }
  if (opacity < 0.1) problems.push(`is invisible (opacity ${opacity.toFixed(2)})`);
  const id = window.__focusIds.get(element);
  return {id, name: describe(element), box: [box.left, box.top, box.width, box.height], problems};
}"""
)


# Material's drawer and search are checkboxes (data-md-toggle); is each one on?
_TOGGLES = """() => Object.fromEntries([...document.querySelectorAll('[data-md-toggle]')]
  .map(toggle => [toggle.getAttribute('data-md-toggle'), toggle.checked]))"""
_INSIDE = "selector => Boolean(document.activeElement.closest(selector))"
_TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def settle(page) -> None:
    """Turn off transitions, animations and smooth scrolling, so boxes are read at rest."""
    page.evaluate(_ADOPT_CSS, NO_MOTION)


def focus_stops(page, steps: int = 200, key: str = "Tab", within: str | None = None) -> list[dict]:
    """Press `key` (Tab or Shift+Tab) up to `steps` times from where focus is now.

    Each stop: {"id", "name", "box": [x, y, width, height], "problems": [...]}. The walk
    ends early when focus leaves the page, comes back to its first stop, or leaves the
    element that the CSS selector `within` names (the open menu drawer, say).
    """
    settle(page)
    scripts = page.evaluate("() => typeof document$ !== 'undefined'")
    stops: list[dict] = []
    for _ in range(steps):
        before = page.evaluate(_TOGGLES)
        page.keyboard.press(key)
        # Two frames: Material's scripts react to focus (1 ms later) and to the scroll.
        # (With JavaScript off there are no scripts to wait for, and no frames come.)
        if scripts:
            page.evaluate(_TWO_FRAMES)
        stop = page.evaluate(_FOCUS_STOP)
        opened = [name for name, on in page.evaluate(_TOGGLES).items() if on and not before.get(name)]
        if stop is None:
            if stops:
                break
            continue
        if stops and stop["id"] == stops[0]["id"]:
            break
        if within and not page.evaluate(_INSIDE, within):
            break
        stop["problems"] += [f"opens the {name} just by taking focus" for name in opened]
        stops.append(stop)
    return stops


def focus_walk(page, steps: int = 200, key: str = "Tab", within: str | None = None) -> list[str]:
    """The bad stops of a keyboard walk, one line each: step, element, what is wrong."""
    return [
        f"{key} {number}: {stop['name']} {problem}"
        for number, stop in enumerate(focus_stops(page, steps, key, within), start=1)
        for problem in stop["problems"]
    ]


# Targets WCAG 2.5.8 asks 24 x 24 of here: every radio and checkbox and the label that
# ticks it, and every button, including Material's label-buttons (menu, search, palette).
# Inline links in a sentence are exempt (2.5.8's inline exception) and not measured.
TARGETS = (
    "input[type=radio], input[type=checkbox], button, [role=button], .md-button, label[for], summary, .md-clipboard"
)
_SMALL_TARGETS = (
    """([selector, minimum]) => {
  """
    + _DESCRIBE
    + """
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;  // not shown (or shown through its label)
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || element.closest('[inert], [aria-hidden=true], .md-toggle')) continue;
    if (element.disabled) continue;  // not a target (the paper-only boxes of a task list)
    let opacity = 1;  // faded out: not shown (Material's search buttons until there is a query)
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      opacity *= parseFloat(getComputedStyle(node).opacity);
    }
    if (opacity < 0.1) continue;
    // A label counts when it ticks a box, shown or hidden: Material's menu, search and
    // section buttons are labels of hidden switches. Not when it names a text field, nor
    // the "Table of contents" heading of the side column, a label of a switch that does
    // nothing there.
    if (element.tagName === 'LABEL') {
      const control = element.control;
      if (!control || !/^(checkbox|radio)$/.test(control.type)) continue;
      if (element.closest('.md-sidebar--secondary')) continue;
    }
    if (box.width + 0.5 < minimum || box.height + 0.5 < minimum) {
      found.push({name: describe(element), width: box.width, height: box.height});
    }
  }
  return found;
}"""
)


def target_sizes(page, minimum: int = 24) -> list[dict]:
    """Every shown target below `minimum` CSS px in width or height: {"name", "width", "height"}."""
    return page.evaluate(_SMALL_TARGETS, [TARGETS, minimum])


def small_targets(page, minimum: int = 24) -> list[str]:
    """Targets smaller than `minimum` x `minimum` CSS px, one line each."""
    return [
        f"{target['name']} is {target['width']:.0f} x {target['height']:.0f} px (needs {minimum} x {minimum})"
        for target in target_sizes(page, minimum)
    ]


def smallest_target(page) -> tuple[float, str]:
    """The smaller side of the smallest target on the page, and its name (for reports)."""
    sizes = page.evaluate(_SMALL_TARGETS, [TARGETS, 10_000])
    if not sizes:
        return (float("inf"), "")
    smallest = min(sizes, key=lambda target: min(target["width"], target["height"]))
    return (min(smallest["width"], smallest["height"]), smallest["name"])


_SIDEWAYS = (
    """() => {
  """
    + _DESCRIBE
    + """
  const width = document.documentElement.clientWidth;
  const total = document.documentElement.scrollWidth;
  if (total <= width) return [];
  const found = [`the page is ${total} px wide in a ${width} px viewport`];
  // The widest culprits that are not inside a box that scrolls on its own.
  const culprits = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.right <= width + 1 || box.width < 1) continue;
    let scrolls = false;
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow !== 'visible') { scrolls = true; break; }
    }
    if (!scrolls) culprits.push([box.right, describe(element)]);
  }
  culprits.sort((a, b) => b[0] - a[0]);
  for (const [right, name] of culprits.slice(0, 3)) found.push(`${name} reaches ${Math.round(right)} px`);
  return found;
}"""
)


def sideways_overflow(page) -> list[str]:
    """Why the page scrolls sideways (WCAG 1.4.10): its width, then the elements that stick out."""
    return page.evaluate(_SIDEWAYS)


# WCAG 1.4.12: a reader's own style sheet may set these, and no content may be lost.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)

# Text that does not fit its box: cut off by overflow, or spilling out of a box of
# fixed height onto what follows. Read before and after the spacing is applied, so
# only what the spacing breaks is reported (Material cuts the header title short by
# design, with an ellipsis, at any spacing).
_TEXT_OVERFLOW = (
    """() => {
  """
    + _DESCRIBE
    + """
  const found = {};
  const hasText = element => element.textContent.trim() !== '';
  for (const element of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) continue;  // visually hidden text (1 x 1 px) is for screen readers
    if (element.closest('[inert], [aria-hidden=true]')) continue;
    // The header's one line (site name, page title) is cut short by design: both are
    // shown in full on the page, as its title and in the menu.
    if (element.closest('.md-header__title')) continue;
    if (!hasText(element)) continue;
    const scrollsX = /auto|scroll/.test(style.overflowX), scrollsY = /auto|scroll/.test(style.overflowY);
    const clips = /hidden|clip/.test(style.overflowX + style.overflowY);
    const tallBy = scrollsY || !element.clientHeight ? 0 : element.scrollHeight - element.clientHeight;
    const wideBy = scrollsX || !element.clientWidth ? 0 : element.scrollWidth - element.clientWidth;
    if (tallBy > 2 || wideBy > 2) {
      const name = describe(element);
      const what = clips ? 'cuts off text' : 'spills text out of its box';
      const content = `${element.scrollWidth} x ${element.scrollHeight} px`;
      found[name] = `${name} ${what} (${content} of content in ${element.clientWidth} x ${element.clientHeight} px)`;
    }
  }
  return found;
}"""
)


def text_spacing_problems(page) -> list[str]:
    """Text that the WCAG 1.4.12 spacing (line height 1.5, paragraphs 2 em apart, letters
    0.12 em, words 0.16 em) cuts off or pushes out of its box. Leaves the spacing on."""
    settle(page)
    before = page.evaluate(_TEXT_OVERFLOW)
    page.evaluate(_ADOPT_CSS, TEXT_SPACING)
    after = page.evaluate(_TEXT_OVERFLOW)
    return [message for name, message in after.items() if name not in before]


# --- What a screen reader gets -------------------------------------------------------


def _snapshot(locator) -> str:
    return locator.aria_snapshot()


def aria_problems(page) -> list[str]:
    """Where the accessibility tree (Playwright's aria snapshot) tells a screen reader less,
    or more, than the page shows:

    - a heading whose name has its permalink in it ("Why it matters ¶");
    - a worksheet question whose control is not named with the question's number
      ("1. Who will you write to?"), as the page and the printed sheet show it;
    - a table cell that reads its label as text and then again as its field's name.
    """
    found = []
    for heading in page.locator("article :is(h1, h2, h3, h4, h5, h6)").all():
        tree = _snapshot(heading)
        if "¶" in tree or "Link to this section" in tree:
            found.append(f"heading {tree.splitlines()[0].strip()} reads its permalink")
    for field in page.locator(".ws-field").all():
        number = field.locator(".ws-number")
        if not number.count():
            found.append(f"question {field.get_attribute('data-field')} has no number in its text")
            continue
        digits = number.first.inner_text().strip()
        tree = _snapshot(field)
        named = [line for line in tree.splitlines() if line.lstrip("- ").startswith(("textbox", "group", "table"))]
        if not any(f'"{digits} ' in line for line in named[:1]):
            found.append(f"question {field.get_attribute('data-field')} is not named with {digits!r}: {named[:1]}")
    for cell in page.locator(".ws-table td:has(input)").all():
        tree = _snapshot(cell)
        if any(line.lstrip("- ").startswith("text:") for line in tree.splitlines()):
            found.append(
                f"a table cell reads its label twice: {' / '.join(line.strip() for line in tree.splitlines())}"
            )
    return found


#: Every check of the walk, in the order it runs (the passive ones last, to catch what the others set off).
PAGE_CHECKS = [
    overflow_problems,
    axe_problems,
    csp_problems,
    console_problems,
    outside_request_problems,
    small_targets,
]


def page_problems(page, checks=PAGE_CHECKS) -> list[str]:
    """Every problem the checks find on the page as it is now."""
    return [problem for check in checks for problem in check(page)]
