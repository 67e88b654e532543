#!/usr/bin/env python3
"""The two engines side by side (`make bench-engines`): a benchmark that prints figures, not a test.

For each engine, RUNS clean builds of the site, timing separately the three
steps of `make site`: the checks before the engine, the engine, and the
post-build step. Prints the median and the range of each, in seconds.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from turning_no.checks.runner import run_gates
from turning_no.model.config import CONFIG_NAME, read_config
from turning_no.site.engines import ENGINES, build
from turning_no.site.finish import finish_site

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("RUNS", "5"))


def timed(step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def one_build(engine: str, site: Path) -> dict[str, float]:
    config = read_config(ROOT / CONFIG_NAME)

    def engine_step():
        result = build(engine, ROOT, site)
        if result.returncode != 0:
            sys.exit(f"{engine} failed:\n{result.stdout}{result.stderr}")

    return {
        "checks": timed(lambda: run_gates(config.docs_dir, root=ROOT)),
        "engine": timed(engine_step),
        "post-build": timed(lambda: finish_site(site, config)),
    }


def main() -> int:
    print(f"Clean builds of the site, {RUNS} per engine; seconds, median (min to max). Load: {os.getloadavg()[0]:.2f}")
    print(f"{'engine':<10}{'checks':>20}{'engine':>20}{'post-build':>20}{'total':>20}")
    with tempfile.TemporaryDirectory() as folder:
        for engine in ENGINES:
            runs = [one_build(engine, Path(folder) / engine) for _ in range(RUNS)]
            for run in runs:
                run["total"] = sum(run.values())
            cells = []
            for step in ("checks", "engine", "post-build", "total"):
                values = [run[step] for run in runs]
                cells.append(f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})")
            print(f"{engine:<10}" + "".join(f"{cell:>20}" for cell in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
