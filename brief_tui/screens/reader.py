"""The reader: sidebar of threads, detail pane, timeline; keeps the three in step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from brief_tui.actions import bindings_for
from brief_tui.model import Briefing, Event, Thread
from brief_tui.render.detail_rows import Overview, Shown, title_of
from brief_tui.widgets.detail import DetailView
from brief_tui.widgets.key_bar import KeyBar
from brief_tui.widgets.thread_list import ThreadList
from brief_tui.widgets.timeline import Timeline

__all__ = ["ReaderScreen"]

PANES = ("sidebar", "detail", "timeline")
# Timelines with more events than this are built just after the first frame.
EAGER_TIMELINE_EVENTS = 1000
MIN_SIZE = (40, 12)


@dataclass(frozen=True, slots=True)
class Visit:
    """Where the reader was before following a reference: what to go back to."""

    item: Shown
    pane: str
    row: int | None


class ReaderScreen(Screen[None]):
    """The three panes of one briefing."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("reader")

    # Textual declares these without ClassVar, so mypy refuses the annotation.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-tiny"),
        (MIN_SIZE[0], "-narrow"),
        (70, "-compact"),
        (100, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (MIN_SIZE[1], "-tall")]  # noqa: RUF012

    def __init__(self, briefing: Briefing, *, from_library: bool = False) -> None:
        # Start with the classes the first layout needs, so it is styled once, not twice.
        super().__init__(classes=" ".join(["-show-sidebar", *_breakpoint_classes(self)]))
        self.briefing = briefing
        self.from_library = from_library
        self.overview = Overview(briefing)
        self.history: list[Visit] = []
        self.pane = "sidebar"

    def compose(self) -> ComposeResult:
        # Each pane's border sits on a container of its own, so that a pane's new content
        # repaints the content alone, not the border too (fewer bytes per key over SSH).
        with Horizontal(id="panes"):
            with Vertical(id="sidebar-pane", classes="pane"):
                yield ThreadList(self.briefing, id="sidebar")
            with Vertical(id="detail-pane", classes="pane"):
                yield DetailView(self.briefing, id="detail")
        with Vertical(id="timeline-pane", classes="pane"):
            if len(self.briefing.events) <= EAGER_TIMELINE_EVENTS:
                yield Timeline(self.briefing, id="timeline")
            else:
                yield Static(Text("Drawing the timeline…"), id="timeline-placeholder")
        yield KeyBar()
        yield Static(
            Text(f"Make the terminal larger\n(at least {MIN_SIZE[0]}x{MIN_SIZE[1]})", justify="center"),
            id="too-small",
        )

    def on_mount(self) -> None:
        self.query_one("#sidebar-pane").border_title = Text("Threads")
        self.query_one("#timeline-pane").border_title = Text("Timeline")
        self.sidebar.show_thread(None)
        self._show(self.overview)
        self.sidebar.focus()
        if self.timeline is None:
            self.call_after_refresh(self._mount_timeline)

    async def _mount_timeline(self) -> None:
        """Build a big timeline once the first frame is out, so the frame does not wait for it."""
        timeline = Timeline(self.briefing, id="timeline")
        await self.query_one("#timeline-pane").mount(timeline)
        await self.query_one("#timeline-placeholder").remove()
        timeline.show_thread(self.sidebar.thread)
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

    def _show(self, item: Shown, *, highlight: int | None = None) -> None:
        """Show an item in the detail pane, its title and kind on the pane's border."""
        self.detail.show(item, highlight=highlight)
        frame = self.query_one("#detail-pane")
        frame.border_title = title_of(item)
        frame.border_subtitle = Text(item.KIND)

    def _timeline_show_thread(self, thread: Thread | None) -> None:
        if self.timeline is not None:
            self.timeline.show_thread(thread)

    def _timeline_select_event(self, event: Event) -> None:
        if self.timeline is not None:
            self.timeline.select_event(event)

    def _pane_widget(self, pane: str) -> Widget:
        # While a big timeline is being built, its placeholder stands in for it.
        return self.query_one(f"#{pane}, #{pane}-placeholder")

    def _set_pane(self, pane: str) -> None:
        self._mark_pane(pane)
        self._pane_widget(pane).focus()

    def focus_pane(self, pane: str) -> Widget:
        """Show and focus a pane (the palette runs a pane's action there); returns its widget."""
        self._set_pane(pane)
        return self._pane_widget(pane)

    def _mark_pane(self, pane: str) -> None:
        self.pane = pane
        self.update_classes({f"-show-{name}": name == pane for name in PANES})

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if focused is not None and focused.id in PANES and focused.id != self.pane:
            self._mark_pane(focused.id or self.pane)

    def on_resize(self) -> None:
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
            self.app.bell()

    def action_previous_thread(self) -> None:
        """Move to the previous thread, from any pane."""
        if not self.sidebar.move_thread(-1):
            self.app.bell()

    def action_next_thread_event(self) -> None:
        """Select the current thread's next event."""
        if self.timeline is None:
            return
        # With no thread chosen (the overview), "the current thread's" next event is simply the next.
        if self.sidebar.thread is None:
            self.timeline.action_next_event()
        else:
            self.timeline.action_next_thread_event()

    def action_previous_thread_event(self) -> None:
        """Select the current thread's previous event."""
        if self.timeline is None:
            return
        if self.sidebar.thread is None:
            self.timeline.action_previous_event()
        else:
            self.timeline.action_previous_thread_event()

    def on_thread_list_highlighted(self, message: ThreadList.Highlighted) -> None:
        shown = message.thread or self.overview
        if shown is self.detail.item:
            return
        self.history.clear()
        self._show(shown)
        self._timeline_show_thread(message.thread)

    def on_thread_list_entered(self, message: ThreadList.Entered) -> None:
        self._set_pane("detail")

    # Events and references ---------------------------------------------------------

    def on_timeline_selected(self, message: Timeline.Selected) -> None:
        self._show_event(message.event, message.thread)

    def on_timeline_opened(self, message: Timeline.Opened) -> None:
        self._visit(message.event)

    def on_detail_view_followed(self, message: DetailView.Followed) -> None:
        self._visit(message.target)

    def _show_event(self, event: Event, lane: Thread | None = None) -> None:
        """Show an event; the sidebar follows to the thread of the timeline lane it is in.

        In the merged lane there is no lane thread: the sidebar keeps the reader's thread
        (repainting it and the timeline's highlight on every step would cost time and bytes).
        """
        if lane is not None and lane is not self.sidebar.thread:
            self.sidebar.show_thread(lane)
            self._timeline_show_thread(lane)
        self._show(event)

    def _visit(self, target: Shown) -> None:
        """Follow a reference: remember where we were, show the target, focus the detail pane."""
        current = self.detail.item
        if current is not None:
            self.history.append(Visit(current, self.pane, self.detail.highlighted))
        if isinstance(target, Thread):
            self.sidebar.show_thread(target)
            self._timeline_show_thread(target)
        elif isinstance(target, Event):
            self._timeline_select_event(target)
        self._show(target)
        self._set_pane("detail")

    def action_back(self) -> None:
        """Go back to where the last enter came from (from the sidebar: to the library, if any)."""
        if not self.history:
            if self.pane != "sidebar":
                self._set_pane("sidebar")
            elif self.from_library:
                self.app.pop_screen()
            return
        visit = self.history.pop()
        if isinstance(visit.item, Thread):
            self.sidebar.show_thread(visit.item)
            self._timeline_show_thread(visit.item)
        elif isinstance(visit.item, Overview):
            self.sidebar.show_thread(None)
            self._timeline_show_thread(None)
        self._show(visit.item, highlight=visit.row)
        self._set_pane(visit.pane)


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
