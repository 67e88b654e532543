"""The offline copy (`make offline`): the site opened from a folder, with no server and no internet.

Material's `offline` plugin makes links work from file:// and inlines the search
index. Its search runs in a Web Worker, which browsers refuse to start from
file://; Material's answer is the `iframe-worker` shim, loaded from unpkg.com
unless `extra.polyfills` already names it. We serve the shim from the site
instead: it comes from npm (pinned in package-lock.json), so nothing is fetched
from another host when a reader opens the copy.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from turning_no.model.urls import DOWNLOADS, base_path, with_slash

#: Where the shim is served from in the built site. Material looks for
#: "iframe-worker" in `extra.polyfills` to know it need not add unpkg's copy.
SHIM_URI = "assets/javascripts/iframe-worker/shim.js"
#: Material's features that need a server. Instant navigation fetches pages; from
#: file:// Material skips it, and (in 9.8) that also ends its `document$` stream
#: before the first page is announced, so no page script (worksheets, emails)
#: would start. Material's guide says to turn it off for offline builds.
SERVER_ONLY_FEATURES = ("navigation.instant", "navigation.instant.prefetch", "navigation.instant.progress")
#: A link written from the host's root (`/strategies/x/worksheet/`), not from another host (`//x`).
_ROOT_RELATIVE = re.compile(r'href="(/(?!/)[^"#?]*)((?:[?#][^"]*)?)"')

#: Where npm puts it (`npm ci`, as `make offline` runs it).
SHIM_SOURCE = Path("node_modules") / "iframe-worker" / "shim" / "index.js"


def offline_enabled(config) -> bool:
    """Whether Material's offline plugin is on for this build (OFFLINE=true, see mkdocs.yml).

    The one rule, for the hooks and the post-build step: a plugin named `offline`
    (MkDocs files it as `material/offline`) whose `enabled` is not false. `config` is
    MkDocs' config (plugins by name, each with its config) or mkdocs.yml as read
    (`plugins:` a list of names and `{name: options}`).
    """
    plugins = config["plugins"]
    if isinstance(plugins, list):
        entries = [(entry, {}) if isinstance(entry, str) else next(iter(entry.items())) for entry in plugins]
        found = [(name, (options or {}).get("enabled", True)) for name, options in entries]
    else:
        # Hooks are there too, as modules with no config: overrides/hooks/offline.py is not a plugin.
        found = [(name, getattr(getattr(plugin, "config", None), "enabled", True)) for name, plugin in plugins.items()]
    return any(name.split("/")[-1] == "offline" and enabled is not False for name, enabled in found)


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
    links (`/// download` blocks) start at the host's root, which from a folder is
    the root of the disk; the published address is the one place they always are.
    """
    folder = f"{DOWNLOADS}/"
    return html.replace(f'href="{base_path(site_url)}{folder}', f'href="{with_slash(site_url)}{folder}')


def relative_links(html: str, page: str, site: Path, site_url: str) -> str:
    """Links from the host's root to pages of the copy, made relative to `page`, the file they are in.

    The page lists write their links from the host's root (`/strategies/x/worksheet/`,
    see `turning_no.model.urls.link_to`), which from a folder would lead to the root of
    the disk. Without directory URLs the page is the file `strategies/x/worksheet.html`
    (or `.../worksheet/index.html` for a folder's page): the link leads to whichever
    of them the copy holds, relative to `page` (for example `worksheets.html`). Links
    to files the copy does not hold are left as they are.
    """
    base = base_path(site_url)
    folder = posixpath.dirname(page)

    def relative(match: re.Match) -> str:
        path, rest = match.group(1), match.group(2)
        if not path.startswith(base):
            return match.group(0)
        inside = path[len(base) :]
        if inside == "" or inside.endswith("/"):
            candidates = [inside + "index.html", inside.rstrip("/") + ".html"] if inside else ["index.html"]
        else:
            candidates = [inside]
        target = next((name for name in candidates if (site / name).is_file()), None)
        if target is None:
            return match.group(0)
        return f'href="{posixpath.relpath(target, folder or ".")}{rest}"'

    return _ROOT_RELATIVE.sub(relative, html)
