"""The links gate: every link from a page of docs/ to another page, file or anchor leads somewhere,
and every `nav` entry of mkdocs.yml names a page.

Checked on the Markdown source, so a broken link is named at its line before any
build (a strict build would also stop, but with no line; Zensical says nothing):

- `link`: a Markdown link or image (`[words](target)`, `![alt](target)`, or a
  reference definition `[name]: target`) to a page or file of docs/ must name a file
  that exists, written from the linking page (`../strategies/x/worksheet.md`), and
  its `#anchor` must be an id on that page: a heading's (as the toc makes it, or its
  explicit `{#id}`), an attribute list's `{: #id}`, an email template's id, a
  worksheet field's control (`ws-<id>`) or a raw HTML `id="..."`. A link from the root
  of docs/ (`/x.md`), a link to a folder, and a raw HTML `href` or `src` to this site
  are problems too: each depends on the engine or on where the site is published.
- `nav`: each entry of mkdocs.yml's `nav` names a Markdown file under docs_dir.

Links to other sites, `mailto:` and `tel:` are not fetched here (LinkChecker lists
them). Code and the bodies of blocks that are not Markdown (email templates) are
left out. Each problem says how to fix it, with the closest existing name.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from turning_no.model.pages import Page, body_lines, heading_ids
from turning_no.model.problems import Problem, display_path
from turning_no.model.source_blocks import scan

LINK = "link"
NAV = "nav"

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
# [words](target "title") and ![alt](target); the words may hold one level of brackets.
_INLINE = re.compile(
    r"(?<!\\)!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
_HTML_URL = re.compile(r"<(?:a|img|source|link|script)\b[^>]*?\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)
_HTML_ID = re.compile(r"\bid\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_ATTRIBUTE_ID = re.compile(r"\{:?[^}]*?#([\w-]+)[^}]*\}")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def check_links(pages: list[Page], docs_dir: Path, root: Path) -> list[Problem]:
    """Every internal link of `pages` (pages of `docs_dir`) that leads nowhere."""
    by_uri = {page.src_uri: page for page in pages}
    files = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file()}
    folders = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_dir()}
    ids: dict[str, set[str]] = {}

    def ids_of(src_uri: str) -> set[str] | None:
        if src_uri not in by_uri:
            return None  # unreadable: the content check says so
        if src_uri not in ids:
            ids[src_uri] = ids_on(by_uri[src_uri])
        return ids[src_uri]

    problems = []
    for page in pages:
        where = display_path(page.path, root)
        for line, target, raw_html in links_of(page):
            message = _problem(page, target, raw_html, files, folders, ids_of)
            if message:
                problems.append(Problem(where, line, message, LINK))
    return problems


def links_of(page: Page) -> Iterator[tuple[int, str, bool]]:
    """(line, target, is raw HTML) of each link of the page's Markdown, outside code and plain-text blocks."""
    skipped = _plain_text_lines(page)
    text = "\n".join(line if number not in skipped else "" for number, line in _numbered_body(page))
    lines = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), text).split("\n")
    first = page.front_matter.end_line + 1 if page.meta or page.front_matter.end_line > 1 else 1
    for number, line in enumerate(lines, start=first):
        line = _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)
        definition = _REFERENCE_DEFINITION.match(line)
        if definition:
            yield number, definition.group(1).strip("<>"), False
            continue
        for match in _INLINE.finditer(line):
            yield number, match.group(1).strip("<>"), False
        for match in _HTML_URL.finditer(line):
            yield number, match.group(1), True


def ids_on(page: Page) -> set[str]:
    """Every id a link's #anchor can name on the page."""
    found = set(heading_ids(page).values())
    blocks, _ = scan(body_lines(page))
    for block in blocks:
        if block.name == "email" and block.argument:
            found.add(block.argument.strip())
        field_id = (block.options or {}).get("id") if block.name == "field" else None
        if isinstance(field_id, str):
            found.add(f"ws-{field_id}")
    for _, line in body_lines(page):
        found.update(_ATTRIBUTE_ID.findall(line))
        found.update(_HTML_ID.findall(line))
    return found


def _numbered_body(page: Page) -> list[tuple[int, str]]:
    """Every line after the front matter, with code blocks blanked (line numbers kept)."""
    kept = dict(body_lines(page))
    first = page.front_matter.end_line + 1 if page.meta or page.front_matter.end_line > 1 else 1
    total = page.text.splitlines()
    return [(number, kept.get(number, "")) for number in range(first, len(total) + 1)]


def _plain_text_lines(page: Page) -> set[int]:
    """Lines of blocks whose body is not Markdown (an email template is plain text to copy)."""
    from turning_no.markdown.registry import BLOCKS  # late: the blocks import the model

    blocks, _ = scan(body_lines(page))
    skipped: set[int] = set()
    for block in blocks:
        cls = BLOCKS.get(block.name)
        # on_markdown says how pymdownx treats the body; it reads nothing of the instance.
        if cls is not None and cls.on_markdown(None) == "raw":
            skipped.update(number for number, _ in block.body)
    return skipped


