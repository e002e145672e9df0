"""Timeline arithmetic: dates to columns per zoom level, lanes, cells, spans and ticks.

Plain Python (no Textual, no Rich) so it can be tested alone and costs nothing to import.
:class:`TimelineData` is built once per briefing; each zoom level and lane mode gets a
:class:`ZoomLayout`, computed on first use and cached. Times are seconds of the briefing's
local wall clock, so a day-precision date lands on its own day's column whatever the zone.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from brief_tui.model.as_of import event_order, is_deadline
from brief_tui.model.dates import DateError, parse_timezone

if TYPE_CHECKING:
    from brief_tui.model import Briefing, Event, Thread

__all__ = [
    "ASOF_GLYPH",
    "ASOF_LABEL",
    "CELL_GAP",
    "KEPT_LAYOUTS",
    "MAX_SUB_ROWS",
    "ZOOMS",
    "Lane",
    "Row",
    "Span",
    "TimelineData",
    "ZoomLayout",
    "asof_label",
    "tick_labels",
]

ZOOMS = ("day", "week", "month", "quarter", "year")
"""Zoom levels, finest first."""

_HOUR = 3600.0
_DAY = 24 * _HOUR
# Seconds per column: a day is 8 columns wide at "day", a week 14 at "week", a month
# about 15 at "month", a quarter 13 at "quarter" and a year 12 at "year", so every
# tick label fits before the next tick.
STEP = {"day": 3 * _HOUR, "week": 12 * _HOUR, "month": 2 * _DAY, "quarter": 7 * _DAY, "year": 365.2425 / 12 * _DAY}
MAX_SUB_ROWS = 4
"""Rows a lane may grow to so that overlapping intervals stay readable."""
KEPT_LAYOUTS = 6
"""Layouts kept at once (of 10: five zooms, two lane modes); each is about 1 MB at 10,000 events."""
CELL_GAP = 2
"""Columns from one cell to the next at least: one free column between any two."""
_RIGHT_ROOM = 12  # columns after the last date, for its tick label and the open-end arrow
_EPOCH = datetime(1970, 1, 1)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ASOF_LABEL = "as of"
ASOF_GLYPH = "┊"


def _local_seconds(moment: datetime, tz: tzinfo) -> float:
    return (moment.astimezone(tz).replace(tzinfo=None) - _EPOCH).total_seconds()


def _wall_clock(seconds: float) -> datetime:
    return _EPOCH + timedelta(seconds=seconds)


@dataclass(frozen=True, slots=True)
class Lane:
    """A horizontal band: one thread's events, the events of no thread, or all events.

    Indexes and times are kept in arrays: at 10,000 events a tuple of ints or floats costs
    eight times the memory.
    """

    thread: Thread | None
    title: str
    events: array[int]  # indexes into TimelineData.events, in date order
    anchors: array[float]  # sorted anchor times, for nearest-in-time lookups
    by_anchor: array[int]  # the events in anchor order


@dataclass(frozen=True, slots=True)
class Span:
    """An interval drawn from ``start`` to ``end`` (columns); open ends reach the layout's edge."""

    start: int
    end: int
    event: int
    open_start: bool
    open_end: bool


@dataclass(slots=True)
class Row:
    """One screen row of a lane: cells of events by anchor column, and interval spans.

    Cell ``k`` sits at column ``cols[k]`` and holds ``members[starts[k]:starts[k + 1]]``.
    """

    lane: int
    sub: int
    cols: array[int] = field(default_factory=lambda: array("i"))  # sorted anchor columns
    starts: array[int] = field(default_factory=lambda: array("i", [0]))
    members: array[int] = field(default_factory=lambda: array("i"))  # each cell's events, date order
    spans: list[Span] = field(default_factory=list)  # sorted by start, none overlapping

    def add_cell(self, col: int, events: list[int] | tuple[int, ...]) -> None:
        """Append a cell right of every cell so far."""
        self.cols.append(col)
        self.members.extend(events)
        self.starts.append(len(self.members))

    def extend_last(self, events: list[int]) -> None:
        """Add events (later than its own) to the rightmost cell."""
        self.members.extend(events)
        self.starts[-1] = len(self.members)

    def find(self, event: int, col: int) -> int | None:
        """The cell holding an event whose own column is ``col`` (it may have joined the cell before)."""
        for k in self.cells_between(col - CELL_GAP + 1, col):
            if event in self.members[self.starts[k] : self.starts[k + 1]]:
                return k
        return None

    def cell(self, k: int) -> tuple[int, ...]:
        """The events of cell ``k``, in date order."""
        return tuple(self.members[self.starts[k] : self.starts[k + 1]])

    @property
    def cells(self) -> list[tuple[int, ...]]:
        """Every cell's events."""
        return [self.cell(k) for k in range(len(self.cols))]

    def cells_between(self, first: int, last: int) -> range:
        """Indexes of the cells in columns ``first`` to ``last``."""
        return range(bisect.bisect_left(self.cols, first), bisect.bisect_right(self.cols, last))

    def spans_between(self, first: int, last: int) -> list[Span]:
        """The spans that reach into columns ``first`` to ``last``."""
        found = []
        for span in self.spans:  # rows hold few spans: a lane packs its intervals into MAX_SUB_ROWS
            if span.start > last:
                break
            if span.end >= first:
                found.append(span)
        return found


