"""The timeline right for every date form: deadlines, open ends, no date yet, crowded cells,
labels cut at the right edge, and ``}`` keeping the selection's title in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.pilot import Pilot
from textual.widgets import Static

from brief_tui.app import create_app
from brief_tui.model import Event, StatusChange, parse_date
from brief_tui.settings import Settings
from brief_tui.widgets.timeline import Timeline
from brief_tui.widgets.timeline.cursor import scroll_x
from brief_tui.widgets.timeline.layout import ZOOMS, TimelineData
from brief_tui.widgets.timeline.strips import (
    LEGEND,
    SPAN_ROW_LABEL,
    Palette,
    axis_strip,
    caption_strip,
    lane_strip,
    list_strip,
    undated_strip,
)
from tests.conftest import BUILTIN
from tests.snapshots.timeline_app import TimelineApp
from tests.timeline_fixtures import EventSpec, make_briefing, synthetic_briefing

PLAIN = Palette(Style(), {})
THREADS = [("a", "Alpha")]


def data_of(events: list[EventSpec], as_of: str = "2025-12-06") -> TimelineData:
    return TimelineData(make_briefing(events, THREADS, as_of=as_of))


def lane_text(data: TimelineData, zoom: str, *, x0: int = 0, width: int | None = None, sub: int = 0) -> str:
    layout = data.layout(zoom, False)
    row = layout.rows[layout.lane_row[0] + sub]
    strip = lane_strip(
        data,
        layout,
        row,
        data.lanes[0],
        x0=x0,
        width=width if width is not None else layout.width,
        label_width=0,
        selected=None,
        cursor=False,
        thread=None,
        palette=PLAIN,
    )
    return strip.text


def undated(event_id: str, status: str = "expected", title: str = "Talks") -> Event:
    event = Event(id=event_id, date=parse_date("2099"), status=status, title=title)
    object.__setattr__(event, "date", None)  # no date yet: format 1 allows it on planned events
    return event


# -- deadlines and open ends --------------------------------------------------------------


DEADLINE: list[EventSpec] = [
    ("withdrawal", "../2028-12", "expected", ("a",), "Troops withdrawn"),
    ("talks", "2026-01-15", "scheduled", ("a",), "Talks"),
    ("past", "2025-11-20", "occurred", ("a",), "Past"),
]


def test_a_future_open_start_is_a_deadline_at_its_end_not_a_span_from_the_left_edge() -> None:
    data = data_of(DEADLINE)
    assert [e.id for e in data.events] == ["past", "talks", "withdrawal"]  # sorted by its end
    i = data.events.index(next(e for e in data.events if e.id == "withdrawal"))
    assert i in data.deadlines
    layout = data.layout("year", False)
    assert layout.span_of(data, i) is None
    assert layout.rows[0].spans == []
    assert layout.col[i] == layout.column(data.anchor[i])
    text = lane_text(data, "year", width=layout.width + 40)
    assert "◂" not in text
    assert "◌ by Dec 2028: Troops withdrawn" in text


def test_the_deadline_reads_by_its_end_in_the_caption_and_the_list() -> None:
    data = data_of(DEADLINE)
    event = data.events[-1]
    caption = caption_strip(event, place=(1, 1), width=80, palette=PLAIN, deadline=True).text
    assert "· by Dec 2028 ·" in caption
    row = list_strip(
        event,
        width=60,
        date_width=14,
        selected=False,
        future=True,
        thread=None,
        asof_text="2025-12-06",
        palette=PLAIN,
        deadline=True,
    )
    assert "by Dec 2028" in row.text


def test_an_open_end_reads_from_its_start() -> None:
    event = Event(id="e", date=parse_date("2026-02/.."), status="expected", title="Monitoring")
    assert "· from Feb 2026 ·" in caption_strip(event, place=(1, 1), width=80, palette=PLAIN).text


def test_a_past_open_start_still_reaches_the_left_edge() -> None:
    data = data_of([("frozen", "../2025-11-28", "occurred", ("a",), "Frozen"), ("p", "2025-11-01", None, ("a",), "P")])
    assert not data.deadlines
    layout = data.layout("week", False)
    assert any("◂" in lane_text(data, "week", sub=sub) for sub in range(layout.lane_rows[0]))


# -- no date yet ------------------------------------------------------------------------


def test_events_with_no_date_yet_stay_off_the_axis_and_are_listed_under_the_lanes() -> None:
    briefing = make_briefing(DEADLINE, THREADS)
    briefing.events.append(undated("later", title="Further talks"))
    data = TimelineData(briefing)
    assert [e.id for e in data.undated] == ["later"]
    assert all(e.id != "later" for e in data.events)
    row = undated_strip(data.undated, width=60, label_width=10, palette=PLAIN).text
    assert row.startswith(" no date")
    assert "◌ Further talks" in row


async def test_the_list_shows_no_date_yet_after_the_dated_events() -> None:
    briefing = make_briefing(DEADLINE, THREADS)
    briefing.events.append(undated("later", title="Further talks"))
    app = TimelineApp(briefing)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        assert timeline.list_mode
        drawn = [timeline.render_line(y).text for y in range(timeline.size.height)]
        heading = next(n for n, line in enumerate(drawn) if "No date yet" in line)
        assert "Further talks" in drawn[heading + 1]
        assert all("Further talks" not in line for line in drawn[:heading])
        assert max(n for n, line in enumerate(drawn) if "Troops withdrawn" in line) < heading


async def test_lanes_show_no_date_yet_below_the_last_lane() -> None:
    briefing = make_briefing(DEADLINE, THREADS)
    briefing.events.append(undated("later", title="Further talks"))
    app = TimelineApp(briefing)
    async with app.run_test(size=(100, 14)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        drawn = [timeline.render_line(y).text for y in range(timeline.size.height)]
        assert drawn[2].startswith(" no date")
        assert "Further talks" in drawn[2]


# -- crowded cells ----------------------------------------------------------------------


@pytest.mark.parametrize("zoom", ZOOMS)
def test_no_count_touches_a_glyph_or_another_count(zoom: str) -> None:
    data = TimelineData(synthetic_briefing(events=600, threads=5))
    layout = data.layout(zoom, merged=True)
    text = lane_text_merged(data, zoom)
    row = layout.rows[0]
    crowded = [row.cols[k] for k in range(len(row.cols)) if len(row.cell(k)) > 1]
    assert crowded  # the sample is crowded enough to have counts
    for col in crowded:
        assert text[col] in "23456789+"
        for side in (col - 1, col + 1):
            if 0 <= side < len(text):
                assert text[side] == " ", f"{text[max(0, col - 4) : col + 5]!r} at {zoom}"


def lane_text_merged(data: TimelineData, zoom: str) -> str:
    layout = data.layout(zoom, True)
    row = layout.rows[0]
    return lane_strip(
        data,
        layout,
        row,
        data.merged[0],
        x0=0,
        width=layout.width,
        label_width=0,
        selected=None,
        cursor=False,
        thread=None,
        palette=PLAIN,
    ).text


def test_an_event_joined_to_the_cell_beside_it_is_found_there() -> None:
    data = data_of([("a1", "2025-12-01T00:00", None, ("a",), "A"), ("a2", "2025-12-01T03:00", None, ("a",), "B")])
    layout = data.layout("day", False)  # three hours a column: the two are side by side
    assert layout.col[1] == layout.col[0] + 1
    row = layout.rows[0]
    assert row.cells == [(0, 1)]
    assert row.find(1, layout.col[1]) == 0


# -- labels cut at the right edge -------------------------------------------------------


def test_a_title_cut_by_the_right_edge_ends_with_an_ellipsis() -> None:
    data = data_of([("e", "2025-12-01", None, ("a",), "A rather long title for the edge")])
    layout = data.layout("day", False)
    width = layout.col[0] + 12
    text = lane_text(data, "day", width=width)
    assert text.rstrip().endswith("A rather…")


def test_a_tick_label_cut_by_the_right_edge_ends_with_an_ellipsis() -> None:
    data = data_of([("e", "2025-06-01", None, ("a",), "E")])
    layout = data.layout("quarter", False)
    full = axis_strip(layout, x0=0, width=layout.width, label_width=0, palette=PLAIN).text
    start = full.index("Q3 2025")
    cut = axis_strip(layout, x0=0, width=start + 4, label_width=0, palette=PLAIN).text
    assert cut.rstrip().endswith("Q3…")


# -- the legend -------------------------------------------------------------------------


def test_period_rows_and_counts_are_explained() -> None:
    data = data_of(
        [
            ("p", "2025-12-02", None, ("a",), "P"),
            ("i", "2025-12-01/2025-12-04", None, ("a",), "I"),
        ]
    )
    layout = data.layout("day", False)
    assert layout.lane_rows[0] == 2
    strip = lane_strip(
        data,
        layout,
        layout.rows[1],
        data.lanes[0],
        x0=0,
        width=40,
        label_width=12,
        selected=None,
        cursor=False,
        thread=None,
        palette=PLAIN,
    )
    assert strip.text.startswith(f" {SPAN_ROW_LABEL}")
    marks = dict(LEGEND)
    assert "3" in marks
    assert "───┤" in marks
    assert "by <date>" in marks


# -- } keeps the selection and its title in view ----------------------------------------


def test_scrolling_right_leaves_room_for_the_title_and_some_future() -> None:
    assert scroll_x(100, 0, 60, label=20) == 100 - 60 + 1 + 28
    assert scroll_x(10, 0, 60, label=20) == 0  # in view already
    assert scroll_x(100, 0, 60, label=80) == 100 - 60 + 1 + 30  # at most half the window
    assert scroll_x(3, 20, 60) == -3
    assert scroll_x(50, 0, 60, center=True) == 20
    assert scroll_x(50, 0, 60, keep=7) == 43


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
    await pilot.pause()


async def test_right_brace_keeps_the_selected_title_on_screen() -> None:
    events: list[EventSpec] = [
        (f"e{n}", f"2025-{n // 3 + 9:02d}-{n % 3 * 10 + 1:02d}", None, ("a",), f"Event {n}") for n in range(10)
    ]
    app = TimelineApp(make_briefing(events, THREADS, as_of="2025-09-01"))
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        while timeline.zoom != "week":
            await press(pilot, "plus" if ZOOMS.index(timeline.zoom) > 1 else "minus")
        for _ in range(9):
            await press(pilot, "right_curly_bracket")
            selected = timeline.selected
            assert selected is not None
            drawn = "\n".join(timeline.render_line(y).text for y in range(1, timeline.size.height - 1))
            assert selected.title in drawn


async def test_help_explains_the_timelines_marks(tmp_path: Path) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = "\n".join(str(static.render()) for static in app.screen.query(Static))
        assert "On the timeline" in shown
        assert "───┤" in shown
        assert SPAN_ROW_LABEL in shown
        assert "by Dec 2028" in shown


def test_a_threads_status_steps_are_marked_in_its_lane() -> None:
    briefing = make_briefing([("e", "2025-12-01", None, ("a",), "E")], THREADS)
    thread = briefing.threads[0]
    thread.status_history = [
        StatusChange(date=parse_date("2025-11-20"), status="open"),
        StatusChange(date=parse_date("2025-12-01"), status="stalled"),  # an event that day: its glyph wins
    ]
    data = TimelineData(briefing)
    layout = data.layout("day", False)
    text = lane_text(data, "day", width=layout.width + 40)
    step = layout.column(data.steps[0][0][0])
    assert text[step] == "▴"
    assert text.count("▴") == 1
    assert text[layout.col[0]] == "●"
    merged = lane_text_merged(data, "day")
    assert "▴" not in merged


def test_only_a_lanes_first_extra_row_says_periods() -> None:
    data = data_of(
        [
            ("p", "2025-12-02", None, ("a",), "P"),
            ("i", "2025-12-01/2025-12-04", None, ("a",), "I"),
            ("j", "2025-12-01/2025-12-05", None, ("a",), "J"),
        ]
    )
    layout = data.layout("day", False)
    assert layout.lane_rows[0] == 3

    def label(sub: int) -> str:
        strip = lane_strip(
            data,
            layout,
            layout.rows[sub],
            data.lanes[0],
            x0=0,
            width=40,
            label_width=12,
            selected=None,
            cursor=False,
            thread=None,
            palette=PLAIN,
        )
        return strip.text[:12].strip()

    assert [label(1), label(2)] == [SPAN_ROW_LABEL, ""]
