"""The timeline's rows as strips: glyphs, counts, spans, qualifiers, titles, the axis and the list."""

from __future__ import annotations

import pytest
from rich.style import Style

from brief_tui.model import Event, parse_date
from brief_tui.render.labels import EVENT_STATUS_GLYPHS
from brief_tui.widgets.timeline.layout import TimelineData, ZoomLayout
from brief_tui.widgets.timeline.strips import (
    Palette,
    axis_strip,
    caption_strip,
    fit,
    lane_strip,
    list_date,
    list_strip,
    qualifier_mark,
    shorten,
)
from tests.timeline_fixtures import EventSpec, make_briefing, sample_briefing

PLAIN = Palette(Style(), {})
MARKED = Palette(
    Style(),
    {
        "selected": Style(reverse=True),
        "highlight": Style(underline=True),
        "future": Style(italic=True),
        "label": Style(dim=True),
    },
)


def row_text(
    data: TimelineData,
    layout: ZoomLayout,
    lane: int = 0,
    *,
    x0: int = 0,
    width: int = 60,
    selected: int | None = None,
    palette: Palette = PLAIN,
    sub: int = 0,
) -> str:
    row = layout.rows[layout.lane_row[lane] + sub]
    strip = lane_strip(
        data,
        layout,
        row,
        data.lanes_for(layout.merged)[lane],
        x0=x0,
        width=width,
        label_width=0,
        selected=selected,
        cursor=False,
        thread=None,
        palette=palette,
    )
    assert strip.cell_length == width
    return strip.text


def lone(events: list[EventSpec], as_of: str = "2025-12-20") -> TimelineData:
    return TimelineData(make_briefing(events, [("a", "Alpha")], as_of=as_of))


def test_each_status_has_its_own_glyph() -> None:
    statuses = ["occurred", "reported", "scheduled", "expected", "postponed", "cancelled"]
    events: list[EventSpec] = [(s, f"2025-12-{n + 1:02d}", s, ("a",), s) for n, s in enumerate(statuses)]
    data = lone(events)
    text = row_text(data, data.layout("day", False), width=100)
    assert [c for c in text if c in EVENT_STATUS_GLYPHS.values()] == [EVENT_STATUS_GLYPHS[s] for s in statuses]
    assert len(set(EVENT_STATUS_GLYPHS.values())) == len(statuses)


def test_an_event_with_no_status_reads_as_occurred() -> None:
    data = lone([("e", "2025-12-01", None, ("a",), "E")])
    assert EVENT_STATUS_GLYPHS["occurred"] in row_text(data, data.layout("day", False))


def test_a_crowded_cell_shows_a_count_and_more_than_nine_a_plus() -> None:
    few: list[EventSpec] = [(f"e{n}", "2025-12-01", None, ("a",), f"E{n}") for n in range(3)]
    many: list[EventSpec] = [(f"e{n}", "2025-12-01", None, ("a",), f"E{n}") for n in range(12)]
    for events, shown in ((few, "3"), (many, "+")):
        data = lone(events)
        layout = data.layout("day", False)
        col = layout.col[0]
        assert row_text(data, layout)[col] == shown


def test_a_crowded_cell_shows_the_selected_events_glyph() -> None:
    events: list[EventSpec] = [
        ("a1", "2025-12-01", "occurred", ("a",), "A"),
        ("a2", "2025-12-01", "scheduled", ("a",), "B"),
    ]
    data = lone(events)
    layout = data.layout("day", False)
    col = layout.col[0]
    assert row_text(data, layout, selected=1)[col] == EVENT_STATUS_GLYPHS["scheduled"]
    assert row_text(data, layout, selected=0)[col] == EVENT_STATUS_GLYPHS["occurred"]


def test_titles_follow_glyphs_without_overlapping_the_next() -> None:
    events: list[EventSpec] = [
        ("first", "2025-12-01", None, ("a",), "A very long title that cannot fit"),
        ("second", "2025-12-03", None, ("a",), "Second"),
    ]
    data = lone(events)
    layout = data.layout("day", False)
    text = row_text(data, layout, width=80)
    first, second = layout.col[0], layout.col[1]
    between = text[first + 2 : second - 1]
    assert between.startswith("A very long")
    assert between.rstrip().endswith("…")
    assert text[second - 1] == " "
    assert text[second] == EVENT_STATUS_GLYPHS["occurred"]
    assert text[second + 2 :].startswith("Second")


