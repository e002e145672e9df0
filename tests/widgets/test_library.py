"""The library screen: several briefings listed newest first, broken files named, enter opens one."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from textual.widgets import OptionList

from brief_tui.app import BriefApp, create_app
from brief_tui.screens.library import LibraryScreen
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
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
    listing = app.screen.query_one(OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_lists_the_briefings_and_names_the_broken_file(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)):
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert len(screen.briefings) == 3
        as_of = [b.as_of.sort_key() for b in screen.briefings]
        assert as_of == sorted(as_of, reverse=True)
        rows = listed(app)
        assert any("Hostile [bold red]not bold[/] briefing" in row for row in rows)  # literal, never markup
        assert any("threads" in row and "events" in row for row in rows)
        assert "Cannot be opened" in rows
        assert any("broken.yaml" in row for row in rows[rows.index("Cannot be opened") :])


async def test_enter_opens_a_briefing_and_escape_comes_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("j", "k", "j")
        chosen = library.briefings[library.query_one(OptionList).highlighted or 0]
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.briefing is chosen
        await pilot.press("escape")
        assert app.screen is library
        await pilot.press("q")
    assert app.return_code == 0
