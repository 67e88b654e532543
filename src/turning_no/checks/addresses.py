"""Published addresses, kept for good: the built site against published-addresses.txt.

Counsellors link our pages from handouts, course pages and emails, and the link kit
prints each one. So every address we have published must keep opening something:
the page itself or, if it moved, a redirect (mkdocs-redirects, `redirect_maps` in
mkdocs.yml) to where it went. The list is the memory of what was published; the
tests compare it with a built site:

- a listed address with neither a page nor a redirect is a problem (a broken link
  in someone's handout), and so is a listed email template whose id is gone;
- a built page or email template that is not listed is a problem too, so that a
  new address is added to the list on purpose, and kept from then on.

An address is written relative to the site's root, as in the link kit without the
site's address: `strategies/ask-for-feedback/worksheet/`. The home page is `./`. An
email template adds its id: `strategies/ask-for-feedback/email/#ask-for-feedback`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from turning_no.model.problems import Problem
from turning_no.model.urls import source_of, url_of_file

LIST_NAME = "published-addresses.txt"
HOME = "./"
RULE = "published-address"
_REFRESH_URL = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(.+?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Listed:
    address: str
    line: int  # in the list file


def read_list(path: Path) -> list[Listed]:
    """The addresses in the list file; blank lines and lines starting with '#' are skipped."""
    found = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        address = text.strip()
        if address and not address.startswith("#"):
            found.append(Listed(address, number))
    return found


class _PageReader(HTMLParser):
    """The ids, email template ids and meta refresh target of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.templates: list[str] = []
        self.refresh: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if attributes.get("data-email-template"):
            self.templates.append(attributes["data-email-template"])
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH_URL.match(attributes.get("content") or "")
            if match:
                self.refresh = match.group(1)


def read_html(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def is_redirect(path: Path) -> bool:
    """A redirect page (mkdocs-redirects writes one per old address): no content, a meta refresh."""
    return read_html(path).refresh is not None


@dataclass
class BuiltSite:
    """What a built site answers at each address."""

    pages: dict[str, _PageReader]  # address -> the page there
    redirects: dict[str, str]  # address -> the address it sends the reader to, relative to the root

    def follow(self, address: str) -> str | None:
        """The page address that `address` ends on, through redirects; None if nothing is there."""
        seen = set()
        while address in self.redirects and address not in seen:
            seen.add(address)
            address = self.redirects[address].partition("#")[0]
        if "://" in address:
            return address  # sent on to another site, on purpose
        return address if address in self.pages else None


def address_of_file(site: Path, path: Path) -> str:
    return url_of_file(path.relative_to(site).as_posix()) or HOME


def read_site(site: Path) -> BuiltSite:
    pages, redirects = {}, {}
    for path in sorted(site.rglob("*.html")):
        if path == site / "404.html":
            continue
        address = address_of_file(site, path)
        reader = read_html(path)
        if reader.refresh is None:
            pages[address] = reader
            continue
        # The target is relative to the redirect page's own folder, as a browser reads it.
        folder = posixpath.dirname(path.relative_to(site).as_posix())
        if "://" in reader.refresh:
            redirects[address] = reader.refresh
            continue
        target, _, fragment = reader.refresh.partition("#")
        joined = posixpath.normpath(posixpath.join(folder, target)) + ("/" if target.endswith("/") else "")
        joined = HOME if joined in ("./", "/", "") else joined.removeprefix("./")
        redirects[address] = joined + (f"#{fragment}" if fragment else "")
    return BuiltSite(pages, redirects)


def published_now(site: BuiltSite) -> list[str]:
    """Every address the built site publishes: each page, and each email template on it."""
    found = []
    for address, page in site.pages.items():
        found.append(address)
        found += [f"{address}#{template}" for template in page.templates]
    return found


def gone(site: BuiltSite, listed: list[Listed], list_path: str) -> list[Problem]:
    """Listed addresses that open nothing: a reader following an old link would get the 404 page."""
    problems = []
    for entry in listed:
        page_address, _, fragment = entry.address.partition("#")
        page_address = page_address or HOME
        target = site.follow(page_address)
        if target is None:
            problems.append(
                Problem(
                    list_path,
                    entry.line,
                    f"'{entry.address}' was published, but the built site has neither a page nor a redirect there, "
                    "so old links to it are broken. If the page moved, add a redirect in mkdocs.yml under "
                    f"plugins, redirects, redirect_maps, such as '{source_of(page_address)}: new/place.md' "
                    f"(or '{page_address}index.md' if it was an index page). If it is gone for good, redirect it "
                    "to the page closest to it. Keep the line in the list",
                    RULE,
                )
            )
        elif fragment and "://" not in target and fragment not in site.pages[target].ids:
            moved = f" (it redirects to '{target}')" if target != page_address else ""
            problems.append(
                Problem(
                    list_path,
                    entry.line,
                    f"'{entry.address}' was published, but the page '{target}'{moved} has nothing with the id "
                    f"'{fragment}', so old links open the page at its top. An email template's id is its address: "
                    f"give the template back '/// email | {fragment}', or keep an element with that id on the page",
                    RULE,
                )
            )
    return problems


def unlisted(site: BuiltSite, listed: list[Listed], list_path: str) -> list[Problem]:
    """Built pages and email templates the list does not hold: new addresses, to be kept from now on."""
    known = {entry.address for entry in listed}
    return [
        Problem(
            list_path,
            1,
            f"'{address}' is a new published address: add the line '{address}' to {list_path}, "
            "so that it is kept from now on (or, if the page should not exist, remove it from docs/)",
            RULE,
        )
        for address in published_now(site)
        if address not in known
    ]
