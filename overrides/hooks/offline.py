"""MkDocs hook: when Material's offline plugin is on, serve the iframe-worker shim from the site
and turn off instant navigation, which needs a server.

Thin glue (see DESIGN.md): the reasons and paths are in turning_no.site.offline.
"""

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from turning_no.site.offline import (
    SHIM_URI,
    offline_enabled,
    point_downloads_online,
    shim_source,
    without_server_only_features,
)


# Before the offline plugin's own on_config (priority 0), which adds unpkg's copy
# unless a polyfill named "iframe-worker" is already there.
@event_priority(100)
def on_config(config):
    if offline_enabled(config):
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM_URI]
        config.theme["features"] = without_server_only_features(config.theme["features"])
    return config


def on_files(files, config):
    if not offline_enabled(config):
        return files
    try:
        source = shim_source(Path(config.config_file_path).parent)
    except ValueError as error:
        raise Abort(str(error)) from None
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(source)))
    return files


def on_page_content(html, page, config, files):
    if offline_enabled(config) and config.site_url:
        return point_downloads_online(html, config.site_url)
    return html
