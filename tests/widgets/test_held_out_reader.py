"""The reader opens the held-out briefing (undated events, renderings, versions with states) and walks it."""

from __future__ import annotations

from pathlib import Path

from brief_tui.app import create_app
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings

HELD_OUT = Path(__file__).parents[1] / "loader" / "fixtures" / "held-out.yaml"


async def test_the_reader_walks_every_thread_and_the_timeline(tmp_path: Path) -> None:
    app = create_app([HELD_OUT], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        shown = []
        for _ in range(3):
            await pilot.press("]")
            shown.append(getattr(screen.detail.item, "id", None))
        assert {"enrichment", "sanctions"} <= set(shown)
        await pilot.press("tab", "tab")
        assert app.focused is screen.timeline
        for _ in range(6):
            await pilot.press("j")
        await pilot.press("enter")
        assert screen.detail.item is not None
        assert screen.timeline.selected is not None
        assert screen.timeline.selected.date is not None  # undated events stay off the timeline for now
