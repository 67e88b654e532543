"""The structure gate: what a screen reader, a search engine and a printed page rely on.

Checked on every page's Markdown source, so each problem has its line:

- `heading-order`: headings go down one level at a time. The page's title is its
  H1 (from the front matter), so the first heading is a `##`, and a `####` needs a
  `###` above it. (A `# ` heading in the body is the content check's `heading` rule.)
- `page-title`: no two pages share a title: browser tabs, search results and the
  menu show it alone.
- `image-alt`: every image has alt text that says what it shows.
- `link-text`: no link says only "here", "click here", "read more" and the like;
  screen reader users often hear a page's links on their own.
- `bare-url`: no web address stands in the prose as its own text; write words and
  link them. Block bodies that are not prose (email templates, worksheet fields)
  and code are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from turning_no.model.pages import Page, body_lines, headings_of
from turning_no.model.problems import Problem, display_path
from turning_no.model.prose import non_prose_lines

#: Link texts that do not say where a link goes, compared in lower case without punctuation.
VAGUE_LINK_TEXTS = frozenset(
    {
        "click",
        "click here",
        "go",
        "go here",
        "here",
        "learn more",
        "link",
        "more",
        "read more",
        "see here",
        "this",
        "this link",
        "this page",
        "tap here",
    }
)

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
# [text](target) or [text][ref], not an image; text without nested brackets.
_LINK = re.compile(r"(?<![!\\])\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\(([^)]*)\)|\[[^\]]*\])")
_IMAGE = re.compile(r"!\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HTML_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.IGNORECASE)
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
_HTML_URL_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"[^"]*"|'[^']*')""", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[^\w\s]")


def _plain(text: str) -> str:
    """Link text as a reader hears it: no markup, no punctuation, lower case, single spaces."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = _PUNCTUATION.sub(" ", text.replace("’", "'").replace("'", ""))
    return " ".join(text.lower().split())


def check_structure(pages: Iterable[Page], root) -> list[Problem]:
    problems: list[Problem] = []
    titles: dict[str, Page] = {}
    for page in pages:
        where = display_path(page.path, root)

        def report(line: int, rule: str, message: str, where=where) -> None:
            problems.append(Problem(where, line, message, rule))

        _check_heading_order(page, report)
        title = page.meta.get("title")
        if isinstance(title, str) and title.strip():
            key = " ".join(title.lower().split())
            if key in titles:
                first = titles[key]
                report(
                    page.front_matter.line_of("title"),
                    "page-title",
                    f"the title '{title}' is also the title of {display_path(first.path, root)}; give each page "
                    "its own title, since browser tabs and search results show it alone",
                )
            titles.setdefault(key, page)
        skipped = non_prose_lines(page)
        for number, text in body_lines(page):
            _check_line(number, text, number in skipped, report)
    return problems


def _check_heading_order(page: Page, report) -> None:
    previous = 1  # the title, from the front matter
    for heading in headings_of(page):
        if heading.level == 1:
            previous = 1
            continue  # the content check's `heading` rule reports it
        if heading.level > previous + 1:
            wanted = "#" * (previous + 1)
            report(
                heading.line,
                "heading-order",
                f"'{'#' * heading.level} {heading.text}' skips a level: the heading above it is level {previous}"
                + (" (the page's title)" if previous == 1 else "")
                + f"; make it '{wanted} {heading.text}', or add a '{wanted}' heading before it",
            )
        previous = heading.level


def _check_line(number: int, text: str, non_prose: bool, report) -> None:
    line = _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), text)
    for image in _IMAGE.finditer(line):
        if not image.group(1).strip():
            report(
                number,
                "image-alt",
                "this image has no alt text; write what it shows between the brackets: ![A person reading a "
                "letter](...). For a purely decorative image, leave it out of the page",
            )
    for image in _HTML_IMAGE.finditer(line):
        alt = _HTML_ALT.search(image.group(0))
        if alt is None or not "".join(group or "" for group in alt.groups()).strip():
            report(number, "image-alt", 'this <img> has no alt text; add alt="what the image shows"')
    without_images = _IMAGE.sub(" ", line)
    link_texts = [(match.group(1), match.group(2)) for match in _LINK.finditer(without_images)]
    link_texts += [(match.group(1), None) for match in _HTML_LINK.finditer(without_images)]
    for link_text, _ in link_texts:
        plain = _plain(link_text)
        if plain in VAGUE_LINK_TEXTS:
            report(
                number,
                "link-text",
                f"the link text '{link_text.strip()}' does not say where the link goes; screen reader users "
                "often hear links on their own. Link the words that name the page, "
                "for example 'See [Ask for feedback](...)'",
            )
    if non_prose or _REFERENCE_DEFINITION.match(line):
        return
    # What is left once link targets and HTML attributes are gone is the text a reader sees.
    visible = _LINK.sub(lambda match: f" {match.group(1)} ", without_images)
    visible = _HTML_URL_ATTRIBUTE.sub(" ", visible)
    for url in _URL.finditer(visible):
        address = url.group(0).rstrip(".,;:!?’'\"")
        report(
            number,
            "bare-url",
            f"the address {address} stands in the text as it is, and a screen reader spells it out; link words "
            f"that say where it goes instead, for example [Read it on {_host(address)}]({_full(address)})",
        )


def _full(address: str) -> str:
    return address if address.lower().startswith("http") else "https://" + address


def _host(address: str) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", address, flags=re.IGNORECASE)
    return host.split("/", 1)[0]
