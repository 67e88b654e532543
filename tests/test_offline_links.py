"""The offline copy's links, without a build: links from the host's root become relative to their file."""

from __future__ import annotations

import pytest

from turning_no.model.config import SiteConfig
from turning_no.site.finish import finish_site
from turning_no.site.offline import offline_enabled, point_downloads_online, relative_links

pytestmark = pytest.mark.unit


@pytest.fixture
def copy(tmp_path):
    """A built copy without directory URLs: x.md is x.html, x/index.md is x/index.html."""
    for name in ("index.html", "worksheets.html", "strategies/index.html", "strategies/a/worksheet.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<p>page</p>", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("page", "href", "expected"),
    [
        ("worksheets.html", "/strategies/a/worksheet/", "strategies/a/worksheet.html"),
        ("strategies/index.html", "/strategies/a/worksheet/#part", "a/worksheet.html#part"),
        ("strategies/a/worksheet.html", "/strategies/", "../index.html"),
        ("strategies/a/worksheet.html", "/", "../../index.html"),
        ("worksheets.html", "/worksheets/", "worksheets.html"),
    ],
)
def test_a_link_from_the_host_s_root_leads_to_the_copy_s_own_file(copy, page, href, expected):
    html = f'<a href="{href}">x</a>'
    assert relative_links(html, page, copy, "http://127.0.0.1:8000/") == f'<a href="{expected}">x</a>'


def test_under_a_subpath_only_links_into_the_site_are_changed(copy):
    html = '<a href="/guide/worksheets/">a</a><a href="/elsewhere/">b</a><a href="//cdn.example/x">c</a>'
    assert relative_links(html, "index.html", copy, "https://careers.example.edu/guide/") == (
        '<a href="worksheets.html">a</a><a href="/elsewhere/">b</a><a href="//cdn.example/x">c</a>'
    )


def test_a_link_to_a_file_the_copy_does_not_hold_is_left_alone(copy):
    html = '<a href="/downloads/guide.pdf">guide</a><a href="/strategies/b/">b</a>'
    assert relative_links(html, "index.html", copy, "") == html


def test_the_post_build_step_rewrites_every_page_of_the_offline_copy(copy, tmp_path):
    (copy / "worksheets.html").write_text('<a href="/strategies/a/worksheet/">a</a>', encoding="utf-8")
    config = SiteConfig(tmp_path / "mkdocs.yml", {"site_url": "http://127.0.0.1:8000/"})
    finish_site(copy, config, offline=True)
    assert (copy / "worksheets.html").read_text(encoding="utf-8") == '<a href="strategies/a/worksheet.html">a</a>'


@pytest.mark.parametrize(
    ("site_url", "href"),
    [("http://127.0.0.1:8000/", "/downloads/guide.pdf"), ("https://x.edu/guide", "/guide/downloads/guide.pdf")],
)
def test_download_links_lead_to_the_published_site(site_url, href):
    published = site_url.rstrip("/") + "/downloads/guide.pdf"
    assert point_downloads_online(f'<a href="{href}">g</a>', site_url) == f'<a href="{published}">g</a>'


class _Plugin:
    def __init__(self, **config):
        self.config = type("Config", (), config)()


@pytest.mark.parametrize(
    ("plugins", "expected"),
    [
        ({"search": _Plugin(), "material/offline": _Plugin(enabled=True)}, True),
        ({"search": _Plugin(), "material/offline": _Plugin(enabled=False)}, False),
        ({"offline": _Plugin()}, True),  # no `enabled`: the plugin is on
        ({"search": _Plugin(), "material/privacy": _Plugin(enabled=True)}, False),
        ({"overrides/hooks/offline.py": object(), "overrides/hooks/csp.py": object()}, False),  # hooks
        ({"overrides/hooks/csp.py": object(), "material/offline": _Plugin(enabled=True)}, True),
        (["search", {"offline": {"enabled": True}}], True),  # mkdocs.yml as read
        (["search", {"offline": {"enabled": False}}], False),
        (["search", "offline"], True),
        (["search", {"privacy": {"assets_fetch": False}}], False),
    ],
)
def test_one_rule_says_whether_the_build_is_the_offline_copy(plugins, expected):
    assert offline_enabled({"plugins": plugins}) is expected
