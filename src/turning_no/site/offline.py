"""The offline copy (`make offline`): the site opened from a folder, with no server and no internet.

Material's `offline` plugin makes links work from file:// and inlines the search
index. Its search runs in a Web Worker, which browsers refuse to start from
file://; Material's answer is the `iframe-worker` shim, loaded from unpkg.com
unless `extra.polyfills` already names it. We serve the shim from the site
instead: it comes from npm (pinned in package-lock.json), so nothing is fetched
from another host when a reader opens the copy.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Where the shim is served from in the built site. Material looks for
#: "iframe-worker" in `extra.polyfills` to know it need not add unpkg's copy.
SHIM_URI = "assets/javascripts/iframe-worker/shim.js"
#: Material's features that need a server. Instant navigation fetches pages; from
#: file:// Material skips it, and (in 9.8) that also ends its `document$` stream
#: before the first page is announced, so no page script (worksheets, emails)
#: would start. Material's guide says to turn it off for offline builds.
SERVER_ONLY_FEATURES = ("navigation.instant", "navigation.instant.prefetch", "navigation.instant.progress")
#: A link to the downloads/ folder (the PDFs and the zip that `make packet` and
#: `make offline` add after the build), written relative to a page's address.
DOWNLOAD_LINK = re.compile(r'href="(?:\.\./)+downloads/')

#: Where npm puts it (`npm ci`, as `make offline` runs it).
SHIM_SOURCE = Path("node_modules") / "iframe-worker" / "shim" / "index.js"


def offline_enabled(config) -> bool:
    """Whether Material's offline plugin is on for this build (OFFLINE=true, see mkdocs.yml)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


def without_server_only_features(features: list[str]) -> list[str]:
    """The theme's features minus those that cannot work from file://."""
    return [feature for feature in features if feature not in SERVER_ONLY_FEATURES]


def shim_source(project: Path) -> Path:
    """The shim's file from npm, or a ValueError that says how to install it."""
    path = project / SHIM_SOURCE
    if not path.is_file():
        raise ValueError(
            f"the offline copy needs the iframe-worker shim at {path}, which is not there. "
            "Install it with `npm ci --ignore-scripts` (make offline does this), then build again"
        )
    return path


def point_downloads_online(html: str, site_url: str) -> str:
    """Send the copy's download links to the published site.

    The packets and the zip are made after the site is built and are not in the
    copy (the zip cannot hold itself, and the PDFs would double its size). Their
    links are written for the published site's folder addresses, so from the
    copy's `page.html` files they would point one folder too high; the published
    address is the one place they always are.
    """
    return DOWNLOAD_LINK.sub(f'href="{site_url.rstrip("/")}/downloads/', html)