class TimelineData:
    """A briefing's events as the timeline needs them, with a cache of zoom layouts."""

    def __init__(self, briefing: Briefing) -> None:
        try:
            tz = parse_timezone(briefing.timezone) if briefing.timezone else None
        except DateError:
            tz = None
        zone = tz or timezone.utc
        # Undated events ("no date yet") have no place on the axis; deadlines sort at their end.
        order = event_order(briefing.as_of)
        dated = sorted(((e, d) for e in briefing.events if (d := e.date) is not None), key=lambda pair: order(pair[0]))
        self.events: list[Event] = [event for event, _date in dated]
        self.undated: list[Event] = [event for event in briefing.events if event.date is None]
        self.index: dict[Event, int] = {event: i for i, event in enumerate(self.events)}
        self.asof = _local_seconds(briefing.as_of.earliest, zone)
        self.anchor = array("d")
        self.start: dict[int, float | None] = {}  # intervals with a start only; None when open-ended
        self.end: dict[int, float | None] = {}
        self.deadlines: set[int] = set()  # open starts (``../2028-12``): a point at their end
        for i, (event, date) in enumerate(dated):
            first = _local_seconds(date.start.earliest, zone) if date.start else None
            last = _local_seconds(date.end.earliest, zone) if date.end else None
            anchor = first if first is not None else last
            self.anchor.append(anchor if anchor is not None else self.asof)
            if is_deadline(event, briefing.as_of):
                self.deadlines.add(i)
            elif date.interval:
                self.start[i] = first
                self.end[i] = last
        finite = [*self.anchor, *(t for t in self.end.values() if t is not None), self.asof]
        self.first = min(finite)
        self.last = max(finite)
        self._lay_lanes(briefing)
        # Each thread lane's status history as (moment, status), drawn as marks on its first row.
        self.steps: dict[int, list[tuple[float, str]]] = {
            number: [(_local_seconds(step.date.earliest, zone), step.status) for step in lane.thread.status_history]
            for number, lane in enumerate(self.lanes)
            if lane.thread is not None and lane.thread.status_history
        }
        moments = [moment for steps in self.steps.values() for moment, _ in steps]
        self.first = min([self.first, *moments])
        self.last = max([self.last, *moments])

    def narrowed(self, shown: Briefing) -> TimelineData:
        """This data as a filter leaves it (``shown``: the briefing with the kept threads and events).

        Derived, not computed again: the kept events keep their times and order, and the axis
        keeps this data's extent, so a filtered timeline covers the same dates at the same
        columns as the whole one (nothing jumps as a filter comes and goes); only the lanes
        are laid out again, for what is kept.
        """
        kept = set(shown.events)
        numbers = [i for i, event in enumerate(self.events) if event in kept]
        renumbered = {old: new for new, old in enumerate(numbers)}
        data = TimelineData.__new__(TimelineData)
        data.events = [self.events[i] for i in numbers]
        data.undated = [event for event in self.undated if event in kept]
        data.index = {event: i for i, event in enumerate(data.events)}
        data.asof = self.asof
        data.anchor = array("d", (self.anchor[i] for i in numbers))
        data.start = {renumbered[i]: t for i, t in self.start.items() if i in renumbered}
        data.end = {renumbered[i]: t for i, t in self.end.items() if i in renumbered}
        data.deadlines = {renumbered[i] for i in self.deadlines if i in renumbered}
        data.first, data.last = self.first, self.last
        data._lay_lanes(shown, narrowing=(self, renumbered))
        steps = {self.lanes[number].thread: found for number, found in self.steps.items()}
        data.steps = {number: steps[lane.thread] for number, lane in enumerate(data.lanes) if lane.thread in steps}
        return data

    def _lay_lanes(self, briefing: Briefing, narrowing: tuple[TimelineData, dict[int, int]] | None = None) -> None:
        """The lanes of both modes, and where each thread's lane is; ``narrowing``: the whole data
        and its kept events' new numbers, whose lanes are filtered (not sorted again)."""
        if narrowing is None:
            self.lanes = self._thread_lanes(briefing)
            self.merged = [self._lane(None, "all", range(len(self.events)))]
        else:
            whole, renumbered = narrowing
            self.lanes = self._kept_lanes(briefing, whole, renumbered)
            self.merged = [self._kept_lane(whole.merged[0], renumbered)]
        self.thread_lane: dict[Thread, int] = {lane.thread: n for n, lane in enumerate(self.lanes) if lane.thread}
        self.other_lane = next((n for n, lane in enumerate(self.lanes) if lane.thread is None), None)
        self._layouts: dict[tuple[str, bool], ZoomLayout] = {}

    def _lane(self, thread: Thread | None, title: str, events: range | list[int]) -> Lane:
        by_anchor = sorted(events, key=lambda i: (self.anchor[i], i))
        anchors = array("d", (self.anchor[i] for i in by_anchor))
        return Lane(thread, title, array("i", events), anchors, array("i", by_anchor))

    def _kept_lane(self, lane: Lane, renumbered: dict[int, int]) -> Lane:
        """A whole lane's kept events, in their order (new numbers keep the old ones' order)."""
        events = array("i", (renumbered[i] for i in lane.events if i in renumbered))
        by_anchor = array("i", (renumbered[i] for i in lane.by_anchor if i in renumbered))
        return Lane(lane.thread, lane.title, events, array("d", (self.anchor[i] for i in by_anchor)), by_anchor)

    def _kept_lanes(self, shown: Briefing, whole: TimelineData, renumbered: dict[int, int]) -> list[Lane]:
        """The kept threads' lanes from the whole data's, then Other: kept events of no kept thread."""
        kept = set(shown.threads)
        lanes = []
        for lane in whole.lanes:
            if lane.thread in kept:
                narrowed = self._kept_lane(lane, renumbered)
                if narrowed.events:
                    lanes.append(narrowed)
        other = [i for i, event in enumerate(self.events) if not any(t in kept for t in event.threads)]
        if other:
            lanes.append(self._lane(None, "Other", other))
        return lanes

    def _thread_lanes(self, briefing: Briefing) -> list[Lane]:
        per_thread: dict[Thread, list[int]] = {thread: [] for thread in briefing.threads}
        other: list[int] = []
        for i, event in enumerate(self.events):
            # Only the briefing's own threads get lanes: a filter's briefing lists the kept ones.
            own = [per_thread[thread] for thread in event.threads if thread in per_thread]
            for found in own:
                found.append(i)
            if not own:
                other.append(i)
        lanes = [self._lane(thread, thread.title, found) for thread, found in per_thread.items() if found]
        if other:
            lanes.append(self._lane(None, "Other", other))
        return lanes

    def lanes_for(self, merged: bool) -> list[Lane]:
        """The lanes shown in this mode."""
        return self.merged if merged else self.lanes

    def event_lanes(self, event: int, merged: bool) -> list[int]:
        """The lanes (of this mode) that show the event, in lane order."""
        if merged:
            return [0]
        found = sorted(self.thread_lane[t] for t in self.events[event].threads if t in self.thread_lane)
        if not found and self.other_lane is not None:
            found = [self.other_lane]
        return found

    def layout(self, zoom: str, merged: bool) -> ZoomLayout:
        """The layout for a zoom level and lane mode, computed once and kept while recently used."""
        key = (zoom, merged)
        layout = self._layouts.pop(key, None) or ZoomLayout(self, zoom, merged)
        self._layouts[key] = layout  # most recent last
        while len(self._layouts) > KEPT_LAYOUTS:
            del self._layouts[next(iter(self._layouts))]
        return layout

    def nearest(self, moment: float, lane: Lane | None = None) -> int | None:
        """The event (of a lane, or of all) whose anchor is nearest a moment; the first on a tie."""
        lane = lane or self.merged[0]
        if not lane.by_anchor:
            return None
        at = bisect.bisect_left(lane.anchors, moment)
        near = lane.by_anchor[max(0, at - 2) : at + 2]
        return min(near, key=lambda i: (abs(self.anchor[i] - moment), i))

    def nearest_asof(self, lane: Lane | None = None) -> int | None:
        """The event nearest the briefing's as-of moment."""
        return self.nearest(self.asof, lane)

    def fitting_zoom(self, columns: int) -> str:
        """The finest zoom at which the middle half of the events (and as_of) fits in ``columns``."""
        times = sorted([*self.anchor, self.asof])
        low = min(times[len(times) // 4], self.asof)
        high = max(times[-1 - len(times) // 4], self.asof)
        for zoom in ZOOMS:
            if (high - low) / STEP[zoom] + 4 <= columns:
                return zoom
        return ZOOMS[-1]


def _unit_start(zoom: str, moment: datetime) -> datetime:
    """The start of the tick unit holding a moment: its day, week (Monday), month, quarter or year."""
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if zoom == "day":
        return day
    if zoom == "week":
        return day - timedelta(days=day.weekday())
    if zoom == "month":
        return day.replace(day=1)
    if zoom == "quarter":
        return day.replace(day=1, month=(day.month - 1) // 3 * 3 + 1)
    return day.replace(day=1, month=1)


def _next_unit(zoom: str, start: datetime) -> datetime:
    if zoom == "day":
        return start + timedelta(days=1)
    if zoom == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[zoom]
    month = start.month - 1 + months
    return start.replace(year=start.year + month // 12, month=month % 12 + 1)


def _tick_label(zoom: str, start: datetime) -> str:
    if zoom in ("day", "week"):
        return f"{start.day} {_MONTHS[start.month - 1]}"
    if zoom == "month":
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if zoom == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return str(start.year)


class ZoomLayout:
    """Where every event of a lane mode sits at one zoom level."""

    def __init__(self, data: TimelineData, zoom: str, merged: bool) -> None:
        self.zoom = zoom
        self.merged = merged
        self.step = STEP[zoom]
        first = _unit_start(zoom, _wall_clock(data.first))
        # One whole unit of room before the first date, so open starts have an edge to reach.
        previous = _unit_start(zoom, first - timedelta(seconds=1))
        self.origin = (previous - _EPOCH).total_seconds()
        self.width = self.column(data.last) + _RIGHT_ROOM
        self.asof_col = self.column(data.asof)
        self.col = array("i", (self.column(t) for t in data.anchor))
        self.rows: list[Row] = []
        self.lane_row: list[int] = []  # each lane's first row
        self.lane_rows: list[int] = []  # how many rows each lane has
        self._sub: dict[tuple[int, int], int] = {}  # (lane, event) -> sub-row, when not 0
        for n, lane in enumerate(data.lanes_for(merged)):
            self.lane_row.append(len(self.rows))
            rows = self._pack(data, n, lane)
            self.lane_rows.append(len(rows))
            self.rows.extend(rows)

    def column(self, seconds: float) -> int:
        """The column of a moment (local seconds)."""
        return int((seconds - self.origin) // self.step)

    def moment(self, col: int) -> float:
        """The local seconds at which a column starts."""
        return self.origin + col * self.step

    def row_of(self, lane: int, event: int) -> int:
        """The row on which an event is drawn in a lane."""
        return self.lane_row[lane] + self._sub.get((lane, event), 0)

    def span_of(self, data: TimelineData, event: int) -> Span | None:
        """The columns an interval covers, or None for a point event."""
        if event not in data.start:
            return None
        start, end = data.start[event], data.end[event]
        first = self.column(start) if start is not None else 0
        last = self.column(end) if end is not None else self.width - 1
        return Span(first, max(first, last), event, start is None, end is None)

    def _pack(self, data: TimelineData, lane_number: int, lane: Lane) -> list[Row]:
        """Points on the lane's first row; each interval on the first row where it overlaps nothing.

        An interval that finds no room within MAX_SUB_ROWS is shown as a cell at its anchor.
        """
        rows = [Row(lane_number, 0)]
        ends = [-1]  # the last column taken by a span, per row
        cells: dict[int, list[int]] = {}  # the first row's cells
        spans: list[Span] = []
        for event in lane.events:
            span = self.span_of(data, event)
            if span is None or span.start == span.end:
                cells.setdefault(self.col[event], []).append(event)
            else:
                spans.append(span)
        point_cols = sorted(cells)
        for span in sorted(spans, key=lambda s: (s.start, s.event)):
            sub = next((n for n in range(len(rows)) if self._fits(span, ends[n], point_cols if n == 0 else None)), None)
            if sub is None and len(rows) < MAX_SUB_ROWS:
                sub = len(rows)
                rows.append(Row(lane_number, sub))
                ends.append(-1)
            anchor = self.col[span.event]
            if sub is None or sub == 0:
                cells.setdefault(anchor, []).append(span.event)
            else:
                rows[sub].add_cell(anchor, (span.event,))
                self._sub[(lane_number, span.event)] = sub
            if sub is not None:
                rows[sub].spans.append(span)
                ends[sub] = span.end
        first = rows[0]
        for col in sorted(cells):
            # A cell right beside the one before joins it: every cell then has a free column
            # on each side, so a count never touches a glyph or another count ("● ● 352●●●").
            if first.cols and col - first.cols[-1] < CELL_GAP:
                first.extend_last(sorted(cells[col]))
            else:
                first.add_cell(col, sorted(cells[col]))
        return rows

    @staticmethod
    def _fits(span: Span, end_of_row: int, point_cols: list[int] | None) -> bool:
        """Whether a span fits on a row: a free column from the row's last span and, on the first
        row, from every point (a count beside a span's end would read as one mark: ``┤3``)."""
        if end_of_row + 1 >= span.start:
            return False
        if point_cols is None:
            return True
        at = bisect.bisect_left(point_cols, span.start - 1)
        return at == len(point_cols) or point_cols[at] > span.end + 1


def _raw_ticks(layout: ZoomLayout, first: int, last: int) -> list[tuple[int, str]]:
    """Every tick unit's start in columns ``first`` to ``last``, with its label."""
    found = []
    moment = _unit_start(layout.zoom, _wall_clock(layout.moment(max(0, first))))
    while (col := layout.column((moment - _EPOCH).total_seconds())) <= last:
        if col >= first:
            found.append((col, _tick_label(layout.zoom, moment)))
        moment = _next_unit(layout.zoom, moment)
    return found


def _clear(col: int, label: str, first: int, last: int) -> bool:
    """Whether a label at ``col`` keeps a column's gap from columns ``first`` to ``last``."""
    return col + len(label) < first - 1 or col > last + 1


def asof_label(layout: ZoomLayout) -> tuple[int, str]:
    """Where the as-of mark goes on the tick row: ``┊as of``, ``as of┊``, ``┊as of 6 Dec``, ``┊`` or nothing.

    The label may crowd out a neighbouring period's tick label, never its own period's
    ("Dec 2025" three columns before it at month zoom): on its period's first column it
    names the period itself (``┊as of 6 Dec``); where no form fits, the tick row shows
    the period's label alone. Every lane row shows the ``┊`` line whatever this says.
    """
    asof = layout.asof_col
    near = _raw_ticks(layout, asof - 16, asof + 16)
    own = [(c, label) for c, label in near if c <= asof][-1:]
    places = ((asof, ASOF_GLYPH + ASOF_LABEL), (asof - len(ASOF_LABEL), ASOF_LABEL + ASOF_GLYPH))
    for col, text in places:
        if col >= 0 and all(_clear(c, label, col, col + len(text) - 1) for c, label in near):
            return col, text
    if own and own[0][0] == asof:  # as_of opens its period: say both, "┊as of 6 Dec"
        return asof, f"{ASOF_GLYPH}{ASOF_LABEL} {own[0][1]}"
    for col, text in places:
        if col >= 0 and all(_clear(c, label, col, col + len(text) - 1) for c, label in own):
            return col, text
    if all(_clear(c, label, asof, asof) for c, label in near):
        return asof, ASOF_GLYPH
    return asof, ""


def tick_labels(layout: ZoomLayout, first: int, last: int) -> list[tuple[int, str]]:
    """Tick labels starting in columns ``first`` to ``last``, none touching another or the as-of label.

    Ticks are spaced wider than their labels at every zoom, so only the as-of label can
    crowd one out (never its own period's, see :func:`asof_label`); the same ticks are
    dropped whatever the window.
    """
    asof, mark = asof_label(layout)
    found: list[tuple[int, str]] = []
    for col, label in _raw_ticks(layout, first, last):
        if (found and not _clear(*found[-1], col, col)) or (
            mark and not _clear(col, label, asof, asof + len(mark) - 1)
        ):
            continue
        found.append((col, label))
    return found
