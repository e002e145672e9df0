#!/usr/bin/env python3
"""Where start-up goes: import, load, compose, first paint, for brief and the floor; medians.

    python benchmarks/phases.py [--runs 7] [--size 80x24] [PATH...]          # brief PATH vs floor
    python benchmarks/phases.py --profile /tmp/first.prof [PATH...]           # cProfile to the first frame
    python benchmarks/phases.py --profile /tmp/floor.prof --floor             # the same of the floor

Each run is a fresh process in a pseudo-terminal (floor and brief interleaved). Inside it,
``--child`` marks the moments: the interpreter started (``start``), the app's modules are
imported (``import``), the first screen is built (``load``: the briefing read, the screen
made), the first screen is mounted (``compose``: CSS read, widgets composed and mounted),
and its first frame is written to the terminal (``paint``: the first write of over 1 KB after
the mount; work queued for after the first frame, such as a big timeline, is not in it). The
child prints them as JSON on stderr after it exits.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PHASES = ("import", "load", "compose", "paint")


def child(floor: bool, paths: list[str], profile: str | None) -> None:
    """Run the app once, leave after its first frame, and report the moments."""
    marks: dict[str, float] = {"start": time.perf_counter()}
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    if floor:
        from floor_app import FloorApp

        app_class: Any = FloorApp
    else:
        from brief_tui.app import BriefApp, create_app

        app_class = BriefApp
    marks["import"] = time.perf_counter()
    original_default = app_class.get_default_screen

    def get_default_screen(self: Any) -> Any:
        screen = original_default(self)
        marks["load"] = time.perf_counter()
        # The first screen's own mount marks the end of compose; a subclass adds a handler
        # (Textual calls on_mount of every class in the MRO), keeping the class name for CSS.
        screen_class = type(screen)
        screen.__class__ = type(screen_class.__name__, (screen_class,), {"on_mount": _screen_mounted})
        return screen

    def _screen_mounted(self: Any) -> None:
        marks["compose"] = time.perf_counter()

    from textual.drivers.linux_driver import LinuxDriver

    write = LinuxDriver.write

    def noted_write(self: Any, data: str) -> None:
        write(self, data)
        if "compose" in marks and "paint" not in marks and len(data) > 1000:
            marks["paint"] = time.perf_counter()
            if profiler is not None:  # to the first frame: work queued after it is not counted
                profiler.disable()
            app.call_later(app.exit)

    LinuxDriver.write = noted_write  # type: ignore[method-assign]
    app_class.get_default_screen = get_default_screen
    app = app_class() if floor else create_app(paths)
    app.run()
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    sys.stderr.write("PHASES " + json.dumps(marks) + "\n")


def _run(floor: bool, paths: list[str], size: tuple[int, int], profile: str | None = None) -> dict[str, float]:
    from pty_screen import Term

    argv = [sys.executable, __file__, "--child", *(["--floor"] if floor else []), *paths]
    if profile:
        argv[3:3] = ["--profile", profile]
    # COLUMNS and LINES would fix the size Textual reads, whatever the terminal says (a resize then draws nothing).
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k not in ("COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", COLUMNS=str(size[0]), LINES=str(size[1]))
    term = Term(argv, size[0], size[1], env)
    while term.pump(0.02) and term.poll() is None:
        pass
    term.quit("q", 5.0)
    term.close()
    raw = bytes(term.raw).decode(errors="replace")
    line = next((part for part in raw.split("PHASES ")[1:]), None)
    if line is None:
        raise SystemExit(f"no phases reported; output ends:\n{raw[-2000:]}")
    marks = json.loads(line[: line.index("}") + 1])
    start = marks["start"]
    previous, out = start, {}
    for phase in PHASES:
        out[phase] = (marks[phase] - previous) * 1000
        previous = marks[phase]
    out["total"] = (previous - start) * 1000
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--profile", metavar="FILE", help="write a cProfile of one start of brief to FILE")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--floor", action="store_true", help="with --profile: profile the floor instead")
    args = ap.parse_args(argv)
    if args.child:
        child(args.floor, args.paths, args.profile)
        return 0
    cols, rows = (int(n) for n in args.size.split("x"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "brief_tui")], check=False)
    if args.profile:
        _run(args.floor, args.paths, (cols, rows), args.profile)
        import pstats

        pstats.Stats(args.profile).sort_stats("cumulative").print_stats(40)
        return 0
    _run(True, [], (cols, rows))  # page cache, bytecode: paid outside the figures
    results: dict[str, list[dict[str, float]]] = {"floor": [], "brief": []}
    for _ in range(args.runs):
        results["floor"].append(_run(True, [], (cols, rows)))
        results["brief"].append(_run(False, args.paths, (cols, rows)))
    print(f"| phase (median of {args.runs}, ms) | floor | brief {' '.join(args.paths) or '(built-in)'} | difference |")
    print("|---|---|---|---|")
    for phase in (*PHASES, "total"):
        floor = statistics.median(r[phase] for r in results["floor"])
        brief = statistics.median(r[phase] for r in results["brief"])
        print(f"| {phase} | {floor:.0f} | {brief:.0f} | {brief - floor:+.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
