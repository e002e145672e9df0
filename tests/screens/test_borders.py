"""The screens of their own (w, B, t) are drawn with the reader's panes' borders: round, heavy when focused."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Input, OptionList

from brief_tui.app import BriefApp, create_app
from brief_tui.screens.bookmarks import BookmarksScreen
from brief_tui.screens.digest import DigestScreen
from brief_tui.screens.reader import ReaderScreen
from brief_tui.screens.travel import TravelScreen
from brief_tui.settings import Settings
from tests.conftest import BUILTIN
from tests.widgets.pilot import until


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def edges(widget: Widget) -> set[str]:
    """The border's line types, all four edges."""
    border = widget.styles.border
    return {edge[0] for edge in (border.top, border.right, border.bottom, border.left)}


@pytest.mark.parametrize(
    ("key", "screen_class", "widget_class"),
    [("w", DigestScreen, OptionList), ("B", BookmarksScreen, OptionList), ("t", TravelScreen, Input)],
)
async def test_the_focused_box_has_the_panes_heavy_border(
    tmp_path: Path, key: str, screen_class: type, widget_class: type[Widget]
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.reading is not None)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert edges(reader.query_one("#sidebar-pane")) == {"heavy"}  # the focused pane, for comparison
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen_class)
        box = app.screen.query_one(widget_class)
        assert box.has_focus
        assert edges(box) == {"heavy"}
        box.blur()
        await pilot.pause()
        assert edges(box) == {"round"}
