"""`brief validate PATH...`: check briefing files and libraries, one line per problem."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from brief_tui.loader.library import briefing_files, load_library
from brief_tui.loader.problems import Problem

__all__ = ["main"]


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit; we return 2 from main
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(
        prog="brief validate",
        description="Check briefing files and library folders against briefing format 1.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a briefing file or a folder of them")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    return parser


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def main(argv: list[str]) -> int:
    """Run `brief validate`; exit 0 when valid, 1 when not, 2 for a usage error."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as error:
        print(f"{parser.format_usage().rstrip()}\nbrief validate: error: {error}", file=sys.stderr)
        return 2
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists():
            print(f"brief validate: error: no such file or folder: {path}", file=sys.stderr)
            return 2
        if path.is_dir() and next(briefing_files(path), None) is None:
            print(f"brief validate: error: no .yaml or .yml files in {path}", file=sys.stderr)
            return 2
    library = load_library(paths, cache=not args.no_cache)
    files: list[dict[str, Any]] = []
    for result in library.results:
        files.append({"path": result.briefing.path, "id": result.briefing.id, "problems": result.warnings})
    for broken in library.broken:
        files.append({"path": broken.path, "id": None, "problems": broken.problems})
    files.sort(key=lambda f: f["path"])
    problems: list[Problem] = [p for f in files for p in f["problems"]]
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    failed = errors > 0 or (args.strict and warnings > 0)
    if args.format == "json":
        _print_json(files, errors, warnings, failed)
    else:
        for problem in problems:
            print(problem)
        invalid = sum(any(p.severity == "error" for p in f["problems"]) for f in files)
        verdict = "invalid" if failed else "valid"
        print(
            f"{_plural(len(files), 'file')} checked: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
            f"{f' ({invalid} invalid)' if invalid else ''}; {verdict}"
        )
    return 1 if failed else 0


def _print_json(files: list[dict[str, Any]], errors: int, warnings: int, failed: bool) -> None:
    report = {
        "valid": not failed,
        "errors": errors,
        "warnings": warnings,
        "files": [
            {
                "path": f["path"],
                "id": f["id"],
                "valid": not any(p.severity == "error" for p in f["problems"]),
                "problems": [p.as_dict() for p in f["problems"]],
            }
            for f in files
        ],
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
