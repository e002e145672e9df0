"""Choose a briefing when a library holds several; broken files listed with their first error."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brief_tui.actions import bindings_for
from brief_tui.render.labels import date_label
from brief_tui.render.safe import text
from brief_tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from brief_tui.loader import Library
    from brief_tui.model import Briefing

__all__ = ["LibraryScreen"]


class LibraryScreen(Screen[None]):
    """The briefings found, newest as-of first; enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("library")

    class Chosen(Message):
        """The reader chose a briefing to open."""

        def __init__(self, briefing: Briefing) -> None:
            self.briefing = briefing
            super().__init__()

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.briefings = sorted(
            (result.briefing for result in library.results), key=lambda b: b.as_of.sort_key(), reverse=True
        )
        self.broken = library.broken

    def compose(self) -> ComposeResult:
        options: list[Option | None] = []
        for index, briefing in enumerate(self.briefings):
            label = text(briefing.title, style="bold", one_line=True)
            threads, events = len(briefing.threads), len(briefing.events)
            label.append(f"\n  as of {date_label(briefing.as_of)} · {_count(threads, 'thread')}", style="dim")
            label.append(f" · {_count(events, 'event')}", style="dim")
            options.append(Option(label, id=str(index)))
        if self.broken:
            options.append(Option(Text("Cannot be opened", style="bold"), disabled=True))
            for error in self.broken:
                first = error.problems[0] if error.problems else None
                options.append(Option(text(str(first) if first else error.path), disabled=True))
        listing = OptionList(*options, id="library", markup=False)
        listing.border_title = Text("Briefings")
        yield listing
        yield KeyBar()

    def action_cursor_down(self) -> None:
        """Next briefing."""
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous briefing."""
        self.query_one(OptionList).action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(self.Chosen(self.briefings[int(event.option.id)]))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
