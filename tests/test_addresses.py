"""Published addresses are kept for good (turning_no.checks.addresses, published-addresses.txt).

The real site against the list, both ways; a moved page with a redirect keeps its old
address working (in a real build and a real browser), and without the redirect the
check fails and says how to fix it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PHONE, ROOT, html_pages

from turning_no.checks.addresses import LIST_NAME, Listed, gone, is_redirect, read_list, read_site, unlisted
from turning_no.site.server import serve

LIST = ROOT / LIST_NAME

# mkdocs-redirects' page for a moved address, as it writes it.
REDIRECT = """
<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Redirecting...</title>
    <link rel="canonical" href="{url}">
    <script>var anchor=window.location.hash.substr(1);location.href="{url}"+(anchor?"#"+anchor:"")</script>
    <meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
You're being redirected to a <a href="{url}">new destination</a>.
</body>
</html>
"""


def write(site: Path, relative: str, html: str) -> None:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def page(*ids: str, templates: tuple[str, ...] = ()) -> str:
    parts = [f'<h2 id="{name}">x</h2>' for name in ids]
    parts += [f'<div id="{name}" data-email-template="{name}">x</div>' for name in templates]
    return "<!doctype html><html><body>" + "".join(parts) + "</body></html>"


def listed(*addresses: str) -> list[Listed]:
    return [Listed(address, number) for number, address in enumerate(addresses, start=20)]


def messages(problems) -> str:
    return "\n".join(str(problem) for problem in problems)


# --- The check itself, on small hand-made sites ------------------------------


@pytest.mark.unit
def test_a_listed_address_with_nothing_there_is_named_with_its_line_and_the_fix(tmp_path):
    write(tmp_path, "index.html", page())
    problems = gone(read_site(tmp_path), listed("./", "strategies/old-name/worksheet/"), LIST_NAME)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.line, problem.rule) == (LIST_NAME, 21, "published-address")
    assert "'strategies/old-name/worksheet/' was published" in problem.message
    assert "redirect_maps" in problem.message and "'strategies/old-name/worksheet.md: new/place.md'" in problem.message


@pytest.mark.unit
def test_a_redirect_keeps_an_address_and_is_followed_to_its_page(tmp_path):
    write(tmp_path, "first-week/index.html", page("day-1"))
    write(tmp_path, "next-steps/index.html", REDIRECT.format(url="../first-week/"))
    site = read_site(tmp_path)
    assert site.redirects == {"next-steps/": "first-week/"}
    assert site.follow("next-steps/") == "first-week/"
    assert gone(site, listed("next-steps/", "first-week/", "next-steps/#day-1"), LIST_NAME) == []
    # A redirect page is not a page of its own: it is not asked to be listed.
    assert messages(unlisted(site, listed("next-steps/", "first-week/"), LIST_NAME)) == ""
    assert is_redirect(tmp_path / "next-steps/index.html") and html_pages(tmp_path) == [
        tmp_path / "first-week/index.html"
    ]


@pytest.mark.unit
def test_a_redirect_to_the_home_page_and_to_another_site_count(tmp_path):
    write(tmp_path, "index.html", page())
    write(tmp_path, "old/index.html", REDIRECT.format(url="../"))
    write(tmp_path, "gone/index.html", REDIRECT.format(url="https://careers.example.edu/"))
    assert gone(read_site(tmp_path), listed("./", "old/", "gone/"), LIST_NAME) == []


@pytest.mark.unit
def test_a_redirect_to_nowhere_does_not_count(tmp_path):
    write(tmp_path, "next-steps/index.html", REDIRECT.format(url="../first-week/"))
    assert "'next-steps/' was published" in messages(gone(read_site(tmp_path), listed("next-steps/"), LIST_NAME))


@pytest.mark.unit
def test_an_email_template_whose_id_is_gone_is_named(tmp_path):
    write(tmp_path, "a/email/index.html", page(templates=("ask-nicely",)))
    problems = gone(read_site(tmp_path), listed("a/email/", "a/email/#ask-nicely", "a/email/#ask-twice"), LIST_NAME)
    assert len(problems) == 1
    assert "'a/email/#ask-twice' was published" in problems[0].message
    assert "'/// email | ask-twice'" in problems[0].message


@pytest.mark.unit
def test_new_pages_and_templates_must_be_added_to_the_list(tmp_path):
    write(tmp_path, "index.html", page())
    write(tmp_path, "a/email/index.html", page(templates=("ask-nicely",)))
    write(tmp_path, "404.html", page())
    found = messages(unlisted(read_site(tmp_path), listed("./"), LIST_NAME))
    assert f"'a/email/' is a new published address: add the line 'a/email/' to {LIST_NAME}" in found
    assert "'a/email/#ask-nicely' is a new published address" in found
    assert "404" not in found


@pytest.mark.unit
def test_the_list_skips_comments_and_blank_lines_and_keeps_line_numbers(tmp_path):
    path = tmp_path / LIST_NAME
    path.write_text("# A comment\n\n./\n  about/  \n# strategies/\na/email/#ask\n", encoding="utf-8")
    assert read_list(path) == [Listed("./", 3), Listed("about/", 4), Listed("a/email/#ask", 6)]


# --- The real site -------------------------------------------------------------


@pytest.mark.build
def test_every_published_address_still_opens_a_page_or_a_redirect(built_site):
    entries = read_list(LIST)
    assert len(entries) > 40
    problems = gone(read_site(built_site), entries, LIST_NAME)
    assert problems == [], "Published addresses that no longer open anything:\n" + messages(problems)


@pytest.mark.build
def test_every_page_and_email_template_of_the_site_is_in_the_list(built_site):
    problems = unlisted(read_site(built_site), read_list(LIST), LIST_NAME)
    assert problems == [], "Addresses the site publishes that the list does not hold:\n" + messages(problems)


@pytest.mark.build
def test_a_renamed_page_with_a_redirect_keeps_its_old_address(moved_site):
    site = read_site(moved_site)
    assert site.redirects == {"next-steps/": "first-week/"}
    assert gone(site, read_list(LIST), LIST_NAME) == []
    # The new address is new: the list asks for it, and only for it.
    assert [problem.message.split("'")[1] for problem in unlisted(site, read_list(LIST), LIST_NAME)] == ["first-week/"]


@pytest.mark.build
def test_without_the_redirect_the_old_address_fails_and_the_message_says_how_to_fix_it(moved_site, tmp_path):
    # The same site without the redirect page that mkdocs-redirects adds: MkDocs alone sees nothing wrong.
    site = shutil.copytree(moved_site, tmp_path / "site")
    shutil.rmtree(site / "next-steps")
    problems = gone(read_site(site), read_list(LIST), LIST_NAME)
    assert [problem.message.split("'")[1] for problem in problems] == ["next-steps/"]
    assert "redirect_maps, such as 'next-steps.md: new/place.md'" in problems[0].message
    line = next(entry.line for entry in read_list(LIST) if entry.address == "next-steps/")
    assert str(problems[0]).startswith(f"{LIST_NAME}:{line}: published-address: ")


@pytest.mark.browser
def test_a_browser_at_the_old_address_lands_on_the_new_page_at_the_same_heading(moved_site, browser):
    with serve(moved_site) as root:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(root + "next-steps/#day-2-ask-for-feedback")
        page.wait_for_url(root + "first-week/#day-2-ask-for-feedback")
        assert page.locator("article h1").inner_text().startswith("Next steps")
        context.close()
