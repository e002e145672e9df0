"""``brief list [PATH...]``: the briefings found, with as-of dates and counts; broken files with their first error."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from brief_tui.commands import CommandParser, parse_args, say

if TYPE_CHECKING:
    from brief_tui.commands.resolve import Found
    from brief_tui.model import Briefing
    from brief_tui.render.blocks import Block

__all__ = ["counts", "library_blocks", "main"]

PROG = "brief list"
DESCRIPTION = """\
List the briefings in briefing files and library folders (default: the built-in
library): id, title, as-of date and counts of threads, events, actors and sources.
Files that cannot be read are listed with their first error; the exit status is
then 1."""


def counts(briefing: Briefing) -> dict[str, int]:
    """How many threads, events, actors and sources a briefing holds."""
    return {
        "threads": len(briefing.threads),
        "events": len(briefing.events),
        "actors": len(briefing.actors),
        "sources": len(briefing.sources),
    }


def _shown_path(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def library_blocks(found: Found) -> list[Block]:
    """The list as text blocks: one entry a briefing, then the broken files."""
    from brief_tui.render.blocks import Heading, Line, Span, line, span
    from brief_tui.render.labels import date_label

    blocks: list[Block] = []
    for briefing in found.briefings:
        blocks.append(line(span(briefing.id, "title"), Span("  "), span(briefing.title)))
        numbers = ", ".join(f"{n} {kind if n != 1 else kind[:-1]}" for kind, n in counts(briefing).items())
        blocks.append(
            line(Span("as of ", "dim"), Span(date_label(briefing.as_of), "status"), Span(f" · {numbers}"), indent=1)
        )
        if briefing.path:
            blocks.append(line(span(_shown_path(briefing.path), "dim"), indent=1))
    if not found.briefings:
        blocks.append(line(Span("no briefings found", "missing")))
    if found.broken:
        blocks.append(Heading("Cannot be read", 2))
        for error in found.broken:
            problems = error.errors or error.problems
            message = str(problems[0]) if problems else f"{error.path}: cannot be read"
            blocks.append(Line((span(message, "anon"),), 1, bullet=True))
    return blocks


def _as_json(found: Found) -> str:
    from brief_tui.render.export_json import dump

    data = {
        "briefings": [
            {"id": b.id, "title": b.title, "as_of": b.as_of.text, "path": b.path, **counts(b)} for b in found.briefings
        ],
        "broken": [
            {"path": e.path, "problems": [p.as_dict() for p in (e.errors or e.problems)[:1]]} for e in found.broken
        ],
    }
    return dump(data)


def _parser() -> CommandParser:
    parser = CommandParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="briefing files or library folders (default: the built-in library)"
    )
    parser.add_argument("--json", action="store_true", help="a JSON object instead of text")
    parser.add_argument("--plain", action="store_true", help="plain text even on a terminal")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``brief list``; returns the exit status."""
    args = parse_args(_parser(), argv)
    if isinstance(args, int):
        return args
    from brief_tui.commands.output import emit
    from brief_tui.commands.resolve import UsageError, cache_wanted, find_briefings

    try:
        found = find_briefings(args.paths, cache=cache_wanted(args.no_cache))
    except UsageError as error:
        say(PROG, str(error))
        return 2
    if args.json:
        sys.stdout.write(_as_json(found))
    else:
        emit(library_blocks(found), plain=args.plain)
    return 1 if found.broken else 0
