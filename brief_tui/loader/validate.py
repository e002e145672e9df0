"""`brief validate PATH...`: check briefing files and libraries, one line per problem.

Three outputs: text for people, JSON for tools, and GitHub annotations for a content
repository's CI (``::error file=…,line=…,col=…::message``). Every problem has a stable
code (listed in ``--help``), the same in all three.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from brief_tui.loader.library import briefing_files, load_library
from brief_tui.loader.problems import CODES, BriefingError, Problem

__all__ = ["main"]

STDIN = "-"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit; we return 2 from main
        raise _UsageError(message)


def _codes_help() -> str:
    width = max(map(len, CODES))
    lines = [f"  {code:<{width}}  {meaning}" for code, meaning in CODES.items()]
    return "problem codes (the same in every format):\n" + "\n".join(lines)


def _parser() -> _Parser:
    parser = _Parser(
        prog="brief validate",
        description="Check briefing files and library folders against briefing format 1.\n"
        "PATH `-` reads one briefing from standard input.",
        epilog=_codes_help() + "\n\nexit status: 0 valid, 1 errors (or warnings with --strict), 2 usage error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a briefing file, a folder of them, or -")
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (default); json: one object per problem and a summary; github: workflow annotations",
    )
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
    for raw in args.paths:
        path = Path(raw)
        if raw == STDIN:
            continue
        if not path.exists():
            print(f"brief validate: error: no such file or folder: {path}", file=sys.stderr)
            return 2
        if path.is_dir() and next(briefing_files(path), None) is None:
            print(f"brief validate: error: no .yaml or .yml files in {path}", file=sys.stderr)
            return 2
    files = _check([raw for raw in args.paths if raw != STDIN], STDIN in args.paths, cache=not args.no_cache)
    problems: list[Problem] = [p for f in files for p in f["problems"]]
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    failed = errors > 0 or (args.strict and warnings > 0)
    invalid = sum(any(p.severity == "error" for p in f["problems"]) for f in files)
    summary = (
        f"{_plural(len(files), 'file')} checked: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
        f"{f' ({invalid} invalid)' if invalid else ''}; {'invalid' if failed else 'valid'}"
    )
    try:
        if args.format == "json":
            _print_json(files, problems, errors, warnings, failed, invalid)
        else:
            for problem in problems:
                print(_github(problem) if args.format == "github" else problem)
            print(summary)
    except BrokenPipeError:  # the reader stopped reading (`| head`): nothing more to say
        sys.stderr.close()
    return 1 if failed else 0


def _check(paths: list[str], stdin: bool, *, cache: bool) -> list[dict[str, Any]]:
    """Each file checked: its path, briefing id (None when broken) and problems, by path."""
    library = load_library(paths, cache=cache)
    files: list[dict[str, Any]] = []
    for result in library.results:
        files.append({"path": result.briefing.path, "id": result.briefing.id, "problems": result.warnings})
    for broken in library.broken:
        files.append({"path": broken.path, "id": None, "problems": broken.problems})
    files.sort(key=lambda f: f["path"])
    if stdin:
        files.append(_check_stdin())
    return files


def _check_stdin() -> dict[str, Any]:
    from brief_tui.loader.load import check_bytes

    data = sys.stdin.buffer.read()
    try:
        plain, warnings = check_bytes(data, "<stdin>")
    except BriefingError as error:
        return {"path": "<stdin>", "id": None, "problems": error.problems}
    return {"path": "<stdin>", "id": plain.get("id"), "problems": warnings}


def _github(problem: Problem) -> str:
    """A GitHub workflow command that annotates the problem's line in a pull request."""
    level = "error" if problem.severity == "error" else "warning"
    file = _escape(problem.path, properties=True)
    message = _escape(f"{problem.message} [{problem.code}]")
    return f"::{level} file={file},line={problem.line},col={problem.column}::{message}"


def _escape(text: str, *, properties: bool = False) -> str:
    """GitHub's escaping for workflow command data (and, stricter, for properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if properties else text


def _print_json(
    files: list[dict[str, Any]], problems: list[Problem], errors: int, warnings: int, failed: bool, invalid: int
) -> None:
    report = {
        "valid": not failed,
        "errors": errors,
        "warnings": warnings,
        "problems": [p.as_dict() for p in problems],
        "summary": {
            "files": len(files),
            "invalid_files": invalid,
            "errors": errors,
            "warnings": warnings,
            "valid": not failed,
        },
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
