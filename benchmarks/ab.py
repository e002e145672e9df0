#!/usr/bin/env python3
"""A/B of start-up: the floor and brief as committed at REV and as in the working tree, interleaved.

    python benchmarks/ab.py --pairs 9 [--base HEAD] [--size 80x24] [--cpu] [PATH...]

Each round runs, in a fresh pseudo-terminal each: the floor, brief at ``--base`` (unpacked
to a temp dir), the floor, brief from the working tree (the order of the two brief runs
alternates by round). A cached open fills its cache once per variant first (a library's
with ``brief list DIR``). Prints the
median first useful frame (a thread title on screen) and RSS of each, the median of the
per-round ratios to the floor of that round, and the median per-round difference B - A.
``--cpu`` adds the CPU time (all threads) each process had used by the write that put its
first useful frame on screen (``cpu_child.py``): on a machine shared with other work it
varies less than the wall clock.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pty_screen import Term, tree_rss_mb  # noqa: E402
from run import QUIET, Outcome, _env, _wait_ready, compile_bytecode, export_commit, run_once  # noqa: E402
from scenarios import Scenario, _thread_needles, builtin_paths, floor  # noqa: E402

CPU_CHILD = HERE / "cpu_child.py"


def run_cpu(scenario: Scenario, limit: float, work: Path) -> Outcome:
    """One start under ``cpu_child.py``: first useful frame, RSS, and CPU ms by that frame."""
    out = Outcome()
    root = Path(tempfile.mkdtemp(prefix="brief-ab-run-", dir=work))
    marks_file = root / "marks.json"
    env = _env(scenario, root)
    t = Term(_cpu_argv(scenario, marks_file), scenario.cols, scenario.rows, env)
    try:
        ready = _wait_ready(t, scenario.needles, limit)
        if ready is None:
            out.failures.append(("fatal", t.problem() or "no first frame"))
            return out
        out.figures["ready_ms"] = (ready - t.t0) * 1000
        t.settle(QUIET, limit)
        out.figures["rss_mb"] = tree_rss_mb(t.pid)
        t.quit("q", 5.0)
    finally:
        t.close()
    marks = json.loads(marks_file.read_text(encoding="utf-8"))
    before = [cpu for wall, cpu in marks if wall <= ready]
    out.figures["cpu_ms"] = (before[-1] - marks[0][1]) * 1000
    shutil.rmtree(root, ignore_errors=True)
    return out


def _cpu_argv(scenario: Scenario, marks_file: Path) -> list[str]:
    argv = list(scenario.argv)
    python = argv.index(sys.executable)
    rest = argv[python + 1 :]
    which = ["floor"] if scenario.floor else ["brief", *rest[2:]]  # drop "-m brief_tui"
    return [*argv[:python], sys.executable, str(CPU_CHILD), str(marks_file), *which]


def _variant(name: str, source: Path | None, paths: list[str], needles: list[str], cols: int, rows: int) -> Scenario:
    """A brief scenario importing brief_tui from ``source`` (None: the working tree)."""
    prefix = [] if source is None else ["env", f"PYTHONPATH={source}"]
    argv = [*prefix, sys.executable, "-m", "brief_tui", *paths]
    return Scenario(name, argv, needles, steps=(), search=False, cols=cols, rows=rows)


def _figures(outcome: Any) -> tuple[float, float, float] | None:
    figures = outcome.figures
    if "ready_ms" not in figures:
        for _, reason in outcome.failures:
            print("FAIL:", reason[:400], file=sys.stderr)
        return None
    return figures["ready_ms"], figures.get("rss_mb", 0.0), figures.get("cpu_ms", 0.0)


def _cpu_note(got: dict[str, tuple[float, float, float]]) -> str:
    floors = f"{got['floorA'][2]:.0f}/{got['floorB'][2]:.0f}"
    return f"; cpu floor {floors} A {got['A'][2]:.0f} B {got['B'][2]:.0f}"


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--pairs", type=int, default=9)
    ap.add_argument("--base", default="HEAD", help="the A side: a commit (the B side is the working tree)")
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--limit", type=float, default=60.0)
    ap.add_argument("--cpu", action="store_true", help="also the CPU time used by the first useful frame")
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
            if args.paths and Path(args.paths[0]).is_dir():  # a library: cache and index, as `brief list` fills them
                warm = [*scenario.argv[: scenario.argv.index("brief_tui") + 1], "list", *args.paths]
                subprocess.run(warm, env=_env(scenario, work), stdout=subprocess.DEVNULL, check=False)
            else:
                run_once(scenario, args.limit, measure_keys=False)
        run_once(base, args.limit, measure_keys=False)
        rows_out: list[dict[str, tuple[float, float, float]]] = []

        def once(scenario: Scenario) -> Outcome:
            if args.cpu:
                return run_cpu(scenario, args.limit, work)
            return run_once(scenario, args.limit, measure_keys=False)

        for i in range(args.pairs):
            order = ["A", "B"] if i % 2 == 0 else ["B", "A"]
            got: dict[str, tuple[float, float, float]] = {}
            for key in order:
                f = _figures(once(base))
                v = _figures(once(variants[key]))
                if f is None or v is None:
                    break
                got["floor" + key], got[key] = f, v
            if len(got) == 4:
                rows_out.append(got)
                print(
                    f"round {i + 1}: floor {got['floorA'][0]:.0f}/{got['floorB'][0]:.0f} ms, "
                    f"A {got['A'][0]:.0f} ms {got['A'][1]:.1f} MB, B {got['B'][0]:.0f} ms {got['B'][1]:.1f} MB"
                    + (_cpu_note(got) if args.cpu else ""),
                    file=sys.stderr,
                )
    if not rows_out:
        print("no complete round")
        return 1
    med = statistics.median
    print(f"| {len(rows_out)} rounds | floor | A {commit} | B tree | B - A |")
    print("|---|---|---|---|---|")
    measures = ((0, "ms", "first frame"), (1, "MB", "RSS")) + (((2, "ms", "CPU by first frame"),) if args.cpu else ())
    for index, unit, label in measures:
        floor_value = med([r[f"floor{k}"][index] for r in rows_out for k in "AB"])
        a = med([r["A"][index] for r in rows_out])
        b = med([r["B"][index] for r in rows_out])
        ra = med([r["A"][index] / r["floorA"][index] for r in rows_out])
        rb = med([r["B"][index] / r["floorB"][index] for r in rows_out])
        diff = med([r["B"][index] - r["A"][index] for r in rows_out])
        print(
            f"| {label} | {floor_value:.1f} {unit} | {a:.1f} {unit} ({ra:.2f}x) | {b:.1f} {unit} ({rb:.2f}x) "
            f"| {diff:+.1f} {unit} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
