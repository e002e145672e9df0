"""The palette offers only what does something here: "Compare" on a document, not off one;
zoom in the timeline's lanes, not in its vertical list."""

from __future__ import annotations

from pathlib import Path

from brief_tui.app import BriefApp, create_app
from brief_tui.palette import BriefCommands
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from tests.conftest import BUILTIN

COMPARE = "On a document: compare two of its versions, part by part"
ZOOM = "Zoom in"


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))


async def offered(screen: ReaderScreen) -> list[str]:
    """What the palette offers before anything is typed."""
    return [hit.text or "" async for hit in BriefCommands(screen).discover()]


async def test_compare_is_offered_on_a_document_only(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert COMPARE not in await offered(screen)
        assert "Bookmark the current item (again: remove it)" in await offered(screen)
        screen.go(screen.place.showing(screen.briefing.documents[0]))
        await pilot.pause()
        assert COMPARE in await offered(screen)


async def test_zoom_is_offered_in_the_lanes_not_in_the_vertical_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("3")
        assert ZOOM in await offered(screen)
    app = make_app(tmp_path)
    async with app.run_test(size=(50, 20)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("3")
        await pilot.pause()
        assert screen.timeline is not None
        assert screen.timeline.list_mode
        assert ZOOM not in await offered(screen)


async def test_the_palettes_icon_is_one_narrow_cell(tmp_path: Path) -> None:
    from textual.command import CommandPalette, SearchIcon

    from tests.widgets.pilot import until

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette) and bool(app.screen.query(SearchIcon)))
        await until(pilot, lambda: app.screen.query_one(SearchIcon).icon == ">")  # not the emoji 🔎
