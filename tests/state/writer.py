"""A separate ``brief`` process writing state, for the two-process and SIGKILL tests.

``python -m tests.state.writer DB NAME COUNT``: says ``ready``, waits for a line on stdin, then makes COUNT
writes (COUNT 0: until killed), printing each write's number once it has returned.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from brief_tui.state import open_store


def main(db: str, name: str, count: int) -> int:
    """Write read marks, bookmarks and history rows, acknowledging each on stdout."""
    store = open_store(Path(db))
    if not store.enabled:
        print("off:", store.take_notices(), flush=True)
        return 1
    print("ready", flush=True)
    sys.stdin.readline()
    numbers = range(count) if count else itertools.count()
    for number in numbers:
        item = f"{name}-{number}"
        if number % 3 == 0:
            store.add_bookmark("b", item)
        elif number % 3 == 1:
            store.push_history("b", item)
        else:
            store.mark_read("b", item, "f" * 20, "{}")
        print(number, flush=True)
    notices = store.take_notices()
    if notices:
        print("off:", notices, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
