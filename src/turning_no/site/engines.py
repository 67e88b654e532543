"""The engines that turn docs/ into HTML: MkDocs (the default) and Zensical, its successor.

Both read mkdocs.yml. Everything else the site needs happens before the engine
(the checks, scripts/build_site.py) or after it (turning_no.site.finish), so
switching engine changes this file's one call and nothing else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
#: Zensical takes its output folder from the config and wants it inside the project;
#: each build gets its own (and its own config file), so that two builds at once
#: (parallel tests) do not write into one folder.
_ZENSICAL_CONFIG = ".zensical-{run}.yml"
_ZENSICAL_SITE = "build/zensical-site-{run}"


def _mkdocs(project: Path, site_dir: Path, env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)


def _zensical(project: Path, site_dir: Path, env: dict) -> subprocess.CompletedProcess:
    # A small config that inherits mkdocs.yml and names the output folder. --clean:
    # Zensical's cache would otherwise hide a page that no longer builds.
    run = uuid.uuid4().hex[:12]
    config = project / _ZENSICAL_CONFIG.format(run=run)
    output = project / _ZENSICAL_SITE.format(run=run)
    config.write_text(
        "# Written by turning_no.site.engines for one Zensical build; safe to delete.\n"
        f"INHERIT: mkdocs.yml\nsite_dir: {_ZENSICAL_SITE.format(run=run)}\n",
        encoding="utf-8",
    )
    executable = Path(sys.executable).with_name("zensical")
    program = str(executable) if executable.exists() else "zensical"
    command = [program, "build", "--clean", "--strict", "-f", config.name]
    try:
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    finally:
        config.unlink(missing_ok=True)
    if result.returncode == 0:
        shutil.rmtree(site_dir, ignore_errors=True)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(output), str(site_dir))
    shutil.rmtree(output, ignore_errors=True)
    return result


_BUILDERS = {"mkdocs": _mkdocs, "zensical": _zensical}


def build(engine: str, project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Build the site into `site_dir` with `engine`; the caller reads returncode and output."""
    if engine not in _BUILDERS:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return _BUILDERS[engine](project.resolve(), site_dir.resolve(), environment)
