"""Shown when briefings cannot be opened: each problem with file, line and column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from brief_tui.render.safe import text
from brief_tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from brief_tui.loader import BriefingError

__all__ = ["ProblemsScreen"]


class ProblemsScreen(Screen[None]):
    """Lists what is wrong with the files that could not be opened."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="problems.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="problems.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="problems.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="problems.bottom"),
    ]

    def __init__(self, errors: Sequence[BriefingError]) -> None:
        super().__init__()
        self.errors = list(errors)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems") as body:
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

    def action_scroll_down(self) -> None:
        """Scroll the list down."""
        self.query_one(VerticalScroll).scroll_down()

    def action_scroll_home(self) -> None:
        """Scroll to the top."""
        self.query_one(VerticalScroll).scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        """Scroll to the bottom."""
        self.query_one(VerticalScroll).scroll_end(animate=False)

    def action_scroll_up(self) -> None:
        """Scroll the list up."""
        self.query_one(VerticalScroll).scroll_up()
