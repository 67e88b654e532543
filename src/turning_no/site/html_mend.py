"""Mend small faults in Material's markup, in a finished page: HTML string in, HTML string out.

Each function is pure, leaves a page it does not recognise unchanged, and can run twice
with the same result. `mend` runs them all; the post-build step calls it (through
turning_no.site.html_fixes). Doing this in the output, rather than in copies of
Material's partials, keeps every Material upgrade free of a merge.

- `skip_to_title`: Material's "Skip to content" link goes to the first `h2`, past the
  page's `h1` and its opening paragraph, and pages with no `h2` get no skip link at
  all. It now goes to the `h1`, which can take focus (`tabindex="-1"`), so the
  browser moves focus there too (WCAG 2.4.1, 2.4.3). A page without the link gets
  one in the theme's own words, read from another page (`skip_words`).
- `name_section_menus`: each section of the menu is a `<nav>` named by the button that
  opens it on a phone, which holds only an icon, so the page has several landmarks
  with the same empty name (axe: landmark-unique). Each is named by its own heading.
- `drop_dangling_toc_label`: the "Table of contents" heading is a `<label>` for the
  `__toc` switch, which a section's index page does not have (the Nu HTML Checker:
  the `for` attribute must name a form control). The label keeps its text.
- `hide_permalinks`: a heading's permalink ("¶") is a link inside the heading, so a
  screen reader reads it as part of the heading's name ("Why it matters ¶", and
  with a name of its own, "Why it matters Link to this section: Why it matters").
  It is for copying a section's address with a pointer: it is hidden from screen
  readers and left out of the tab order (the table of contents links each section).
"""

from __future__ import annotations

import html as html_lib
import re

TITLE_ID = "__title"

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
_H1 = re.compile(r"<h1(?P<attributes>(?:\s[^>]*)?)>")
_ID = re.compile(r'\sid="([^"]*)"')
_SKIP_LINK = re.compile(r'<a href="[^"]*" class="md-skip">')
_SKIP_WORDS = re.compile(r'<a href="[^"]*" class="md-skip">(.*?)</a>', re.DOTALL)
_EMPTY_SKIP = re.compile(r'(<div data-md-component="skip">)\s*(</div>)')
_SECTION_NAV = re.compile(
    r'<nav class="md-nav" data-md-level="(?P<level>\d+)" aria-labelledby="[^"]*"(?P<rest>[^>]*)>'
    r'(?P<after>\s*<label class="md-nav__title" for="[^"]*">(?P<title>.*?)</label>)',
    re.DOTALL,
)
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">')
_PERMALINK = re.compile(
    r"(?P<open><h(?P<level>[1-6])\b[^>]*>)(?P<text>(?:(?!</h[1-6]>).)*?)"
    r'<a class="headerlink" href="(?P<href>[^"]*)" title="(?P<title>[^"]*)">',
    re.DOTALL,
)


def _text(markup: str) -> str:
    """The text of a piece of markup, as one line."""
    return _SPACE.sub(" ", html_lib.unescape(_TAG.sub("", markup))).strip()


def _attribute(value: str) -> str:
    return html_lib.escape(value, quote=True)


def skip_words(page: str) -> str | None:
    """The words of the page's skip link, if it has one (the same on every page of a site)."""
    found = _SKIP_WORDS.search(page)
    return _text(found.group(1)) or None if found else None


def skip_to_title(page: str, skip_text: str | None = None) -> str:
    """Point the skip link at the page's `h1` and let the `h1` take focus.

    A page with no skip link (Material writes none where the page has no `h2`) gets one
    when `skip_text` is given: the words of Material's own link in the site's language.
    """
    article = _ARTICLE.search(page)
    if article is None:
        return page
    heading = _H1.search(page, article.end())
    if heading is None:
        return page
    attributes = heading.group("attributes")
    found = _ID.search(attributes)
    title_id = found.group(1) if found else TITLE_ID
    if not found:
        attributes += f' id="{TITLE_ID}"'
    if "tabindex=" not in attributes:
        attributes += ' tabindex="-1"'
    page = page[: heading.start()] + f"<h1{attributes}>" + page[heading.end() :]
    link = f'<a href="#{_attribute(title_id)}" class="md-skip">'
    if _SKIP_LINK.search(page):
        return _SKIP_LINK.sub(link, page, count=1)
    if skip_text:
        return _EMPTY_SKIP.sub(
            lambda match: (
                f"{match.group(1)}\n      {link}\n        {html_lib.escape(skip_text)}\n      </a>\n    "
                + match.group(2)
            ),
            page,
            count=1,
        )
    return page


def name_section_menus(page: str) -> str:
    """Name each section's `<nav>` by its own heading instead of an icon-only label."""

    def named(match: re.Match) -> str:
        title = _text(match.group("title"))
        if not title:
            return match.group(0)
        return (
            f'<nav class="md-nav" data-md-level="{match.group("level")}" aria-label="{_attribute(title)}"'
            f"{match.group('rest')}>{match.group('after')}"
        )

    return _SECTION_NAV.sub(named, page)


def drop_dangling_toc_label(page: str) -> str:
    """The "Table of contents" label loses its `for` on a page that has no `__toc` switch."""
    if 'id="__toc"' in page:
        return page
    return _TOC_LABEL.sub('<label class="md-nav__title">', page)


def hide_permalinks(page: str) -> str:
    """Hide each heading's permalink from screen readers and the tab order."""

    def hidden(match: re.Match) -> str:
        return (
            f'{match.group("open")}{match.group("text")}<a class="headerlink" href="{match.group("href")}"'
            f' title="{match.group("title")}" aria-hidden="true" tabindex="-1">'
        )

    return _PERMALINK.sub(hidden, page)


def mend(page: str, skip_text: str | None = None) -> str:
    """Every mend above, in turn."""
    page = skip_to_title(page, skip_text)
    page = name_section_menus(page)
    page = drop_dangling_toc_label(page)
    return hide_permalinks(page)
