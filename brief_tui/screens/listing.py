"""A screen that is one list of rows over the key bar: what changed (``w``), the bookmarks (``B``).

``enter`` on a row dismisses the screen with what that row stands for; ``escape`` with None.
A subclass gives its rows (``options``, each choosable row's id a string it can turn back
into a result) and that result (``chosen``); its keys come from its own registry scope.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brief_tui.widgets.key_bar import KeyBar
from brief_tui.widgets.marked_option_list import MarkedOptionList

__all__ = ["ListingScreen"]

Result = TypeVar("Result")


class ListingScreen(Screen[Result | None]):
    """One list of rows; dismisses with the result of the row chosen, or None."""

    # The reader's panes' look (styles/brief.tcss: round, heavy when focused), not an
    # OptionList's default tall border.
    DEFAULT_CSS = """
    ListingScreen > OptionList {
        height: 1fr;
        padding: 0 1;
        background: $surface;
        border: round $secondary;
        border-title-color: $text-muted;
        &:focus {
            border: heavy $accent;
            border-title-color: $text;
            border-title-style: bold;
        }
    }
    """
    LIST_ID = "listing"
    """The list's id (the stylesheet's handle)."""
    LIST_TITLE = ""
    """The list's border title."""
    start_at: str | None = None
    """The id of the row highlighted on opening (coming back to the list); the first row if None."""
    chosen_row: str | None = None
    """The id of the row chosen, once one is."""

    def compose(self) -> ComposeResult:
        yield from self.above_list()
        listing = MarkedOptionList(*self.options(), id=self.LIST_ID)
        listing.border_title = Text(self.LIST_TITLE)
        yield listing
        yield KeyBar()

    def above_list(self) -> Iterator[Widget]:
        """Widgets shown above the list (none by default)."""
        return iter(())

    def options(self) -> list[Option]:
        """The rows; a row that can be chosen has an id that ``chosen`` turns into a result."""
        raise NotImplementedError

    def chosen(self, option_id: str) -> Result:
        """The result of choosing the row with this id."""
        raise NotImplementedError

    @property
    def listing(self) -> OptionList:
        """The list."""
        return self.query_one(OptionList)

    def on_mount(self) -> None:
        listing = self.listing
        rows = [i for i, option in enumerate(listing.options) if not option.disabled]
        again = [i for i in rows if self.start_at is not None and listing.options[i].id == self.start_at]
        listing.highlighted = next(iter(again or rows), None)
        listing.focus()

    def action_select(self) -> None:
        """Open the highlighted row."""
        self.listing.action_select()

    def action_cursor_down(self) -> None:
        """Next row."""
        self.listing.action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.listing.action_cursor_up()

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.chosen_row = event.option.id
            self.dismiss(self.chosen(event.option.id))
