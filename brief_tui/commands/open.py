"""``brief open ADDRESS [PATH...]``: start the reader at one item (``ukraine-peace-talks/territory``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from brief_tui.commands import CommandParser, parse_args, print_broken, say

__all__ = ["main"]

PROG = "brief open"
DESCRIPTION = """\
Open the reader at an item. An ADDRESS is BRIEFING/ITEM (ukraine-peace-talks/territory),
ITEM alone when one briefing holds it, or a briefing's id (its overview); every item's
detail pane shows its address, and `y` copies it. An unknown address exits 1 naming the
nearest ids."""


def _parser() -> CommandParser:
    parser = CommandParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument("address", metavar="ADDRESS", help="the item to open at")
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="briefing files or library folders (default: the built-in library)"
    )
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``brief open``; returns the exit status."""
    args = parse_args(_parser(), argv)
    if isinstance(args, int):
        return args
    from brief_tui.commands.resolve import AddressError, UsageError, cache_wanted, find_briefings, resolve

    cache = cache_wanted(args.no_cache)
    try:
        found = find_briefings(list(args.paths), cache=cache)
    except UsageError as error:
        say(PROG, str(error))
        return 2
    try:
        briefing, item = resolve(args.address, found)
    except AddressError as error:
        print_broken(PROG, found.broken)
        say(PROG, str(error))
        return 1
    if not sys.stdout.isatty():
        say(PROG, f"the reader needs a terminal; `brief show {args.address}` prints the item as text")
        return 2
    from brief_tui.app import create_app

    # The briefing's own file: the reader opens on it directly, at the item.
    app = create_app([briefing.path], cache=cache, open_at=briefing.address(item) if item else briefing.id)
    app.run()
    return app.return_code or 0
