"""The one local server for a built site (turning_no.site.server)."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from turning_no.site.server import Server, serve

pytestmark = pytest.mark.unit


def test_it_serves_the_folder_on_127_0_0_1_with_the_extra_headers_until_closed(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>", encoding="utf-8")
    with Server(tmp_path, headers={"LinkChecker": "allow"}) as server:
        assert server.url.startswith("http://127.0.0.1:") and server.url.endswith("/")
        with urllib.request.urlopen(server.url + "page/") as response:
            assert response.read() == b"<p>hello</p>"
            assert response.headers["LinkChecker"] == "allow"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(server.url + "page/", timeout=2)


def test_serve_gives_the_address_for_a_with_block(tmp_path):
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    with serve(tmp_path) as url, urllib.request.urlopen(url) as response:
        assert response.read() == b"home" and "LinkChecker" not in response.headers
