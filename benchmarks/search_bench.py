#!/usr/bin/env python3
"""Time search and filters in-process at a given size; print JSON.

    python benchmarks/search_bench.py --events 10000 --threads 500 [--runs 7]
    python benchmarks/search_bench.py --library 1000:100 [--runs 3]

With ``--library N:M``: a library of N briefings of M events (``--folder``: one made before
with ``generate.py --library``), its search index built as the reader builds it on its first
`/` (each briefing read once through the parse cache, warmed first), its memory (traced, and
the process's RSS), then the keystrokes of search across all of it.

Measures what the reader does at each key, without the terminal: building the index
(done in a worker, off the first frame), its memory (tracemalloc over the build: what
the index adds, the model's own strings not counted), each keystroke of typing a query
(search, then the first screenful of snippets), ``n`` (the next hit), and applying
filters. Medians of ``--runs``; the keystroke figure is the slowest key's median.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate, generate_library  # noqa: E402

QUERY = "ceasefire"
FILTERS = (
    "status:open",
    "party:u leaning:rejects",
    "grade:A-C after:2025-11 before:2025-12-07",
    "security kind:meeting",
)
SCREENFUL = 20


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(events: int, threads: int, runs: int) -> dict[str, Any]:
    """The figures for one size."""
    from brief_tui.loader import load_briefing
    from brief_tui.model.filters import parse_filter
    from brief_tui.model.search import SearchIndex

    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "big.yaml"
        path.write_text(generate(events=events, threads=threads), encoding="utf-8")
        briefing = load_briefing(path, cache=False).briefing
    briefings = [briefing]

    tracemalloc.start()
    start = time.perf_counter()
    index = SearchIndex(briefings).build()
    build_ms = (time.perf_counter() - start) * 1000
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    build_ms = min(build_ms, _median_ms(lambda: SearchIndex(briefings).build(), max(1, runs // 2)))

    def keystroke(prefix: str) -> float:
        start = time.perf_counter()
        results = index.search(prefix)
        for result in results[:SCREENFUL]:
            result.snippet()
        return (time.perf_counter() - start) * 1000

    # Typed a key at a time, as a reader does: each key may narrow what the one before found,
    # but no run finds its answer remembered from the last run.
    typed: dict[str, list[float]] = {QUERY[:n]: [] for n in range(1, len(QUERY) + 1)}
    for _ in range(runs):
        index._recent.clear()
        for prefix, times in typed.items():
            times.append(keystroke(prefix))
    keys = {prefix: statistics.median(times) for prefix, times in typed.items()}
    results = index.search(QUERY)
    hit = results.next_hit()

    def next_hit() -> None:
        nonlocal hit
        hit = results.next_hit(hit)

    filters = {}
    for text in FILTERS:
        parsed = parse_filter(text, briefings)
        filters[text] = _median_ms(
            lambda f=parsed: (index._recent.clear(), f.apply(briefings, index=index).counts()),  # type: ignore[misc]
            runs,
        )
    return {
        "events": events,
        "threads": threads,
        "index_build_ms": build_ms,
        "index_mb": memory / 1e6,
        "keystroke_ms": keys,
        "keystroke_worst_ms": max(keys.values()),
        "results": len(results),
        "next_ms": _median_ms(next_hit, runs * 20),
        "filter_ms": filters,
        "filter_worst_ms": max(filters.values()),
    }


def measure_library(count: int, events: int, runs: int, folder: str | None = None) -> dict[str, Any]:
    """Search across a cached library: its index (built as the reader's first `/` builds it), each keystroke."""
    import os

    from brief_tui.loader.index import open_shelf, refresh
    from brief_tui.loader.opened import OpenedLibrary

    with tempfile.TemporaryDirectory() as work:
        os.environ.setdefault("BRIEF_CACHE_DIR", str(Path(work) / "cache"))
        root = Path(folder) if folder else Path(work) / "library"
        if not folder:
            generate_library(root, count, events)
        shelf = refresh(open_shelf([(root, "command line")]))  # fills the parse cache, as `brief list` does
        opened = OpenedLibrary(shelf)
        before = _rss_mb()
        start = time.perf_counter()
        index = opened.search_index().build()  # reads each briefing once, keeps its texts, not the models
        build_ms = (time.perf_counter() - start) * 1000
        memory = _rss_mb() - before
    typed: dict[str, list[float]] = {QUERY[:n]: [] for n in range(1, len(QUERY) + 1)}
    for _ in range(runs):
        index._recent.clear()
        for prefix, times in typed.items():
            start = time.perf_counter()
            for result in index.search(prefix)[:SCREENFUL]:
                result.snippet()
            times.append((time.perf_counter() - start) * 1000)
    keys = {prefix: statistics.median(times) for prefix, times in typed.items()}
    return {
        "briefings": len(opened),
        "events": events,
        "items": len(index),
        "index_build_ms": build_ms,
        "index_mb": index.memory() / 1e6,
        "index_rss_mb": memory,
        "process_rss_mb": _rss_mb(),
        "keystroke_ms": keys,
        "keystroke_worst_ms": max(keys.values()),
    }


def _rss_mb() -> float:
    """This process's resident memory (Linux), in MB."""
    import os

    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def report_rows(events: int, threads: int, runs: int, *, smoke: bool = False) -> str:
    """The search and filter rows of run.py's report, measured in a fresh process."""
    import subprocess

    cmd = [sys.executable, str(Path(__file__)), "--events", str(events), "--threads", str(threads), "--runs", str(runs)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    try:
        figures = json.loads(done.stdout)
    except json.JSONDecodeError:
        return f"\nSearch and filters: not measured ({done.stderr.strip()[-300:]})\n"
    size = f"{events:,} events / {threads:,} threads"

    def judged(value: float, limit: float) -> str:
        return "(smoke: not judged)" if smoke else ("pass" if value <= limit else "FAIL")

    rows = [
        ("search index build (a worker, off the first frame)", figures["index_build_ms"], "ms", None),
        ("search index memory", figures["index_mb"], "MB", 10.0),
        (
            f"search: slowest keystroke typing {QUERY!r} (+ {SCREENFUL} snippets)",
            figures["keystroke_worst_ms"],
            "ms",
            50.0,
        ),
        ("search: `n` next match", figures["next_ms"], "ms", 50.0),
        ("filter: slowest of " + ", ".join(f"`{f}`" for f in FILTERS), figures["filter_worst_ms"], "ms", 100.0),
    ]
    lines = [
        f"\nSearch and filters in-process, {size} (model only: no drawing):\n",
        "| what | measured | target | result |",
        "|---|---|---|---|",
    ]
    for label, value, unit, limit in rows:
        target = f"<= {limit:g} {unit}" if limit is not None else "(no target)"
        result = judged(value, limit) if limit is not None else "info"
        digits = 2 if unit == "MB" or value < 1 else 1
        lines.append(f"| {label} | {value:.{digits}f} {unit} | {target} | {result} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--library", metavar="N:M", help="search across a library of N briefings of M events")
    parser.add_argument("--folder", help="with --library: this library (generated before), not a new one")
    args = parser.parse_args(argv)
    if args.library:
        count, events = (int(n) for n in args.library.split(":"))
        figures = measure_library(count, events, args.runs, args.folder)
    else:
        figures = measure(args.events, args.threads, args.runs)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
