"""Keys typed in one burst (typeahead over SSH) act on what the screen shows when each arrives.

A pane reports a move by a message, which Textual handles after keys already queued: before
the reader caught up, ``j`` ``b`` bookmarked the row ``j`` left, and a burst of lane moves in
the timeline was undone by the reports of the earlier moves.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from brief_tui.app import BriefApp
from tests.screens.test_views_in_reader import make_app, reader
from tests.widgets.pilot import until


def burst(app: BriefApp, *keys: str) -> None:
    """Post every key before the app handles any (as keys arriving in one read)."""
    for key in keys:
        app.post_message(events.Key(key, key))


async def test_b_right_after_j_bookmarks_the_row_j_moved_to(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await until(pilot, lambda: app.focused is screen.sidebar)
        briefing = screen.briefing.id
        burst(app, "j", "b")
        await until(pilot, lambda: screen.store.bookmarked(briefing))
        await pilot.pause()
        territory = screen.sidebar.thread
        assert territory is not None
        assert screen.store.bookmarked(briefing) == {territory.id}
        assert screen.place.thread is territory

        # and back up, removing nothing that is not shown
        burst(app, "k", "j", "b")
        await until(pilot, lambda: not screen.store.bookmarked(briefing))
        assert screen.sidebar.thread is territory


async def test_a_burst_of_lane_moves_ends_on_the_lane_the_keys_lead_to(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await until(pilot, lambda: app.focused is screen.sidebar)
        await pilot.press("3", "m")
        timeline = screen.timeline
        assert timeline is not None
        await pilot.press(*"jjjjjjjjjj")  # paced: to the bottom lane
        bottom = timeline.lane_thread
        assert bottom is not None
        await pilot.press(*"kkk")
        expected = timeline.lane_thread  # where three paced moves up lead (the same event, in another lane)
        assert expected is not None
        assert expected is not bottom
        await pilot.press(*"jjjjjjjjjj")
        assert timeline.lane_thread is bottom
        for _ in range(3):
            burst(app, *"kkk")
            await until(pilot, lambda: timeline.lane_thread is not bottom)
            for _ in range(3):
                await pilot.pause()
            assert timeline.lane_thread is expected
            assert screen.place.thread is expected
            assert screen.sidebar.thread is expected
            burst(app, *"jjjjjjjjjj")
            await until(pilot, lambda: timeline.lane_thread is bottom)
            for _ in range(3):
                await pilot.pause()
            assert screen.place.thread is bottom
            assert screen.sidebar.thread is bottom
