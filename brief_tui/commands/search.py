"""``brief search QUERY [PATH...] [--filter F]``: every item whose text matches, one a line, as grep."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from brief_tui.commands import CommandParser, parse_args, print_broken, say

if TYPE_CHECKING:
    from brief_tui.model import Briefing
    from brief_tui.model.filter_view import Predicate
    from brief_tui.model.filters import Filter
    from brief_tui.model.search import Result
    from brief_tui.render.blocks import Block
    from brief_tui.render.lens import Lens

__all__ = ["filtered", "flag_predicates", "main", "result_line"]

PROG = "brief search"
DESCRIPTION = """\
Print every item whose text matches QUERY, one a line: BRIEFING/ITEM, its kind, and
the words around the match. Words may occur in any order and in any field of an item;
"a quoted phrase" matches as written; a query without capitals ignores case. Nothing
in QUERY is a pattern: [brackets], * and \\ match themselves. Exit status 0 when
something matched, 1 when nothing did, 2 on a usage error (as grep)."""
FILTER_HELP = """\
only what this filter keeps, as `f` in the reader: party:ru,ua actor:witkoff
status:open leaning:rejects grade:A-C after:2025-11 before:2025-12-07 kind:meeting
group:"Core issues" changed bookmarked (terms ANDed, commas ORed; changed and
bookmarked as the reader's state has them)"""
_GAP = "  "
_MIN_SNIPPET = 20


def _parser() -> CommandParser:
    parser = CommandParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument("query", nargs="?", default="", metavar="QUERY", help="words to look for")
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="briefing files or library folders (default: the built-in library)"
    )
    parser.add_argument("--filter", metavar="F", default="", help=FILTER_HELP)
    parser.add_argument("--plain", action="store_true", help="plain text even on a terminal")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``brief search``; returns the exit status."""
    args = parse_args(_parser(), argv)
    if isinstance(args, int):
        return args
    from brief_tui.model.query import parse_query

    if parse_query(args.query).empty:
        say(PROG, "give words to search for, as in: brief search Dmitriev")
        return 2
    from brief_tui.commands.resolve import UsageError, cache_wanted, find_briefings

    try:
        found = find_briefings(args.paths, cache=cache_wanted(args.no_cache))
    except UsageError as error:
        say(PROG, str(error))
        return 2
    print_broken(PROG, found.broken)
    from brief_tui.model.filters import parse_filter
    from brief_tui.model.search import SearchIndex

    filter_ = parse_filter(args.filter, found.briefings)
    for problem in filter_.problems:
        say(PROG, f"--filter: {problem}")
    if not filter_.ok:
        return 2
    index = SearchIndex(found.briefings)
    keep = None
    if not filter_.empty:
        changed, bookmarked = flag_predicates(PROG, filter_, found.briefings)
        keep = filter_.apply(found.briefings, index=index, changed=changed, bookmarked=bookmarked).keeps_found
    results = index.search(args.query, keep=keep)
    _write(results, sys.stdout, plain=args.plain)
    return 0 if len(results) else 1


def flag_predicates(prog: str, filter_: Filter, briefings: list[Briefing]) -> tuple[Predicate | None, Predicate | None]:
    """The ``changed`` and ``bookmarked`` tests as the reader's state store has them (opened only for them).

    Says on stderr when a briefing was never read in the reader (nothing in it counts as
    changed) and when state is off.
    """
    if not filter_.flags:
        return None, None
    from brief_tui.model.filter_view import flagged
    from brief_tui.state import open_store
    from brief_tui.state.flags import read_flags

    store = open_store()
    try:
        flags = read_flags(store, briefings, filter_.flags)
        for notice in store.take_notices():
            say(prog, notice)
    finally:
        store.close()
    for briefing_id in flags.never_read:
        say(prog, f"--filter: changed: {briefing_id} was never read in the reader, so nothing in it counts as changed")
    return flagged(briefings, flags.changed), flagged(briefings, flags.bookmarked)


def result_line(result: Result, width: int) -> tuple[str, str, str, tuple[tuple[int, int], ...]]:
    """The columns of one line (address, kind, snippet) and where the words are in the snippet."""
    room = max(_MIN_SNIPPET, width - len(result.address) - len(result.kind) - 2 * len(_GAP))
    from brief_tui.render.as_read import as_read

    snippet = result.snippet(room, as_read=as_read)
    return result.address, result.kind, snippet.text, snippet.spans


def _write(results: Sequence[Result], stream: TextIO, *, plain: bool) -> None:
    from brief_tui.commands.output import terminal_console, width_from_env
    from brief_tui.render.safe import clean_line

    width = width_from_env()
    styled = not plain and stream.isatty() and os.environ.get("TERM") != "dumb"
    console = terminal_console(stream) if styled else None
    try:
        for result in results:
            address, kind, snippet, spans = result_line(result, width)
            address = clean_line(address)  # ids are checked by the loader; a briefing's id as well
            if console is None:
                stream.write(f"{address}{_GAP}{kind}{_GAP}{snippet}\n")
                continue
            from rich.text import Text

            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(address, "bold")
            line.append(_GAP)
            line.append(kind, "dim")
            line.append(_GAP)
            start = len(line)
            line.append(snippet)
            for s, e in spans:
                line.stylize("reverse", start + s, start + e)
            console.print(line)
        stream.flush()
    except BrokenPipeError:
        # The reader stopped reading (`brief search x | head`): not worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())


def filtered(
    prog: str, text: str, briefings: list[Briefing], briefing: Briefing, blocks: list[Block], *, overview: bool
) -> tuple[list[Block], Lens] | None:
    """``brief show --filter``: the blocks with the filter's lens, the overview led by what it leaves.

    None (after saying why on stderr) when the filter cannot be read.
    """
    from brief_tui.model.filters import parse_filter
    from brief_tui.render.blocks import line, span
    from brief_tui.render.lens import Lens

    filter_ = parse_filter(text, briefings)
    for problem in filter_.problems:
        say(prog, f"--filter: {problem}")
    if not filter_.ok:
        return None
    changed, bookmarked = flag_predicates(prog, filter_, briefings)
    view = filter_.apply(briefings, changed=changed, bookmarked=bookmarked)
    if overview:
        from brief_tui.render.layout import render_overview

        # The overview of what the filter leaves, led by the words the reader's shows: "filtered: 1 of 6 threads".
        shown = render_overview(view.shown(briefing), whole=briefing)
        blocks = [line(span(view.counts(briefing).filtered(), "dim")), *shown]
    return blocks, Lens(keep=view.keeps)
