"""Guards what QuietOptionList assumes of Textual's OptionList: fails on an upgrade that breaks it."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region

from brief_tui.app import create_app
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.thread_list import ThreadList
from tests.conftest import BUILTIN


async def test_a_highlight_move_repaints_two_rows_and_rows_are_one_line(tmp_path: Path) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        sidebar = screen.query_one(ThreadList)
        # One line per row: row i is line i (what refresh_lines(index) relies on).
        assert sidebar.virtual_size.height == sidebar.option_count
        refreshed: list[tuple[Region, ...]] = []
        original = sidebar.refresh

        def spy(*regions: Region, **kwargs: object) -> object:
            refreshed.append(regions)
            return original(*regions, **kwargs)  # type: ignore[arg-type]

        sidebar.refresh = spy  # type: ignore[method-assign]
        await pilot.press("j")
        await pilot.pause()
        assert sidebar.highlighted == 2  # the first thread, below the overview and a heading
        assert refreshed, "the highlight move repainted nothing"
        assert all(regions for regions in refreshed), "the whole sidebar was repainted"
        assert sum(region.height for regions in refreshed for region in regions) <= 2
        # The highlight moved on screen, and the watcher of OptionList still posted its message.
        assert screen.detail.item is screen.briefing.threads[0]