def test_no_title_squeezed_between_adjacent_glyphs() -> None:
    data = lone([("a", "2025-12-01", None, ("a",), "Alpha"), ("b", "2025-12-02", None, ("a",), "Beta")])
    layout = data.layout("quarter", False)  # a week a column: adjacent or shared columns
    text = row_text(data, layout)
    assert "Alpha" not in text or "Beta" not in text or text.index("Alpha") > text.index("Beta")


def test_uncertain_and_approximate_dates_are_marked() -> None:
    data = lone([("u", "2025-12-01?", None, ("a",), "U"), ("x", "2025-12-03~", None, ("a",), "X")])
    layout = data.layout("day", False)
    text = row_text(data, layout)
    assert text[layout.col[0] + 1] == "?"
    assert text[layout.col[1] + 1] == "~"
    assert [qualifier_mark(e) for e in data.events] == ["?", "~"]


def test_intervals_draw_as_spans_with_ends() -> None:
    data = lone([("i", "2025-12-01/2025-12-04", "occurred", ("a",), "Talks")])
    layout = data.layout("day", False)
    text = row_text(data, layout)
    start, end = layout.col[0], layout.col[0] + 24
    assert text[start] == EVENT_STATUS_GLYPHS["occurred"]
    assert text[start + 1 : end] == "─ Talks " + "─" * 15  # the period's title inside its bar
    assert text[end] == "┤"


def test_a_period_too_short_for_its_title_is_a_bare_bar() -> None:
    data = lone([("i", "2025-12-01/2025-12-04", "occurred", ("a",), "Talks in Geneva")])
    layout = data.layout("week", False)
    text = row_text(data, layout)
    bar = text[layout.col[0] + 1 : text.index("┤")]
    assert bar
    assert set(bar) == {"─"}


def test_a_long_title_is_cut_inside_the_bar() -> None:
    data = lone([("i", "2025-12-01/2025-12-04", "occurred", ("a",), "Talks in Geneva on the whole plan")])
    layout = data.layout("day", False)
    text = row_text(data, layout)
    bar = text[layout.col[0] + 1 : text.index("┤")]
    assert bar.startswith("─ Talks in Geneva")
    assert bar.endswith("… ─")


def test_open_intervals_reach_the_edges_with_arrows() -> None:
    data = lone([("s", "../2025-12-04", None, ("a",), "S"), ("e", "2025-12-10/..", None, ("a",), "E")])
    layout = data.layout("week", False)
    width = layout.width + 10
    text = row_text(data, layout, width=width, sub=0)
    rows = [row_text(data, layout, width=width, sub=n) for n in range(layout.lane_rows[0])]
    joined = "".join(rows)
    assert "◂" in joined
    assert "▸" in joined
    opener = next(r for r in rows if "◂" in r)
    assert opener.index("◂") == 0
    closer = next(r for r in rows if "▸" in r)
    assert closer.rstrip().endswith("▸")
    assert len(closer.rstrip()) == width
    assert text


def test_the_asof_line_and_the_future_are_marked() -> None:
    data = lone([("past", "2025-12-01", None, ("a",), "P"), ("next", "2025-12-30", "scheduled", ("a",), "N")])
    layout = data.layout("week", False)
    strip = lane_strip(
        data,
        layout,
        layout.rows[0],
        data.lanes[0],
        x0=0,
        width=layout.width,
        label_width=0,
        selected=None,
        cursor=False,
        thread=None,
        palette=MARKED,
    )
    assert strip.text[layout.asof_col] == "┊"
    cells = [(seg.text, seg.style) for seg in strip for _ in seg.text]
    assert all(style and style.italic for _, style in cells[layout.asof_col + 1 :])
    assert not any(style and style.italic for _, style in cells[: layout.asof_col])


def test_selection_and_highlight_are_styled() -> None:
    briefing = sample_briefing()
    data = TimelineData(briefing)
    layout = data.layout("day", False)
    call = next(i for i, e in enumerate(data.events) if e.id == "call")
    strip = lane_strip(
        data,
        layout,
        layout.rows[layout.row_of(0, call)],
        data.lanes[0],
        x0=layout.col[call] - 10,
        width=40,
        label_width=12,
        selected=call,
        cursor=True,
        thread=briefing.threads[0],
        palette=MARKED,
    )
    styles = {seg.text: seg.style for seg in strip}
    glyph = styles[EVENT_STATUS_GLYPHS["occurred"]]
    assert glyph
    assert glyph.reverse
    assert glyph.underline
    assert strip.text.startswith("▸Security…")


