#!/usr/bin/env python3
"""Zip the offline copy of the site (`make offline`) and say how big it is.

Usage: python scripts/offline_zip.py FOLDER ZIP

First the links that start at the host's root (the page lists write them so) are
made relative to their page, so that they work from a folder
(`turning_no.site.offline.make_links_relative`; the site's path is read from
mkdocs.yml's `site_url`, which SITE_URL sets, as in the build).

The zip holds one folder (FOLDER's name), so unzipping it never scatters pages
over a USB stick's root. Entries are sorted and dated 1980-01-01, so the same
site gives the same zip.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from turning_no.site.offline import make_links_relative

CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def configured_site_url(config_file: Path = CONFIG) -> str:
    """mkdocs.yml's site_url, with !ENV read as the build reads it."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=get_yaml_loader()) or {}
    return str(config.get("site_url") or "")


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
    make_links_relative(folder, configured_site_url())
    count = make_zip(folder, destination)
    size = destination.stat().st_size
    print(f"{destination}: {count} files, {size / 1024:.0f} KB. Unzip it and open {folder.name}/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
