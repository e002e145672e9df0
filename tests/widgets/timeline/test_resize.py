"""The timeline lays itself out again for a new size, as a fresh start at that size would."""

from __future__ import annotations

from pathlib import Path

from brief_tui.app import create_app
from brief_tui.loader import load_briefing
from brief_tui.settings import Settings
from brief_tui.widgets.timeline import Timeline
from tests.conftest import BUILTIN
from tests.snapshots.timeline_app import TimelineApp


def drawn(app: TimelineApp) -> list[str]:
    timeline = app.query_one(Timeline)
    return [timeline.render_line(y).text for y in range(timeline.size.height)]


async def fresh(size: tuple[int, int]) -> tuple[list[str], str, bool]:
    app = TimelineApp(load_briefing(BUILTIN, cache=False).briefing)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        return drawn(app), timeline.zoom, timeline.merged


async def test_a_resize_from_wide_to_80x24_looks_like_a_fresh_start() -> None:
    expected = await fresh((80, 24))
    app = TimelineApp(load_briefing(BUILTIN, cache=False).briefing)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        wide_zoom = app.query_one(Timeline).zoom
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        timeline = app.query_one(Timeline)
        assert wide_zoom != expected[1]  # the wide start fitted a finer zoom
        assert (drawn(app), timeline.zoom, timeline.merged) == expected


async def test_a_zoom_the_reader_chose_is_kept_on_resize() -> None:
    app = TimelineApp(load_briefing(BUILTIN, cache=False).briefing)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("minus")
        chosen = app.query_one(Timeline).zoom
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.query_one(Timeline).zoom == chosen


async def test_the_timeline_takes_a_share_of_the_height(tmp_path: Path) -> None:
    heights = {}
    for size in ((80, 24), (120, 40), (100, 90)):
        app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            heights[size] = app.screen.query_one("#timeline-pane").size.height
    assert heights[(80, 24)] == 7  # 9 rows, border included, as before
    assert heights[(120, 40)] > 12
    assert heights[(100, 90)] >= 30
