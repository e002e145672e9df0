#!/usr/bin/env python3
"""Where the bytes of a key go: for each key, the bytes written per screen row and the style runs.

    python benchmarks/keybytes.py [--size 160x48] [PATH...] -- ] 3 l end +

Starts ``brief PATH`` in a pseudo-terminal, waits for the screen to be still, then presses
each key and splits what the program wrote by the cursor moves in it (``ESC [ row ; col H``):
bytes per row, how many of them are SGR style codes, and how many style changes. Rows that
were written but did not change on screen are marked ``same``: a repaint that cost bytes
and showed nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pty_screen import Term  # noqa: E402

MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")
SGR = re.compile(rb"\x1b\[[0-9;:]*m")


def split_rows(data: bytes) -> dict[int, bytes]:
    """The bytes written after each cursor move, by the row moved to (1-based)."""
    rows: dict[int, bytes] = {}
    moves = list(MOVE.finditer(data))
    for i, move in enumerate(moves):
        end = moves[i + 1].start() if i + 1 < len(moves) else len(data)
        row = int(move.group(1))
        rows[row] = rows.get(row, b"") + data[move.start() : end]
    return rows


def _cells(term: Term) -> list[tuple[object, ...]]:
    """Every cell of the screen, character and attributes, row by row."""
    buffer = term.screen.buffer
    return [tuple(buffer[y][x] for x in range(term.cols)) for y in range(term.rows)]


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    keys = args[args.index("--") + 1 :] if "--" in args else ["]", "3", "l", "end", "+"]
    args = args[: args.index("--")] if "--" in args else args
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--app", default=f"{sys.executable} -m brief_tui")
    ap.add_argument("--rows", action="store_true", help="list every row written, not the 12 biggest")
    ap.add_argument("--raw", action="store_true", help="print the start of each row's bytes")
    ap.add_argument(
        "--settle", type=float, default=1.0, help="seconds the screen must be still before the first key (run.py: 0.3)"
    )
    options = ap.parse_args(args)
    cols, rows = (int(n) for n in options.size.split("x"))
    # COLUMNS and LINES would fix the size Textual reads, whatever the terminal says (a resize then draws nothing).
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k not in ("COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
    # A fresh state each run (the reader reopens where it was left); the cache is kept.
    state = tempfile.mkdtemp(prefix="keybytes-")
    env.update(BRIEF_STATE_DIR=state, BRIEF_CONFIG_DIR=str(Path(state) / "config"))
    term = Term([*options.app.split(), *options.paths], cols, rows, env)
    try:
        # The reader is up once its sidebar is; a big timeline is built just after.
        term.wait_until(lambda: "Threads" in term.text(), 60)
        term.settle(options.settle, 30)
        for key in keys:
            before_screen = _cells(term)
            start = len(term.raw)
            sent, changes = time.perf_counter(), term.changes
            term.send(key)
            first = term.wait_until(lambda changes=changes: term.changes > changes, 5)
            first_ms = ((first or sent) - sent) * 1000
            term.settle(0.4, 10)
            data = bytes(term.raw[start:])
            still_ms = max(0.0, (term.last_change or sent) - sent) * 1000
            after_screen = _cells(term)
            shown = list(term.screen.display)
            by_row = split_rows(data)
            styles = len(SGR.findall(data))
            sgr_bytes = sum(len(m) for m in SGR.findall(data))
            print(
                f"key {key!r}: {first_ms:.0f} ms to the first visible change, {still_ms:.0f} ms to the last, ", end=""
            )
            print(f"{len(data):,} bytes, {len(by_row)} rows written, ", end="")
            print(f"{styles} style codes ({sgr_bytes:,} bytes)")
            biggest = sorted(by_row.items(), key=lambda item: -len(item[1]))
            for row, chunk in biggest if options.rows else biggest[:12]:
                same = 0 < row <= rows and before_screen[row - 1] == after_screen[row - 1]
                codes = len(SGR.findall(chunk))
                mark = "same" if same else "changed"
                columns = ",".join(m.group(2).decode() for m in MOVE.finditer(chunk))
                print(f"  row {row:>3} col {columns:<8}: {len(chunk):>6,} B, {codes:>3} styles, {mark}  ", end="")
                print(repr(shown[row - 1][:50]) if 0 < row <= rows else "")
                if options.raw:
                    print("     ", chunk[:400])
    finally:
        term.close()
        shutil.rmtree(state, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
