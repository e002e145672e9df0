#!/usr/bin/env python3
"""A/B of start-up: the floor and brief as committed at REV and as in the working tree, interleaved.

    python benchmarks/ab.py --pairs 9 [--base HEAD] [--size 80x24] [PATH...]

Each round runs, in a fresh pseudo-terminal each: the floor, brief at ``--base`` (unpacked
to a temp dir), the floor, brief from the working tree (the order of the two brief runs
alternates by round). A cached open fills its cache once per variant first. Prints the
median first useful frame (a thread title on screen) and RSS of each, the median of the
per-round ratios to the floor of that round, and the median per-round difference B - A.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import compile_bytecode, export_commit, run_once  # noqa: E402
from scenarios import Scenario, _thread_needles, builtin_paths, floor  # noqa: E402


def _variant(name: str, source: Path | None, paths: list[str], needles: list[str], cols: int, rows: int) -> Scenario:
    """A brief scenario importing brief_tui from ``source`` (None: the working tree)."""
    prefix = [] if source is None else ["env", f"PYTHONPATH={source}"]
    argv = [*prefix, sys.executable, "-m", "brief_tui", *paths]
    return Scenario(name, argv, needles, steps=(), search=False, cols=cols, rows=rows)


def _figures(outcome: Any) -> tuple[float, float] | None:
    figures = outcome.figures
    if "ready_ms" not in figures:
        for _, reason in outcome.failures:
            print("FAIL:", reason[:400], file=sys.stderr)
        return None
    return figures["ready_ms"], figures.get("rss_mb", 0.0)


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--pairs", type=int, default=9)
    ap.add_argument("--base", default="HEAD", help="the A side: a commit (the B side is the working tree)")
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--limit", type=float, default=60.0)
    args = ap.parse_args(argv)
    cols, rows = (int(n) for n in args.size.split("x"))
    needles = _thread_needles([Path(p) for p in args.paths] if args.paths else builtin_paths(None))
    if args.paths and Path(args.paths[0]).is_dir():
        needles = ["Synthetic briefing"]
    with tempfile.TemporaryDirectory(prefix="brief-ab-") as tmp:
        work = Path(tmp)
        source, commit = export_commit(args.base, work)
        compile_bytecode(None)
        compile_bytecode(source)
        base = floor()
        variants = {
            "A": _variant(f"A {commit}", source, args.paths, needles, cols, rows),
            "B": _variant("B tree", None, args.paths, needles, cols, rows),
        }
        base.cols, base.rows = cols, rows
        for key, scenario in variants.items():  # fill each side's own cache (keys may differ)
            scenario.warm_dir = str(work / f"cache-{key}")
            scenario.cache = "warm"
            run_once(scenario, args.limit, measure_keys=False)
        run_once(base, args.limit, measure_keys=False)
        rows_out: list[dict[str, tuple[float, float]]] = []
        for i in range(args.pairs):
            order = ["A", "B"] if i % 2 == 0 else ["B", "A"]
            got: dict[str, tuple[float, float]] = {}
            for key in order:
                f = _figures(run_once(base, args.limit, measure_keys=False))
                v = _figures(run_once(variants[key], args.limit, measure_keys=False))
                if f is None or v is None:
                    break
                got["floor" + key], got[key] = f, v
            if len(got) == 4:
                rows_out.append(got)
                print(
                    f"round {i + 1}: floor {got['floorA'][0]:.0f}/{got['floorB'][0]:.0f} ms, "
                    f"A {got['A'][0]:.0f} ms {got['A'][1]:.1f} MB, B {got['B'][0]:.0f} ms {got['B'][1]:.1f} MB",
                    file=sys.stderr,
                )
    if not rows_out:
        print("no complete round")
        return 1
    med = statistics.median
    print(f"| {len(rows_out)} rounds | floor | A {commit} | B tree | B - A |")
    print("|---|---|---|---|---|")
    for index, unit in ((0, "ms"), (1, "MB")):
        floor_value = med([r[f"floor{k}"][index] for r in rows_out for k in "AB"])
        a = med([r["A"][index] for r in rows_out])
        b = med([r["B"][index] for r in rows_out])
        ra = med([r["A"][index] / r["floorA"][index] for r in rows_out])
        rb = med([r["B"][index] / r["floorB"][index] for r in rows_out])
        diff = med([r["B"][index] - r["A"][index] for r in rows_out])
        label = "first frame" if index == 0 else "RSS"
        print(
            f"| {label} | {floor_value:.1f} {unit} | {a:.1f} {unit} ({ra:.2f}x) | {b:.1f} {unit} ({rb:.2f}x) "
            f"| {diff:+.1f} {unit} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
