"""/.well-known/security.txt (RFC 9116): where to report a security problem with the site.

`render_security_txt` is pure: the contact (extra.contact in mkdocs.yml), the
site's address and today's date in, the file's text out. `write_security_txt`
puts it at `<site>/.well-known/security.txt`; MkDocs skips folders whose name
starts with a dot, so the step after the build writes it, and each build moves
its expiry date on (180 days, well under the year RFC 9116 asks for).

The file says, in this order:
- Contact: GitHub's private vulnerability reporting form of the repository, when
  the repository is known, then the contact itself;
- Expires: today + 180 days, 00:00 UTC, in RFC 3339;
- Policy: SECURITY.md on the repository, when the repository is known;
- Canonical: the file's own published address;
- Preferred-Languages: the site's language(s).

Bad input raises `SecurityTxtError` with what is wrong and how to fix it;
`python -m turning_no.site.security_txt` prints it as one line and exits 2.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

EXPIRES_AFTER = datetime.timedelta(days=180)
CONTACT_SCHEMES = ("https://", "mailto:", "tel:")
GITHUB = "https://github.com"
# https://github.com/<owner>/<repository>, and anything after it (/issues, ...)
GITHUB_REPOSITORY = re.compile(r"^https://github\.com/(?P<owner>[A-Za-z0-9-]+)/(?P<name>[A-Za-z0-9._-]+)(?:/|$)")
# https://<owner>.github.io/<repository>/ (a project site) or https://<owner>.github.io/ (a user site)
GITHUB_PAGES = re.compile(r"^https://(?P<owner>[A-Za-z0-9-]+)\.github\.io(?:/(?P<name>[A-Za-z0-9._-]+))?/?")


class SecurityTxtError(ValueError):
    """security.txt cannot be written from these settings; the message says how to fix them."""


def check_contact(contact: str) -> str:
    contact = (contact or "").strip()
    if not contact:
        raise SecurityTxtError(
            "extra.contact in mkdocs.yml is empty, so /.well-known/security.txt would have no way to reach you: "
            "set it to an https:// page or a mailto: address, "
            'e.g. contact: !ENV [SITE_CONTACT, "mailto:you@example.org"], or set the SITE_CONTACT variable'
        )
    if "@" in contact and not contact.startswith(CONTACT_SCHEMES):
        raise SecurityTxtError(f"extra.contact {contact!r} in mkdocs.yml: write an email address as mailto:{contact}")
    if not contact.startswith(CONTACT_SCHEMES) or any(character.isspace() for character in contact):
        raise SecurityTxtError(
            f"extra.contact {contact!r} in mkdocs.yml is not an address security.txt can give: "
            "use an https:// page or a mailto: address (tel: works too), with no spaces"
        )
    return contact


def check_site_url(site_url: str) -> str:
    site_url = (site_url or "").strip()
    parts = urlsplit(site_url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise SecurityTxtError(
            f"site_url {site_url!r} in mkdocs.yml is not a full web address: "
            "set it (or the SITE_URL variable) to the published address, e.g. https://example.org/guide/"
        )
    return site_url if site_url.endswith("/") else site_url + "/"


def repository_url(contact: str, site_url: str) -> str | None:
    """The GitHub repository behind the site, if the contact or the address gives it away."""
    match = GITHUB_REPOSITORY.match(contact or "")
    if match:
        name = match["name"].removesuffix(".git")
        return f"{GITHUB}/{match['owner']}/{name}"
    match = GITHUB_PAGES.match(site_url or "")
    if match:
        owner = match["owner"]
        return f"{GITHUB}/{owner}/{match['name'] or owner + '.github.io'}"
    return None


def render_security_txt(
    contact: str,
    site_url: str,
    today: datetime.date,
    *,
    repository: str | None = None,
    languages: Sequence[str] = ("en",),
) -> str:
    """The text of security.txt. `repository` (https://github.com/owner/name) is found from
    the contact or the address when not given; without one, there is no Policy line."""
    contact = check_contact(contact)
    site_url = check_site_url(site_url)
    repository = (repository or repository_url(contact, site_url) or "").rstrip("/") or None
    contacts = []
    if repository and repository.startswith(GITHUB + "/"):
        contacts.append(f"{repository}/security/advisories/new")
    if contact not in contacts:
        contacts.append(contact)
    expires = datetime.datetime.combine(today + EXPIRES_AFTER, datetime.time(), tzinfo=datetime.UTC)
    lines = [f"Contact: {address}" for address in contacts]
    lines.append(f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    if repository:
        lines.append(f"Policy: {repository}/blob/HEAD/SECURITY.md")
    lines.append(f"Canonical: {site_url}.well-known/security.txt")
    lines.append(f"Preferred-Languages: {', '.join(languages)}")
    return "\n".join(lines) + "\n"


def write_security_txt(
    site_dir: Path | str,
    contact: str,
    site_url: str,
    today: datetime.date | None = None,
    *,
    repository: str | None = None,
    languages: Sequence[str] = ("en",),
) -> Path:
    """Write `site_dir/.well-known/security.txt` (today in UTC unless given); return its path."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise SecurityTxtError(f"{site_dir} is not a folder: build the site first (make site)")
    today = today or datetime.datetime.now(datetime.UTC).date()
    text = render_security_txt(contact, site_url, today, repository=repository, languages=languages)
    path = site_dir / ".well-known" / "security.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m turning_no.site.security_txt",
        description="Write SITE/.well-known/security.txt (RFC 9116) into a built site.",
    )
    parser.add_argument("site", help="the built site's folder, e.g. site")
    parser.add_argument("--contact", default=os.environ.get("SITE_CONTACT", ""), help="default: $SITE_CONTACT")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL", ""), help="default: $SITE_URL")
    on_actions = os.environ.get("GITHUB_SERVER_URL") and os.environ.get("GITHUB_REPOSITORY")
    parser.add_argument(
        "--repository",
        default=f"{os.environ['GITHUB_SERVER_URL']}/{os.environ['GITHUB_REPOSITORY']}" if on_actions else None,
        help="https://github.com/owner/name (default: this run's repository on GitHub Actions, "
        "else found from the contact or the address)",
    )
    arguments = parser.parse_args(argv)
    try:
        path = write_security_txt(
            arguments.site, arguments.contact, arguments.site_url, repository=arguments.repository
        )
    except SecurityTxtError as error:
        print(f"security.txt: {error}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
