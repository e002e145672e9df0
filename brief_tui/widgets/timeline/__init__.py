"""The timeline: a briefing's events on a zoomable date axis, one lane per thread or merged.

Drawn with the line API: only visible rows are rendered, from a layout computed once per
zoom level (:mod:`brief_tui.widgets.timeline.layout`) and rows cached in an LRU, so moving
and zooming cost the same at 20 events and at 10,000. Below ``LIST_BELOW`` columns it
becomes a vertical dated list with the same keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from brief_tui.actions import bindings_for
from brief_tui.model.as_of import counts_at
from brief_tui.render.safe import clean_line
from brief_tui.widgets.quiet import QuietLines, fewer_runs
from brief_tui.widgets.timeline.cursor import Cursor, Move, scroll_x
from brief_tui.widgets.timeline.layout import ZOOMS, Lane, TimelineData, ZoomLayout
from brief_tui.widgets.timeline.strips import (
    LABEL_ROOM,
    LEGEND,
    Palette,
    axis_strip,
    caption_strip,
    heading_strip,
    lane_strip,
    list_date,
    list_strip,
    undated_strip,
)

if TYPE_CHECKING:
    from textual import events

    from brief_tui.model import Briefing, Event, Thread

__all__ = ["LEGEND", "ZOOMS", "Timeline"]

_PARTS = (
    "lane",
    "lane-cursor",
    "tick",
    "asof",
    "future",
    "selected",
    "highlight",
    "span",
    "label",
    "count",
    "qualified",
    "step",
    "caption",
    "occurred",
    "reported",
    "scheduled",
    "expected",
    "postponed",
    "cancelled",
)


class Timeline(QuietLines, ScrollView, can_focus=True, inherit_bindings=False):
    """Events on a date axis; keys move the selection, zoom and switch lane modes."""

    LIST_BELOW: ClassVar[int] = 70
    """Below this many columns (of the widget, border included) the timeline is a vertical dated list."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("timeline")

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"timeline--{part}" for part in _PARTS}

    DEFAULT_CSS = """
    Timeline {
        height: 1fr;
        scrollbar-size: 0 0;
        & > .timeline--lane { color: $text-muted; }
        & > .timeline--lane-cursor { color: $text; text-style: bold; }
        & > .timeline--tick { color: $text-muted; }
        & > .timeline--asof { color: $text-warning; text-style: bold; }
        & > .timeline--future { background: $boost; }
        & > .timeline--selected { text-style: underline; }
        &:focus > .timeline--selected { text-style: reverse bold; }
        & > .timeline--highlight { color: $text-accent; text-style: bold; }
        & > .timeline--span { color: $text-muted; }
        & > .timeline--label { color: $text-muted; }
        & > .timeline--count { color: $text; text-style: bold; }
        & > .timeline--qualified { text-style: italic; }
        & > .timeline--step { color: $text-accent; }
        & > .timeline--caption { color: $text; background: $panel; }
        /* Each status has its own glyph; these add weight, slant or a strike, then colour. */
        & > .timeline--occurred { text-style: bold; }
        & > .timeline--reported { text-style: none; }
        & > .timeline--scheduled { color: $text-success; text-style: bold; }
        & > .timeline--expected { color: $text-primary; text-style: italic; }
        & > .timeline--postponed { color: $text-warning; text-style: italic; }
        & > .timeline--cancelled { color: $text-error; text-style: strike; }
    }
    """

    class Selected(Message):
        """The user moved the selection to an event.

        ``thread`` is the thread of the lane the cursor is in (None in the merged lane and
        in Other): the thread the reader is following, when the event has several.
        """

        def __init__(self, timeline: Timeline, event: Event, thread: Thread | None = None) -> None:
            super().__init__()
            self.timeline = timeline
            self.event = event
            self.thread = thread

        @property
        def control(self) -> Timeline:
            """The timeline that sent the message."""
            return self.timeline

    class Opened(Message):
        """The user asked to see an event (``enter``)."""

        def __init__(self, timeline: Timeline, event: Event) -> None:
            super().__init__()
            self.timeline = timeline
            self.event = event

        @property
        def control(self) -> Timeline:
            """The timeline that sent the message."""
            return self.timeline

    def __init__(
        self, briefing: Briefing, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._data = TimelineData(briefing)
        self._cursor = Cursor(self._data)
        self._asof_text = briefing.as_of.text
        self._as_of = briefing.as_of
        self._asof_row_cache: int | None = None
        self._title_cells: dict[str, int] = {}
        self._longest_title = {merged: self._widest_title(self._data.lanes_for(merged)) for merged in (False, True)}
        widest = max((cell_len(clean_line(list_date(e, 23))) for e in briefing.events), default=9)
        self._date_width = min(23, widest + 1)
        self._zoom: str | None = None  # chosen to fit once the width is known
        self._fitted_for = 0  # the lane area the zoom was fitted to
        self._chosen_zoom = False  # the reader zoomed: keep their zoom on resize
        self._chosen_lanes = False  # the reader pressed m: keep their lane mode on resize
        self._list_mode = False
        self._palette: Palette | None = None
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(maxsize=128)
        self._styles_key: tuple[object, object] = ((), ())  # (without the selection's style, with it)
        self.marks: dict[str, str] = {}
        """The reader's marks of events (new or changed since last read), by event id."""

    # -- state the screen and tests read -------------------------------------------------

    @property
    def selected(self) -> Event | None:
        """The selected event."""
        index = self._cursor.selected
        return self._data.events[index] if index is not None else None

    @property
    def lane_thread(self) -> Thread | None:
        """The thread of the lane the cursor is in (None in the merged lane and in Other)."""
        return self._cursor.lane_thread

    @property
    def zoom(self) -> str:
        """The zoom level: day, week, month, quarter or year."""
        return self._zoom or ZOOMS[1]

    @property
    def merged(self) -> bool:
        """Whether all events share one lane."""
        return self._cursor.merged

    @property
    def list_mode(self) -> bool:
        """Whether the timeline is drawn as a vertical dated list (a narrow widget)."""
        return self._list_mode

    @property
    def lane_title(self) -> str:
        """The title of the lane the cursor is in."""
        lanes = self._cursor.lanes
        return lanes[self._cursor.lane].title if lanes else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Zoom and merged lanes mean nothing in the vertical list: hidden there, and they do nothing."""
        return not (self._list_mode and action in ("zoom_in", "zoom_out", "toggle_merged"))

    # -- the screen's calls ----------------------------------------------------------------

    def select_event(self, event: Event) -> None:
        """Select an event and scroll it into view; posts no message."""
        index = self._data.index.get(event)
        if index is not None:
            self._move(self._cursor.to(index), post=False)

    def show_thread(self, thread: Thread | None) -> None:
        """Highlight a thread's events and bring them into view, selecting one if needed (no message)."""
        old = self._cursor.thread
        self._cursor.thread = thread
        move = self._cursor.for_thread(thread) if thread is not None else None
        if move is not None:
            self._move(move, post=False)
        if old is thread:
            return
        if self._list_mode:
            self.refresh()
            return
        if self._cursor.merged:
            # One lane of everything: only the rows holding an event of either thread change.
            layout, index = self._layout(), self._data.index
            shown_events = (e for shown in (old, thread) if shown for e in shown.events)
            for row in {layout.row_of(0, index[e]) for e in shown_events if e in index}:
                self.refresh_line(1 + row)  # virtual rows start below the axis row
            return
        # One lane per thread: only lanes holding an event of the old or the new thread
        # change look (strips are cached by thread, so nothing else needs drawing again).
        touched = {t for shown in (old, thread) if shown for event in shown.events for t in event.threads}
        touched.update(t for t in (old, thread) if t)
        layout = self._layout()
        for number, lane in enumerate(self._cursor.lanes):
            if lane.thread is None or lane.thread in touched:
                first = 1 + layout.lane_row[number]  # virtual rows start below the axis row
                for row in range(first, first + layout.lane_rows[number]):
                    self.refresh_line(row)

    # -- actions ---------------------------------------------------------------------------

    def action_next_event(self) -> None:
        """Select the next event in time, whichever lane it is in (the cursor follows it)."""
        self._move(self._cursor.step_time(1, everywhere=True))

    def action_previous_event(self) -> None:
        """Select the previous event in time, whichever lane it is in (the cursor follows it)."""
        self._move(self._cursor.step_time(-1, everywhere=True))

    def action_next_lane(self) -> None:
        """Move to the next lane (in the list: the next event)."""
        cursor = self._cursor
        self._move(cursor.step_time(1, everywhere=True) if self._list_mode else cursor.step_lane(1))

    def action_previous_lane(self) -> None:
        """Move to the previous lane (in the list: the previous event)."""
        cursor = self._cursor
        self._move(cursor.step_time(-1, everywhere=True) if self._list_mode else cursor.step_lane(-1))

    def action_zoom_in(self) -> None:
        """Zoom in one level, keeping the selection where it is on screen."""
        self._set_zoom(ZOOMS.index(self.zoom) - 1)

    def action_zoom_out(self) -> None:
        """Zoom out one level, keeping the selection where it is on screen."""
        self._set_zoom(ZOOMS.index(self.zoom) + 1)

    def action_jump_to_asof(self) -> None:
        """Select the event nearest the briefing's as-of moment."""
        nearest = self._data.nearest_asof()
        if nearest is not None:
            self._move(self._cursor.to(nearest), center=True)

    def action_first_event(self) -> None:
        """Select the first event by date."""
        if self._data.events:
            self._move(self._cursor.to(0))

    def action_last_event(self) -> None:
        """Select the last event by date."""
        if self._data.events:
            self._move(self._cursor.to(len(self._data.events) - 1))

    def action_toggle_merged(self) -> None:
        """Switch between one lane per thread and a single merged lane."""
        self._cursor.toggle_merged()
        self._chosen_lanes = True
        self._update_virtual_size()
        self._scroll_to_selection()
        self.refresh()

    def action_open_event(self) -> None:
        """Ask for the selected event to be shown in the detail pane."""
        if self.selected is not None:
            self.post_message(self.Opened(self, self.selected))

    def action_next_thread_event(self) -> None:
        """Select the next event of the current thread."""
        self._move(self._cursor.step_thread(1))

    def action_previous_thread_event(self) -> None:
        """Select the previous event of the current thread."""
        self._move(self._cursor.step_thread(-1))

    # -- moving ----------------------------------------------------------------------------

    def _move(self, move: Move | None, *, post: bool = True, center: bool = False) -> None:
        """Select ``move``'s event in its lane, scroll it into view and redraw what changed."""
        if move is None:
            return
        cursor = self._cursor
        # A new lane is news even on the same event (one event in several threads' lanes):
        # the reader follows the lane's thread.
        changed = move != (cursor.selected, cursor.lane)
        before = self._cursor_rows()
        cursor.selected, cursor.lane = move
        offset = self.scroll_offset
        self._scroll_to_selection(center=center)
        if self.scroll_offset == offset:
            # Only the rows the cursor left and entered change: redraw those (few bytes over SSH).
            for row in before | self._cursor_rows():
                self.refresh_line(row)
            self.refresh_line(self.scroll_offset.y + self._view.height - 1)  # the caption
        else:
            self.refresh()
        if post and changed:
            self.post_message(self.Selected(self, self._data.events[move[0]], cursor.lane_thread))

    def _set_zoom(self, level: int) -> None:
        if not 0 <= level < len(ZOOMS) or ZOOMS[level] == self.zoom:
            return
        keep = None
        if self._cursor.selected is not None and not self._list_mode:
            keep = self._layout().col[self._cursor.selected] - round(self.scroll_x)
        self._zoom = ZOOMS[level]
        self._chosen_zoom = True
        self._update_virtual_size()
        self._scroll_to_selection(keep=keep)
        self.refresh()

    # -- geometry --------------------------------------------------------------------------

    @property
    def _view(self) -> Size:
        """The drawable size: the content area less any scrollbar."""
        gutter = self.scrollbar_gutter
        return Size(max(0, self.size.width - gutter.width), max(0, self.size.height - gutter.height))

    def _layout(self) -> ZoomLayout:
        return self._data.layout(self.zoom, self._cursor.merged)

    def _widest_title(self, lanes: list[Lane]) -> int:
        """The cells of the widest lane title (each title measured once: a filter measures its lanes again)."""
        widths = self._title_cells
        for lane in lanes:
            if lane.title not in widths:
                widths[lane.title] = cell_len(clean_line(lane.title))
        return max((widths[lane.title] for lane in lanes), default=4)

    def _label_width(self) -> int:
        if self._list_mode:
            return 0
        # Room for the longest title, the zoom name above it ("quarter"), at most a fifth of the width.
        return min(max(self._longest_title[self._cursor.merged] + 3, 9), 22, max(9, self._view.width // 5))

    def _lane_area(self) -> int:
        return max(1, self._view.width - self._label_width())

    def _list_rows(self) -> int:
        undated = len(self._data.undated)
        return len(self._data.events) + 1 + (undated + 1 if undated else 0)  # as-of line, "No date yet"

    def _asof_row(self) -> int:
        """The list row of the as-of line: before the first event that starts at or after as_of
        and runs past it (what comes next), so "today's" events stay above the line."""
        if self._asof_row_cache is None:
            as_of = self._as_of
            self._asof_row_cache = next(
                (
                    number
                    for number, event in enumerate(self._data.events)
                    if (counts_at(event, as_of) or as_of.earliest) >= as_of.earliest
                    and event.date is not None
                    and event.date.latest > as_of.latest
                ),
                len(self._data.events),
            )
        return self._asof_row_cache

    def _list_row(self, event: int) -> int:
        return event + (1 if event >= self._asof_row() else 0)

    def _update_virtual_size(self) -> None:
        if self._list_mode:
            self.set_virtual_size(Size(self._view.width, self._list_rows() + 1))
        else:
            layout = self._layout()
            undated = 1 if self._data.undated else 0
            self.set_virtual_size(Size(self._label_width() + layout.width, len(layout.rows) + 2 + undated))

    def _scroll_to_selection(self, *, center: bool = False, keep: int | None = None) -> None:
        selected, lane = self._cursor.selected, self._cursor.lane
        if selected is None or not self.size.area:
            return  # nothing to show yet: the first resize centres the selection
        height = self._view.height
        if self._list_mode:
            row = self._list_row(selected)
            visible = max(1, height - 1)
            y = self.scroll_y
            if row < y or center:
                y = row - (visible // 2 if center else 0)
            elif row >= y + visible:
                y = row - visible + 1
            self.scroll_to(y=max(0, y), animate=False, force=True)
            return
        layout = self._layout()
        col = layout.col[selected]
        area = self._lane_area()
        label = min(LABEL_ROOM, cell_len(clean_line(self._data.events[selected].title or "")))
        x = scroll_x(col, round(self.scroll_x), area, label=label, center=center, keep=keep)
        visible = max(1, height - 2)
        row = layout.row_of(lane, selected)
        first = layout.lane_row[lane]
        y = round(self.scroll_y)
        if row < y or row >= y + visible:
            y = first if row - first < visible else row - visible + 1
        self.scroll_to(x=max(0, min(x, layout.width - area)), y=max(0, y), animate=False, force=True)

    def _cursor_rows(self) -> set[int]:
        """The virtual rows that show the selection or the cursor's lane label."""
        selected, lane = self._cursor.selected, self._cursor.lane
        if selected is None:
            return set()
        if self._list_mode:
            return {self._list_row(selected)}
        layout = self._layout()
        # Virtual rows are the layout's rows shifted by the axis row above them.
        return {1 + layout.row_of(lane, selected), 1 + layout.lane_row[lane]}

    # -- events ----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Lay out for the new size: the list or lanes, and, until the reader picks them, the zoom
        that fits and lanes or merged (a resize from 120x40 to 80x24 looks as a fresh start would)."""
        was = self._list_mode
        self._list_mode = self.outer_size.width < self.LIST_BELOW
        if self._list_mode != was:
            self.refresh_bindings()
        first = self._zoom is None
        refit = not self._chosen_zoom and self._fitted_for != self._lane_area()
        if first or refit:
            self._zoom = self._data.fitting_zoom(self._lane_area())
            self._fitted_for = self._lane_area()
        if not self._chosen_lanes:
            # Lanes that do not all fit would hide what comes next below the fold: show the
            # merged lane, where every event is in view (m shows the lanes).
            lanes = self._data.layout(self.zoom, False)
            if self._cursor.merged != (len(lanes.rows) + 2 > self.size.height):
                self._cursor.toggle_merged()
        self._update_virtual_size()
        self._scroll_to_selection(center=first or refit or was != self._list_mode)
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """Select the event clicked (again: the next in its cell); a double click opens it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y >= self._view.height - 1:
            return
        move = self._hit(offset.x, offset.y)
        if move is not None:
            self._move(move)
            if event.chain == 2:
                self.action_open_event()

    def _hit(self, x: int, y: int) -> Move | None:
        """The move a click at (x, y) asks for, if it lands on an event."""
        if self._list_mode:
            number = round(self.scroll_y) + y
            asof_row = self._asof_row()
            if number == asof_row or number >= len(self._data.events) + 1:
                return None
            return self._cursor.to(number - (1 if number > asof_row else 0))
        layout = self._layout()
        number = round(self.scroll_y) + y - 1
        if y == 0 or number >= len(layout.rows):
            return None
        row = layout.rows[number]
        col = round(self.scroll_x) + x - self._label_width()
        near = sorted(row.cells_between(col - 1, col + 1), key=lambda k: abs(row.cols[k] - col))
        if not near:
            return None
        cell = row.cell(near[0])
        selected = self._cursor.selected
        event = cell[(cell.index(selected) + 1) % len(cell)] if selected in cell else cell[0]
        return (event, row.lane)

    def notify_style_update(self) -> None:
        """Forget resolved styles when CSS, theme or focus change (rows are cached by the styles they use)."""
        super().notify_style_update()
        self._palette = None

    def on_focus(self, event: events.Focus) -> None:
        """The selection looks different with focus: redraw it."""
        self.notify_style_update()
        self.refresh()

    def on_blur(self, event: events.Blur) -> None:
        """The selection looks different without focus: redraw it."""
        self.notify_style_update()
        self.refresh()

    # -- rendering -------------------------------------------------------------------------

    def _get_palette(self) -> Palette:
        if self._palette is None:
            parts = {part: self._part_style(part) for part in _PARTS}
            self._palette = Palette(self.rich_style, parts)
            # Rows are cached by the styles they are drawn in: a focus change alters only the
            # selected event's style, so rows without the selection are drawn again only when
            # another style changed.
            rest = (self._palette.base, *(parts[part] for part in _PARTS if part != "selected"))
            self._styles_key = (rest, (rest, parts["selected"]))
        return self._palette

    def _part_style(self, part: str) -> Style:
        """A component's own settings, with colours as blended over the widget (theme colours may be translucent)."""
        name = f"timeline--{part}"
        partial = self.get_component_rich_style(name, partial=True)
        full = self.get_component_rich_style(name)
        blended = Style(
            color=full.color if partial.color is not None else None,
            bgcolor=full.bgcolor if partial.bgcolor is not None else None,
        )
        return partial + blended

    def _place(self) -> tuple[int, int]:
        """The selected event's place (k of n) in its cell, when the cell holds several."""
        selected, lane = self._cursor.selected, self._cursor.lane
        if selected is None or self._list_mode:
            return (1, 1)
        layout = self._layout()
        row = layout.rows[layout.row_of(lane, selected)]
        k = row.find(selected, layout.col[selected])
        if k is None:
            return (1, 1)
        cell = row.cell(k)
        return (cell.index(selected) + 1, len(cell))

    def render_line(self, y: int) -> Strip:
        """One line of the widget: the axis, a lane row (or list row), or the caption."""
        return self.drawn(y, self._line(y))

    def _line(self, y: int) -> Strip:
        width, height = self._view
        palette = self._get_palette()
        if y == height - 1:
            return fewer_runs(self._caption(width, palette))
        if self._list_mode:
            return fewer_runs(self._list_line(round(self.scroll_y) + y, width, palette))
        label_width = self._label_width()
        area = max(0, width - label_width)
        x0 = round(self.scroll_x)
        layout = self._layout()
        if y == 0:
            key: tuple[object, ...] = ("axis", layout.zoom, layout.merged, x0, area, label_width, self._styles_key[0])
            strip = self._strips.get(key)
            if strip is None:
                strip = fewer_runs(axis_strip(layout, x0=x0, width=area, label_width=label_width, palette=palette))
                self._strips[key] = strip
            return strip
        number = round(self.scroll_y) + y - 1
        if number == len(layout.rows) and self._data.undated:
            return fewer_runs(undated_strip(self._data.undated, width=width, label_width=label_width, palette=palette))
        if number >= len(layout.rows):
            return Strip.blank(width, palette.base)
        row = layout.rows[number]
        cursor = row.lane == self._cursor.lane
        selected = self._cursor.selected if cursor else None
        if selected is not None and layout.row_of(row.lane, selected) != number:
            selected = None
        thread = self._cursor.thread
        styles = self._styles_key[selected is not None]
        key = ("lane", layout.zoom, layout.merged, number, x0, area, label_width, selected, cursor, thread, styles)
        strip = self._strips.get(key)
        if strip is None:
            lane = self._cursor.lanes[row.lane]
            strip = lane_strip(
                self._data,
                layout,
                row,
                lane,
                x0=x0,
                width=area,
                label_width=label_width,
                selected=selected,
                cursor=cursor,
                thread=thread,
                palette=palette,
            )
            strip = fewer_runs(strip)
            self._strips[key] = strip
        return strip

    def _caption(self, width: int, palette: Palette) -> Strip:
        """The selected event's caption, led by its mark (``✚ new``) when the reader has one for it."""
        selected = self.selected
        mark = self.marks.get(selected.id, "") if selected is not None else ""
        deadline = self._cursor.selected in self._data.deadlines
        if not mark:
            return caption_strip(selected, place=self._place(), width=width, palette=palette, deadline=deadline)
        lead = Strip([Segment(f" {mark}", palette.get(("caption",)) + Style(bold=True))])
        caption = caption_strip(
            selected, place=self._place(), width=max(0, width - lead.cell_length), palette=palette, deadline=deadline
        )
        return Strip.join([lead, caption]).crop(0, width)

    def set_marks(self, marks: dict[str, str]) -> None:
        """The reader's marks of events (id -> ``✚ new``), shown in the caption of the selected one."""
        self.marks = marks
        self.refresh()

    def _list_line(self, number: int, width: int, palette: Palette) -> Strip:
        asof_row = self._asof_row()
        if number >= self._list_rows():
            return Strip.blank(width, palette.base)
        dated = len(self._data.events) + 1
        if number == dated:
            return heading_strip("No date yet", width, palette)
        if number > dated:
            event: Event | None = self._data.undated[number - dated - 1]
        else:
            event = None if number == asof_row else self._data.events[number - (1 if number > asof_row else 0)]
        index = self._data.index.get(event) if event is not None else None
        return list_strip(
            event,
            width=width,
            date_width=min(self._date_width, max(6, width // 3)),
            selected=event is not None and event is self.selected,
            future=number > asof_row,
            thread=self._cursor.thread,
            asof_text=self._asof_text,
            palette=palette,
            deadline=index in self._data.deadlines,
        )

    # -- a filter's view (the reader's `f`) --------------------------------------------------

    _whole: TimelineData | None = None
    """The data of every event the timeline was made with, kept while a filter shows fewer."""

    def show_only(self, shown: Briefing | None) -> None:
        """Show only ``shown``'s threads and events (a filter's view of the briefing); None: every event again.

        The timeline is kept, not made again: its zoom, lane mode, thread and (if kept) selected
        event stay. The whole briefing's data and zoom layouts are kept too, so clearing a
        filter lays nothing out again; a filter's view is laid out for what it keeps only.
        """
        self._whole = self._whole or self._data
        selected, thread, merged = self.selected, self._cursor.thread, self._cursor.merged
        self._data = self._whole if shown is None else self._whole.narrowed(shown)
        self._cursor = Cursor(self._data)
        self._cursor.merged = merged
        self._cursor.thread = thread
        kept = self._data.index.get(selected) if selected is not None else None
        move = self._cursor.to(kept) if kept is not None else self._cursor.for_thread(thread) if thread else None
        if move is None and self._cursor.selected is not None:
            move = self._cursor.to(self._cursor.selected)
        if move is not None:
            self._cursor.selected, self._cursor.lane = move
        self._longest_title = {mode: self._widest_title(self._data.lanes_for(mode)) for mode in (False, True)}
        self._asof_row_cache = None
        self._strips.clear()
        if self.size.area:
            self._update_virtual_size()
            self._scroll_to_selection(center=True)
        self.refresh()
