#!/usr/bin/env python3
"""Time search and filters in-process at a given size; print JSON.

    python benchmarks/search_bench.py --events 10000 --threads 500 [--runs 7]

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

from generate import generate  # noqa: E402

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

    def keystroke(prefix: str) -> None:
        results = index.search(prefix)
        for result in results[:SCREENFUL]:
            result.snippet()

    keys = {QUERY[:n]: _median_ms(lambda p=QUERY[:n]: keystroke(p), runs) for n in range(1, len(QUERY) + 1)}  # type: ignore[misc]
    results = index.search(QUERY)
    hit = results.next_hit()

    def next_hit() -> None:
        nonlocal hit
        hit = results.next_hit(hit)

    filters = {}
    for text in FILTERS:
        parsed = parse_filter(text, briefings)
        filters[text] = _median_ms(lambda f=parsed: f.apply(briefings, index=index).counts(), runs)  # type: ignore[misc]
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


def main(argv: list[str] | None = None) -> int:
    """Run and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.events, args.threads, args.runs), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
