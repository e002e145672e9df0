"""The timeline's rows as Textual strips: lanes, the axis, the caption and the dated list.

Content goes through :func:`brief_tui.render.safe.clean_line` and into segments with
styles; nothing here is ever parsed as markup. Styles are named by the timeline's
component classes (without the ``timeline--`` prefix) and resolved by a :class:`Palette`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.cells import cell_len, split_graphemes
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from brief_tui.model.as_of import event_date, spoken_date
from brief_tui.render.labels import EVENT_STATUS_GLYPHS, date_label
from brief_tui.render.safe import clean_line
from brief_tui.widgets.timeline.layout import ASOF_GLYPH, ASOF_LABEL, CELL_GAP, asof_label, tick_labels

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from brief_tui.model import Event, Thread
    from brief_tui.widgets.timeline.layout import Lane, Row, Span, TimelineData, ZoomLayout

__all__ = [
    "ASOF_GLYPH",
    "LEGEND",
    "Palette",
    "axis_strip",
    "caption_strip",
    "fit",
    "heading_strip",
    "lane_strip",
    "list_strip",
    "qualifier_mark",
    "shorten",
    "undated_strip",
    "when",
]

SPAN_GLYPH = "─"
SPAN_END_GLYPH = "┤"
OPEN_START_GLYPH = "◂"
OPEN_END_GLYPH = "▸"
CURSOR_GLYPH = "▸"
HIGHLIGHT_GLYPH = "┃"
STATUS_STEP_GLYPH = "▴"  # a step of the thread's status history, in its lane
SPAN_ROW_LABEL = "periods"  # a lane's extra rows hold only periods (───┤): the label says so
LABEL_ROOM = 48  # the longest title drawn after a glyph; rows are laid out this far past the window

Names = tuple[str, ...]


class Palette:
    """Rich styles for the timeline's parts, combined on demand and cached."""

    def __init__(self, base: Style, parts: dict[str, Style]) -> None:
        self.base = base
        self.parts = parts
        self._combined: dict[Names, Style] = {}

    def get(self, names: Names) -> Style:
        """The base style with each named part's style laid over it, in order."""
        style = self._combined.get(names)
        if style is None:
            style = Style.combine([self.base, *(self.parts[n] for n in names if n in self.parts)])
            self._combined[names] = style
        return style


def status_of(event: Event) -> str:
    """The event's status; an event with none reads as occurred."""
    return event.status if event.status in EVENT_STATUS_GLYPHS else "occurred"


def qualifier_mark(event: Event) -> str:
    """``?`` for an uncertain date, ``~`` for an approximate one, else empty."""
    date = event_date(event)
    if date is None:
        return ""
    if date.uncertain:
        return "?"
    return "~" if date.approximate else ""


def _open(event: Event, deadline: bool) -> bool:
    """Whether the date is better said in words: a deadline or an open end."""
    date = event_date(event)
    return date is not None and (deadline or (date.interval and date.end is None))


def when(event: Event, *, deadline: bool = False) -> str:
    """The date for a list: as the author wrote it for readers, or in words where the notation
    would puzzle (``by Dec 2028``, ``from Feb 2026``, ``no date yet``), else as written."""
    date = event_date(event)
    if event.display_date:
        return event.display_date
    if date is None:
        return "no date yet"
    return spoken_date(date) if _open(event, deadline) else date.text


def list_date(event: Event, width: int, *, deadline: bool = False) -> str:
    """The date in the dated list's column: always a date (the author's wording is in the caption).

    A period reads ``2025-11-22~`` to ``12-06?``, shortened as its end repeats its start's year or
    month (``2025-12-06? to 08?``), joined by an en dash; when even that does not fit, its start and ``…``.
    """
    date = event_date(event)
    if date is None:
        return "no date yet"
    if _open(event, deadline):
        return spoken_date(date)
    if not date.interval or date.start is None or date.end is None:
        return date.text
    start, end = date.start.text, date.end.text
    for shared in (8, 5):  # the same year and month ("2025-12-"), or the same year ("2025-")
        if len(start) > shared and len(end) > shared and start[:shared] == end[:shared] and end[shared - 1] == "-":
            end = end[shared:]
            break
    whole = f"{start}\u2013{end}"
    return whole if cell_len(whole) <= width else f"{start}…"


