"""One navigation state: the reader's Place is what the panes show, and it survives as ids."""

from __future__ import annotations

import json
from pathlib import Path

from brief_tui.app import BriefApp, create_app
from brief_tui.model import Event, Thread
from brief_tui.render.detail_rows import Overview
from brief_tui.screens.place import Place
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from tests.conftest import BUILTIN


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def reader(app: BriefApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def assert_panes_show(screen: ReaderScreen) -> None:
    """Every pane shows the screen's place."""
    place = screen.place
    assert screen.detail.item is place.item
    assert screen.sidebar.thread is place.thread
    assert screen.timeline is not None
    if place.event is not None:
        assert screen.timeline.selected is place.event
    assert screen.focused is screen.query_one(f"#{place.pane}")


async def test_the_panes_show_the_place_after_every_kind_of_move(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        assert_panes_show(screen)
        for keys in (("]",), ("]",), ("3",), ("l",), ("right_curly_bracket",), ("2",), ("1", "k"), ("tab",)):
            await pilot.press(*keys)
            assert_panes_show(screen)
        await pilot.press("1", "g", "]", "2", "j", "enter")
        assert len(screen.history) == 1
        assert_panes_show(screen)
        await pilot.press("escape")
        assert_panes_show(screen)


async def test_back_returns_to_the_same_scroll_and_row(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("2", "space")
        await pilot.press("j")
        while screen.detail.highlighted is None:
            await pilot.press("j")
        scroll, row, item = int(screen.detail.scroll_y), screen.detail.highlighted, screen.detail.item
        assert scroll > 0
        await pilot.press("enter")
        assert screen.detail.item is not item
        await pilot.press("escape")
        assert screen.detail.item is item
        assert (int(screen.detail.scroll_y), screen.detail.highlighted) == (scroll, row)


async def test_a_place_survives_as_ids(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("]", "2", "space")
        here = screen.here()
        data = json.loads(json.dumps(here.to_ids()))
        again = Place.from_ids(screen.briefing, data)
        assert again == here
        assert isinstance(again.thread, Thread)
        assert again.event is None or isinstance(again.event, Event)
        screen.go(Place(screen.overview))
        screen.go(again, restore=True)
        assert screen.detail.item is here.item
        assert int(screen.detail.scroll_y) == here.scroll


def test_a_place_with_ids_gone_falls_back_to_the_overview(tmp_path: Path) -> None:
    from brief_tui.loader import load_briefing

    briefing = load_briefing(BUILTIN, cache=False).briefing
    assert briefing is not None
    place = Place.from_ids(briefing, {"item": "gone", "thread": "gone", "pane": "nowhere", "scroll": -3})
    assert isinstance(place.item, Overview)
    assert (place.thread, place.event, place.pane, place.scroll, place.row) == (None, None, "sidebar", 0, None)