def _problem(page: Page, target: str, raw_html: bool, files, folders, ids_of) -> str | None:
    try:
        parts = urlsplit(target)
    except ValueError:  # such as an unclosed '[' in the host part
        return f"'{target}' is not a valid address; check its brackets and slashes"
    if parts.scheme or parts.netloc or target.startswith("//"):
        return None  # another site, mailto:, tel:
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if raw_html and path:
        return (
            f"'{target}' is a raw HTML link, which the engines rewrite differently (Zensical adds a '../'); "
            "write a Markdown link to the page's file, such as [words](page.md), or use a '/// download' block "
            "for a file made after the build"
        )
    if not path:
        return _anchor_problem(f"#{fragment}", fragment, ids_of(page.src_uri), "this page", "") if fragment else None
    if path.startswith("/"):
        inside = path.lstrip("/")
        fix = _relative(page, inside) + (f"#{fragment}" if fragment else "")
        return (
            f"'{target}' starts at the root of docs/, which breaks under a subpath and in the offline copy; "
            f"write it from this page: '{fix}'"
        )
    resolved = posixpath.normpath(posixpath.join(page.folder, path))
    if resolved.startswith("../") or resolved == "..":
        return f"'{target}' leads out of docs/; link a page of the site, or the other site's full address"
    if resolved in folders or path.endswith("/"):
        index = posixpath.join(resolved, "index.md")
        if index in files:
            fix = _relative(page, index) + (f"#{fragment}" if fragment else "")
            return f"'{target}' is a folder; link its page's file, '{fix}', so that the build checks it"
        if resolved in folders:
            return f"'{target}' is a folder with no index.md; link a page's file instead"
        return f"'{target}' leads to no page: docs/{resolved}/ does not exist; link a page's file (page.md)"
    if resolved not in files:
        kind = "page" if resolved.endswith(".md") else "file"
        close = difflib.get_close_matches(resolved, sorted(name for name in files if name.endswith(".md")), n=1)
        hint = f"; did you mean '{_relative(page, close[0])}'?" if close and kind == "page" else ""
        return f"'{target}' leads to no {kind}: docs/{resolved} does not exist{hint}"
    if fragment and resolved.endswith(".md"):
        return _anchor_problem(target, fragment, ids_of(resolved), f"docs/{resolved}", path)
    return None


def _anchor_problem(target: str, fragment: str, ids: set[str] | None, where: str, path: str) -> str | None:
    if ids is None or fragment in ids:
        return None
    close = difflib.get_close_matches(fragment, sorted(ids), n=1)
    hint = f"; did you mean '{path}#{close[0]}'?" if close else "; link one of its headings, or leave out the '#...'"
    return f"'{target}': {where} has no heading or element with the id '{fragment}'{hint}"


def _relative(page: Page, src_uri: str) -> str:
    return posixpath.relpath(src_uri, page.folder or ".")


# --- nav ---------------------------------------------------------------------------


def check_nav(config_file: Path, root: Path) -> list[Problem]:
    """Each `nav` entry of mkdocs.yml that names no Markdown file under its docs_dir."""
    if not config_file.is_file():
        return []
    shown = display_path(config_file, root)
    try:
        # Composed, not loaded: the line of each entry is kept, and tags such as !ENV need no constructor.
        document = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except RecursionError:
        return [Problem(shown, 1, "mkdocs.yml nests too deep to read", NAV)]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(shown, mark.line + 1 if mark else 1, f"mkdocs.yml cannot be read: {error}", NAV)]
    top = dict(_mapping(document))
    docs_value = top.get("docs_dir")
    docs_dir = config_file.parent / (docs_value.value if isinstance(docs_value, yaml.ScalarNode) else "docs")
    nav = top.get("nav")
    if nav is None or not docs_dir.is_dir():
        return []
    pages = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
    entries = list(_nav_entries(nav))
    listed = {node.value for node in entries}
    problems = []
    for node in entries:
        value = node.value
        if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.IGNORECASE) or value.startswith("/"):
            continue  # another site
        if (docs_dir / value).is_file():
            continue
        close = difflib.get_close_matches(value, [page for page in pages if page not in listed], n=1)
        fix = f"did you mean '{close[0]}'?" if close else "create it or remove the entry"
        problems.append(Problem(shown, node.start_mark.line + 1, f"'{value}' is not a page in docs/; {fix}", NAV))
    return problems


def _mapping(node) -> Iterator[tuple[str, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield key.value, value


def _nav_entries(node) -> Iterator[yaml.ScalarNode]:
    """The file (or address) of each entry of a nav, at any depth: `- page.md` or `- Title: page.md`."""
    if isinstance(node, yaml.ScalarNode):
        if node.value:
            yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nav_entries(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _nav_entries(value)
