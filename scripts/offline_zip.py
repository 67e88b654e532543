#!/usr/bin/env python3
"""Zip the offline copy of the site (`make offline`) and say how big it is.

Usage: python scripts/offline_zip.py FOLDER ZIP

The post-build step has already made the copy's links work from a folder
(`scripts/build_site.py --offline`, turning_no.site.finish).

The zip holds one folder (FOLDER's name), so unzipping it never scatters pages
over a USB stick's root. Entries are sorted and dated 1980-01-01, so the same
site gives the same zip.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def make_zip(folder: Path, destination: Path) -> int:
    """Write `destination` from `folder`; return how many files it holds."""
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", (1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
    return len(files)


def main(arguments: list[str]) -> int:
    if len(arguments) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    folder, destination = Path(arguments[0]), Path(arguments[1])
    if not (folder / "index.html").is_file():
        print(f"{folder}: no index.html here; build the offline site first (make offline)", file=sys.stderr)
        return 2
    count = make_zip(folder, destination)
    size = destination.stat().st_size
    print(f"{destination}: {count} files, {size / 1024:.0f} KB. Unzip it and open {folder.name}/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
