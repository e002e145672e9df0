"""`brief schema`: print format 1's JSON Schema, for editors (yaml-language-server) and CI."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence

from brief_tui.commands import CommandParser, parse_args

__all__ = ["main"]


def main(argv: Sequence[str]) -> int:
    """Print the JSON Schema (draft 2020-12) of briefing format 1 on stdout."""
    parser = CommandParser(
        prog="brief schema",
        description="Print the JSON Schema (draft 2020-12) of briefing format 1, written from the same "
        "declarations `brief validate` checks. Save it beside your briefings and start each file with "
        "`# yaml-language-server: $schema=briefing.schema.json` for completion and checks in your editor.",
    )
    args = parse_args(parser, argv)
    if isinstance(args, int):
        return args
    from brief_tui.loader.json_schema import briefing_schema

    with contextlib.suppress(BrokenPipeError):
        print(json.dumps(briefing_schema(), indent=2, ensure_ascii=False))
    return 0