def caption_date(event: Event, *, deadline: bool = False) -> str:
    """The date a reader should see, with a word for its qualifier."""
    date = event_date(event)
    if date is None:
        return f"no date yet ({event.display_date})" if event.display_date else "no date yet"
    words = [w for w, on in (("uncertain", date.uncertain), ("approximate", date.approximate)) if on]
    if event.display_date:
        # The date first (its ? and ~ say how sure), the author's wording after it: "Monday"
        # alone tells a reader nothing.
        return f"{list_date(event, 40, deadline=deadline)} ({event.display_date})"
    if _open(event, deadline):
        shown = spoken_date(date)
        return f"{shown} ({', '.join(words)})" if words else shown
    return date_label(date)


def shorten(text: str, width: int) -> str:
    """Text cut to at most ``width`` cells, ending in an ellipsis when cut."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    out, used = [], 0
    for piece, size in _graphemes(text):
        if used + size > width - 1:
            break
        out.append(piece)
        used += size
    return "".join(out).rstrip() + "…"


def fit(text: str, width: int) -> str:
    """Text cut (with an ellipsis) or padded to exactly ``width`` cells."""
    text = shorten(text, width)
    return text + " " * max(0, width - cell_len(text))


def _graphemes(text: str) -> list[tuple[str, int]]:
    spans, _ = split_graphemes(text)
    return [(text[start:end], size) for start, end, size in spans if size]


class _Canvas:
    """One row of cells from column ``lo``: a character (or "" after a wide one) and style names each."""

    def __init__(self, lo: int, hi: int, names: Names = ()) -> None:
        self.lo = lo
        self.hi = hi
        self.chars = [" "] * (hi - lo)
        self.names: list[Names] = [names] * (hi - lo)
        self.taken = [False] * (hi - lo)
        self.runs: list[tuple[int, int]] = []  # the columns each written text covers

    def put(self, col: int, char: str, names: Names, take: bool = True) -> None:
        at = col - self.lo
        if 0 <= at < len(self.chars):
            self.chars[at] = char
            self.names[at] = names
            self.taken[at] = self.taken[at] or take

    def free(self, col: int) -> bool:
        at = col - self.lo
        return 0 <= at < len(self.chars) and not self.taken[at]

    def write(self, col: int, text: str, names: Names) -> bool:
        """Write text from ``col`` into the free cells there, one free cell kept before anything taken;
        False when there is no room for it."""
        room = 0
        while self.free(col + room):
            room += 1
        if room - 1 < min(3, cell_len(text)):
            return False
        text = shorten(text, room - 1)
        self.runs.append((col, col + cell_len(text)))
        for piece, size in _graphemes(text):
            self.put(col, piece, names, take=False)
            for extra in range(1, size):
                self.put(col + extra, "", names, take=False)
            col += size
        return True

    def segments(self, start: int, end: int, palette: Palette) -> list[Segment]:
        """Segments of columns ``start`` to ``end`` (exclusive), runs of one style joined."""
        first, last = start - self.lo, end - self.lo
        chars = self.chars[first:last]
        if chars and chars[0] == "":
            chars[0] = " "  # the right half of a wide character cut by the left edge
        if chars and last < len(self.chars) and self.chars[last] == "":
            chars[-1] = " "  # a wide character cut by the right edge
        if chars and any(begin < end - 1 and end < finish for begin, finish in self.runs):
            # A title or tick label runs on past the right edge: say so, as a cut title does.
            if chars[-1] == "" and len(chars) > 1:
                chars[-2] = " "
            chars[-1] = "…"
            if len(chars) > 1 and chars[-2] == " ":  # cut after a word: "A rather… ", not "A rather …"
                chars[-2], chars[-1] = "…", " "
        return _runs(chars, self.names[first:last], palette)


def _runs(chars: list[str], names: list[Names], palette: Palette) -> list[Segment]:
    segments = []
    begin = 0
    for i in range(1, len(chars) + 1):
        if i == len(chars) or names[i] != names[begin]:
            segments.append(Segment("".join(chars[begin:i]), palette.get(names[begin])))
            begin = i
    return segments


def _period_title(canvas: _Canvas, span: Span, data: TimelineData, *, x0: int, right: int, names: Names) -> None:
    """The period's event title inside its bar (``── Talks in Geneva ──┤``), where the bar is long enough
    and nothing else is drawn over it; a period only a few cells long stays a bare bar."""
    first, last = max(span.start + 1, x0) + 1, min(span.end - 1, right) - 1  # one ─ kept at each side
    room = last - first + 1 - 2  # a space each side of the title
    if room < 4 or any(canvas.chars[col - canvas.lo] != SPAN_GLYPH for col in range(first, last + 1)):
        return
    event = data.events[span.event]
    title = shorten(clean_line(event.title or event.id), room)
    for offset, piece in enumerate(f" {title} "):
        canvas.put(first + offset, piece, names)


def _lane_label(
    lane: Lane, width: int, sub: int, cursor: bool, thread: Thread | None, palette: Palette
) -> list[Segment]:
    """The lane's title in the label column on its first row, "periods" on its first extra row
    (a lane's extra rows hold only periods), marked when the cursor is in the lane."""
    if width <= 0:
        return []
    names: Names = ("lane",)
    if cursor:
        names += ("lane-cursor",)
    if thread is not None and lane.thread is thread:
        names += ("highlight",)
    marker = CURSOR_GLYPH if cursor and sub == 0 else " "
    title = clean_line(lane.title) if sub == 0 else SPAN_ROW_LABEL if sub == 1 else ""
    return [Segment(fit(marker + fit(title, width - 2), width), palette.get(names))]


def lane_strip(
    data: TimelineData,
    layout: ZoomLayout,
    row: Row,
    lane: Lane,
    *,
    x0: int,
    width: int,
    label_width: int,
    selected: int | None,
    cursor: bool,
    thread: Thread | None,
    palette: Palette,
) -> Strip:
    """One lane row: label column, then layout columns ``x0`` to ``x0 + width``.

    ``selected`` is the selected event when this row is the cursor's row (else None);
    events of ``thread`` are highlighted.
    """
    lo, hi = x0, x0 + width + LABEL_ROOM
    canvas = _Canvas(lo, hi)
    asof = layout.asof_col
    for col in range(max(lo, asof + 1), hi):
        canvas.names[col - lo] = ("future",)

    def names_for(col: int, *parts: str) -> Names:
        return (("future",) if col > asof else ()) + parts

    def lit(event: int) -> tuple[str, ...]:
        return ("highlight",) if thread is not None and thread in data.events[event].threads else ()

    canvas.put(asof, ASOF_GLYPH, ("asof",))
    right = x0 + width - 1
    periods: list[Span] = []  # as drawn: an open end reaches the window's edge
    for span in row.spans_between(lo, hi - 1):
        # An open end runs to the window's edge, arrow and all, wherever the layout's edge is.
        if span.open_start and span.start < x0 < span.end:
            span = replace(span, start=x0)
        if span.open_end and span.start < right:
            span = replace(span, end=right)
        periods.append(span)
        fill = ("span", *lit(span.event))
        for col in range(max(span.start + 1, lo), min(span.end, hi)):
            canvas.put(col, SPAN_GLYPH, names_for(col, *fill))
        if span.open_start:
            canvas.put(span.start, OPEN_START_GLYPH, names_for(span.start, *fill))
        if span.open_end:
            canvas.put(span.end, OPEN_END_GLYPH, names_for(span.end, *fill))
        elif not span.open_start:
            canvas.put(span.end, SPAN_END_GLYPH, names_for(span.end, *fill))
    titled: list[tuple[int, int, Names, bool]] = []
    counts: set[int] = set()
    for k in row.cells_between(lo, hi - 1):
        col, events = row.cols[k], row.cell(k)
        shown = selected if selected in events else events[0] if len(events) == 1 else None
        chosen = ("selected",) if shown is not None and shown == selected else ()
        if shown is None:
            count = str(len(events)) if len(events) <= 9 else "+"
            canvas.put(col, count, names_for(col, "count", *lit(events[0])))
            counts.add(col)
            continue
        event = data.events[shown]
        mark = qualifier_mark(event)
        status = status_of(event)
        glyph_names = names_for(col, status, *(("qualified",) if mark else ()), *lit(shown), *chosen)
        canvas.put(col, EVENT_STATUS_GLYPHS[status], glyph_names)
        crowded = k + 1 < len(row.cols) and row.cols[k + 1] <= col + CELL_GAP  # the mark would touch the next
        marked = bool(mark) and canvas.free(col + 1) and not crowded
        if marked:
            canvas.put(col + 1, mark, names_for(col + 1, "qualified", *lit(shown)))
        if len(events) == 1:  # a crowded cell shows its selected event's glyph; the caption says how many
            titled.append((col, shown, names_for(col, "label", *lit(shown), *chosen), marked))
    if row.sub == 0 and not layout.merged:
        _status_steps(canvas, data.steps.get(row.lane, ()), layout, names_for)
    if counts & {asof - 1, asof + 1} and canvas.chars[asof - lo : asof - lo + 1] == [ASOF_GLYPH]:
        canvas.put(asof, " ", names_for(asof))  # the line would read as part of a count: "7┊+"
    named: set[int] = set()  # events whose glyph carries their title on this row
    for col, shown, names, marked in titled:
        # No title for a glyph left of the window (it would show as a stray fragment), nor
        # squeezed in behind a neighbour's glyph.
        if col >= x0 and (marked or canvas.free(col + 1)):
            event = data.events[shown]
            title = clean_line(event.title or event.id)
            if shown in data.deadlines:
                title = f"{when(event, deadline=True)}: {title}"
            if canvas.write(col + 2, shorten(title, LABEL_ROOM - 2), names):
                named.add(shown)
    for span in (span for span in periods if span.event not in named):
        names = names_for(max(span.start, x0), "label", *lit(span.event))
        _period_title(canvas, span, data, x0=x0, right=right, names=names)
    label = _lane_label(lane, label_width, row.sub, cursor, thread, palette)
    return Strip([*label, *canvas.segments(x0, x0 + width, palette)], label_width + width)


def _status_steps(
    canvas: _Canvas, steps: Iterable[tuple[float, str]], layout: ZoomLayout, names_for: Callable[..., Names]
) -> None:
    """The thread's status history as marks in free columns of its lane (an event's glyph wins)."""
    for moment, _status in steps:
        col = layout.column(moment)
        if canvas.free(col) and canvas.free(col - 1) and canvas.free(col + 1):
            canvas.put(col, STATUS_STEP_GLYPH, names_for(col, "step"))


def axis_strip(layout: ZoomLayout, *, x0: int, width: int, label_width: int, palette: Palette) -> Strip:
    """The tick row: the zoom level's name over the label column, then tick labels and the as-of mark."""
    lo, hi = x0, x0 + width + LABEL_ROOM
    canvas = _Canvas(lo, hi, ("tick",))
    for col, label in tick_labels(layout, x0, hi - 1):  # none cut by the left edge
        canvas.write(col, label, ("tick",))
    col, text = asof_label(layout)
    for n, char in enumerate(text):
        canvas.put(col + n, char, ("asof",))
    head = [Segment(fit(f" {layout.zoom}", label_width), palette.get(("tick",)))] if label_width > 0 else []
    return Strip([*head, *canvas.segments(x0, x0 + width, palette)], label_width + width)


def _line(parts: list[tuple[str, Names]], width: int, pad: Names, palette: Palette) -> Strip:
    """Parts laid left to right, the last one that does not fit cut with an ellipsis, padded to width."""
    segments, used = [], 0
    for text, names in parts:
        if used >= width:
            break
        if used + cell_len(text) > width:
            text = shorten(text, width - used)
        segments.append(Segment(text, palette.get(names)))
        used += cell_len(text)
    if used < width:
        segments.append(Segment(" " * (width - used), palette.get(pad)))
    return Strip(segments, width)


def caption_strip(
    event: Event | None, *, place: tuple[int, int], width: int, palette: Palette, deadline: bool = False
) -> Strip:
    """The selected event's status, date and title on one line; ``place`` is (k, n) in a crowded cell."""
    if event is None:
        return _line([(" No events", ("caption",))], width, ("caption",), palette)
    status = status_of(event)
    k, n = place
    parts = [
        (f" {EVENT_STATUS_GLYPHS[status]} {status}", ("caption", status)),
        (f" · {caption_date(event, deadline=deadline)}", ("caption",)),
        (f" · {clean_line(event.title or event.id)}", ("caption",)),
    ]
    if n > 1:
        parts.append((f" · {k} of {n} here", ("caption",)))
    return _line(parts, width, ("caption",), palette)


def list_strip(
    event: Event | None,
    *,
    width: int,
    date_width: int,
    selected: bool,
    future: bool,
    thread: Thread | None,
    asof_text: str,
    palette: Palette,
    deadline: bool = False,
) -> Strip:
    """A row of the vertical dated list: an event (▸ if selected, glyph, date, title), or the as-of line when None."""
    if event is None:
        label = f" {ASOF_GLYPH} {ASOF_LABEL} {clean_line(asof_text)} "
        return _line([(label + "┄" * max(0, width - cell_len(label)), ("asof",))], width, ("asof",), palette)
    lit = thread is not None and thread in event.threads
    base: Names = (("future",) if future else ()) + (("highlight",) if lit else ())
    chosen: Names = ("selected",) if selected else ()
    status = status_of(event)
    mark = qualifier_mark(event)
    qualified: Names = ("qualified",) if mark else ()
    date_text = clean_line(list_date(event, date_width, deadline=deadline))
    if mark and mark not in date_text and not date_text.endswith("…"):
        date_text += mark
    # The selected row leads with the sidebar's cursor glyph, so it shows without colour or
    # reverse video (NO_COLOR, a tmux capture); it stands in for the current thread's ┃ there.
    lead = CURSOR_GLYPH if selected else HIGHLIGHT_GLYPH if lit else " "
    parts = [
        (lead, (*base, *chosen)),
        (EVENT_STATUS_GLYPHS[status], (*base, status, *qualified, *chosen)),
        (" " + fit(date_text, date_width) + " ", (*base, *qualified, *chosen)),
        (clean_line(event.title or event.id), (*base, "label", *chosen)),
    ]
    return _line(parts, width, (*base, *chosen), palette)


def heading_strip(text: str, width: int, palette: Palette) -> Strip:
    """A heading row of the dated list, such as "No date yet" above the events that have none."""
    return _line([(f" {text} ", ("tick",))], width, ("tick",), palette)


def undated_strip(events: list[Event], *, width: int, label_width: int, palette: Palette) -> Strip:
    """The row under the lanes for events with no date yet: listed by glyph and title, off the axis."""
    head = fit(" no date", label_width) if label_width > 0 else ""
    parts: list[tuple[str, Names]] = [(head, ("lane",))] if head else []
    for n, event in enumerate(events):
        status = status_of(event)
        parts.append(((" · " if n else " ") + EVENT_STATUS_GLYPHS[status], ("label", status)))
        parts.append((f" {clean_line(event.title or event.id)}", ("label",)))
    return _line(parts, width, (), palette)


LEGEND: tuple[tuple[str, str], ...] = (
    ("3", "three events at one place on the line (+: ten or more); the caption names the selected one"),
    (
        f"{SPAN_GLYPH * 3}{SPAN_END_GLYPH}",
        f"a period, from its start to its end; a lane's extra rows ({SPAN_ROW_LABEL}) hold them",
    ),
    (
        f"{OPEN_START_GLYPH} {OPEN_END_GLYPH}",
        'a period open at its start / at its end (read as, e.g., "from Feb 2026")',
    ),
    ("by <date>", 'a deadline: an open start on a future event, placed at its end (e.g. "by Dec 2028")'),
    (ASOF_GLYPH, "as of: the moment the briefing describes; the shaded part is after it"),
    (STATUS_STEP_GLYPH, "a step of the thread's status history (the thread's detail lists them)"),
    ("? ~", "an uncertain / approximate date"),
    ("no date", "events with no date yet, listed under the lanes, not on the axis"),
)
"""The timeline's marks and what they mean, for the help screen."""
