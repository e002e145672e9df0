"""Problems found in a briefing file, and the error that carries them."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = ["CODES", "MAX_PROBLEMS", "BriefingError", "Problem", "ProblemLog", "TooManyProblems", "did_you_mean"]

Severity = Literal["error", "warning"]

# Past this many, more messages help nobody: the author fixes the first ones and runs again.
MAX_PROBLEMS = 100


# Every problem's stable code, for `--format json|github` and CI: what the slip is, in a few words.
CODES = {
    # the file as a whole
    "unreadable": "the file cannot be opened or read",
    "too-large": "the file is past the size limit",
    "not-utf8": "the file is not UTF-8 text",
    "control-character": "a control character (raw or from an escape)",
    "line-ends": "a carriage return without a newline",
    "empty-file": "the file is empty or holds only comments",
    "yaml-syntax": "YAML that cannot be read: an unclosed quote, a missing colon, a tab, indentation",
    "too-deep": "the YAML nests past the depth limit",
    "too-many-aliases": "more aliases (`*name`) than the limit",
    "alias-expansion": "aliases that expand far past the file's size",
    "too-complex": "the file is too complex to read",
    "refused-tag": "a YAML tag outside the core schema (`!!python/...`)",
    "not-a-mapping": "the top level is not keys and values",
    "not-a-briefing": "`brief: 1` is missing",
    "format-version": "a format version this reader does not read",
    "duplicate-briefing": "two briefings of a library share an id",
    "too-many-problems": "the check stopped at the problem limit",
    # keys and values
    "unknown-key": "a key the format does not have (extensions start with `x-`)",
    "duplicate-key": "a key written twice in one mapping",
    "merge-key": "a merge key (`<<`)",
    "missing-key": "a required key is missing",
    "empty-value": "a required key is empty",
    "wrong-shape": "a value of the wrong shape (text, list, mapping)",
    "flow-question-mark": "an unquoted `?` inside `[...]` or `{...}`",
    "not-in-vocabulary": "a word outside a closed vocabulary (status, kind, leaning...)",
    "out-of-range": "a number outside its range",
    "bad-date": "a date that is impossible or not of the format's forms",
    "bad-timezone": "an unknown timezone",
    "bad-language": "a malformed language tag",
    "bad-short": "a party's `short` that is not 1-5 letters, digits or `+`",
    # identity and references
    "bad-id": "a malformed id",
    "duplicate-id": "an id used twice in one briefing",
    "bad-reference": "a reference to an id that does not exist",
    "wrong-kind": "a reference to an item of the wrong kind",
    # rules across keys
    "likelihood-not-expected": "a `likelihood` on an event that is not `expected`",
    "position-holder": "a position without exactly one of `party` and `actor`",
    "speaker-and-attribution": "a quote with both `speaker` and `attribution`",
    "same-as-itself": "a quote whose `same_as` names itself",
    "order": "a list that is oldest first is out of order",
    # warnings: slips of logic
    "scheduled-in-past": "a scheduled or expected event dated wholly before as_of",
    "past-after-as-of": "an occurred or reported event dated wholly after as_of",
    "reported-before-date": "an occurred or reported event reported wholly before its date",
    "position-after-as-of": "a position dated wholly after the briefing's as_of",
    "quote-outside-event": "a quote whose date cannot overlap its event's",
    "markdown-in-plain-text": "Markdown in a plain-text field (it shows as typed)",
    "broken-link": "a summary's `[text](#id)` link to no item",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem at a place in a file; line and column count from 1."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    code: str = "invalid"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, str | int]:
        """The problem as plain data (for ``--format json``)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


class BriefingError(Exception):
    """A briefing file that cannot be read; ``problems`` lists every problem found."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"] or problems
        super().__init__("\n".join(str(p) for p in errors[:1]) if errors else f"{path}: cannot be read")

    @property
    def errors(self) -> list[Problem]:
        """The problems that are errors."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are warnings."""
        return [p for p in self.problems if p.severity == "warning"]


class TooManyProblems(Exception):
    """Raised inside the loader once the problem cap is reached, to stop early."""


class ProblemLog:
    """Collects problems for one file, up to MAX_PROBLEMS errors."""

    def __init__(self, path: str, limit: int = MAX_PROBLEMS) -> None:
        self.path = path
        self.limit = limit
        self.problems: list[Problem] = []
        self.error_count = 0

    def error(self, line: int, column: int, message: str, *, code: str) -> None:
        """Record an error at a 1-based line and column, with its code; stop the load past the cap."""
        if self.error_count >= self.limit:
            stopped = f"too many problems; stopped after {self.limit}"
            self.problems.append(Problem(self.path, line, column, "error", stopped, code="too-many-problems"))
            raise TooManyProblems
        self.error_count += 1
        self.problems.append(Problem(self.path, line, column, "error", message, code))

    def amend(self, index: int, addition: str) -> None:
        """Add to the message of the problem at ``index``: the consequences folded into their cause."""
        problem = self.problems[index]
        self.problems[index] = dataclasses.replace(problem, message=problem.message + addition)

    def warning(self, line: int, column: int, message: str, *, code: str) -> None:
        """Record a warning at a 1-based line and column, with its code."""
        if len(self.problems) < 2 * self.limit:
            self.problems.append(Problem(self.path, line, column, "warning", message, code))

    @property
    def failed(self) -> bool:
        """Whether any error was recorded."""
        return self.error_count > 0

    def sorted(self) -> list[Problem]:
        """Problems in file order (the cap message, if any, stays last)."""
        capped = [p for p in self.problems if p.message.startswith("too many problems")]
        rest = [p for p in self.problems if p not in capped]
        return sorted(rest, key=lambda p: (p.line, p.column)) + capped

    def raise_if_failed(self) -> None:
        """Raise BriefingError if any error was recorded."""
        if self.failed:
            raise BriefingError(self.path, self.sorted())


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean `x`?)' hint for the closest choice, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""
