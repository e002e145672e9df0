"""One snapshot per view of issue 13 at 80x24: the stance matrix, versions compared, time travel."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from brief_tui.app import BriefApp, create_app
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from tests.conftest import BUILTIN


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def test_stance_matrix_80x24(snap_compare, tmp_path: Path) -> None:
    # The cursor on Russia's stance on territory: the line below spells it out.
    assert snap_compare(make_app(tmp_path), press=["s", "right", "right"], terminal_size=(80, 24))


def test_versions_compared_80x24(snap_compare, tmp_path: Path) -> None:
    async def open_document(pilot: Pilot[None]) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ReaderScreen)
        screen.go(screen.place.showing(screen.briefing.documents[0]))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), run_before=open_document, terminal_size=(80, 24))


def test_time_travel_80x24(snap_compare, tmp_path: Path) -> None:
    async def travel(pilot: Pilot[None]) -> None:
        await pilot.press("t")
        await pilot.pause()
        pilot.app.screen.query_one("#travel-date", Input).value = "2025-11-30"
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), run_before=travel, terminal_size=(80, 24))
