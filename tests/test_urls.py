"""The one mapping from a source path to its published URL (turning_no.model.urls)."""

from __future__ import annotations

import pytest

from turning_no.model.urls import (
    address_of,
    base_path,
    built_file,
    link_to,
    link_to_file,
    source_of,
    url_of,
    url_of_file,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("src_uri", "url", "offline", "built"),
    [
        ("index.md", "", "index.html", "index.html"),
        ("next-steps.md", "next-steps/", "next-steps.html", "next-steps/index.html"),
        ("strategies/index.md", "strategies/", "strategies/index.html", "strategies/index.html"),
        (
            "strategies/ask-for-feedback/worksheet.md",
            "strategies/ask-for-feedback/worksheet/",
            "strategies/ask-for-feedback/worksheet.html",
            "strategies/ask-for-feedback/worksheet/index.html",
        ),
        # Only a file named index.md is a folder's page; "reindex.md" is a page of its own.
        ("about/reindex.md", "about/reindex/", "about/reindex.html", "about/reindex/index.html"),
    ],
)
def test_each_source_path_has_one_url_and_one_built_file(src_uri, url, offline, built):
    assert url_of(src_uri) == url
    assert url_of(src_uri, directory_urls=False) == offline
    assert built_file(src_uri) == built
    assert url_of_file(built) == url


@pytest.mark.parametrize(
    ("url", "source"),
    [("", "index.md"), ("./", "index.md"), ("next-steps/", "next-steps.md"), ("a/b/#part", "a/b.md")],
)
def test_an_address_names_the_file_that_was_there(url, source):
    assert source_of(url) == source


@pytest.mark.parametrize(
    ("site_url", "base"),
    [
        ("", "/"),
        ("http://127.0.0.1:8000/", "/"),
        ("http://127.0.0.1:8000", "/"),
        ("https://careers.example.edu/guide/", "/guide/"),
        ("https://careers.example.edu/guide", "/guide/"),
    ],
)
def test_links_start_at_the_site_s_own_path_on_its_host(site_url, base):
    assert base_path(site_url) == base
    assert link_to("strategies/x/email.md", site_url, "ask") == f"{base}strategies/x/email/#ask"
    assert link_to("index.md", site_url) == base
    assert link_to_file("downloads/guide.pdf", site_url) == f"{base}downloads/guide.pdf"


def test_a_full_address_is_the_site_s_address_and_the_page_s_url():
    site = "https://careers.example.edu/guide"
    assert address_of("strategies/x/index.md", site) == "https://careers.example.edu/guide/strategies/x/"
    assert address_of("index.md", site + "/") == "https://careers.example.edu/guide/"
    assert address_of("a/email.md", site, "t") == "https://careers.example.edu/guide/a/email/#t"
