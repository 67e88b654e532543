"""Which Chromium the scripts and tests drive, and how: the system's own, never a downloaded one.
It reads the built site over HTTP on 127.0.0.1 (`turning_no.site.server`)."""

from __future__ import annotations

import os
import shutil
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
