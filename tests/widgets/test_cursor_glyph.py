"""The sidebar's current row carries ▸ in colour and without: a monochrome terminal or a tmux
capture shows which row is current."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief_tui.app import BriefApp, create_app
from brief_tui.model import Thread
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.thread_list import ThreadList
from tests.conftest import BUILTIN


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def names(thread: Thread) -> list[str]:
    """How the sidebar may name a thread: its title, or its short title when the title is cut."""
    return [name[:8] for name in (thread.title, thread.short_title) if name]


def marked_rows(sidebar: ThreadList) -> list[str]:
    rows = [sidebar.render_line(y).text for y in range(sidebar.size.height)]
    return [row for row in rows if "▸" in row]


@pytest.mark.parametrize("no_color", [False, True])
async def test_the_current_row_alone_carries_the_glyph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert [row.strip() for row in marked_rows(screen.sidebar)] == ["▸Overview"]
        await pilot.press("right_square_bracket", "right_square_bracket")
        marked = marked_rows(screen.sidebar)
        assert len(marked) == 1
        thread = screen.briefing.threads[1]
        assert marked[0].startswith("▸")
        assert any(name in marked[0] for name in names(thread))
        # Moving on from another pane keeps the glyph on the sidebar's row (the pane is not focused).
        await pilot.press("3", "left_square_bracket")
        (marked_row,) = marked_rows(screen.sidebar)
        first = screen.briefing.threads[0]
        assert any(name in marked_row for name in names(first))


async def test_the_glyph_follows_the_row_when_the_list_scrolls(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("G")
        await pilot.pause()
        assert screen.sidebar.scroll_offset.y > 0
        last = screen.sidebar.thread
        assert last is not None
        (marked,) = marked_rows(screen.sidebar)
        assert any(name in marked for name in names(last))
