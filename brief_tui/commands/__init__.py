"""The text commands (``show``, ``export``, ``list``): output without the TUI.

Each module has ``main(argv) -> int``. Usage errors exit 2 with one line on stderr,
an unknown address or an unreadable briefing exits 1, and nothing ends in a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from brief_tui.loader import BriefingError

__all__ = ["CommandParser", "parse_args", "print_broken", "say"]


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


class CommandParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and an exit status, not a SystemExit."""

    def error(self, message: str) -> NoReturn:
        """One line naming the command and the problem; exit status 2."""
        say(self.prog, f"{message} (see `{self.prog} --help`)")
        raise _Exit(2)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        """Leave with a status (after ``--help``) instead of ending the process."""
        if message:
            sys.stderr.write(message)
        raise _Exit(status)


def parse_args(parser: CommandParser, argv: Sequence[str]) -> argparse.Namespace | int:
    """The parsed arguments, or the exit status when parsing ends the command."""
    try:
        # Options and paths in any order, as grep takes them: ``brief search Q --filter F PATH``.
        return parser.parse_intermixed_args(list(argv))
    except _Exit as leave:
        return leave.status


def say(prog: str, message: str) -> None:
    """One message line on stderr, prefixed with the command."""
    from brief_tui.render.safe import clean_line

    print(f"{prog}: {clean_line(message)}", file=sys.stderr)


def print_broken(prog: str, broken: Sequence[BriefingError], *, limit: int = 1) -> None:
    """Each unreadable file's first ``limit`` errors on stderr."""
    for error in broken:
        problems = error.errors or error.problems
        if not problems:
            say(prog, f"{error.path}: cannot be read")
        for problem in problems[:limit]:
            say(prog, str(problem))
