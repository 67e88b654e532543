"""MkDocs-only glue: the live preview (`make serve`) and the offline copy (`make offline`).

Builds go through scripts/build_site.py, which checks the content before the
engine and finishes the HTML after it (turning_no.site.finish), the same for
MkDocs and Zensical. Two things only MkDocs can do stay here:

- While previewing (`mkdocs serve`, or any build without --strict), a page whose
  blocks are broken shows what to fix in place of its content (our Markdown
  extensions would raise ContentError on it), content problems are logged as
  warnings, and the brand's accent style sheet is served.
- When Material's offline plugin is on (OFFLINE=true), the iframe-worker shim is
  served from the site instead of unpkg.com, and instant navigation, which needs a
  server, is turned off.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from turning_no.checks.content import check_docs
from turning_no.site.brand import accent_css
from turning_no.site.bundles import write_bundles
from turning_no.site.finish import ACCENT_CSS
from turning_no.site.offline import SHIM_URI, offline_enabled, shim_source, without_server_only_features

log = logging.getLogger("mkdocs.hooks.turning_no")
_BLOCK_RULES = {"block", "worksheet-field", "email-template"}
_previewing = False
# The problems of each page whose blocks cannot be rendered, by docs-relative path.
_unrenderable: dict[str, list] = {}


# Before the offline plugin's own on_config (priority 0), which adds unpkg's copy
# unless a polyfill named "iframe-worker" is already there.
@event_priority(100)
def on_config(config):
    if offline_enabled(config):
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM_URI]
        config.theme["features"] = without_server_only_features(config.theme["features"])
    return config


def on_pre_build(config):
    global _previewing
    # make serve builds with --no-strict; scripts/build_site.py with --strict, after its own checks.
    _previewing = not config["strict"]
    _unrenderable.clear()
    if not _previewing:
        return
    docs_dir = Path(config["docs_dir"]).resolve()
    root = Path(config["config_file_path"]).parent.resolve()
    for problem in check_docs(docs_dir, root=root):
        log.warning(str(problem))
        if problem.rule in _BLOCK_RULES:
            page = (root / problem.path).resolve().relative_to(docs_dir).as_posix()
            _unrenderable.setdefault(page, []).append(problem)


def on_files(files, config):
    accent = str((config.extra.get("brand") or {}).get("accent") or "").strip()
    if _previewing and accent:
        files.append(File.generated(config, ACCENT_CSS, content=accent_css(accent)))
    if offline_enabled(config):
        try:
            source = shim_source(Path(config.config_file_path).parent)
        except ValueError as error:
            raise Abort(str(error)) from None
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(source)))
    return files


def on_page_markdown(markdown, page, config, files):
    """While serving, a page with broken blocks shows what to fix instead of stopping the server."""
    problems = _unrenderable.get(page.file.src_uri)
    if not problems:
        return markdown
    items = "\n".join(f"    - Line {problem.line}: {problem.message}" for problem in problems)
    return f'!!! failure "This page has content problems to fix"\n\n{items}\n'


def on_post_build(config):
    """While serving, the bundles each page type loads (the post-build step writes them for builds)."""
    if _previewing:
        write_bundles(Path(config["site_dir"]), minify=False)
