"""``brief show [ADDRESS] [PATH...]``: print an item, or a briefing's overview, without the TUI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from brief_tui.commands import CommandParser, parse_args, print_broken, say

__all__ = ["main"]

PROG = "brief show"
DESCRIPTION = """\
Print a thread, event, actor, party, source, quote or document as text; with no
ADDRESS or a briefing id, the briefing's overview. An ADDRESS is BRIEFING/ITEM
(ukraine-peace-talks/territory), or ITEM alone when one briefing holds it.
Formatted on a terminal, and paged through $PAGER (less -R when unset; PAGER=cat or
empty for none) when longer than the screen; plain text when piped. Honours NO_COLOR
and COLUMNS."""


def _parser() -> CommandParser:
    parser = CommandParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument("address", nargs="?", metavar="ADDRESS", help="what to show (default: the overview)")
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="briefing files or library folders (default: the library `brief` opens: the built-in one and your own)",
    )
    parser.add_argument(
        "--filter", metavar="F", default="", help="only what this filter keeps, as `f` in the reader (status:open ...)"
    )
    parser.add_argument("--plain", action="store_true", help="plain text even on a terminal")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    from brief_tui.commands.show_views import add_arguments

    add_arguments(parser)
    parser.add_argument("--changed", action="store_true", help="what changed since you last read it in the reader")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``brief show``; returns the exit status."""
    args = parse_args(_parser(), argv)
    if isinstance(args, int):
        return args
    from brief_tui.commands.resolve import (
        AddressError,
        UsageError,
        cache_wanted,
        find_briefings,
        looks_like_path,
        resolve,
    )

    address: str | None = args.address
    paths: list[str] = list(args.paths)
    if address and looks_like_path(address):
        # `brief show file.yaml [ITEM]`: a path first, then perhaps the address.
        paths.insert(0, address)
        words = [p for p in paths if not Path(p).exists()]
        address = words[0] if len(words) == 1 else None
        paths = [p for p in paths if p != address]
    try:
        found = find_briefings(paths, cache=cache_wanted(args.no_cache))
    except UsageError as error:
        say(PROG, str(error))
        return 2
    for problem in found.problems:
        say(PROG, problem)
    if args.changed:
        from brief_tui.commands.changed import show_changed

        return show_changed(PROG, found, address)
    if not address and len(found.briefings) > 1:
        from brief_tui.commands.listing import library_blocks
        from brief_tui.commands.output import emit

        return emit(library_blocks(found), plain=args.plain)
    print_broken(PROG, found.broken)
    try:
        briefing, item = resolve(address, found)
    except AddressError as error:
        say(PROG, str(error))
        return 1
    from brief_tui.commands.output import emit
    from brief_tui.commands.show_views import travelled, view_blocks
    from brief_tui.render.layout import render_item, render_overview, sources_cited

    known = travelled(PROG, briefing, args.as_of)
    if known is None:
        return 2
    # A filter reads the briefing as known then (a thread's status on that date), as the overview does.
    travelled_briefings = [known if b is briefing else b for b in found.briefings]
    briefing = known
    views = view_blocks(PROG, args, briefing, item)
    if isinstance(views, int):
        return views
    if views is not None:
        return emit(views, plain=args.plain)
    if item is None:
        blocks = render_overview(briefing)
    else:
        blocks = render_item(item, briefing)
        blocks += sources_cited(blocks, briefing)
    if args.filter:
        from brief_tui.commands.search import filtered

        narrowed = filtered(PROG, args.filter, travelled_briefings, briefing, blocks, overview=item is None)
        if narrowed is None:
            return 2
        blocks, lens = narrowed
        return emit(blocks, plain=args.plain, lens=lens, briefing=briefing)
    return emit(blocks, plain=args.plain)
