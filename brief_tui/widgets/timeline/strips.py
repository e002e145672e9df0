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

from brief_tui.render.labels import EVENT_STATUS_GLYPHS, date_label
from brief_tui.render.safe import clean_line
from brief_tui.widgets.timeline.layout import ASOF_GLYPH, ASOF_LABEL, asof_label, tick_labels

if TYPE_CHECKING:
    from brief_tui.model import Event, Thread
    from brief_tui.widgets.timeline.layout import Lane, Row, TimelineData, ZoomLayout

__all__ = [
    "ASOF_GLYPH",
    "Palette",
    "axis_strip",
    "caption_strip",
    "fit",
    "lane_strip",
    "list_strip",
    "qualifier_mark",
    "shorten",
]

SPAN_GLYPH = "─"
SPAN_END_GLYPH = "┤"
OPEN_START_GLYPH = "◂"
OPEN_END_GLYPH = "▸"
CURSOR_GLYPH = "▸"
HIGHLIGHT_GLYPH = "┃"
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
    if event.date is None:
        return ""
    if event.date.uncertain:
        return "?"
    return "~" if event.date.approximate else ""


def caption_date(event: Event) -> str:
    """The date a reader should see, with a word for its qualifier."""
    if not event.display_date:
        return date_label(event.date)
    date = event.date
    words = [w for w, on in (("uncertain", date and date.uncertain), ("approximate", date and date.approximate)) if on]
    return f"{event.display_date}, {' and '.join(words)}" if words else event.display_date


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

    def put(self, col: int, char: str, names: Names, take: bool = True) -> None:
        at = col - self.lo
        if 0 <= at < len(self.chars):
            self.chars[at] = char
            self.names[at] = names
            self.taken[at] = self.taken[at] or take

    def free(self, col: int) -> bool:
        at = col - self.lo
        return 0 <= at < len(self.chars) and not self.taken[at]

    def write(self, col: int, text: str, names: Names) -> None:
        """Write text from ``col`` into the free cells there, one free cell kept before anything taken."""
        room = 0
        while self.free(col + room):
            room += 1
        if room - 1 < min(3, cell_len(text)):
            return
        text = shorten(text, room - 1)
        for piece, size in _graphemes(text):
            self.put(col, piece, names, take=False)
            for extra in range(1, size):
                self.put(col + extra, "", names, take=False)
            col += size

    def segments(self, start: int, end: int, palette: Palette) -> list[Segment]:
        """Segments of columns ``start`` to ``end`` (exclusive), runs of one style joined."""
        first, last = start - self.lo, end - self.lo
        chars = self.chars[first:last]
        if chars and chars[0] == "":
            chars[0] = " "  # the right half of a wide character cut by the left edge
        if chars and last < len(self.chars) and self.chars[last] == "":
            chars[-1] = " "  # a wide character cut by the right edge
        return _runs(chars, self.names[first:last], palette)


def _runs(chars: list[str], names: list[Names], palette: Palette) -> list[Segment]:
    segments = []
    begin = 0
    for i in range(1, len(chars) + 1):
        if i == len(chars) or names[i] != names[begin]:
            segments.append(Segment("".join(chars[begin:i]), palette.get(names[begin])))
            begin = i
    return segments


def _lane_label(
    lane: Lane, width: int, first_row: bool, cursor: bool, thread: Thread | None, palette: Palette
) -> list[Segment]:
    """The lane's title in the label column (only on its first row), marked when the cursor is in it."""
    if width <= 0:
        return []
    names: Names = ("lane",)
    if cursor:
        names += ("lane-cursor",)
    if thread is not None and lane.thread is thread:
        names += ("highlight",)
    marker = CURSOR_GLYPH if cursor and first_row else " "
    title = clean_line(lane.title) if first_row else ""
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
    for span in row.spans_between(lo, hi - 1):
        # An open end runs to the window's edge, arrow and all, wherever the layout's edge is.
        if span.open_start and span.start < x0 < span.end:
            span = replace(span, start=x0)
        if span.open_end and span.start < right:
            span = replace(span, end=right)
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
    for k in row.cells_between(lo, hi - 1):
        col, events = row.cols[k], row.cell(k)
        shown = selected if selected in events else events[0] if len(events) == 1 else None
        chosen = ("selected",) if shown is not None and shown == selected else ()
        if shown is None:
            count = str(len(events)) if len(events) <= 9 else "+"
            canvas.put(col, count, names_for(col, "count", *lit(events[0])))
            continue
        event = data.events[shown]
        mark = qualifier_mark(event)
        status = status_of(event)
        glyph_names = names_for(col, status, *(("qualified",) if mark else ()), *lit(shown), *chosen)
        canvas.put(col, EVENT_STATUS_GLYPHS[status], glyph_names)
        marked = bool(mark) and canvas.free(col + 1)
        if marked:
            canvas.put(col + 1, mark, names_for(col + 1, "qualified", *lit(shown)))
        if len(events) == 1:  # a crowded cell shows its selected event's glyph; the caption says how many
            titled.append((col, shown, names_for(col, "label", *lit(shown), *chosen), marked))
    for col, shown, names, marked in titled:
        # No title for a glyph left of the window (it would show as a stray fragment), nor
        # squeezed in behind a neighbour's glyph.
        if col >= x0 and (marked or canvas.free(col + 1)):
            title = data.events[shown].title or data.events[shown].id
            canvas.write(col + 2, shorten(clean_line(title), LABEL_ROOM - 2), names)
    label = _lane_label(lane, label_width, row.sub == 0, cursor, thread, palette)
    return Strip([*label, *canvas.segments(x0, x0 + width, palette)], label_width + width)


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


def caption_strip(event: Event | None, *, place: tuple[int, int], width: int, palette: Palette) -> Strip:
    """The selected event's status, date and title on one line; ``place`` is (k, n) in a crowded cell."""
    if event is None:
        return _line([(" No events", ("caption",))], width, ("caption",), palette)
    status = status_of(event)
    k, n = place
    parts = [
        (f" {EVENT_STATUS_GLYPHS[status]} {status}", ("caption", status)),
        (f" · {caption_date(event)}", ("caption",)),
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
) -> Strip:
    """One row of the vertical dated list: an event (glyph, date, title), or the as-of line when None."""
    if event is None:
        label = f" {ASOF_GLYPH} {ASOF_LABEL} {clean_line(asof_text)} "
        return _line([(label + "┄" * max(0, width - cell_len(label)), ("asof",))], width, ("asof",), palette)
    lit = thread is not None and thread in event.threads
    base: Names = (("future",) if future else ()) + (("highlight",) if lit else ())
    chosen: Names = ("selected",) if selected else ()
    status = status_of(event)
    mark = qualifier_mark(event)
    qualified: Names = ("qualified",) if mark else ()
    date_text = clean_line(event.shown_date)
    if mark and not date_text.endswith(mark):
        date_text += mark
    parts = [
        (HIGHLIGHT_GLYPH if lit else " ", base),
        (EVENT_STATUS_GLYPHS[status], (*base, status, *qualified, *chosen)),
        (" " + fit(date_text, date_width) + " ", (*base, *qualified, *chosen)),
        (clean_line(event.title or event.id), (*base, "label", *chosen)),
    ]
    return _line(parts, width, (*base, *chosen), palette)
