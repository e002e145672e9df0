"""Where each timeline key takes the selection: the cursor's moves, with no Textual."""

from __future__ import annotations

import pytest

from brief_tui.widgets.timeline.cursor import Cursor, neighbour
from brief_tui.widgets.timeline.layout import TimelineData
from tests.timeline_fixtures import sample_briefing


@pytest.fixture
def cursor() -> Cursor:
    return Cursor(TimelineData(sample_briefing()))


def name(cursor: Cursor, move: tuple[int, int] | None) -> tuple[str, str] | None:
    if move is None:
        return None
    event, lane = move
    return cursor.data.events[event].id, cursor.lanes[lane].title


def go(cursor: Cursor, move: tuple[int, int] | None) -> None:
    assert move is not None
    cursor.selected, cursor.lane = move


@pytest.mark.parametrize(
    ("events", "current", "step", "expected"),
    [
        ([2, 5, 9], 5, 1, 9),
        ([2, 5, 9], 5, -1, 2),
        ([2, 5, 9], 9, 1, None),
        ([2, 5, 9], 2, -1, None),
        ([2, 5, 9], 6, 1, 9),  # not in the lane: the next one after it
        ([2, 5, 9], 6, -1, 5),
        ([], 3, 1, None),
    ],
)
def test_neighbour(events: list[int], current: int, step: int, expected: int | None) -> None:
    assert neighbour(events, current, step) == expected


def test_starts_at_the_event_nearest_asof_in_its_first_lane(cursor: Cursor) -> None:
    assert name(cursor, (cursor.selected or 0, cursor.lane)) == ("call", "Security guarantees")


def test_time_steps_stay_in_the_lane_or_cross_all_events(cursor: Cursor) -> None:
    assert name(cursor, cursor.step_time(1)) == ("london", "Security guarantees")
    assert name(cursor, cursor.step_time(-1)) == ("miami", "Security guarantees")
    assert name(cursor, cursor.step_time(-1, everywhere=True)) == ("putin", "Territory and the line of contact")


def test_lane_steps_pick_the_nearest_event_in_time(cursor: Cursor) -> None:
    go(cursor, cursor.step_lane(1))
    assert name(cursor, (cursor.selected or 0, cursor.lane)) == ("putin", "Territory and the line of contact")
    assert cursor.step_lane(-2) is None
    cursor.lane = len(cursor.lanes) - 1
    assert cursor.step_lane(1) is None


def test_an_event_of_two_threads_keeps_the_cursors_lane(cursor: Cursor) -> None:
    london = next(i for i, e in enumerate(cursor.data.events) if e.id == "london")
    assert name(cursor, cursor.to(london)) == ("london", "Security guarantees")
    cursor.lane = 2  # the 28-point plan
    assert name(cursor, cursor.to(london)) == ("london", "The 28-point plan")


def test_thread_steps_follow_the_current_thread(cursor: Cursor) -> None:
    cursor.thread = cursor.data.lanes[2].thread
    assert name(cursor, cursor.step_thread(1)) == ("london", "The 28-point plan")
    assert name(cursor, cursor.step_thread(-1)) == ("moscow", "The 28-point plan")


def test_showing_a_thread_selects_its_event_nearest_asof_unless_it_has_the_selection(cursor: Cursor) -> None:
    sanctions = cursor.data.lanes[3].thread
    assert sanctions is not None
    assert name(cursor, cursor.for_thread(sanctions)) == ("sanction-talks", "Sanctions")
    security = cursor.data.lanes[0].thread
    assert security is not None
    assert name(cursor, cursor.for_thread(security)) == ("call", "Security guarantees")
    # The selection is of the thread, in another of its lanes: it stays, shown in the thread's lane.
    london = next(i for i, e in enumerate(cursor.data.events) if e.id == "london")
    cursor.selected, cursor.lane = london, 2
    assert name(cursor, cursor.for_thread(security)) == ("london", "Security guarantees")


def test_merged_mode_has_one_lane_and_walks_every_event(cursor: Cursor) -> None:
    cursor.toggle_merged()
    assert cursor.merged
    assert cursor.lane == 0
    assert name(cursor, cursor.step_time(1)) == ("london", "all")
    assert cursor.step_lane(1) is None
    cursor.toggle_merged()
    assert name(cursor, (cursor.selected or 0, cursor.lane)) == ("call", "Security guarantees")
