"""``brief list [PATH...]``: the briefings found, with as-of dates, counts and where each comes from.

It reads the library index (loader/index.py): one ``stat`` per file, and only files changed
since the last run are loaded, so a library of a thousand briefings lists in well under a second.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from brief_tui.commands import CommandParser, parse_args, say

if TYPE_CHECKING:
    from brief_tui.commands.resolve import Found
    from brief_tui.loader.index import Record, Shelf
    from brief_tui.model import Briefing
    from brief_tui.render.blocks import Block

__all__ = ["counts", "fold", "library_blocks", "main", "record_blocks"]

PROG = "brief list"
DESCRIPTION = """List the briefings in briefing files and library folders (default: the built-in
library and the reader's own folders, from config.yaml or $BRIEF_LIBRARY): id, title,
as-of date, counts of threads, events, actors and sources, and where each comes from.
Files that cannot be read are listed with their first error; the exit status is then 1."""


def counts(briefing: Briefing) -> dict[str, int]:
    """How many threads, events, actors and sources a briefing holds."""
    return {
        "threads": len(briefing.threads),
        "events": len(briefing.events),
        "actors": len(briefing.actors),
        "sources": len(briefing.sources),
    }


@functools.lru_cache(maxsize=256)
def _shown_folder(folder: str) -> str:
    try:
        relative = os.path.relpath(folder)
    except ValueError:  # another drive on Windows
        return folder
    return folder if relative.startswith("..") else relative


def _shown_path(path: str) -> str:
    """The path relative to the working directory when it is below it (one relpath per folder)."""
    folder, name = os.path.split(path)
    shown = _shown_folder(folder)
    return name if shown == "." else os.path.join(shown, name)


@functools.lru_cache(maxsize=256)
def _as_of_label(text: str) -> str:
    from brief_tui.model import parse_date
    from brief_tui.render.labels import date_label

    try:
        return date_label(parse_date(text))
    except ValueError:
        return text


def library_blocks(found: Found) -> list[Block]:
    """The list of loaded briefings as text blocks (``brief show`` on a library uses it)."""
    from brief_tui.loader.index import Record, record_of

    records = [record_of(b) for b in found.briefings]
    broken = [
        Record(e.path, problem=(p.line, p.column, p.message))
        if (p := next(iter(e.errors or e.problems), None))
        else Record(e.path, problem=(1, 1, "cannot be read"))
        for e in found.broken
    ]
    return record_blocks(records, broken)


def fold(words: Sequence[str], room: int) -> list[str]:
    """Words as lines of at most ``room`` cells, broken between words and, inside a path too long
    for a line, only after a ``/``: a file or folder name is never cut (one longer than the room
    has a line of its own)."""
    from brief_tui.render.cells import cells

    lines: list[str] = []
    current = ""
    for word in words:
        pieces = [word] if cells(word) <= room else [piece for piece in re.split(r"(?<=/)", word) if piece]
        for number, piece in enumerate(pieces):
            glue = "" if number or not current else " "
            if current and cells(current + glue + piece) > room:
                lines.append(current)
                current = piece
            else:
                current += glue + piece
    if current:
        lines.append(current)
    return lines


def record_blocks(
    records: Sequence[Record],
    broken: Sequence[Record],
    origins: dict[str, str] | None = None,
    width: int | None = None,
) -> list[Block]:
    """The list as text blocks: one entry a briefing (with where it comes from), then the broken files.

    Paths are laid out for ``width`` (default: the terminal's) so the writer never has to cut one.
    """
    from brief_tui.commands.output import width_from_env
    from brief_tui.render.blocks import Heading, Line, Span, line, span

    width = width or width_from_env()
    origins = origins or {}
    blocks: list[Block] = []
    for record in records:
        blocks.append(line(span(record.id, "title"), Span("  "), span(record.title)))
        numbers = ", ".join(f"{n} {kind if n != 1 else kind[:-1]}" for kind, n in record.counts().items())
        as_of = Span(_as_of_label(record.as_of), "status")
        blocks.append(line(Span("as of ", "dim"), as_of, Span(f" · {numbers}"), indent=1))
        if record.path:
            origin = origins.get(record.path)
            where = [_shown_path(record.path)] + ([f"({origin})"] if origin else [])
            blocks += [line(span(text, "dim"), indent=1) for text in fold(where, width - 2)]
    if not records:
        blocks.append(line(Span("no briefings found", "missing")))
    if broken:
        blocks.append(Heading("Cannot be read", 2))
        for record in broken:
            row, column, message = record.problem or (1, 1, "cannot be read")
            words = [f"{record.path}:{row}:{column}:", "error:", *message.split()]
            for number, text in enumerate(fold(words, width - 4)):
                blocks.append(Line((span(text, "anon"),), 1 if number == 0 else 2, bullet=number == 0))
    return blocks


def _as_json(shelf: Shelf) -> str:
    from brief_tui.render.export_json import dump

    data = {
        "briefings": [
            {
                "id": r.id,
                "title": r.title,
                "as_of": r.as_of,
                "path": r.path,
                "from": shelf.origin(r.path),
                **r.counts(),
                "statuses": dict(r.statuses),
            }
            for r in shelf.briefings()
        ],
        "broken": [
            {
                "path": r.path,
                "from": shelf.origin(r.path),
                "problems": [
                    {"path": r.path, "line": line, "column": column, "severity": "error", "message": message}
                    for line, column, message in [r.problem or (1, 1, "cannot be read")]
                ],
            }
            for r in shelf.broken()
        ],
    }
    return dump(data)


def _parser() -> CommandParser:
    parser = CommandParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="briefing files or library folders (default: the built-in library and your own folders)",
    )
    parser.add_argument("--json", action="store_true", help="a JSON object instead of text")
    parser.add_argument("--plain", action="store_true", help="plain text even on a terminal")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    return parser


def _roots(paths: Sequence[str]) -> tuple[list[tuple[Path, str]], list[str]] | str:
    """The folders to list with their origins and the config's problems, or a usage error."""
    from brief_tui.library_config import COMMAND_LINE, reader_library

    if not paths:
        library = reader_library()
        return library.roots, library.problems
    for path in paths:
        if not Path(path).exists():
            return f"no such file or directory: {path}"
    return [(Path(p), COMMAND_LINE) for p in paths], []


def main(argv: Sequence[str]) -> int:
    """Run ``brief list``; returns the exit status."""
    args = parse_args(_parser(), argv)
    if isinstance(args, int):
        return args
    from brief_tui.commands.output import emit
    from brief_tui.commands.resolve import cache_wanted
    from brief_tui.loader.index import Shelf, refresh

    roots = _roots(args.paths)
    if isinstance(roots, str):
        say(PROG, roots)
        return 2
    folders, problems = roots
    for problem in problems:
        say(PROG, problem)
    shelf = refresh(Shelf(folders), cache=cache_wanted(args.no_cache))
    if args.json:
        sys.stdout.write(_as_json(shelf))
    else:
        origins = {path: origin for path, origin in shelf.files}
        emit(record_blocks(shelf.briefings(), shelf.broken(), origins), plain=args.plain)
    return 1 if shelf.broken() else 0
