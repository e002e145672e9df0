"""The timeline's arithmetic: dates to columns, ticks, lanes, cells, intervals; no Textual."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from brief_tui.widgets.timeline.layout import (
    ASOF_GLYPH,
    ASOF_LABEL,
    MAX_SUB_ROWS,
    STEP,
    ZOOMS,
    TimelineData,
    ZoomLayout,
    asof_label,
    tick_labels,
)
from tests.timeline_fixtures import EventSpec, make_briefing, sample_briefing

THREADS = [("a", "Alpha"), ("b", "Beta")]


def data_of(events: list[EventSpec], as_of: str = "2025-12-06", timezone: str | None = None) -> TimelineData:
    return TimelineData(make_briefing(events, THREADS, as_of=as_of, timezone=timezone))


def at(layout: ZoomLayout, text: str) -> int:
    """The column of a wall-clock moment."""
    moment = datetime.fromisoformat(text)
    return layout.column((moment - datetime(1970, 1, 1)).total_seconds())


def index(data: TimelineData, event_id: str) -> int:
    return next(i for i, e in enumerate(data.events) if e.id == event_id)


# -- dates to columns -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zoom", "later", "columns"),
    [
        ("day", "2025-12-07", 8),  # a day is 8 columns
        ("week", "2025-12-13", 14),  # a week is 14
        ("month", "2025-12-16", 5),  # a column is 2 days
        ("quarter", "2026-01-03", 4),  # a column is a week
        ("year", "2026-12-06", 12),  # a column is a twelfth of a year
    ],
)
def test_columns_per_zoom(zoom: str, later: str, columns: int) -> None:
    layout = TimelineData(sample_briefing()).layout(zoom, merged=False)
    assert at(layout, later) - at(layout, "2025-12-06") == columns


def test_zoom_levels_are_finest_first() -> None:
    assert ZOOMS == ("day", "week", "month", "quarter", "year")
    assert [STEP[z] for z in ZOOMS] == sorted(STEP[z] for z in ZOOMS)


@pytest.mark.parametrize("zoom", ZOOMS)
def test_every_event_lies_inside_the_layout(zoom: str) -> None:
    data = TimelineData(sample_briefing())
    layout = data.layout(zoom, merged=False)
    assert all(0 < col < layout.width - 1 for col in layout.col)
    assert 0 < layout.asof_col < layout.width


def test_day_columns_start_at_midnight() -> None:
    layout = TimelineData(sample_briefing()).layout("day", merged=False)
    assert at(layout, "2025-12-06T00:00") % 8 == 0
    assert at(layout, "2025-12-06T23:59") == at(layout, "2025-12-06") + 7


def test_a_day_lands_on_its_own_day_in_the_briefing_timezone() -> None:
    # 2025-12-06 in Kyiv starts at 22:00 UTC on the 5th; it must still sit on the 6 Dec tick.
    data = data_of([("e", "2025-12-06", None, ("a",), "E")], as_of="2025-12-20", timezone="Europe/Kyiv")
    layout = data.layout("day", merged=False)
    assert layout.col[0] == at(layout, "2025-12-06")
    assert (layout.col[0], "6 Dec") in tick_labels(layout, 0, layout.width)


def test_uncertain_and_approximate_dates_sit_where_their_date_does() -> None:
    data = data_of(
        [
            ("plain", "2025-12-10", None, ("a",), "P"),
            ("unsure", "2025-12-10?", None, ("a",), "U"),
            ("about", "2025-12-10~", None, ("b",), "A"),
            ("both", "2025-12-10%", None, ("b",), "B"),
        ]
    )
    layout = data.layout("day", merged=False)
    assert len({layout.col[i] for i in range(4)}) == 1


def test_a_coarse_date_sits_at_its_earliest_moment() -> None:
    data = data_of([("month", "2025-11", None, ("a",), "M"), ("day", "2025-11-01", None, ("a",), "D")])
    layout = data.layout("day", merged=False)
    assert layout.col[0] == layout.col[1] == at(layout, "2025-11-01")


# -- ticks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zoom", "label"),
    [("day", "4 Dec"), ("week", "1 Dec"), ("month", "Nov 2025"), ("quarter", "Q4 2025"), ("year", "2025")],
)
def test_tick_labels_follow_the_zoom(zoom: str, label: str) -> None:
    layout = TimelineData(sample_briefing()).layout(zoom, merged=False)
    found = dict((text, col) for col, text in tick_labels(layout, 0, layout.width))
    assert label in found
    if zoom == "week":  # weeks start on Mondays: 1 Dec 2025 is one
        assert found["1 Dec"] == at(layout, "2025-12-01")


@pytest.mark.parametrize("zoom", ZOOMS)
@pytest.mark.parametrize("as_of", ["2025-12-06", "2025-12-01", "2025-12-31", "2026-01-01"])
def test_tick_labels_never_overlap_each_other_or_the_asof_label(zoom: str, as_of: str) -> None:
    data = TimelineData(make_briefing([("e", "2025-11-20", None, (), "E")], as_of=as_of))
    layout = data.layout(zoom, merged=False)
    ticks = tick_labels(layout, -40, layout.width + 40)
    asof_col, asof_text = asof_label(layout)
    spans = [(col, col + len(text) - 1) for col, text in ticks]
    spans += [(asof_col, asof_col + len(asof_text) - 1)] if asof_text else []
    spans.sort()
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start > end + 1  # at least one blank column between any two labels


def test_the_asof_label_never_hides_its_own_periods_label() -> None:
    data = TimelineData(make_briefing([("e", "2025-11-20", None, (), "E")], as_of="2025-12-06"))
    month = data.layout("month", merged=False)
    assert "Dec 2025" in [text for _, text in tick_labels(month, 0, month.width)]
    assert asof_label(month) == (month.asof_col, "")  # no room: the period's name wins
    day = data.layout("day", merged=False)
    assert asof_label(day) == (day.asof_col, "┊as of 6 Dec")


@pytest.mark.parametrize("zoom", ZOOMS)
def test_tick_labels_do_not_depend_on_the_window(zoom: str) -> None:
    layout = TimelineData(sample_briefing()).layout(zoom, merged=False)
    whole = set(tick_labels(layout, -60, layout.width + 60))
    for start in range(-30, layout.width, 7):
        window = tick_labels(layout, start, start + 30)
        assert set(window) <= whole
        assert all(start <= col <= start + 30 for col, _ in window)


def test_the_asof_label_moves_left_to_spare_a_tick() -> None:
    data = TimelineData(make_briefing([("e", "2025-11-20", None, (), "E")], as_of="2025-12-07"))
    layout = data.layout("week", merged=False)  # a Sunday: "┊as of" would run into "8 Dec"
    col, text = asof_label(layout)
    assert text == ASOF_LABEL + ASOF_GLYPH
    assert text.index(ASOF_GLYPH) + col == layout.asof_col


# -- lanes and cells --------------------------------------------------------------------


def test_one_lane_per_thread_in_thread_order_then_other() -> None:
    data = TimelineData(sample_briefing())
    assert [lane.title for lane in data.lanes] == [
        "Security guarantees",
        "Territory and the line of contact",
        "The 28-point plan",
        "Sanctions",
        "Other",
    ]
    assert [lane.title for lane in data.merged] == ["all"]
    assert list(data.merged[0].events) == list(range(len(data.events)))


def test_an_event_of_two_threads_is_in_both_lanes() -> None:
    data = TimelineData(sample_briefing())
    geneva = index(data, "geneva")
    assert data.event_lanes(geneva, merged=False) == [0, 2]
    assert data.event_lanes(geneva, merged=True) == [0]
    assert data.event_lanes(index(data, "statement"), merged=False) == [4]


def test_threads_without_events_get_no_lane() -> None:
    briefing = make_briefing([("e", "2025-12-01", None, ("b",), "E")], THREADS)
    assert [lane.title for lane in TimelineData(briefing).lanes] == ["Beta"]


def test_events_in_one_column_share_a_cell_in_date_order() -> None:
    data = TimelineData(sample_briefing())
    layout = data.layout("week", merged=False)
    territory = layout.rows[layout.lane_row[1]]
    crowded = [cell for cell in territory.cells if len(cell) > 1]
    assert [[data.events[i].id for i in cell] for cell in crowded] == [["moscow", "kremlin", "aide"]]


def test_cells_merge_as_the_zoom_widens() -> None:
    data = data_of([("d1", "2025-12-10", None, ("a",), "1"), ("d2", "2025-12-11", None, ("a",), "2")])
    assert len(data.layout("day", False).rows[0].cells) == 2
    assert len(data.layout("week", False).rows[0].cells) == 2
    assert data.layout("year", False).rows[0].cells == [(0, 1)]


def test_cells_between_finds_columns_in_a_window() -> None:
    layout = TimelineData(sample_briefing()).layout("day", merged=True)
    row = layout.rows[0]
    found = [row.cols[k] for k in row.cells_between(layout.asof_col - 8, layout.asof_col)]
    assert found == [c for c in row.cols if layout.asof_col - 8 <= c <= layout.asof_col]
    assert found


# -- intervals --------------------------------------------------------------------------


def test_a_closed_interval_spans_from_start_to_end() -> None:
    data = data_of([("i", "2025-12-01/2025-12-04", None, ("a",), "I")])
    layout = data.layout("day", merged=False)
    (span,) = layout.rows[0].spans
    assert (span.start, span.end) == (at(layout, "2025-12-01"), at(layout, "2025-12-04"))
    assert not span.open_start
    assert not span.open_end
    assert list(layout.rows[0].cols) == [span.start]  # selectable at its start


def test_an_open_end_reaches_the_right_edge() -> None:
    data = data_of([("i", "2025-12-01/..", None, ("a",), "I")])
    layout = data.layout("day", merged=False)
    (span,) = layout.rows[0].spans
    assert span.open_end
    assert span.end == layout.width - 1
    assert span.start == at(layout, "2025-12-01") == layout.col[0]


def test_an_open_start_reaches_the_left_edge_and_is_anchored_at_its_end() -> None:
    data = data_of([("i", "../2025-12-04", None, ("a",), "I"), ("p", "2025-11-20", None, ("b",), "P")])
    layout = data.layout("week", merged=False)
    i = index(data, "i")
    span = layout.span_of(data, i)
    assert span is not None
    assert span.open_start
    assert span.start == 0
    assert span.end == layout.col[i] == at(layout, "2025-12-04")
    assert data.anchor[i] == data.anchor[index(data, "p")] + 14 * 86400


def test_an_interval_within_one_column_is_a_point() -> None:
    data = data_of([("i", "2025-12-10/2025-12-11", None, ("a",), "I")])
    layout = data.layout("year", merged=False)
    assert layout.rows[0].spans == []
    assert layout.rows[0].cells == [(0,)]


def test_overlapping_intervals_and_points_take_separate_rows() -> None:
    data = data_of(
        [
            ("point", "2025-12-03", None, ("a",), "P"),
            ("long", "2025-12-01/2025-12-10", None, ("a",), "L"),
            ("inside", "2025-12-02/2025-12-04", None, ("a",), "I"),
            ("later", "2025-12-12/2025-12-14", None, ("a",), "Z"),
        ]
    )
    layout = data.layout("day", merged=False)
    assert layout.lane_rows == [3]
    rows = {data.events[s.event].id: s_row.sub for s_row in layout.rows for s in s_row.spans}
    # The point is on the first row, so "long" (which covers it) drops to the second; "inside"
    # overlaps both; "later" overlaps nothing and stays on the first row.
    assert rows == {"long": 1, "inside": 2, "later": 0}
    assert layout.row_of(0, index(data, "inside")) == 2
    assert layout.row_of(0, index(data, "point")) == 0


def test_intervals_beyond_the_row_limit_become_cells() -> None:
    events: list[EventSpec] = [(f"i{n}", "2025-12-01/2025-12-10", None, ("a",), "I") for n in range(MAX_SUB_ROWS + 2)]
    data = data_of(events)
    layout = data.layout("day", merged=False)
    assert layout.lane_rows == [MAX_SUB_ROWS]
    first = layout.rows[0]
    assert sum(len(s.spans) for s in layout.rows) == MAX_SUB_ROWS
    assert len(first.cells[0]) == 3  # its own interval and the two that found no room


# -- nearest, fitting zoom, caching ---------------------------------------------------


def test_nearest_asof_and_nearest_in_a_lane() -> None:
    data = TimelineData(sample_briefing())
    assert data.events[data.nearest_asof() or 0].id == "call"
    territory = data.lanes[1]
    assert data.events[data.nearest_asof(territory) or 0].id == "putin"


def test_nearest_prefers_the_earlier_event_on_a_tie() -> None:
    data = data_of([("before", "2025-12-05", None, ("a",), "B"), ("after", "2025-12-07", None, ("a",), "A")])
    assert data.events[data.nearest_asof() or 0].id == "before"


def test_fitting_zoom_is_the_finest_that_shows_the_middle_half() -> None:
    data = TimelineData(sample_briefing())
    assert data.fitting_zoom(200) == "day"
    assert data.fitting_zoom(60) == "week"
    assert data.fitting_zoom(10) == "month"
    assert data.fitting_zoom(1) == "year"


def test_layouts_are_computed_once_per_zoom_and_mode() -> None:
    data = TimelineData(sample_briefing())
    assert data.layout("week", False) is data.layout("week", False)
    assert data.layout("week", False) is not data.layout("week", True)


def test_an_empty_briefing_lays_out() -> None:
    data = TimelineData(make_briefing([]))
    layout = data.layout("week", merged=False)
    assert data.nearest_asof() is None
    assert layout.rows == []
    assert data.layout("week", merged=True).lane_rows == [1]
    assert tick_labels(layout, 0, layout.width)


# -- a filter's view ---------------------------------------------------------------------


def test_a_narrowed_timeline_keeps_the_kept_events_at_the_same_columns() -> None:
    """A filter's timeline is derived from the whole one: the kept events, their lanes, the same axis."""
    from dataclasses import replace

    briefing = sample_briefing()
    whole = TimelineData(briefing)
    threads = [t for t in briefing.threads if t.id in ("plan", "security", "sanctions")]
    # The kept events of two kept threads (the third keeps none: it gets no lane), and one
    # of a thread not kept: it goes to Other.
    events = [e for e in briefing.events if {t.id for t in e.threads} & {"plan", "security"} or e.id == "kremlin"]
    shown = replace(briefing, threads=threads, events=events)
    narrowed = whole.narrowed(shown)
    fresh = TimelineData(shown)
    assert narrowed.events == fresh.events
    assert narrowed.undated == fresh.undated

    def lanes(data: TimelineData) -> list[tuple[object, ...]]:
        every = [*data.lanes, *data.merged]
        return [(lane.title, list(lane.events), list(lane.anchors), list(lane.by_anchor)) for lane in every]

    assert lanes(narrowed) == lanes(fresh)
    assert [lane.title for lane in narrowed.lanes][-1] == "Other"
    assert "Sanctions" not in [lane.title for lane in narrowed.lanes]
    assert (narrowed.thread_lane, narrowed.other_lane) == (fresh.thread_lane, fresh.other_lane)
    assert list(narrowed.anchor) == list(fresh.anchor)
    assert (narrowed.start, narrowed.end, narrowed.deadlines) == (fresh.start, fresh.end, fresh.deadlines)
    for zoom in ZOOMS:
        kept, all_of = narrowed.layout(zoom, merged=False), whole.layout(zoom, merged=False)
        assert kept.width == all_of.width  # the same dates at the same columns, filtered or not
        columns = [kept.col[narrowed.index[e]] for e in narrowed.events]
        assert columns == [all_of.col[whole.index[e]] for e in narrowed.events]
