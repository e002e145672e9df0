#!/usr/bin/env python3
"""Key times in-process: each key from press to the last frame it drew, frames and function calls per key.

    python benchmarks/keytimes.py [--size 160x48] [--runs 5] [PATH] [-- ] 3 l end +]
    python benchmarks/keytimes.py --profile /tmp/keys.prof --key ] [PATH]

Runs the reader headless under Pilot (the compositor renders every frame as it would to a
terminal; nothing is written). For each run a fresh app opens the briefing (cached), waits
until the screen has been still for 0.3 s, then presses the keys one at a time, each timed
from the press to the last frame drawn before the screen is still again. Reports medians
of the time (ms), the frames drawn and the Python function calls made (cProfile) per key.
On a shared machine the call counts are the steadier measure.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STILL = 0.3  # seconds without a frame that count as the screen being still
LIMIT = 10.0  # seconds to wait for any one key


async def _settle(frames: list[float], since: float) -> float:
    """Wait until no frame was drawn for ``STILL`` seconds; the time of the last frame after ``since``."""
    start = time.perf_counter()
    while time.perf_counter() - start < LIMIT:
        await asyncio.sleep(0.02)
        last = frames[-1] if frames else 0.0
        if time.perf_counter() - max(last, since) >= STILL:
            break
    after = [t for t in frames if t >= since]
    return after[-1] if after else since


async def one_run(paths: list[str], size: tuple[int, int], keys: list[str], profile_key: str | None) -> dict[str, Any]:
    """Open the reader, press ``keys``; per key: ms, frames, calls."""
    from textual.app import App

    from brief_tui.app import create_app
    from brief_tui.settings import Settings

    frames: list[float] = []
    display = App._display

    def noted(self: Any, screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None:
            frames.append(time.perf_counter())

    App._display = noted  # type: ignore[method-assign]
    try:
        state = tempfile.mkdtemp(prefix="keytimes-")
        os.environ["BRIEF_STATE_DIR"] = state  # a fresh place each run: the reader reopens where it was left
        app = create_app([Path(p) for p in paths], settings=Settings(path=Path(state) / "settings.json"))
        out: dict[str, Any] = {}
        async with app.run_test(size=size) as pilot:
            await _settle(frames, time.perf_counter())
            await asyncio.sleep(0.5)
            await _settle(frames, time.perf_counter())
            for key in keys:
                profiler = cProfile.Profile() if profile_key in ("*", key) else None
                count = len(frames)
                start = time.perf_counter()
                if profiler is not None:
                    profiler.enable()
                await pilot.press(key)
                last = await _settle(frames, start)
                if profiler is not None:
                    profiler.disable()
                calls = pstats.Stats(profiler).total_calls if profiler is not None else 0  # type: ignore[attr-defined]
                drawn = [round((t - start) * 1000) for t in frames[count:]]
                out[key] = {"ms": (last - start) * 1000, "frames": len(drawn), "calls": calls, "at": drawn}
                if profile_key == key and profiler is not None:
                    out["_profile"] = profiler
        return out
    finally:
        App._display = display  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    keys = args[args.index("--") + 1 :] if "--" in args else ["]", "3", "l", "end", "+"]
    args = args[: args.index("--")] if "--" in args else args
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", help="write a cProfile of --key (one run) to this file")
    ap.add_argument("--key", default="]")
    ap.add_argument("--calls", action="store_true", help="also count function calls per key (two more runs)")
    ap.add_argument("--verbose", action="store_true", help="print when each frame of each key was drawn")
    options = ap.parse_args(args)
    # Never the reader's own state or settings; one cache for every run (the opens are cached).
    home = Path(tempfile.gettempdir()) / "brief-keytimes"
    for name in ("STATE", "CONFIG", "CACHE"):
        os.environ[f"BRIEF_{name}_DIR"] = str(home / name.lower())
    cols, rows = (int(n) for n in options.size.split("x"))
    if options.profile:
        got = asyncio.run(one_run(options.paths, (cols, rows), keys, options.key))
        got["_profile"].dump_stats(options.profile)
        print({k: v for k, v in got.items() if k != "_profile"})
        return 0
    # Timed runs without a profiler (it doubles the time), then counted runs with one.
    runs = [asyncio.run(one_run(options.paths, (cols, rows), keys, None)) for _ in range(options.runs)]
    counted = [asyncio.run(one_run(options.paths, (cols, rows), keys, "*")) for _ in range(2 if options.calls else 0)]
    print(f"{'key':>6} {'ms':>8} {'frames':>7} {'calls':>8}   (medians of {options.runs}; ms of each run)")
    for key in keys:
        ms = [r[key]["ms"] for r in runs]
        frames = statistics.median(r[key]["frames"] for r in runs)
        calls = statistics.median(r[key]["calls"] for r in counted) if counted else 0
        each = " ".join(f"{m:.0f}" for m in ms)
        print(f"{key:>6} {statistics.median(ms):8.1f} {frames:7.0f} {calls:8.0f}   {each}")
        if options.verbose:
            print("       frames at ms:", [r[key]["at"] for r in runs])
    return 0


if __name__ == "__main__":
    sys.exit(main())
