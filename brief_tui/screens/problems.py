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

    def __init__(self, errors: Sequence[BriefingError], searched: Sequence[str] = ()) -> None:
        super().__init__()
        self.errors = list(errors)
        self.searched = list(searched)

    def compose(self) -> ComposeResult:
        title, report = self._report()
        with ReadingScroll(id="problems") as body:
            body.border_title = Text(title)
            yield Static(report)
        yield KeyBar()

    def _report(self) -> tuple[str, Text]:
        """The title and the text: each problem, or where nothing was found."""
        count = len(self.errors)
        if not count:
            found = Text("No briefing files (.yaml or .yml) were found in:\n")
            for place in self.searched:
                found.append_text(text(f"  {place}\n"))
            found.append("\nGive brief a briefing file or a folder that holds some.")
            return "No briefings", found
        report = Text()
        for error in self.errors:
            for problem in error.problems:
                report.append_text(text(str(problem)))
                report.append("\n")
        report.append("\nFix the file and open it again; `brief validate PATH` prints the same list.")
        return f"Cannot open {count} file{'s' if count != 1 else ''}", report
