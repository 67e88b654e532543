"""Where each page of docs/ is published: the one mapping from a source path to its URL.

The site uses directory URLs (MkDocs' and Zensical's default): `a/b.md` is served
at `a/b/` from the file `a/b/index.html`, `a/index.md` at `a/`, and `index.md` at
the site's root. The offline copy turns them off (Material's offline plugin):
`a/b.md` is then the file `a/b.html`. Every part that needs a page's address
(the page lists, the link kit, the packets, the published-address check, the
tests) asks here.
"""

from __future__ import annotations

from urllib.parse import urlsplit

INDEX = "index.md"
#: The folder of the built site that `make packet` and `make offline` fill after the build.
DOWNLOADS = "downloads"


def url_of(src_uri: str, directory_urls: bool = True) -> str:
    """A page's URL relative to the site's root: a/b.md -> a/b/, a/index.md -> a/, index.md -> ''.

    Without directory URLs (the offline copy): a/b.md -> a/b.html, a/index.md -> a/index.html.
    """
    stem = src_uri.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def built_file(src_uri: str, directory_urls: bool = True) -> str:
    """The file a page is written to, relative to the built site: a/b.md -> a/b/index.html."""
    url = url_of(src_uri, directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url


def url_of_file(relative: str) -> str:
    """The reverse of `built_file` for directory URLs: a/b/index.html -> a/b/, index.html -> ''."""
    return relative.removesuffix("index.html")


def source_of(url: str) -> str:
    """The Markdown file most likely published at `url` (a/b/ -> a/b.md, '' -> index.md).

    A folder's own page (a/b/index.md) is published at the same address; callers that
    name the file to an author say so.
    """
    path = url.split("#", 1)[0].removeprefix("./")
    if not path:
        return INDEX
    return path.rstrip("/") + ".md"


def with_slash(site_url: str) -> str:
    """The site's address ending in '/', so that page URLs can be appended."""
    return site_url if site_url.endswith("/") else site_url + "/"


def base_path(site_url: str) -> str:
    """The path part of the site's address, where the site lives on its host: '/' or '/guide/'."""
    path = urlsplit(site_url or "/").path
    return with_slash("/" + path.lstrip("/"))


def address_of(src_uri: str, site_url: str, fragment: str = "") -> str:
    """A page's full published address: https://example.edu/guide/strategies/x/worksheet/#part."""
    return with_slash(site_url) + url_of(src_uri) + (f"#{fragment}" if fragment else "")


def link_to(src_uri: str, site_url: str = "", fragment: str = "") -> str:
    """A link to a page from any page of the same site: its URL from the host's root,
    /guide/strategies/x/worksheet/#part. It needs no knowledge of the page it is on and
    no rewriting by the engine, so MkDocs and Zensical publish it the same way."""
    return base_path(site_url) + url_of(src_uri) + (f"#{fragment}" if fragment else "")


def link_to_file(path: str, site_url: str = "") -> str:
    """A link to a file of the built site that is not a page (downloads/guide.pdf), from the host's root."""
    return base_path(site_url) + path.lstrip("/")
