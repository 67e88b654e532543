"""MkDocs hook: a Content-Security-Policy <meta> tag on every page, the 404 page included.

Thin glue: turning_no.site.csp hashes each page's inline scripts and writes the
policy. Run it last, so the hashes are of the page as it is published.

Skipped when Material's `offline` plugin is on: pages opened from file:// have
no web origin, so 'self' would match none of the site's own files and the
search (an iframe worker there) would be blocked. The offline copy is read on
the reader's own device, where nothing is fetched from a server anyway.
"""

from pathlib import Path

from turning_no.site.csp import add_policy, page_policy

# `mkdocs serve` adds an inline live-reload script to every page it serves, after the
# build; no hash can allow it, so the preview goes without the policy. Built pages,
# and so the tests and the published site, always carry it.
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def _offline(config) -> bool:
    for name, plugin in config["plugins"].items():
        if name.split("/")[-1] == "offline" and getattr(plugin.config, "enabled", True):
            return True
    return False


def _wanted(config) -> bool:
    return not _serving and not _offline(config)


def on_post_page(output, page, config):
    return add_policy(output) if _wanted(config) else output


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a template of its own; sitemap.xml is not a page.
    if not template_name.endswith(".html") or not _wanted(config):
        return output_content
    return add_policy(output_content)


def on_post_build(config):
    # Pages that plugins write after the build (mkdocs-redirects' stubs, for one) get the policy too.
    # Hooks run after plugins, so they are all on disk by now.
    if not _wanted(config):
        return
    for path in Path(config["site_dir"]).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if page_policy(html) is None:
            path.write_text(add_policy(html), encoding="utf-8")
