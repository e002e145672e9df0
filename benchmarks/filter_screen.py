#!/usr/bin/env python3
"""Time applying and clearing a filter on screen, in-process (Pilot, headless): enter to the last frame.

    python benchmarks/filter_screen.py FILE [--runs 7] [--size 80x24] [--filter status:open] [--profile OUT]

The briefing is opened through the parse cache (warmed first), as a cached open does; the
big timeline's late mount and the search index are waited for. Each run types the filter,
then times ``enter`` (apply) and ``F`` (clear) from the key to the last frame drawn for it
(headless: the compositor renders every strip, nothing is written to a terminal; a frame
that repaints scrollbars only is not counted). Prints
JSON: medians, each run, and frames per key. ``--profile OUT`` writes a cProfile of each key
(OUT.apply, OUT.clear) and adds the function calls per key (a measure a busy machine does not blur).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


async def _settle(pilot: Any, frames: list[float], quiet: float = 0.15) -> None:
    """Run the app until no frame has been drawn for ``quiet`` seconds."""
    while True:
        seen = len(frames)
        await pilot.pause(quiet)
        if len(frames) == seen:
            return


async def measure(
    path: Path, runs: int, size: tuple[int, int], text: str, profiles: dict[str, cProfile.Profile] | None
) -> dict[str, Any]:
    """Apply and clear the filter ``runs`` times; the times from key to last frame."""
    from textual.screen import Screen

    from brief_tui.app import create_app
    from brief_tui.settings import Settings

    frames: list[float] = []
    cpu: list[float] = []
    original = Screen._compositor_refresh

    def counted(self: Screen[Any]) -> None:
        # A frame repainting only scrollbars redraws them as the frame before drew them (a
        # layout refreshes them after the frame that shows the new sizes): not counted.
        content = any(type(w).__name__ != "QuietScrollBar" for w in self._dirty_widgets)
        original(self)
        if content:
            frames.append(time.perf_counter())
            cpu.append(time.process_time())

    Screen._compositor_refresh = counted  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as work:
        app = create_app([path], cache=True, settings=Settings(path=Path(work) / "settings.json"))
        apply_ms: list[float] = []
        clear_ms: list[float] = []
        apply_cpu: list[float] = []
        clear_cpu: list[float] = []
        apply_frames: list[int] = []
        clear_frames: list[int] = []
        async with app.run_test(size=size) as pilot:
            screen = app.screen
            for _ in range(400):
                if getattr(screen, "timeline", None) is not None and screen.search_index.built:  # type: ignore[attr-defined]
                    break
                await pilot.pause(0.05)
            await _settle(pilot, frames)
            for _ in range(runs):
                await pilot.press("f", *text)
                await _settle(pilot, frames)
                for key, times, counts, cpus in (
                    ("enter", apply_ms, apply_frames, apply_cpu),
                    ("F", clear_ms, clear_frames, clear_cpu),
                ):
                    seen = len(frames)
                    profile = profiles[key] if profiles is not None else None
                    if profile is not None:
                        profile.enable()
                    start, start_cpu = time.perf_counter(), time.process_time()
                    await pilot.press(key)
                    await _settle(pilot, frames)
                    if profile is not None:
                        profile.disable()
                    times.append((frames[-1] - start) * 1000 if len(frames) > seen else float("nan"))
                    counts.append(len(frames) - seen)
                    cpus.append((cpu[-1] - start_cpu) * 1000 if len(frames) > seen else float("nan"))
    return {
        "apply_ms": statistics.median(apply_ms),
        "clear_ms": statistics.median(clear_ms),
        "apply_cpu_ms": statistics.median(apply_cpu),
        "clear_cpu_ms": statistics.median(clear_cpu),
        "apply_runs": [round(t, 1) for t in apply_ms],
        "clear_runs": [round(t, 1) for t in clear_ms],
        "apply_frames": apply_frames,
        "clear_frames": clear_frames,
    }


def main() -> None:
    """Parse the arguments, warm the cache, measure, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--filter", default="status:open")
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as cache:
        os.environ["BRIEF_CACHE_DIR"] = cache
        os.environ.setdefault("BRIEF_STATE_DIR", cache)
        os.environ.setdefault("BRIEF_CONFIG_DIR", cache)
        from brief_tui.loader import load_briefing

        load_briefing(args.file, cache=True)  # warm the parse cache, as a cached open finds it
        profiles = {"enter": cProfile.Profile(), "F": cProfile.Profile()} if args.profile else None
        figures = asyncio.run(measure(args.file, args.runs, (width, height), args.filter, profiles))
    if profiles is not None:
        import pstats

        for key, name in (("enter", "apply"), ("F", "clear")):
            profiles[key].dump_stats(f"{args.profile}.{name}")
            figures[f"{name}_calls"] = pstats.Stats(profiles[key]).total_calls / args.runs  # type: ignore[attr-defined]
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
