"""Problems found in a briefing file, and the error that carries them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = ["MAX_PROBLEMS", "BriefingError", "Problem", "ProblemLog", "TooManyProblems", "did_you_mean"]

Severity = Literal["error", "warning"]

# Past this many, more messages help nobody: the author fixes the first ones and runs again.
MAX_PROBLEMS = 100


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem at a place in a file; line and column count from 1."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, str | int]:
        """The problem as plain data (for ``--format json``)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
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

    def error(self, line: int, column: int, message: str) -> None:
        """Record an error at a 1-based line and column; stop the load past the cap."""
        if self.error_count >= self.limit:
            self.problems.append(
                Problem(self.path, line, column, "error", f"too many problems; stopped after {self.limit}")
            )
            raise TooManyProblems
        self.error_count += 1
        self.problems.append(Problem(self.path, line, column, "error", message))

    def warning(self, line: int, column: int, message: str) -> None:
        """Record a warning at a 1-based line and column."""
        if len(self.problems) < 2 * self.limit:
            self.problems.append(Problem(self.path, line, column, "warning", message))

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
