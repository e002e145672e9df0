"""``B``: the bookmarks of every briefing, newest first; ``enter`` opens one, ``d`` removes one."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets.option_list import Option

from brief_tui.actions import bindings_for
from brief_tui.model import Briefing, Version
from brief_tui.render.safe import clean_line, text
from brief_tui.screens.listing import ListingScreen
from brief_tui.state import Bookmark, Store

__all__ = ["BookmarksScreen"]


class BookmarksScreen(ListingScreen[Bookmark]):
    """Every bookmark; dismisses with the one to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("bookmarks")
    LIST_ID = "bookmarks"
    LIST_TITLE = "Bookmarks"

    def __init__(self, store: Store, briefing_named: Callable[[str], Briefing | None]) -> None:
        super().__init__()
        self.store = store
        self.briefing_named = briefing_named
        self.bookmarks = store.bookmarks()

    def options(self) -> list[Option]:
        """A row a bookmark, or a line saying why there are none."""
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

    def chosen(self, option_id: str) -> Bookmark:
        """The row's bookmark."""
        return self.bookmarks[int(option_id)]

    def action_remove(self) -> None:
        """Remove the highlighted bookmark."""
        listing = self.listing
        kept = listing.highlighted
        option_id = listing.get_option_at_index(kept).id if kept is not None else None
        if option_id is None:
            return
        bookmark = self.bookmarks.pop(int(option_id))
        self.store.remove_bookmark(bookmark.briefing, bookmark.item)
        listing.set_options(self.options())
        if self.bookmarks and kept is not None:
            listing.highlighted = min(kept, len(self.bookmarks) - 1)
        self.notify(clean_line(f"Removed the bookmark on {bookmark.briefing}/{bookmark.item}"), markup=False)
