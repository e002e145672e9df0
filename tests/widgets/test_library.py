"""The library screen: several briefings listed newest first, broken files named, enter opens one."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from brief_tui.app import BriefApp, create_app
from brief_tui.screens.library import LibraryScreen
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.library_list import LibraryList
from tests.conftest import BUILTIN

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate import generate

HOSTILE = Path(__file__).resolve().parents[1] / "e2e" / "fixtures" / "hostile.yaml"


def library_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(BUILTIN, folder / "ukraine.yaml")  # as of 2025-12-06
    shutil.copy(HOSTILE, folder / "hostile.yaml")  # as of 2025-12-06 too
    (folder / "generated.yaml").write_text(generate(events=30, threads=4, seed=2), encoding="utf-8")
    (folder / "broken.yaml").write_text("brief: 1\nid: broken\ntitle: [unclosed\n", encoding="utf-8")
    return folder


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([library_folder(tmp_path)], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def listed(app: BriefApp) -> list[str]:
    listing = app.screen.query_one(LibraryList)
    return [f"{entry.title.plain}\n{entry.detail.plain}" for entry in listing.entries]


async def checked(app: BriefApp) -> LibraryScreen:
    """The library screen once its files have been read (after the first frame, in a worker)."""
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    await app.workers.wait_for_complete()
    return screen


async def test_lists_the_briefings_and_names_the_broken_file(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await checked(app)
        await pilot.pause()
        assert len(screen.briefings) == 3
        as_of = [b.as_of_order for b in screen.briefings]
        assert as_of == sorted(as_of, reverse=True)
        rows = listed(app)
        assert any("Hostile [bold red]not bold[/] briefing" in row for row in rows)  # literal, never markup
        assert any("threads" in row and "events" in row for row in rows)
        heading = next(i for i, row in enumerate(rows) if row.startswith("Cannot be opened"))
        assert any("broken.yaml" in row for row in rows[heading:])


async def test_enter_opens_a_briefing_and_escape_comes_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await checked(app)
        await pilot.pause()
        await pilot.press("j", "k", "j")
        chosen = library.briefings[library.query_one(LibraryList).cursor or 0]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.briefing.id == chosen.id
        await pilot.press("escape")
        assert app.screen is library
        await pilot.press("q")
    assert app.return_code == 0
