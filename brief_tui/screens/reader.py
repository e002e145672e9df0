"""The reader: sidebar of threads, detail pane, timeline, all showing one ``Place``.

State flows down: the screen keeps where the reader is (``self.place``) and ``go`` pushes
it to the panes; the panes report moves as messages, and the screen makes the next place.
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.events import ScreenResume
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from brief_tui.actions import ACTIONS, bindings_for, keys_in_use
from brief_tui.model import Briefing, Document, Event, Thread, Version
from brief_tui.model.as_of import KnownOn, as_known, known_of
from brief_tui.render.detail_rows import Overview, Shown, rows_for
from brief_tui.render.labels import date_label
from brief_tui.screens.finding import Finding
from brief_tui.screens.following import Following
from brief_tui.screens.place import PANES, Place
from brief_tui.widgets.detail import DetailView
from brief_tui.widgets.key_bar import KeyBar
from brief_tui.widgets.quiet import Pane, focus_without_repaint
from brief_tui.widgets.thread_list import ThreadList
from brief_tui.widgets.time_banner import TimeBanner
from brief_tui.widgets.timeline import Timeline

if TYPE_CHECKING:
    from typing import Any

    from textual import events

    from brief_tui.screens.listing import ListingScreen
    from brief_tui.screens.matrix import Stance
    from brief_tui.state import Bookmark

__all__ = ["ReaderScreen"]

# Timelines with more events than this are built just after the first frame.
EAGER_TIMELINE_EVENTS = 1000
MIN_SIZE = (40, 12)
END_NOTE_SECONDS = 2.0  # how long "This is the last thread." shows


class ReaderScreen(Finding, Following):
    """The three panes of one briefing."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("reader")
    # A focus change repaints the pane borders and the cursor, not the whole screen.
    focused: Reactive[Widget | None] = focus_without_repaint()

    # Textual declares these without ClassVar, so mypy refuses the annotation.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-tiny"),
        (MIN_SIZE[0], "-narrow"),
        (70, "-compact"),
        (100, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (MIN_SIZE[1], "-tall")]  # noqa: RUF012
    _resumed = False
    _end_said: tuple[str, float] = ("", 0.0)
    """The last "first/last thread" note and when: ``]`` held down at the end says it once."""

    def __init__(self, briefing: Briefing, *, from_library: bool = False, open_at: str | None = None) -> None:
        # Start with the classes the first layout needs, so it is styled once, not twice.
        super().__init__(classes=" ".join(["-show-sidebar", *_breakpoint_classes(self)]))
        self.briefing = briefing
        self.now = briefing
        """The briefing as it stands; ``briefing`` is it as known on a date while travelling."""
        self.from_library = from_library
        self.open_at = open_at
        self.overview = Overview(briefing)
        self.place = Place(self.overview)
        """Where the reader is; change it with ``go``."""
        self.history: list[Place] = []
        """Where enter came from: ``back`` returns to the last."""
        self._read_to: dict[int, tuple[object, int, int | None]] = {}
        """Where each item read this session was left (by the item's identity): its scroll and row."""

    def compose(self) -> ComposeResult:
        yield TimeBanner(id="time-banner")
        # Each pane's border sits on a container of its own, so that a pane's new content
        # repaints the content alone, not the border too (fewer bytes per key over SSH).
        with Horizontal(id="panes"):
            with Pane(id="sidebar-pane", classes="pane"):
                yield ThreadList(self.briefing, id="sidebar")
            with Pane(id="detail-pane", classes="pane"):
                yield DetailView(self.briefing, id="detail")
        with Pane(id="timeline-pane", classes="pane"):
            if self.briefing.event_count <= EAGER_TIMELINE_EVENTS:
                yield Timeline(self.briefing, id="timeline")
            else:
                yield Static(Text("Drawing the timeline…"), id="timeline-placeholder")
        yield KeyBar()
        yield from self.compose_finding()
        yield Static(
            Text(f"Make the terminal larger\n(at least {MIN_SIZE[0]}x{MIN_SIZE[1]})", justify="center"),
            id="too-small",
        )

    def on_screen_resume(self, event: ScreenResume) -> None:
        """The first time the reader shows, its panes were styled as they mounted: no second pass.

        Textual restyles every node of a screen as it first shows (about 26,000 function calls
        before the first frame). Nothing can have changed since the nodes were styled: the app's
        CSS was read before, and widgets' own CSS is scoped to them. tests/widgets/test_styled_once.py
        does the pass and checks that it changes nothing.
        """
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        if not self.query("#sidebar-pane"):
            return  # the app is closing before the panes mounted (q while a big briefing loads)
        self._frame()
        self.sidebar.show_thread(None)
        timeline = self.timeline
        if timeline is not None:
            self.place = self.place.moved(event=timeline.selected)
        opening = self.briefing.get(self.open_at) if self.open_at else None
        if opening is None:
            self._show(self.place)
            self.sidebar.focus()
        else:  # brief open: the first frame shows the item, not a flash of the overview
            self._visit(opening)
        if self.timeline is None:
            self.call_after_refresh(self._build_event_graph)
        self.start_following()

    def _frame(self) -> None:
        """The panes' titles, and the banner while travelling in time."""
        written = date_label(self.now.as_of, words=False)
        self.query_one(TimeBanner).show_label(known_of(self.briefing).label, written)
        self.query_one("#sidebar-pane").border_title = Text("Threads")
        self.query_one("#timeline-pane").border_title = Text("Timeline")

    @work(thread=True, exclusive=True, group="event-graph", exit_on_error=False)
    def _build_event_graph(self) -> None:
        """Build the event graph off the event loop once the first frame is out, then the timeline that draws it.

        A key that needs the graph meanwhile waits for this build (``model.items.Later``), never makes a second.
        """
        from textual.worker import get_current_worker

        later = self.briefing.later
        if later is not None:
            later()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._mount_timeline)  # type: ignore[arg-type]

    async def _mount_timeline(self) -> None:
        """Build a big timeline once the first frame is out, so the frame does not wait for it."""
        if not self.query("#timeline-placeholder"):
            return  # mounted already (a reload asked again)
        timeline = Timeline(self.briefing, id="timeline")
        await self.query_one("#timeline-pane").mount(timeline)
        await self.query_one("#timeline-placeholder").remove()
        shown = self.narrowed(self.briefing)
        if shown is not None:  # a filter applied before the timeline was built
            timeline.show_only(shown)
        timeline.show_thread(self.place.thread)
        if self.place.event is not None:
            timeline.select_event(self.place.event)
        else:
            self.place = self.place.moved(event=timeline.selected)
        if self.pane == "timeline":
            timeline.focus()

    # The panes ---------------------------------------------------------------------

    @property
    def detail(self) -> DetailView:
        """The detail pane."""
        return self.query_one(DetailView)

    @property
    def sidebar(self) -> ThreadList:
        """The thread list."""
        return self.query_one(ThreadList)

    @property
    def timeline(self) -> Timeline | None:
        """The timeline, or None while a big one is still being built."""
        found = self.query(Timeline)
        return found.first() if found else None

    @property
    def pane(self) -> str:
        """The focused pane's name."""
        return self.place.pane

    def go(self, place: Place, *, reported_by: Widget | None = None, restore: bool = False) -> None:
        """Make ``place`` where the reader is: each pane is told only what changed for it.

        ``reported_by`` is the pane whose message led here; it already shows its part.
        ``restore`` puts the detail pane back at the place's scroll and row (going back);
        otherwise those follow the reader's keys and ``here`` reads them.
        """
        if isinstance(place.item, Overview):
            place = place.moved(item=self.overview)
        old, self.place = self.place, place
        timeline = self.timeline
        if place.thread is not old.thread:
            if reported_by is not self.sidebar:
                self.sidebar.show_thread(place.thread)
            if timeline is not None:
                timeline.show_thread(place.thread)
                if place.event is old.event:
                    # Showing a thread selects one of its events: that is now the place's event.
                    place = self.place = place.moved(event=timeline.selected)
        moved_event = place.event is not None and place.event is not old.event
        if moved_event and timeline is not None and timeline.selected is not place.event:
            timeline.select_event(place.event)  # type: ignore[arg-type]
        if place.item is not self.detail.item or restore:
            self._show(place)
        if place.pane != old.pane or self.focused is not self._pane_widget(place.pane):
            self._focus(place.pane)

    def here(self) -> Place:
        """The current place, with the detail pane's position as it is now (to come back to)."""
        return self.place.moved(scroll=int(self.detail.scroll_y), row=self.detail.highlighted)

    def _show(self, place: Place) -> None:
        """Show the place's item in the detail pane; ``item_shown`` puts its title, kind and address on the border.

        An item read before in this session comes back where the reader left it (``]`` then ``[``),
        unless the place says where to be (going back, a search match, a stance's row).
        """
        item = place.item
        leaving = self.leaving_item()
        shown = self.detail.item
        if shown is not None:
            self._read_to[id(shown)] = (shown, int(self.detail.scroll_y), self.detail.highlighted)
        kept = self._read_to.get(id(item))
        if kept is not None and kept[0] is item and place.scroll == 0 and place.row is None:
            place = self.place = place.moved(scroll=kept[1], row=kept[2])
        lens, self.detail.notice = self.lens_for(item)
        self.detail.lens = self.with_marks(lens, item)
        self.detail.show(item, highlight=place.row, scroll=place.scroll)
        self.item_shown(place, leaving)  # which writes the pane's border (Following._header)

    def _pane_widget(self, pane: str) -> Widget:
        # While a big timeline is being built, its placeholder stands in for it.
        return self.query_one(f"#{pane}, #{pane}-placeholder")

    def _focus(self, pane: str) -> None:
        self._mark_pane(pane)
        widget = self._pane_widget(pane)
        # At once, so a key typed right after (`2` then `j`) goes to the new pane; a pane the
        # one-pane layout has only just shown is focusable after its restyle: focus it then.
        self.set_focus(widget)
        if self.focused is not widget:
            widget.focus()

    def _set_pane(self, pane: str) -> None:
        self.go(self.place.moved(pane=pane))

    def focus_pane(self, pane: str) -> Widget:
        """Show and focus a pane (the palette runs a pane's action there); returns its widget."""
        self._set_pane(pane)
        return self._pane_widget(pane)

    def _mark_pane(self, pane: str) -> None:
        if pane != self.place.pane:
            self.place = self.place.moved(pane=pane)
        self._show_pane_classes()

    def _show_pane_classes(self) -> None:
        # The -show-* classes matter only in the one-pane layout. A class change on the screen
        # restyles every widget and repaints every scrollbar, so in the three-pane layout a
        # focus change leaves them alone (on_resize sets them on the way to one pane).
        if self.has_class("-narrow"):
            self.update_classes({f"-show-{name}": name == self.place.pane for name in PANES})

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if focused is not None and focused.id in PANES and focused.id != self.pane:
            self._mark_pane(focused.id or self.pane)

    def on_resize(self) -> None:
        self._show_pane_classes()
        # A pane hidden by a small size loses focus; give it back once it shows again.
        self.call_after_refresh(self._restore_focus)

    def _restore_focus(self) -> None:
        widget = self._pane_widget(self.pane)
        if self.focused is None and widget.focusable:
            widget.focus()

    def action_pane(self, pane: str) -> None:
        """Focus a pane by name (in one-pane layouts, show it)."""
        self._set_pane(pane)

    def action_next_pane(self) -> None:
        """Focus the next pane."""
        self._set_pane(PANES[(PANES.index(self.pane) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        """Focus the previous pane."""
        self._set_pane(PANES[(PANES.index(self.pane) - 1) % len(PANES)])

    # Threads -----------------------------------------------------------------------

    def go_to_thread(self, thread: Thread) -> None:
        """Show a thread everywhere (the command palette's jump)."""
        self.sidebar.select_thread(thread)

    def action_next_thread(self) -> None:
        """Move to the next thread, from any pane."""
        if not self.sidebar.move_thread(+1):
            self._at_end("This is the last thread.")

    def action_previous_thread(self) -> None:
        """Move to the previous thread, from any pane."""
        if not self.sidebar.move_thread(-1):
            self._at_end("This is the first thread.")

    def _at_end(self, said: str) -> None:
        """A bell and a word on why nothing moved; pressed again at once, the bell alone (no pile of notes)."""
        self.app.bell()
        if not self.briefing.threads and "thread" in said:
            said = "This briefing has no threads."
        now = monotonic()
        last_said, when = self._end_said
        if said != last_said or now - when > END_NOTE_SECONDS:
            self.app.notify(said, markup=False, timeout=END_NOTE_SECONDS)
            self._end_said = (said, now)

    def action_next_thread_event(self) -> None:
        """Select the current thread's next event."""
        self.catch_up()
        if self.timeline is None:
            return
        # With no thread chosen (the overview), "the current thread's" next event is simply the next.
        before = self.timeline.selected
        if self.place.thread is None:
            self.timeline.action_next_event()
        else:
            self.timeline.action_next_thread_event()
        if self.timeline.selected is before:
            self._at_end("This is the thread's last event." if self.place.thread else "This is the last event.")

    def action_previous_thread_event(self) -> None:
        """Select the current thread's previous event."""
        self.catch_up()
        if self.timeline is None:
            return
        before = self.timeline.selected
        if self.place.thread is None:
            self.timeline.action_previous_event()
        else:
            self.timeline.action_previous_thread_event()
        if self.timeline.selected is before:
            self._at_end("This is the thread's first event." if self.place.thread else "This is the first event.")

    def on_thread_list_highlighted(self, message: ThreadList.Highlighted) -> None:
        thread = message.thread
        if thread is self.place.thread or thread is not self.sidebar.thread:
            return  # not moved, caught up already, or a stale report (the list's own, sent as it was mounted)
        self._follow_sidebar(thread)

    def _follow_sidebar(self, thread: Thread | None) -> None:
        self.history.clear()
        self.list_to_return_to = None
        self.go(self.place.showing(thread or self.overview, thread=thread), reported_by=self.sidebar)

    def catch_up(self) -> None:
        """Make the place what the focused pane shows, before a key acts on it.

        A pane reports a move by a message, handled after keys already typed: ``j`` ``b`` in one
        burst (typeahead over SSH) would bookmark the row ``j`` left. Reports that arrive later
        find the place already there and do nothing.
        """
        focused = self.focused
        sidebar = self.sidebar
        if focused is sidebar and sidebar.thread is not self.place.thread:
            self._follow_sidebar(sidebar.thread)
        timeline = self.timeline
        selected = timeline.selected if timeline is not None and focused is timeline else None
        if timeline is not None and selected is not None and selected is not self.place.event:
            self._follow_timeline(timeline, selected, timeline.lane_thread)

    def _lane_moved(self, timeline: Timeline) -> bool:
        lane = timeline.lane_thread
        return lane is not None and lane is not self.place.thread

    def on_thread_list_entered(self, message: ThreadList.Entered) -> None:
        self._set_pane("detail")

    # Events and references ---------------------------------------------------------

    def on_timeline_selected(self, message: Timeline.Selected) -> None:
        """Show an event; the sidebar follows to the thread of the timeline lane it is in.

        In the merged lane there is no lane thread: the sidebar keeps the reader's thread
        (repainting it and the timeline's highlight on every step would cost time and bytes).
        """
        timeline = message.timeline
        if message.event is not timeline.selected or message.thread is not timeline.lane_thread:
            return  # stale: the timeline moved on (keys in a burst); its last report, or catch_up, follows it
        if message.event is self.place.event and not self._lane_moved(timeline):
            return  # caught up already
        self._follow_timeline(timeline, message.event, message.thread)

    def _follow_timeline(self, timeline: Timeline, event: Event, lane: Thread | None) -> None:
        thread = lane if lane is not None else self.place.thread
        self.go(self.place.showing(event, event=event, thread=thread), reported_by=timeline)

    def on_timeline_opened(self, message: Timeline.Opened) -> None:
        self._visit(message.event)

    def on_detail_view_followed(self, message: DetailView.Followed) -> None:
        self._visit(message.target)

    def _visit(self, target: Shown) -> None:
        """Follow a reference: remember where we were, show the target, focus the detail pane."""
        self.history.append(self.here())
        changes: dict[str, object] = {"pane": "detail"}
        if isinstance(target, Thread):
            changes["thread"] = target
        elif isinstance(target, Event):
            changes["event"] = target
        self.go(self.place.showing(target, **changes))

    def action_back(self) -> None:
        """Go back to where the last enter came from (from the sidebar: to the library, if any)."""
        if self.history:
            back_to_list = self.list_to_return_to
            self.go(self.history.pop(), restore=True)
            if back_to_list is not None and back_to_list[0] == len(self.history) + 1:
                self.list_to_return_to = None
                _depth, reopen, row = back_to_list
                reopen(row)
        elif self.pane != "sidebar":
            self._set_pane("sidebar")
        elif self.from_library:
            self.app.pop_screen()

    # Views of their own: the stance matrix, versions compared, time travel ----------

    def action_toggle_bookmark(self) -> None:
        """``b``; under a filter of bookmarks, the filter applies again at once (an unbookmarked item leaves)."""
        super().action_toggle_bookmark()
        self.refilter("bookmarked")

    def _open_bookmark(self, bookmark: Bookmark | None, listing: ListingScreen[Any] | None = None) -> None:
        """Back from ``B``; bookmarks removed there (``d``) leave a filter of bookmarks at once too."""
        before = self._bookmarked
        super()._open_bookmark(bookmark, listing)
        if self._bookmarked != before:
            self.refilter("bookmarked")

    def action_stance_matrix(self) -> None:
        """Show the stance matrix; ``enter`` on a cell comes back to that thread at that party."""
        from brief_tui.screens.matrix import MatrixScreen

        self.app.push_screen(MatrixScreen(self.now, known_of(self.briefing)), self._open_stance)

    def _open_stance(self, stance: Stance | None) -> None:
        """Show a thread in the detail pane with the party's first position highlighted."""
        if stance is None:
            return
        self.sidebar.select_thread(stance.thread)
        self.history.append(self.here())
        place = self.place.showing(stance.thread, thread=stance.thread, pane="detail")
        row = next((n for n, r in enumerate(rows_for(stance.thread, self.briefing)) if r.target is stance.party), None)
        self.go(place.moved(row=row), restore=True)

    def _document(self) -> Document | None:
        item = self.place.item
        if isinstance(item, Version):
            return item.document
        return item if isinstance(item, Document) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``c`` works on a document or one of its versions; elsewhere it is hidden and does nothing.
        While a reload rebuilds the panes, no key of this screen acts (its panes are not there)."""
        if self.rebuilding:
            return False
        if action == "compare_versions":
            document = self._document()
            return document is not None and len(known_of(self.briefing).versions(document)) > 1
        return True

    def on_key(self, event: events.Key) -> None:
        """``c`` where it does not apply says why (Textual drops a key whose action is refused, silently)."""
        compare = next(a for a in ACTIONS if a.id == "compare-versions")
        if event.key in keys_in_use(compare, getattr(self.app, "keymap", {})) and not self.check_action(
            "compare_versions", ()
        ):
            event.stop()
            self.app.bell()
            self.app.notify(
                "Compare works on a document with two or more versions: open one first.", markup=False, timeout=3
            )

    def action_compare_versions(self) -> None:
        """Compare two versions of the document shown (the version shown and the one before it)."""
        self.catch_up()
        from brief_tui.screens.compare import CompareScreen

        document = self._document()
        if document is None:
            self.app.bell()
            return
        item = self.place.item
        after = item if isinstance(item, Version) else None
        self.app.push_screen(CompareScreen(document, after=after, known=known_of(self.briefing)))

    def action_travel(self) -> None:
        """Ask for a date and show the briefing as known on it; escape there comes back to now."""
        self.catch_up()
        from brief_tui.screens.travel import TravelScreen

        known = known_of(self.briefing)
        self.app.push_screen(TravelScreen(self.now, known.date), self._travel)

    async def _travel(self, known: KnownOn | None) -> None:
        """Show every pane as known on the date (or as it stands, for None), keeping the reader's place."""
        self.briefing = as_known(known) if known is not None else self.now
        self.overview = Overview(self.briefing)
        place = self.place
        await self.recompose()
        self._frame()
        shown = known_of(self.briefing)
        event = place.event if place.event is not None and shown.knows_event(place.event) else None
        item = place.item
        if isinstance(item, Overview) or (isinstance(item, Event) and not shown.knows_event(item)):
            item = place.thread or self.overview
        elif isinstance(item, Version) and not shown.knows_version(item):
            item = item.document or self.overview
        timeline = self.timeline
        if event is None and timeline is not None:
            event = timeline.selected
        self.place = Place(self.overview, pane=place.pane)  # what the new panes show now
        self.go(place.moved(item=item, event=event), restore=True)
        if self.active_filter is not None:  # the new panes show the briefing as known then, filtered
            self.apply_filter(self.active_filter.text)


def _breakpoint_classes(screen: Screen[None]) -> list[str]:
    """The breakpoint classes Textual would give the screen at the app's current size."""
    try:
        width, height = screen.app.size
    except RuntimeError:  # no running app (a screen built outside one): let resize decide
        return []
    classes = []
    for breakpoints, value in (
        (ReaderScreen.HORIZONTAL_BREAKPOINTS, width),
        (ReaderScreen.VERTICAL_BREAKPOINTS, height),
    ):
        fitting = [name for threshold, name in breakpoints if value >= threshold]
        if fitting:
            classes.append(fitting[-1])
    return classes
