"""Run brief (or the floor) noting, at each write to the terminal, the wall clock and the CPU time used.

    python benchmarks/cpu_child.py OUT.json floor|brief [ARGS...]

``ab.py --cpu`` reads OUT.json to tell the CPU time spent up to the first useful frame: on a
machine shared with other work, CPU time varies far less than the wall clock does.
"""

from __future__ import annotations

import atexit
import json
import runpy
import sys
import time
from pathlib import Path
from typing import Any

marks: list[tuple[float, float]] = [(time.perf_counter(), time.process_time())]


def _dump(out: str) -> None:
    Path(out).write_text(json.dumps(marks), encoding="utf-8")


def main() -> None:
    """Patch the driver's write, then run the program as its own ``__main__``."""
    out, which, *args = sys.argv[1:]
    from textual.drivers.linux_driver import LinuxDriver

    write = LinuxDriver.write

    def noted(self: Any, data: str) -> None:
        write(self, data)
        marks.append((time.perf_counter(), time.process_time()))

    LinuxDriver.write = noted  # type: ignore[method-assign]
    atexit.register(_dump, out)
    if which == "floor":
        sys.argv = [str(Path(__file__).with_name("floor_app.py"))]
        runpy.run_path(sys.argv[0], run_name="__main__")
    else:
        sys.argv = ["brief", *args]
        runpy.run_module("brief_tui", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
