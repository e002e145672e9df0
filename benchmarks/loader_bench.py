#!/usr/bin/env python3
"""Time brief's loader against a bare libyaml parse of the same file; print JSON.

    python benchmarks/loader_bench.py FILE [--runs N]

Run by ``run.py`` in a fresh process per file, so one file's memory does not weigh on
the next. Bare parse and loader runs alternate (yaml, loader, yaml, loader, ...) so
that drift in the machine's speed falls on both alike.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _bare_parse(path: Path, collector: bool = True) -> float:
    """Seconds for ``yaml.load(f, Loader=yaml.CSafeLoader)``; without ``collector``, with the cyclic GC paused.

    The collector rescans the growing object graph again and again during a big parse
    (it doubles the time of a 6 MB file); the loader pauses it, so the paused figure is
    the fair rate of libyaml itself.
    """
    import yaml

    if not collector:
        gc.disable()
    try:
        start = time.perf_counter()
        with path.open("rb") as f:
            data = yaml.load(f, Loader=yaml.CSafeLoader)
        elapsed = time.perf_counter() - start
    finally:
        gc.enable()
    del data
    return elapsed


def _warning_count(result: Any) -> int | None:
    """How many warnings the loader reported (errors raise instead); None if it does not say."""
    warnings = getattr(result, "warnings", None)
    return None if warnings is None else len(list(warnings))


def measure(path: Path, runs: int) -> dict[str, Any]:
    """Median-ready lists of seconds: bare parse, loader without cache, loader with a warm cache."""
    out: dict[str, Any] = {
        "path": str(path),
        "bytes": path.stat().st_size,
        "yaml_s": [],
        "yaml_nogc_s": [],
        "cold_s": [],
        "warm_s": [],
    }
    cache_dir = tempfile.mkdtemp(prefix="brief-bench-loader-cache-")
    os.environ["BRIEF_CACHE_DIR"] = cache_dir  # before the import, in case the loader reads it then
    try:
        from brief_tui.loader import load_briefing
    except Exception as error:  # the loader is being written; report, do not crash
        load_briefing = None
        out["error"] = f"brief_tui.loader is not importable: {type(error).__name__}: {error}"
    for _ in range(runs):
        gc.collect()
        out["yaml_s"].append(_bare_parse(path))
        gc.collect()
        out["yaml_nogc_s"].append(_bare_parse(path, collector=False))
        if load_briefing is None:
            continue
        gc.collect()
        start = time.perf_counter()
        try:
            result = load_briefing(path, cache=False)
        except Exception as error:
            out["error"] = f"load_briefing raised {type(error).__name__}: {error}"
            load_briefing = None
            continue
        out["cold_s"].append(time.perf_counter() - start)
        out["warnings"] = _warning_count(result)
        out["loaded"] = getattr(result, "briefing", None) is not None
        del result
    if load_briefing is not None:
        try:
            start = time.perf_counter()
            load_briefing(path, cache=True)  # fills the cache
            out["first_cached_s"] = time.perf_counter() - start
            for _ in range(runs):
                gc.collect()
                start = time.perf_counter()
                load_briefing(path, cache=True)
                out["warm_s"].append(time.perf_counter() - start)
        except Exception as error:
            out["error"] = f"load_briefing(cache=True) raised {type(error).__name__}: {error}"
        out["cache_files"] = sum(1 for p in Path(cache_dir).rglob("*") if p.is_file())
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: measure one file and print the figures as JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    cache_root = os.environ.get("BRIEF_CACHE_DIR")
    try:
        json.dump(measure(args.file, max(1, args.runs)), sys.stdout)
    finally:
        made = os.environ.get("BRIEF_CACHE_DIR")
        if made and made != cache_root:
            shutil.rmtree(made, ignore_errors=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
