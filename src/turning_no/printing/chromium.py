"""Which Chromium the scripts and tests drive, and how: the system's own, never a downloaded one,
reading the built site over HTTP on 127.0.0.1 (pages load their CSS and scripts as on the web)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

#: Said when no browser is found.
MISSING = "no Chromium found: install Debian's chromium or set CHROMIUM to a Chrome or Chromium binary"

#: Flags for a headless Chromium on a machine with no display and a closed network: without the
#: background-networking flags it keeps trying to reach Google's hosts.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def chromium_path() -> str | None:
    """CHROMIUM if set, else `chromium` on the PATH, else Debian's; None when none of them exists."""
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the signature http.server calls)
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """The built site over HTTP on a free port of 127.0.0.1 (pages load their CSS as on the web)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
