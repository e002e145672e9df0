"""The reader's part that follows a negotiation: marks, digest, bookmarks, history, place, reload, copy.

``ReaderScreen`` inherits :class:`Following`; the screen calls :meth:`start_following` once
mounted and :meth:`leaving_item` / :meth:`item_shown` around each item it shows. State is
read after the first frame, in a worker: the first frame never waits for SQLite.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work

from brief_tui.model import Source
from brief_tui.render.detail_rows import Overview, title_of
from brief_tui.render.lens import Lens
from brief_tui.render.safe import clean_line, text
from brief_tui.screens.history import History
from brief_tui.screens.place import Place
from brief_tui.widgets.key_bar import KeyBar
from brief_tui.widgets.quiet import Pane, QuietFocus

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.widget import Widget

    from brief_tui.loader import BriefingError
    from brief_tui.loader.opened import OpenedLibrary
    from brief_tui.model import Briefing
    from brief_tui.render.detail_rows import Shown
    from brief_tui.screens.listing import ListingScreen
    from brief_tui.state import Bookmark, HistoryEntry, Store
    from brief_tui.state import Place as StoredPlace
    from brief_tui.state.reading import Reading
    from brief_tui.watch import FileWatch
    from brief_tui.widgets.detail import DetailView
    from brief_tui.widgets.reload_bar import ReloadBar
    from brief_tui.widgets.thread_list import ThreadList
    from brief_tui.widgets.timeline import Timeline

__all__ = ["Following"]

# How often the open file's modification time is checked (one stat; about 3 µs).
POLL_SECONDS = 0.5
# Opens of earlier sessions that alt+left can go back through.
HISTORY_KEPT = 50


class Following(QuietFocus[None]):
    """The base of the reader screen: what follows the negotiation. All on the event loop unless it says so.

    (A :class:`QuietFocus` screen: a focus change is drawn in one frame.)"""

    reading: Reading | None = None
    """What changed since last read, once state is loaded (None before, and never if it cannot be)."""
    open_at: str | None = None
    """An item id to start at (``brief open``)."""
    _history_of_travel: History[Place] | None = None
    _watch: FileWatch | None = None
    _bookmarked: frozenset[str] = frozenset()
    list_to_return_to: tuple[int, Callable[[str | None], None], str | None] | None = None
    """After a row of a list (``w``, ``B``) opened an item: the history's depth then, the list's
    opener and the row, so that ``escape`` back to that depth shows the list again at that row."""
    _navigating = False
    rebuilding = False
    """True while a reload recomposes the panes: no key acts on the screen until they are back."""
    _started = False
    _shown_mark = ""
    _detail_marks: dict[str, str] = {}  # noqa: RUF012 (replaced, never changed in place)
    """The marks the detail pane's references were last drawn with."""

    if TYPE_CHECKING:  # what the reader screen provides
        briefing: Briefing
        overview: Overview
        place: Place
        history: list[Place]

        @property
        def detail(self) -> DetailView: ...
        @property
        def sidebar(self) -> ThreadList: ...
        @property
        def timeline(self) -> Timeline | None: ...
        def go(self, place: Place, *, reported_by: Widget | None = None, restore: bool = False) -> None: ...
        def here(self) -> Place: ...
        def catch_up(self) -> None: ...
        def focus_pane(self, pane: str) -> Widget: ...
        def _visit(self, target: Shown) -> None: ...
        def marked(self, title: Text) -> Text: ...
        def on_mount(self) -> None: ...
        def lens_for(self, item: object) -> tuple[Lens | None, Any]: ...

    @property
    def travel(self) -> History[Place]:
        """Every open, for alt+left / alt+right."""
        if self._history_of_travel is None:
            self._history_of_travel = History(self.place, same=lambda a, b: a.item is b.item)
        return self._history_of_travel

    @property
    def store(self) -> Store:
        """The app's state store (opened on first use)."""
        store: Store = self.app.state_store()  # type: ignore[attr-defined]
        return store

    # Start: brief open's item at once, state after the first frame ------------------------

    def start_following(self) -> None:
        """Read state and start watching the file, once the first frame is out."""
        if self._started:
            return
        self._started = True
        self.app.call_after_refresh(self._read_state)
        if self.briefing.path:
            from brief_tui.watch import FileWatch

            self._watch = FileWatch([self.briefing.path])
            self.set_interval(POLL_SECONDS, self._poll_edit)

    @work(thread=True, exit_on_error=False, group="state")
    def _read_state(self) -> None:
        """In a thread: open the store and set the briefing against what was read."""
        from brief_tui.state.reading import Reading

        store = self.store
        reading = Reading(store, self.briefing)
        stored = store.place(self.briefing.id)
        bookmarked = frozenset(store.bookmarked(self.briefing.id))
        earlier = store.history(self.briefing.id, limit=HISTORY_KEPT)
        self.app.call_from_thread(self._state_ready, reading, stored, bookmarked, earlier)

    def _state_ready(
        self,
        reading: Reading,
        stored: StoredPlace | None,
        bookmarked: frozenset[str],
        earlier: list[HistoryEntry],
    ) -> None:
        if not self.is_mounted:  # quit before state was read
            return
        self.reading = reading
        self._bookmarked = bookmarked
        untouched = not self.travel.can_go_back and isinstance(self.place.item, Overview) and not self.history
        if untouched:
            # alt+left goes on into the last session.
            if earlier and stored is not None and self.open_at is None and earlier[-1].item == stored.item:
                earlier = earlier[:-1]  # that one is where it reopens
            self.travel.remember([Place.from_ids(self.briefing, {"item": e.item, "pane": e.pane}) for e in earlier])
        if stored is not None and self.open_at is None and untouched:
            self._reopen(stored)  # shows the item kept, which counts as read
        elif not isinstance(self.place.item, Overview):
            # Shown before state was read (brief open, a quick key): it counts as read now.
            self._shown_mark = self._mark_label(self.place.item.id)
            reading.shown(self.place.item.id)
            self._header(self.place)
        self._show_marks()
        self._tell_notices()

    def _reopen(self, stored: StoredPlace) -> None:
        """Put the reader back where this briefing was left: item, pane, scroll, zoom, lane mode."""
        ids: dict[str, Any] = {"item": stored.item, "thread": stored.thread, "event": stored.event}
        ids |= {"pane": stored.pane, "scroll": stored.scroll, "row": stored.row}
        self._navigating = True
        try:
            self.go(Place.from_ids(self.briefing, ids), restore=True)
        finally:
            self._navigating = False
        timeline = self.timeline
        if timeline is None:
            return
        if stored.lane_mode in ("merged", "lanes") and (stored.lane_mode == "merged") != timeline.merged:
            timeline.action_toggle_merged()
        for _ in range(5):  # one step at a time, as the keys zoom, until it is the kept zoom
            if stored.zoom is None or stored.zoom == timeline.zoom:
                break
            before = timeline.zoom
            if _zoom_rank(stored.zoom) < _zoom_rank(before):
                timeline.action_zoom_in()
            else:
                timeline.action_zoom_out()
            if timeline.zoom == before:
                break

    # Each item shown --------------------------------------------------------------------

    def leaving_item(self) -> Place | None:
        """Before the detail pane changes: where the reader is, with its scroll (to come back to)."""
        current = self.travel.current
        if current is None or current.item is not self.detail.item:
            return current
        return replace(current, scroll=int(self.detail.scroll_y), row=self.detail.highlighted)

    def item_shown(self, place: Place, leaving: Place | None) -> None:
        """The detail pane shows ``place``'s item: record the open, mark it read, keep the place."""
        item = place.item
        if not self._navigating and not self.travel.same(place, self.travel.current or place):
            self.travel.open(place, leaving=leaving)
            if self.reading is not None:
                self.store.push_history(self.briefing.id, None if isinstance(item, Overview) else item.id, place.pane)
        elif not self._navigating:
            self.travel.open(place, leaving=leaving)
        self._shown_mark = ""
        if self.reading is not None and not isinstance(item, Overview):
            self._shown_mark = self._mark_label(item.id)
            self.reading.shown(item.id)
            if self._shown_mark:
                self._show_marks()
        self._header(place)
        self.save_place()

    def save_place(self) -> None:
        """Remember where the reader is (each open: a killed process loses at most this)."""
        if self.reading is None:
            return
        from brief_tui.state import Place as StoredPlace

        here = self.here()  # with the detail pane's scroll as it is now
        ids = here.to_ids()
        timeline = self.timeline
        stored = StoredPlace(
            item=ids["item"],
            pane=here.pane,
            zoom=timeline.zoom if timeline else None,
            lane_mode=("merged" if timeline.merged else "lanes") if timeline else None,
            scroll=here.scroll,
            thread=ids["thread"],
            event=ids["event"],
            row=here.row,
        )
        self.store.save_place(self.briefing.id, stored)

    def _header(self, place: Place) -> None:
        """The detail pane's border: the mark it had when shown, the title; the kind, address, bookmark."""
        item = place.item
        # The one writer of this border: the title carries the search's marks (Finding.marked).
        title = self.marked(title_of(item))
        if self._shown_mark:
            title = Text.assemble((f"{self._shown_mark} ", "bold"), title)
        subtitle = Text(f"{item.KIND} · ")
        subtitle.append_text(text(self._address(item), one_line=True))
        if not isinstance(item, Overview) and item.id in self._bookmarked:
            subtitle.append(" · ⚑ bookmarked")
        self.query_one("#detail-pane", Pane).set_titles(title, subtitle)

    def _address(self, item: Shown) -> str:
        return self.briefing.id if isinstance(item, Overview) else self.briefing.address(item)

    # Marks ------------------------------------------------------------------------------

    def _mark_label(self, item_id: str) -> str:
        mark = self.reading.mark(item_id) if self.reading is not None else None
        return mark.label if mark is not None else ""

    def _show_marks(self) -> None:
        """The sidebar and the timeline show each item's mark (and the sidebar the bookmarks)."""
        reading = self.reading
        marks = reading.marks if reading is not None else {}
        rows: dict[str, str] = {}
        for thread in self.briefing.threads:
            parts = [marks[thread.id].label] if thread.id in marks else []
            if thread.id in self._bookmarked:
                parts.append("⚑")
            rows[thread.id] = " ".join(parts)
        others = sum(1 for item_id in marks if item_id not in rows)
        rows["overview"] = f"✱ {others} more" if others else ""
        self.sidebar.set_marks(rows)
        timeline = self.timeline
        if timeline is not None:
            timeline.set_marks({i: m.label for i, m in marks.items() if i in self._event_ids})

        if self._reference_marks(self.detail.item) != self._detail_marks:
            self._redraw_detail()

    def with_marks(self, lens: Lens | None, item: Shown) -> Lens | None:
        """The detail pane's lens with each reference to a new or changed item marked (``✱ changed``)."""
        marks = self._detail_marks = self._reference_marks(item)
        if not marks:
            return lens
        return (lens or Lens())._replace(mark_for=lambda target: marks.get(target.id))

    def _reference_marks(self, item: Shown | None) -> dict[str, str]:
        """Every item's mark but the shown item's own (its header carries that one)."""
        reading = self.reading
        if reading is None or not reading.marks:
            return {}
        own = None if item is None or isinstance(item, Overview) else item.id
        return {item_id: mark.label for item_id, mark in reading.marks.items() if item_id != own}

    def _redraw_detail(self) -> None:
        """Draw the detail pane's item again with the marks as they are now, where the reader is."""
        detail = self.detail
        if detail.item is None:
            return
        detail.lens = self.with_marks(self.lens_for(detail.item)[0], detail.item)
        detail.show(detail.item, highlight=detail.highlighted, scroll=int(detail.scroll_y))

    @property
    def _event_ids(self) -> set[str]:
        return {event.id for event in self.briefing.events}

    def _tell_notices(self) -> None:
        for notice in self.store.take_notices():
            self.app.notify(clean_line(notice), severity="warning", markup=False, timeout=8)

    def action_next_changed(self) -> None:
        """Go to the next item new or changed since last read."""
        self.catch_up()
        if self.reading is None:
            return
        item = self.place.item
        found = self.reading.next_marked(None if isinstance(item, Overview) else item.id)
        target = self.briefing.get(found) if found else None
        if target is None:
            self.app.notify("Nothing new or changed since you last read.", markup=False, timeout=3)
            return
        self._visit(target)

    def action_mark_all_read(self) -> None:
        """Count everything as read, as it is now."""
        if self.reading is None:
            return
        self.reading.mark_all_read()
        self._show_marks()
        self._tell_notices()
        self.app.notify("Marked everything read.", markup=False, timeout=3)

    def action_digest(self, row: str | None = None) -> None:
        """Show what changed since last read; the row chosen opens its item."""
        if self.reading is None:
            return
        from brief_tui.screens.digest import DigestScreen

        reading = self.reading
        digest = DigestScreen(reading.changes, reading.mark, first_reading=reading.first_open)
        digest.start_at = row
        self.app.push_screen(digest, lambda item_id: self._open_from_list(item_id, digest, self.action_digest))

    def _open_from_list(
        self, item_id: str | None, listing: ListingScreen[Any], reopen: Callable[[str | None], None]
    ) -> None:
        """Open a list's row; ``escape`` from the item comes back to the list, at that row."""
        depth = len(self.history)
        self._open_item_id(item_id)
        if len(self.history) > depth:
            self.list_to_return_to = (len(self.history), reopen, listing.chosen_row)

    def _open_item_id(self, item_id: str | None) -> None:
        item = self.briefing.get(item_id) if item_id else None
        if item is not None:
            self._visit(item)

    # Bookmarks --------------------------------------------------------------------------

    def action_toggle_bookmark(self) -> None:
        """Bookmark the current item, or remove its bookmark."""
        self.catch_up()
        item = self.place.item
        if isinstance(item, Overview):
            self.app.notify("Bookmarks are for items: choose a thread, event or source first.", markup=False)
            return
        now = self.store.toggle_bookmark(self.briefing.id, item.id)
        self._bookmarked = frozenset(self.store.bookmarked(self.briefing.id))
        self._show_marks()
        self._header(self.place)
        said = "Bookmarked" if now else "Removed the bookmark on"
        if not self.store.enabled:
            said = "State is off, so no bookmark is kept for"
        self.app.notify(f"{said} {clean_line(self._address(item))}", markup=False, timeout=3)
        self._tell_notices()

    def action_bookmarks(self, row: str | None = None) -> None:
        """List the bookmarks of every briefing."""
        from brief_tui.screens.bookmarks import BookmarksScreen

        listing = BookmarksScreen(self.store, self._briefing_named)
        listing.start_at = row
        self.app.push_screen(listing, lambda bookmark: self._open_bookmark(bookmark, listing))

    def _briefing_named(self, briefing_id: str) -> Briefing | None:
        if briefing_id == self.briefing.id:
            return self.briefing
        library = getattr(self.app, "library", None)
        opened: OpenedLibrary | None = getattr(self.app, "opened", None)
        if library is None and opened is not None:
            return opened.by_id(briefing_id)  # an indexed library: loaded now, once
        results = library.results if library is not None else []
        return next((r.briefing for r in results if r.briefing.id == briefing_id), None)

    def _open_bookmark(self, bookmark: Bookmark | None, listing: ListingScreen[Any] | None = None) -> None:
        self._bookmarked = frozenset(self.store.bookmarked(self.briefing.id))
        self._show_marks()
        if bookmark is None:
            return
        if bookmark.briefing == self.briefing.id:
            if listing is None:
                self._open_item_id(bookmark.item)
            else:
                self._open_from_list(bookmark.item, listing, self.action_bookmarks)
            return
        other = self._briefing_named(bookmark.briefing)
        if other is None:
            self.app.notify(f"{clean_line(bookmark.briefing)} is not open in this library.", markup=False)
            return
        from brief_tui.screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(other, from_library=True, open_at=bookmark.item))

    # History ----------------------------------------------------------------------------

    def action_history_back(self) -> None:
        """Back to the item opened before this one, at its scroll."""
        self.catch_up()
        self._travel_to(self.travel.back(self.leaving_item()))

    def action_history_forward(self) -> None:
        """Forward again."""
        self.catch_up()
        self._travel_to(self.travel.forward(self.leaving_item()))

    def _travel_to(self, place: Place | None) -> None:
        if place is None:
            self.app.bell()
            return
        self._navigating = True
        try:
            self.go(place, restore=True)
        finally:
            self._navigating = False

    # Copy -------------------------------------------------------------------------------

    def action_copy_address(self) -> None:
        """Copy the item's address (a source with a URL: the URL) to the clipboard by OSC 52."""
        self.catch_up()
        item = self.place.item
        copied = item.url if isinstance(item, Source) and item.url else self._address(item)
        self.app.copy_to_clipboard(copied)
        self.app.notify(f"Copied {clean_line(copied)}", markup=False, timeout=4)

    # Reload on edit ---------------------------------------------------------------------

    def _poll_edit(self) -> None:
        if self._watch is not None and self._watch.poll():
            self._reload(self.briefing.path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="reload")
    def _reload(self, path: str) -> None:
        """In a thread: read the edited file; the event loop shows it or its problems."""
        from brief_tui.loader import BriefingError, load_briefing

        try:
            briefing = load_briefing(path, cache=getattr(self.app, "cache", True)).briefing
        except BriefingError as error:
            self.app.call_from_thread(self._broken, error)
            return
        self.app.call_from_thread(self._reloaded, briefing)  # type: ignore[arg-type]

    def _broken(self, error: BriefingError) -> None:
        """Say what is wrong in one line; the last good version stays on screen."""
        from brief_tui.widgets.reload_bar import ReloadBar

        if not self.is_mounted:
            return
        bars = self.query(ReloadBar)
        bar: ReloadBar = bars.first() if bars else ReloadBar(id="reload-bar")
        if not bars:
            self.mount(bar, before=self.query_one(KeyBar))
        first = not bar.broken
        bar.show_error(error)
        if first:  # enter shows every problem; escape goes back to reading
            self.call_after_refresh(bar.focus)

    async def _reloaded(self, briefing: Briefing) -> None:
        """Show the edited briefing at the same place, its changes marked."""
        if not self.is_mounted:
            return
        here, back = self.here().to_ids(), [place.to_ids() for place in self.history]
        self.briefing, self.overview = briefing, Overview(briefing)
        self.place = Place(self.overview)
        self._navigating = self.rebuilding = True
        try:
            await self.recompose()
            self.on_mount()
        finally:
            self._navigating = self.rebuilding = False
        self.history = [Place.from_ids(briefing, ids) for ids in back]
        self.travel.remap(lambda place: Place.from_ids(briefing, place.to_ids()))
        if self.reading is not None:
            self.reading.reload(briefing)
        # Once the new panes have settled on their first rows (the sidebar reports its own).
        self.call_after_refresh(self._return_to, Place.from_ids(briefing, here))

    def _return_to(self, place: Place) -> None:
        """Back at the place the reader was before the reload, with the changes marked."""
        self._navigating = True
        try:
            self.go(place, restore=True)
        finally:
            self._navigating = False
        self._show_marks()
        self._header(self.place)

    def on_reload_bar_left(self, message: ReloadBar.Left) -> None:
        self.focus_pane(self.place.pane)

    def on_reload_bar_problems_requested(self, message: ReloadBar.ProblemsRequested) -> None:
        from brief_tui.screens.edit_problems import EditProblems

        self.app.push_screen(EditProblems([message.error], [message.error.path]))


def _zoom_rank(zoom: str) -> int:
    from brief_tui.widgets.timeline import ZOOMS

    return ZOOMS.index(zoom) if zoom in ZOOMS else 0
