"""The reader's search and filter: `/`, `n`/`N`, `f`/`F`, and opening any item (results, the palette).

A mixin of :class:`~brief_tui.screens.reader.ReaderScreen`, kept apart so the reader stays
short: it owns the search bar, the filter input and chips, the search index (built in a
worker after the first frame, shared by every reader of the same briefings) and the active
filter. A filter narrows the sidebar and the timeline (kept, not made again) to the briefing
as the filter leaves it, so ``]`` ``[`` ``}`` ``{`` and every pane's moves see only what is
kept; the detail pane gets a lens: the search words marked, the filter's dropped rows left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual import work
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from brief_tui.model import Briefing, Event, Thread
from brief_tui.render.detail_rows import Overview, Row
from brief_tui.render.lens import Lens

# The bars, the filter's parser and the query parser it uses are imported on first use:
# every import here is paid by every launch of brief, before its first frame.
if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.widget import AwaitMount

    from brief_tui.loader.opened import OpenedLibrary
    from brief_tui.model.filter_view import FilterView, Predicate
    from brief_tui.model.filters import Filter
    from brief_tui.model.search import Owner, SearchIndex, SearchResults
    from brief_tui.screens.place import Place
    from brief_tui.state import Store
    from brief_tui.state.reading import Reading
    from brief_tui.widgets.detail import DetailView
    from brief_tui.widgets.filter_bar import FilterChips, FilterInput, Preview
    from brief_tui.widgets.search_bar import SearchBar
    from brief_tui.widgets.thread_list import ThreadList
    from brief_tui.widgets.timeline import Timeline

__all__ = ["Finding", "briefings_open", "library_index", "row_text", "shared_index"]

_Bar = TypeVar("_Bar", bound=Widget)


def bars() -> tuple[type[Widget], ...]:
    """The bars at the bottom, in the order they stack (each mounted on first use)."""
    from brief_tui.widgets.filter_bar import FilterChips, FilterInput
    from brief_tui.widgets.search_bar import SearchBar

    return (FilterChips, SearchBar, FilterInput)


# The index of the last briefings searched: every reader of a library shares it.
_INDEX: list[SearchIndex] = []


def shared_index(briefings: list[Briefing]) -> SearchIndex:
    """The search index over these briefings, made (not built) on first asking."""
    from brief_tui.model.search import SearchIndex

    if not _INDEX or [id(b) for b in _INDEX[0].briefings] != [id(b) for b in briefings]:
        _INDEX[:] = [SearchIndex(briefings)]
    return _INDEX[0]


def briefings_open(app: Any, briefing: Briefing) -> list[Briefing]:
    """Every briefing open (all of a library given on the command line), this one first when alone.

    An indexed library's others are not: its search index keeps their texts, not them
    (:func:`library_to_load`); a filter and the palette cover the briefing read.
    """
    library = getattr(app, "library", None)
    found = [result.briefing for result in library.results] if library is not None else []
    return found if any(b is briefing for b in found) else [briefing]


def library_to_load(app: Any) -> OpenedLibrary | None:
    """The indexed library search covers (its index built on the first `/`), if any."""
    opened: OpenedLibrary | None = getattr(app, "opened", None)
    return opened if opened is not None and len(opened) > 1 else None


def library_index(app: Any) -> SearchIndex | None:
    """The search index over the indexed library, once built (until then search covers the briefing read)."""
    opened = library_to_load(app)
    index = opened.search_index() if opened is not None else None
    return index if index is not None and index.built else None


def row_text(row: Row) -> Text | None:
    """The text of a detail row (a paragraph's, under its marker), or None for a table."""
    from brief_tui.render.rich_text import Hanging

    content = row.content
    if isinstance(content, Hanging):
        return content.body
    return content if isinstance(content, Text) else None


class Finding(Screen[None]):
    """Search, `n`/`N`, the filter, and opening an item: the reader screen's base."""

    # What the reader screen provides (declared for mypy; the reader defines them).
    briefing: Briefing
    reading: Reading | None
    _bookmarked: frozenset[str]
    overview: Overview
    place: Place
    history: list[Place]
    if TYPE_CHECKING:

        @property
        def detail(self) -> DetailView: ...
        @property
        def sidebar(self) -> ThreadList: ...
        @property
        def timeline(self) -> Timeline | None: ...
        def go(self, place: Place, *, reported_by: Widget | None = None, restore: bool = False) -> None: ...
        def here(self) -> Place: ...
        def _show(self, place: Place) -> None: ...
        @property
        def store(self) -> Store: ...

    results: SearchResults | None = None
    """The last search's results, kept after the bar closes, for `n` and `N`."""
    active_filter: Filter | None = None
    """The active filter (None: everything shows)."""
    filter_view: FilterView | None = None
    """What the active filter keeps."""
    _last_read: tuple[str, list[int], Filter, FilterView | None] | None = None
    _match: tuple[object, int] | None = None
    """The item shown and its row of the last match `n` or `N` went to."""

    # -- setting up --------------------------------------------------------------------

    def compose_finding(self) -> ComposeResult:
        """Nothing on the first frame: each bar is mounted the first time it is asked for.

        Styling three hidden bars (inputs, a list, their texts) cost the first frame about
        55,000 function calls; ``/``, ``f`` and a filter's chips mount theirs on first use.
        """
        self.call_after_refresh(self._build_index)
        yield from ()

    async def _bar(self, kind: type[_Bar]) -> _Bar:
        """The bar of this kind, mounted and composed now if it is the first time it is asked for."""
        found = self.query(kind)
        if found:
            return found.first()
        bar = self._make_bar(kind)
        await self._mount_bar(bar)
        return bar

    def _chips(self) -> FilterChips:
        """The active filter's chips (a widget with no children: usable as soon as it is mounted)."""
        from brief_tui.widgets.filter_bar import FilterChips

        found = self.query(FilterChips)
        if found:
            return found.first()
        chips = FilterChips()
        self._mount_bar(chips)
        return chips

    def _cover_chips(self, covered: bool) -> None:
        """The chips step aside while a bar on their row is open (none mounted: no filter to cover)."""
        from brief_tui.widgets.filter_bar import FilterChips

        found = self.query(FilterChips)
        if found:
            found.first().cover(covered)

    def _make_bar(self, kind: type[_Bar]) -> _Bar:
        from brief_tui.widgets.filter_bar import FilterInput
        from brief_tui.widgets.search_bar import SearchBar

        if kind is SearchBar:
            several = len(self.search_briefings()) > 1 or library_to_load(self.app) is not None
            return SearchBar(self._search, several_briefings=several)  # type: ignore[return-value]
        return FilterInput(self._preview)  # type: ignore[return-value]

    def _mount_bar(self, bar: Widget) -> AwaitMount:
        """Mount a bar where the reader's compose once put it: docked bars stack in this order."""
        order = bars()
        later = order[order.index(type(bar)) + 1 :]
        before = next((found.first() for kind in later if (found := self.query(kind))), None)
        if before is None:
            return self.mount(bar, before=self.query_one("#too-small")) if self.query("#too-small") else self.mount(bar)
        return self.mount(bar, before=before)

    def search_briefings(self) -> list[Briefing]:
        """The briefings search and the palette cover: every one open."""
        return briefings_open(self.app, self.briefing)

    @property
    def search_index(self) -> SearchIndex:
        """The index over every open briefing (built on first use if the worker has not yet), or the library's."""
        return library_index(self.app) or shared_index(self.search_briefings())

    def _build_index(self) -> None:
        index = self.search_index
        if not index.built:
            self.run_worker(index.build, thread=True, group="search-index", exit_on_error=False)

    def _load_library(self) -> None:
        """Build the indexed library's search index for search, once, off the event loop."""
        opened = library_to_load(self.app)
        if opened is None or opened.search_index().built:
            return
        if self.briefing.path in opened.paths:
            opened.keep(self.briefing.path, self.briefing)  # the reader's own: results in it open here
        if not any(w.node is self and w.group == "search-library" and not w.is_finished for w in self.workers):
            self._load_library_in_worker(opened)

    @work(thread=True, group="search-library", exit_on_error=False)
    def _load_library_in_worker(self, opened: OpenedLibrary) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        index = opened.search_index().build(lambda: not worker.is_cancelled)
        if index.built and not worker.is_cancelled:
            self.app.call_from_thread(self._library_loaded)

    def _library_loaded(self) -> None:
        """Search now covers the whole library: show the open query's results again."""
        from brief_tui.widgets.search_bar import SearchBar

        bar = self.query(SearchBar)
        if bar and bar.first().is_open:
            bar.first().show(self.query_one("#search-input", Input).value)

    def lens_for(self, item: object) -> tuple[Lens | None, Row | None]:
        """The detail pane's lens (search words, filter) and, on the overview, the filter's line."""
        match = self.results.query.spans if self.results is not None else None
        keep = self.filter_view.keeps if self.filter_view is not None else None
        lens = Lens(match=match, keep=keep) if match or keep else None
        notice = None
        if self.filter_view is not None and isinstance(item, Overview):
            notice = Row(Text(self.filter_view.counts(self.briefing).filtered(), "italic"))
        return lens, notice

    def marked(self, title: Text) -> Text:
        """A title with the search words marked (the pane's title is the item's name: no row repeats it)."""
        if self.results is not None:
            from brief_tui.widgets.search_bar import MATCH_STYLE

            for start, end in self.results.query.spans(title.plain):
                title.stylize(MATCH_STYLE, start, end)
        return title

    def _keep(self, owner: Owner) -> bool:
        return self.filter_view is None or self.filter_view.keeps_found(owner)

    # -- search ------------------------------------------------------------------------

    def _search(self, query: str) -> SearchResults:
        return self.search_index.search(query, keep=self._keep if self.filter_view is not None else None)

    async def action_search(self) -> None:
        """`/`: open the search bar (and load the rest of an indexed library to search it).

        The first `/` mounts the bar (about 30,000 function calls, once): the reader's first frame does not pay for it.
        """
        from brief_tui.widgets.search_bar import SearchBar

        self._load_library()
        self._cover_chips(True)
        (await self._bar(SearchBar)).open()

    def on_search_bar_chosen(self, message: SearchBar.Chosen) -> None:
        """Enter on a result: open it, the words marked."""
        self.results = message.results
        self._cover_chips(False)
        self._open_result(message.result.index, first=True)

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        """Escape: the results stay for `n`; the reader's pane gets focus back."""
        self.results = message.results
        self._cover_chips(False)
        self._show(self.here())  # the lens changed: marks on or off
        self._refocus()

    def action_next_match(self) -> None:
        """`n`: the next match in the item, then the next item that matches."""
        self._step_match(+1)

    def action_previous_match(self) -> None:
        """`N`: the previous match in the item, then the previous item that matches."""
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        results = self.results
        if results is None or not len(results):
            self.app.bell()
            self.notify("No search yet: / searches", timeout=3)
            return
        owner = self._shown_owner()
        position = results.position_of(owner)  # type: ignore[arg-type]
        rows = self._match_rows() if position is not None else []
        if rows:
            current = self._match[1] if self._match is not None and self._match[0] is owner else None
            if current is None:
                self._to_match_row(rows[0] if step > 0 else rows[-1])
                return
            beyond = [r for r in rows if r > current] if step > 0 else [r for r in rows if r < current]
            if beyond:
                self._to_match_row(beyond[0] if step > 0 else beyond[-1])
                return
        if position is None:
            position = -1 if step > 0 else 0
        self._open_result((position + step) % len(results), first=step > 0)

    def _open_result(self, position: int, *, first: bool) -> None:
        assert self.results is not None
        found = self.results[position].opened()
        if found is None:  # a library's file changed or broke since the index read it
            self.notify(
                f"{self.results[position].address} cannot be opened now", severity="warning", timeout=4, markup=False
            )
            return
        self.open_item(*found)
        if self.detail.lens is None or self.detail.lens.match != self.results.query.spans:
            self._show(self.here())  # the item was already shown, without these marks
        rows = self._match_rows()
        if rows:
            self._to_match_row(rows[0] if first else rows[-1])

    def _shown_owner(self) -> object:
        item = self.detail.item
        return self.briefing if isinstance(item, Overview) else item

    def _match_rows(self) -> list[int]:
        """The detail pane's rows that hold a match, in order."""
        if self.results is None:
            return []
        spans = self.results.query.spans
        return [
            n for n, row in enumerate(self.detail.rows) if (shown := row_text(row)) is not None and spans(shown.plain)
        ]

    def _to_match_row(self, row: int) -> None:
        self._match = (self._shown_owner(), row)
        self.detail.show_row(row)

    # -- filter ------------------------------------------------------------------------

    def _preview(self, text: str) -> Preview:
        from brief_tui.widgets.filter_bar import Preview

        filter_, view = self._read_filter(text)
        if not filter_.ok:
            return Preview("; ".join(filter_.problems), ok=False)
        if view is None:
            return Preview("no filter: everything shows (enter clears)", ok=True)
        return Preview(view.counts(self.briefing).describe(), ok=True)

    def _read_filter(self, text: str) -> tuple[Filter, FilterView | None]:
        """The filter ``text`` reads as and what it keeps (None: it keeps everything or cannot be read).

        The last one is kept: enter applies what the last key previewed without working it out again.
        """
        briefings = self.search_briefings()
        last = self._last_read
        if last is not None and last[0] == text and last[1] == [id(b) for b in briefings] and not last[2].flags:
            return last[2], last[3]
        from brief_tui.model.filters import parse_filter

        filter_ = parse_filter(text, briefings)
        view = None
        if filter_.ok and not filter_.empty:
            changed, bookmarked = self._flags(filter_, briefings)
            view = filter_.apply(briefings, index=self.search_index, changed=changed, bookmarked=bookmarked)
        self._last_read = (text, [id(b) for b in briefings], filter_, view)
        return filter_, view

    def _flags(self, filter_: Filter, briefings: list[Briefing]) -> tuple[Predicate | None, Predicate | None]:
        """The flags as the reader knows them now: its own marks and bookmarks, the store's for others.

        Read afresh each time (a flag's filter is never reused from the last key): marks clear
        as items are read, and ``b`` adds or removes bookmarks.
        """
        if not filter_.flags:
            return None, None
        from brief_tui.model.filter_view import flagged
        from brief_tui.state.flags import read_flags

        others = [b for b in briefings if b.id != self.briefing.id]
        flags = read_flags(self.store, others, filter_.flags) if others else None
        changed = dict(flags.changed) if flags else {}
        bookmarked = dict(flags.bookmarked) if flags else {}
        changed[self.briefing.id] = set(self.reading.marks) if self.reading is not None else set()
        bookmarked[self.briefing.id] = set(self._bookmarked)
        return flagged(briefings, changed), flagged(briefings, bookmarked)

    async def action_filter(self) -> None:
        """`f`: open the filter input on the active filter, to edit."""
        from brief_tui.widgets.filter_bar import FilterInput

        self._cover_chips(True)
        (await self._bar(FilterInput)).open(self.active_filter.text if self.active_filter else "")

    def action_clear_filter(self) -> None:
        """`F`: everything shows again."""
        if self.active_filter is None:
            self.app.bell()
            return
        self.call_after_refresh(self.apply_filter, "")

    def on_filter_input_applied(self, message: FilterInput.Applied) -> None:
        """Enter on a filter that reads: make it active."""
        self._cover_chips(False)
        self.apply_filter(message.text)
        self._refocus()

    def on_filter_input_cancelled(self, message: FilterInput.Cancelled) -> None:
        """Escape: the filter stays as it was."""
        self._cover_chips(False)
        self._refocus()

    def apply_filter(self, text: str) -> None:
        """Make ``text`` the active filter ("" clears it): narrow the sidebar and timeline, relens the pane."""
        filter_, view = self._read_filter(text)
        self.active_filter, self.filter_view = (filter_, view) if view is not None else (None, None)
        shown = self.filter_view.shown(self.briefing) if self.filter_view is not None else self.briefing
        # The overview lists what the filter leaves (and says what it hides).
        self.overview = Overview(shown, self.briefing if self.filter_view is not None else None)
        self._narrow_panes(shown)
        chips = self._chips()
        counts = self.filter_view.counts(self.briefing).describe() if self.filter_view is not None else ""
        chips.show(self.active_filter.chips if self.active_filter else [], counts)
        if self.results is not None:
            self.results = self._search(self.results.query.text) or None
        place = self.place
        if place.thread is not None and self.filter_view is not None and not self.filter_view.keeps(place.thread):
            place = place.showing(self.overview, thread=None)
        if isinstance(place.item, Overview):
            place = place.moved(item=self.overview)
        scroll = int(self.detail.scroll_y) if place.item is self.detail.item else 0
        self.go(place.moved(scroll=scroll), restore=True)

    def refilter(self, flag: str) -> None:
        """Apply the active filter again when it reads this flag (``b`` changed what ``bookmarked`` keeps)."""
        if self.active_filter is not None and flag in self.active_filter.flags:
            self.apply_filter(self.active_filter.text)

    def narrowed(self, briefing: Briefing) -> Briefing | None:
        """``briefing`` as the active filter leaves it, for a pane made while it is on (None: no filter)."""
        return self.filter_view.shown(briefing) if self.filter_view is not None else None

    def _narrow_panes(self, shown: Briefing) -> None:
        """The sidebar and the timeline show what the filter keeps (``shown`` is the briefing: everything)."""
        self.sidebar.show_only(shown)
        timeline = self.timeline
        if timeline is not None:
            timeline.show_only(None if shown is self.briefing else shown)

    def _refocus(self) -> None:
        """Focus the reader's pane again (a bar had it)."""
        self.go(self.place)

    # -- opening any item --------------------------------------------------------------

    def open_item(self, briefing: Briefing, item: Owner) -> None:
        """Show an item (search results, the palette): in this reader, or a reader of its briefing."""
        if briefing is not self.briefing:
            from brief_tui.screens.reader import ReaderScreen

            reader = ReaderScreen(briefing, from_library=True)
            self.app.push_screen(reader)
            reader.call_after_refresh(reader.open_item, briefing, item)
            return
        self._match = None
        self.history.append(self.here())
        if isinstance(item, Briefing):
            self.go(self.place.showing(Overview(item), thread=None, pane="detail"))
            return
        changes: dict[str, object] = {"pane": "detail"}
        if isinstance(item, Thread) and self._in_sidebar(item):
            changes["thread"] = item
        elif isinstance(item, Event):
            changes["event"] = item
        self.go(self.place.showing(item, **changes))

    def _in_sidebar(self, thread: Thread) -> bool:
        return self.filter_view is None or self.filter_view.keeps(thread)
