"""Shown when briefings cannot be opened: each problem with file, line and column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from brief_tui.render.safe import text
from brief_tui.widgets.key_bar import KeyBar
from brief_tui.widgets.reading_scroll import ReadingScroll

if TYPE_CHECKING:
    from brief_tui.loader import BriefingError

__all__ = ["ProblemsScreen"]


class ProblemsScreen(Screen[None]):
    """Lists what is wrong with the files that could not be opened."""

    def __init__(self, errors: Sequence[BriefingError]) -> None:
        super().__init__()
        self.errors = list(errors)

    def compose(self) -> ComposeResult:
        with ReadingScroll(id="problems") as body:
            count = len(self.errors)
            body.border_title = Text(f"Cannot open {count} file{'s' if count != 1 else ''}")
            report = Text()
            for error in self.errors:
                for problem in error.problems:
                    report.append_text(text(str(problem)))
                    report.append("\n")
            report.append("\nFix the file and open it again; `brief validate PATH` prints the same list.")
            yield Static(report)
        yield KeyBar()
