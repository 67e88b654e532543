"""/.well-known/security.txt (turning_no.site.security_txt): RFC 9116 fields from the one contact setting."""

from __future__ import annotations

import datetime
import re

import pytest

from turning_no.site.security_txt import (
    SecurityTxtError,
    main,
    render_security_txt,
    repository_url,
    write_security_txt,
)

pytestmark = pytest.mark.unit

TODAY = datetime.date(2026, 11, 20)
ISSUES = "https://github.com/someone/turning-no/issues"
SITE = "https://someone.github.io/turning-no/"


def fields(text: str) -> list[tuple[str, str]]:
    return [tuple(line.split(": ", 1)) for line in text.splitlines()]


def test_the_fields_for_a_fork_on_github_pages():
    assert fields(render_security_txt(ISSUES, SITE, TODAY)) == [
        ("Contact", "https://github.com/someone/turning-no/security/advisories/new"),
        ("Contact", ISSUES),
        ("Expires", "2027-05-19T00:00:00Z"),
        ("Policy", "https://github.com/someone/turning-no/blob/HEAD/SECURITY.md"),
        ("Canonical", "https://someone.github.io/turning-no/.well-known/security.txt"),
        ("Preferred-Languages", "en"),
    ]


def test_expires_is_180_days_on_in_rfc_3339_utc():
    text = render_security_txt("mailto:help@example.org", "https://example.org/", datetime.date(2026, 12, 31))
    (expires,) = [value for name, value in fields(text) if name == "Expires"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", expires)
    moment = datetime.datetime.fromisoformat(expires)
    assert moment.utcoffset() == datetime.timedelta(0)
    assert moment.date() - datetime.date(2026, 12, 31) == datetime.timedelta(days=180)


def test_a_mail_contact_on_a_custom_domain_has_no_policy_unless_the_repository_is_given():
    text = render_security_txt("mailto:careers@college.edu", "https://careers.college.edu/guide", TODAY)
    assert fields(text) == [
        ("Contact", "mailto:careers@college.edu"),
        ("Expires", "2027-05-19T00:00:00Z"),
        ("Canonical", "https://careers.college.edu/guide/.well-known/security.txt"),
        ("Preferred-Languages", "en"),
    ]
    text = render_security_txt(
        "mailto:careers@college.edu",
        "https://careers.college.edu/guide/",
        TODAY,
        repository="https://github.com/college/turning-no/",
    )
    assert ("Policy", "https://github.com/college/turning-no/blob/HEAD/SECURITY.md") in fields(text)
    assert fields(text)[0] == ("Contact", "https://github.com/college/turning-no/security/advisories/new")


def test_the_languages_can_be_given():
    text = render_security_txt(ISSUES, SITE, TODAY, languages=["es", "en"])
    assert text.endswith("Preferred-Languages: es, en\n")


@pytest.mark.parametrize(
    ("contact", "site_url", "expected"),
    [
        (ISSUES, "https://example.org/", "https://github.com/someone/turning-no"),
        ("https://github.com/someone/turning-no.git", "https://example.org/", "https://github.com/someone/turning-no"),
        ("mailto:a@example.org", SITE, "https://github.com/someone/turning-no"),
        ("mailto:a@example.org", "https://someone.github.io/", "https://github.com/someone/someone.github.io"),
        ("mailto:a@example.org", "https://example.org/", None),
        ("https://forms.example.org/report", "http://127.0.0.1:8000/", None),
    ],
)
def test_the_repository_is_found_from_the_contact_or_the_address(contact, site_url, expected):
    assert repository_url(contact, site_url) == expected


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("", "extra.contact in mkdocs.yml is empty"),
        ("   ", "extra.contact in mkdocs.yml is empty"),
        ("careers@college.edu", "write an email address as mailto:careers@college.edu"),
        ("http://college.edu/report", "use an https:// page or a mailto: address"),
        ("college.edu/report", "use an https:// page or a mailto: address"),
        ("https://college.edu/report a problem", "with no spaces"),
    ],
)
def test_a_contact_security_txt_cannot_give_is_refused_with_how_to_fix_it(contact, expected):
    with pytest.raises(SecurityTxtError, match=re.escape(expected)):
        render_security_txt(contact, SITE, TODAY)


@pytest.mark.parametrize("site_url", ["", "site/", "/turning-no/", "ftp://example.org/"])
def test_a_site_url_that_is_not_a_full_address_is_refused(site_url):
    with pytest.raises(SecurityTxtError, match="is not a full web address"):
        render_security_txt(ISSUES, site_url, TODAY)


def test_write_puts_it_in_the_dot_folder_of_the_built_site(tmp_path):
    path = write_security_txt(tmp_path, ISSUES, SITE, TODAY)
    assert path == tmp_path / ".well-known" / "security.txt"
    assert path.read_text(encoding="utf-8") == render_security_txt(ISSUES, SITE, TODAY)
    # A later build moves the expiry date on.
    write_security_txt(tmp_path, ISSUES, SITE, TODAY + datetime.timedelta(days=30))
    assert "Expires: 2027-06-18T00:00:00Z" in path.read_text(encoding="utf-8")


def test_write_without_a_date_uses_today_in_utc(tmp_path):
    path = write_security_txt(tmp_path, ISSUES, SITE)
    today = datetime.datetime.now(datetime.UTC).date()
    assert f"Expires: {today + datetime.timedelta(days=180)}T00:00:00Z" in path.read_text(encoding="utf-8")


def test_write_into_a_missing_folder_says_build_first(tmp_path):
    with pytest.raises(SecurityTxtError, match="build the site first"):
        write_security_txt(tmp_path / "site", ISSUES, SITE, TODAY)


def test_the_command_line_writes_the_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "center/guide")
    assert main([str(tmp_path), "--contact", "mailto:a@example.org", "--site-url", "https://guide.example.org/"]) == 0
    assert "wrote" in capsys.readouterr().out
    text = (tmp_path / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert "Policy: https://github.com/center/guide/blob/HEAD/SECURITY.md" in text


def test_the_command_line_reports_an_empty_contact_in_one_line_without_a_traceback(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SITE_CONTACT", raising=False)
    assert main([str(tmp_path), "--site-url", SITE]) == 2
    error = capsys.readouterr().err
    assert error.startswith("security.txt: extra.contact in mkdocs.yml is empty")
    assert "Traceback" not in error
    assert error.count("\n") == 1
    assert not (tmp_path / ".well-known").exists()
