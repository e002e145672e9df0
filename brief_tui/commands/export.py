"""``brief export PATH --format md|json|html [-o FILE]``: a whole briefing, cited and self-contained."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from brief_tui.commands import CommandParser, parse_args, print_broken, say

if TYPE_CHECKING:
    from brief_tui.model import Briefing

__all__ = ["FORMATS", "main", "render"]

PROG = "brief export"
FORMATS = ("md", "json", "html")
_SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}
DESCRIPTION = """\
Write a whole briefing as Markdown, JSON or HTML: every claim with its sources and
their grades, nothing loaded from elsewhere. PATH is a briefing file, or a
briefing's id (or any address in it) in --library, by default the library `brief`
opens (the built-in one and your folders from config.yaml or $BRIEF_LIBRARY).
The format defaults to the -o file's suffix, else md."""


def _parser() -> CommandParser:
    parser = CommandParser(prog=PROG, description=DESCRIPTION)
    parser.add_argument("path", metavar="PATH", help="a briefing file, or a briefing id or address")
    parser.add_argument("-f", "--format", choices=FORMATS, help="md, json or html (default: from -o, else md)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of to stdout")
    parser.add_argument(
        "-l",
        "--library",
        action="append",
        default=[],
        metavar="PATH",
        help="where to look a briefing id up (default: the library `brief` opens); repeatable",
    )
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    return parser


def render(briefing: Briefing, fmt: str) -> str:
    """The briefing exported in a format (``md``, ``json`` or ``html``)."""
    if fmt == "json":
        from brief_tui.render.export_json import export_json

        return export_json(briefing)
    if fmt == "html":
        from brief_tui.render.export_html import export_html

        return export_html(briefing)
    from brief_tui.render.export_md import export_markdown

    return export_markdown(briefing)


def _find(target: str, libraries: list[str], cache: bool) -> Briefing | int:
    """The briefing a PATH argument names, or an exit status after saying why not."""
    from brief_tui.commands.resolve import AddressError, UsageError, find_briefings, looks_like_path, resolve

    is_path = looks_like_path(target)
    try:
        found = find_briefings([target] if is_path else libraries, cache=cache)
    except UsageError as error:
        say(PROG, str(error))
        return 2
    for problem in found.problems:
        say(PROG, problem)
    print_broken(PROG, found.broken)
    if is_path and not found.briefings:
        return 1
    try:
        briefing, _ = resolve(None if is_path else target, found)
    except AddressError as error:
        say(PROG, str(error))
        return 1
    return briefing


def main(argv: Sequence[str]) -> int:
    """Run ``brief export``; returns the exit status."""
    args = parse_args(_parser(), argv)
    if isinstance(args, int):
        return args
    from brief_tui.commands.resolve import cache_wanted

    fmt: str = args.format or (_SUFFIXES.get(Path(args.output).suffix.lower(), "md") if args.output else "md")
    found = _find(args.path, list(args.library), cache_wanted(args.no_cache))
    if isinstance(found, int):
        return found
    output = render(found, fmt)
    if not args.output or args.output == "-":
        try:
            sys.stdout.write(output)
            sys.stdout.flush()
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    try:
        Path(args.output).write_text(output, encoding="utf-8", newline="\n")
    except OSError as error:
        say(PROG, f"cannot write {args.output}: {error.strerror or error}")
        return 1
    return 0
