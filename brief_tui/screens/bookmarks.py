"""``B``: the bookmarks of every briefing, newest first; ``enter`` opens one, ``d`` removes one."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brief_tui.actions import bindings_for
from brief_tui.model import Briefing, Version
from brief_tui.render.safe import clean_line, text
from brief_tui.state import Bookmark, Store
from brief_tui.widgets.key_bar import KeyBar

__all__ = ["BookmarksScreen"]


class BookmarksScreen(Screen[Bookmark | None]):
    """Every bookmark; dismisses with the one to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("bookmarks")

    def __init__(self, store: Store, briefing_named: Callable[[str], Briefing | None]) -> None:
        super().__init__()
        self.store = store
        self.briefing_named = briefing_named
        self.bookmarks = store.bookmarks()

    def compose(self) -> ComposeResult:
        listing = OptionList(*self._options(), id="bookmarks", markup=False)
        listing.border_title = Text("Bookmarks")
        yield listing
        yield KeyBar()

    def _options(self) -> list[Option]:
        if not self.bookmarks:
            hint = "No bookmarks yet: b bookmarks the item you are reading."
            if not self.store.enabled:
                hint = "State is off for this session, so bookmarks are not kept."
            return [Option(Text(hint), disabled=True)]
        return [self._option(index, bookmark) for index, bookmark in enumerate(self.bookmarks)]

    def _option(self, index: int, bookmark: Bookmark) -> Option:
        briefing = self.briefing_named(bookmark.briefing)
        item = briefing.get(bookmark.item) if briefing else None
        label = Text("⚑ ")
        if briefing is None or item is None:
            label.append_text(text(f"{bookmark.briefing}/{bookmark.item}", one_line=True))
            gone = "briefing not open" if briefing is None else "no longer in the briefing"
            label.append(f"  ({gone})", style="dim")
            return Option(label, id=str(index))
        name = item.name if isinstance(item, Version) else item.label
        label.append_text(text(name, "bold", one_line=True))
        label.append(f"  {item.KIND} · ", style="dim")
        label.append_text(text(briefing.title, "dim", one_line=True))
        return Option(label, id=str(index))

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = 0 if self.bookmarks else None
        listing.focus()

    def _highlighted(self) -> int | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        return int(option_id) if option_id is not None else None

    def action_remove(self) -> None:
        """Remove the highlighted bookmark."""
        index = self._highlighted()
        if index is None:
            return
        bookmark = self.bookmarks.pop(index)
        self.store.remove_bookmark(bookmark.briefing, bookmark.item)
        listing = self.query_one(OptionList)
        kept = listing.highlighted
        listing.set_options(self._options())
        if self.bookmarks and kept is not None:
            listing.highlighted = min(kept, len(self.bookmarks) - 1)
        self.notify(clean_line(f"Removed the bookmark on {bookmark.briefing}/{bookmark.item}"), markup=False)

    def action_select(self) -> None:
        """Open the highlighted row."""
        self.query_one(OptionList).action_select()

    def action_cursor_down(self) -> None:
        """Next bookmark."""
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous bookmark."""
        self.query_one(OptionList).action_cursor_up()

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.bookmarks[int(event.option.id)])
