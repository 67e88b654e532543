"""The one local HTTP server for a built site: the packets, the page-count script, the benchmark and the tests.

A browser reads the site over HTTP on 127.0.0.1, as on the web (pages load their CSS
and scripts, and Material's instant navigation works where the site is served at its
`site_url`). The port is free and chosen when the server starts, so a caller can
start it before the site is built and build for its address (the tests do).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

HOST = "127.0.0.1"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files of one folder, with no log line per request and with the server's extra headers."""

    headers_to_send: dict[str, str] = {}

    def log_message(self, format, *args):  # noqa: A002 (the signature http.server calls)
        pass

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


class Server:
    """A running server on a free port of 127.0.0.1; `url` ends in '/'. Close it, or use it in `with`.

    By default it serves the files of `folder` (adding `headers` to each response);
    `handler` replaces the request handler (the benchmark's compresses and counts bytes).
    """

    def __init__(
        self,
        folder: Path,
        headers: dict[str, str] | None = None,
        handler: Callable[..., http.server.BaseHTTPRequestHandler] | None = None,
    ):
        if handler is None:
            quiet = type("Handler", (QuietHandler,), {"headers_to_send": dict(headers or {})})
            handler = functools.partial(quiet, directory=str(folder))
        self.folder = folder
        self._server = http.server.ThreadingHTTPServer((HOST, 0), handler)
        self.url = f"http://{HOST}:{self._server.server_address[1]}/"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


@contextlib.contextmanager
def serve(folder: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """The files of `folder` over HTTP for the length of a `with`: yields the address, ending in '/'."""
    with Server(folder, headers) as server:
        yield server.url
