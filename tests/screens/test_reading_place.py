"""The detail pane keeps where the reader left each item in a session: ``]`` then ``[`` comes back to it."""

from __future__ import annotations

from pathlib import Path

from tests.screens.test_views_in_reader import make_app, reader
from tests.widgets.pilot import until


async def test_a_thread_read_before_comes_back_where_it_was_left(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await until(pilot, lambda: app.focused is screen.sidebar)
        await pilot.press("right_square_bracket", "2", "pagedown", "pagedown")
        await pilot.pause()
        left = screen.detail.scroll_y
        assert left > 0
        territory = screen.detail.item
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.detail.item is not territory
        assert screen.detail.scroll_y == 0  # a thread not read yet opens at its top
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: screen.detail.item is territory)
        await until(pilot, lambda: screen.detail.scroll_y == left)
