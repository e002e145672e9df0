"""``]`` on the last thread and ``[`` on the first say so, once, beside the bell."""

from __future__ import annotations

from pathlib import Path

from brief_tui.app import create_app
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from tests.conftest import BUILTIN


def notes(app: object) -> list[str]:
    return [str(notice.message) for notice in app._notifications]  # type: ignore[attr-defined]


async def test_the_ends_of_the_threads_are_said(tmp_path: Path) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        threads = screen.briefing.threads
        await pilot.press(*["right_square_bracket"] * len(threads))
        assert screen.sidebar.thread is threads[-1]
        assert notes(app) == []
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert screen.sidebar.thread is threads[-1]
        assert notes(app) == ["This is the last thread."]  # once, however often it is pressed
        await pilot.press(*["left_square_bracket"] * len(threads))
        assert screen.sidebar.thread is threads[0]
        assert notes(app)[-1] == "This is the first thread."


async def test_a_briefing_without_threads_says_so(tmp_path: Path) -> None:
    bare = tmp_path / "bare.yaml"
    bare.write_text('brief: 1\nid: bare\ntitle: "Bare"\nas_of: "2025-12-06"\n', encoding="utf-8")
    app = create_app([bare], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("right_square_bracket")
        assert notes(app) == ["This briefing has no threads."]


async def test_the_ends_of_a_threads_events_are_said(tmp_path: Path) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("right_square_bracket")  # Territory
        thread = screen.place.thread
        assert thread is not None
        await pilot.press(*["right_curly_bracket"] * (len(thread.events) + 1))
        assert notes(app) == ["This is the thread's last event."]
        await pilot.press(*["left_curly_bracket"] * (len(thread.events) + 1))
        assert notes(app)[-1] == "This is the thread's first event."


async def test_j_on_the_last_row_stays_there_as_the_bracket_does(tmp_path: Path) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        threads = screen.briefing.threads
        await pilot.press("G")
        last = screen.sidebar.thread
        assert last is not None
        await pilot.press("j", "j")
        assert screen.sidebar.thread is last  # no wrap round to the overview
        await pilot.press("g", "k")
        assert screen.sidebar.thread is None  # the overview, still
        await pilot.press("j")
        assert screen.sidebar.thread in threads