def test_the_axis_shows_zoom_ticks_and_asof() -> None:
    data = TimelineData(sample_briefing())
    layout = data.layout("week", False)
    strip = axis_strip(layout, x0=0, width=layout.width, label_width=8, palette=PLAIN)
    text = strip.text
    assert text.startswith(" week   ")
    assert "1 Dec" in text
    assert "as of" in text
    assert "┊" in text
    assert strip.cell_length == 8 + layout.width


def test_the_caption_says_status_date_title_and_place() -> None:
    event = Event(id="e", date=parse_date("2025-12-05~"), status="reported", title="Putin [b]remarks[/b]")
    text = caption_strip(event, place=(2, 3), width=100, palette=PLAIN).text
    assert text.rstrip() == " ◉ reported · 2025-12-05~ (approximate) · Putin [b]remarks[/b] · 2 of 3 here"
    event.display_date = "a few days after 2 December"
    # the date first, then the author's wording (a reader learns nothing from "Monday" alone)
    assert (
        "2025-12-05~ (a few days after 2 December)" in caption_strip(event, place=(1, 1), width=100, palette=PLAIN).text
    )
    assert caption_strip(event, place=(1, 1), width=20, palette=PLAIN).text.endswith("…")
    assert caption_strip(None, place=(1, 1), width=20, palette=PLAIN).text.strip() == "No events"


def test_list_rows_show_glyph_date_and_title() -> None:
    event = Event(id="e", date=parse_date("2025-12-10?"), status="expected", title="Berlin\x1b[31m follow-up")
    text = list_strip(
        event, width=40, date_width=12, selected=False, future=True, thread=None, asof_text="x", palette=PLAIN
    ).text
    assert text == " ◌ " + fit("2025-12-10?", 12) + " " + fit("Berlin\ufffd[31m follow-up", 40 - 16)
    asof = list_strip(
        None, width=30, date_width=12, selected=False, future=False, thread=None, asof_text="2025-12-06?", palette=PLAIN
    )
    assert asof.text.startswith(" ┊ as of 2025-12-06? ┄")


def test_wide_titles_keep_the_cell_count() -> None:
    data = lone(
        [("w", "2025-12-01", None, ("a",), "和平谈判安全保障领土停火制裁能源"), ("n", "2025-12-04", None, ("a",), "N")]
    )
    layout = data.layout("day", False)
    for x0 in range(0, 40):
        row_text(data, layout, x0=x0, width=33)  # asserts the strip is exactly 33 cells at every offset


def test_shorten_and_fit_count_cells() -> None:
    assert shorten("abcdef", 4) == "abc…"
    assert shorten("abc", 4) == "abc"
    assert shorten("ab cdef", 4) == "ab…"
    assert fit("和平谈判", 5) == "和平…"
    assert fit("ab", 4) == "ab  "


@pytest.mark.parametrize(
    ("written", "width", "shown"),
    [
        ("2025-12-08?", 12, "2025-12-08?"),
        ("2025-12-06?/2025-12-14?", 22, "2025-12-06?\u201314?"),  # same month: the end's day
        ("2025-11-22~/2025-12-06?", 22, "2025-11-22~\u201312-06?"),  # same year: the end's month and day
        ("2025-11/2026-02", 22, "2025-11\u20132026-02"),
        ("2025-11-22~/2025-12-06?", 12, "2025-11-22~…"),  # too narrow: the start, and more to come
    ],
)
def test_the_dated_list_shows_dates_not_wording(written: str, width: int, shown: str) -> None:
    event = Event(id="e", date=parse_date(written), status="expected", title="t", display_date="later this week")
    assert list_date(event, width) == shown
    row = list_strip(
        event, width=60, date_width=width, selected=False, future=True, thread=None, asof_text="x", palette=PLAIN
    ).text
    assert shown in row
    assert "later this week" not in row  # the author's wording is the caption's


def test_the_dated_list_says_when_there_is_no_date() -> None:
    event = Event(id="e", date=None, status="expected", title="t", display_date="Monday")
    assert list_date(event, 12) == "no date yet"
