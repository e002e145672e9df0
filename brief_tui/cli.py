"""The ``brief`` command line: argument parsing only; everything heavy is imported lazily."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from brief_tui import __version__

__all__ = ["main"]

# Subcommand -> module with ``main(argv) -> int``; imported only when asked for.
SUBCOMMANDS = {
    "validate": ("brief_tui.loader.validate", "check briefing files: one line per problem"),
    "show": ("brief_tui.commands.show", "print a thread, event, actor or the overview as text"),
    "export": ("brief_tui.commands.export", "write a whole briefing as Markdown, JSON or HTML"),
    "list": ("brief_tui.commands.listing", "list the briefings found, with as-of dates and counts"),
    "new": ("brief_tui.commands.new", "write a commented skeleton briefing to fill in"),
    "schema": ("brief_tui.commands.schema", "print the JSON Schema of the briefing format, for editors and CI"),
    "keys": ("brief_tui.commands.keys", "every action of the reader: id, keys, description"),
    "open": ("brief_tui.commands.open", "open the reader at an item: brief open ukraine-peace-talks/territory"),
    "search": ("brief_tui.commands.search", "print every item whose text matches, one a line (as grep)"),
}

DESCRIPTION = "A terminal reader for negotiation briefings."
EPILOG = "commands:\n" + "\n".join(f"  brief {name:<9} {help_}" for name, (_, help_) in SUBCOMMANDS.items())
EPILOG += "\n\nWith no PATH, brief opens its built-in library. `brief COMMAND --help` for each command."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brief",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="briefing files or library directories")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    parser.add_argument("--version", action="version", version=f"brief {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``brief``; returns the process exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        module = importlib.import_module(SUBCOMMANDS[args[0]][0])
        status: int = module.main(args[1:])
        return status
    options = _parser().parse_args(args)
    missing = [path for path in options.paths if not Path(path).exists()]
    if missing:
        for path in missing:
            print(f"brief: no such file or directory: {path}", file=sys.stderr)
        return 2
    if not sys.stdout.isatty():
        print("brief: the reader needs a terminal; use `brief show` to print as text", file=sys.stderr)
        return 2
    return _run_reader(options.paths, cache=not options.no_cache)


def _run_reader(paths: list[str], *, cache: bool) -> int:
    from brief_tui.app import create_app
    from brief_tui.commands.resolve import cache_wanted

    cache = cache_wanted(no_cache=not cache)

    app = create_app(paths, cache=cache)
    app.run()
    return app.return_code or 0
