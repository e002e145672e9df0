"""``python -m brief_tui.loader.warm PATH...``: parse briefings into the cache, then exit.

The reader runs this in a child process before a big first open. Parsing a 6 MB file
builds a node graph of about 150 MB; Python rarely gives such memory back to the system,
so a parse in the reader's own process would keep it for the whole session. Parsed in a
child, the reader then loads the compact cached form and never holds the graph.
"""

from __future__ import annotations

import sys

from brief_tui.loader.library import load_library

__all__ = ["main"]


def main(argv: list[str]) -> int:
    """Parse and cache every briefing named; 0 when all were valid, 1 otherwise."""
    library = load_library(argv, cache=True)
    return 1 if library.broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
