"""One line that says an edit broke the open briefing; ``enter`` on it shows every problem."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widget import Widget

from brief_tui.actions import bindings_for
from brief_tui.render.safe import text

if TYPE_CHECKING:
    from brief_tui.loader import BriefingError

__all__ = ["ReloadBar"]


class ReloadBar(Widget, can_focus=True):
    """Hidden while the file reads well; after a broken edit, its first problem and a count.

    It takes its line from the layout (a second widget docked at the bottom would lie over the key bar).
    """

    DEFAULT_CSS = """
    ReloadBar {
        height: 1;
        display: none;
    }
    ReloadBar.-broken {
        display: block;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("reload")

    class Left(Message):
        """The reader went back to reading (the bar keeps saying what is wrong)."""

    class ProblemsRequested(Message):
        """The reader asked to see every problem of the broken edit."""

        def __init__(self, error: BriefingError) -> None:
            self.error = error
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.error: BriefingError | None = None

    @property
    def broken(self) -> bool:
        """Whether an edit is broken now."""
        return self.error is not None

    def show_error(self, error: BriefingError) -> None:
        """Say that the file no longer reads, keeping the last good version on screen."""
        self.error = error
        self.set_class(True, "-broken")
        self.refresh()

    def clear(self) -> None:
        """The file reads again."""
        self.error = None
        self.set_class(False, "-broken")

    def render(self) -> Text:
        error = self.error
        if error is None:
            return Text()
        problems = error.errors or error.problems
        line = Text("⚠ ", style="bold")
        line.append("Edit not loaded: ", style="bold")
        if problems:
            first = problems[0]
            line.append_text(text(f"{Path(first.path).name}:{first.line}: {first.message}", one_line=True))
        else:
            line.append_text(text(f"{Path(error.path).name} cannot be read", one_line=True))
        more = len(problems) - 1
        if more > 0:
            line.append(f" (+{more} more)")
        line.append(" · showing the last good version · enter: all problems", style="dim")
        return line

    def action_leave(self) -> None:
        """Back to the pane the reader was in."""
        self.post_message(self.Left())

    def action_show_problems(self) -> None:
        """Ask for every problem."""
        if self.error is not None:
            self.post_message(self.ProblemsRequested(self.error))
