"""Pilot tests: a library opens on its list from the index, is checked after the first frame, and
opens one briefing only when it is chosen; the reader's own folders join the built-in one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from brief_tui.app import BriefApp, create_app
from brief_tui.loader import load as loading
from brief_tui.loader.index import Shelf, refresh
from brief_tui.screens.library import LibraryScreen
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.library_list import LibraryList

HEAD = 'brief: 1\nid: {id}\ntitle: "{title}"\nas_of: "{as_of}"\n'
THREADS = "threads:\n  - {id: t1, title: First thread}\n"


def write(folder: Path, name: str, briefing_id: str, title: str, as_of: str = "2025-12-06") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(HEAD.format(id=briefing_id, title=title, as_of=as_of) + THREADS, encoding="utf-8")
    return path


def make_app(tmp_path: Path, *paths: Path) -> BriefApp:
    return create_app(list(paths), settings=Settings(path=tmp_path / "settings.json"))


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = loading.load_briefing

    def counting(path: Any, **kwargs: Any) -> Any:
        calls.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(loading, "load_briefing", counting)
    return calls


def screen_text(app: BriefApp) -> str:
    listing = app.screen.query_one(LibraryList)
    return "\n".join(listing.render_line(y).text for y in range(listing.size.height))


async def wait_checked(app: BriefApp, pilot: Any) -> None:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert screen.shelf.checked


async def test_newest_first_and_enter_opens_the_chosen_briefing(tmp_path: Path) -> None:
    library = tmp_path / "library"
    write(library, "a", "older", "Older talks", "2025-11-01")
    write(library, "b", "newer", "Newer talks", "2025-12-01")
    app = make_app(tmp_path, library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_checked(app, pilot)
        shown = screen_text(app)
        assert shown.index("Newer talks") < shown.index("Older talks")
        assert "▸ Newer talks" in shown  # the cursor, visible without colour
        assert "as of 2025-12-01 · 1 thread · 0 events · command line" in shown
        await pilot.press("j")
        assert "▸ Older talks" in screen_text(app)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.briefing.id == "older"


async def test_the_first_frame_comes_from_the_index_and_the_check_follows(
    tmp_path: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library"
    for n in range(3):
        write(library, f"b{n}", f"b{n}", f"Briefing {n}")
    refresh(Shelf([(library, "command line")]))  # an earlier run left the index
    write(library, "b1", "b1", "Briefing one renamed")  # changed since
    loads.clear()
    app = make_app(tmp_path, library)
    seen_before_check: list[str] = []

    real_check = LibraryScreen._check

    def check_later(self: LibraryScreen) -> None:
        seen_before_check.append(screen_text(self.app))  # type: ignore[arg-type]
        seen_before_check.append(",".join(loads))
        real_check(self)

    monkeypatch.setattr(LibraryScreen, "_check", check_later)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_checked(app, pilot)
        before, loaded_before = seen_before_check
        assert "Briefing 1" in before  # the index as stored: no file read before the first frame
        assert loaded_before == ""
        assert loads == ["b1.yaml"]  # the check loads only the changed file
        assert "Briefing one renamed" in screen_text(app)
        assert "Briefing 1\n" not in screen_text(app)


async def test_a_library_never_seen_fills_in_after_the_first_frame(tmp_path: Path) -> None:
    library = tmp_path / "library"
    write(library, "a", "a", "Alpha")
    write(library, "b", "b", "Beta")
    (library / "broken.yaml").write_text("brief: 1\nid: [\n", encoding="utf-8")
    app = make_app(tmp_path, library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_checked(app, pilot)
        shown = screen_text(app)
        assert "Alpha" in shown
        assert "Beta" in shown
        assert "Cannot be opened" in shown
        assert "broken.yaml" in shown


async def test_keys_move_through_a_long_list_and_only_visible_rows_are_drawn(tmp_path: Path) -> None:
    library = tmp_path / "library"
    for n in range(60):
        write(library, f"b{n:02d}", f"b{n:02d}", f"Briefing {n:02d}", f"2025-{1 + n // 28:02d}-{1 + n % 28:02d}")
    app = make_app(tmp_path, library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_checked(app, pilot)
        listing = app.screen.query_one(LibraryList)
        assert "Briefing 59" in screen_text(app)
        await pilot.press("end")
        assert "Briefing 00" in screen_text(app)
        assert "Briefing 59" not in screen_text(app)
        await pilot.press("home", "pagedown")
        assert listing.cursor is not None
        assert listing.cursor > 5
        assert len(listing._strips) < 60  # drawn: what was on screen, not the whole list


async def test_the_readers_folders_open_with_the_built_in_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine"
    write(mine, "a", "mine", "My own briefing")
    config = Path(os.environ["BRIEF_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.yaml").write_text(f"library: [{mine}]\n", encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_checked(app, pilot)
        shown = screen_text(app)
        assert "Ukraine peace talks" in shown
        assert "built-in" in shown
        assert "My own briefing" in shown
        assert "config.yaml" in shown


async def test_a_bad_config_says_so_once_and_opens_the_built_in_briefing(tmp_path: Path) -> None:
    config = Path(os.environ["BRIEF_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.yaml").write_text("library: [unclosed\n", encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        notes = list(app._notifications)
        assert len(notes) == 1
        assert "config.yaml:2:1" in notes[0].message


async def test_files_not_read_yet_are_listed_by_name_until_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library"
    write(library, "first-file", "a", "Alpha")
    write(library, "second-file", "b", "Beta")
    monkeypatch.setattr(LibraryScreen, "_check", lambda self: None)  # the check never comes
    app = make_app(tmp_path, library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "first-file.yaml" in shown
        assert "not read yet" in shown
        assert "2 new" in str(app.screen.query_one(LibraryList).border_subtitle)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.briefing.id == "a"


async def test_the_lists_keys_are_in_the_key_bar_and_help(tmp_path: Path) -> None:
    from brief_tui.screens.help import HelpScreen, key_rows
    from brief_tui.widgets.key_bar import KeyBar

    library = tmp_path / "library"
    write(library, "a", "a", "Alpha", "2025-12-01")
    write(library, "b", "b", "Beta", "2025-11-01")
    app = make_app(tmp_path, library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_checked(app, pilot)
        bar = app.screen.query_one(KeyBar).render().plain
        assert "enter Open" in bar
        assert "j Next briefing" in bar
        assert "k Prev" in bar
        # The keys the bar and help list are the keys that work: down, end and g move too.
        listing = app.screen.query_one(LibraryList)
        await pilot.press("down")
        assert listing.cursor == 1
        await pilot.press("g")
        assert listing.cursor == 0
        await pilot.press("G")
        assert listing.cursor == 1
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
    rows = dict(key_rows("library", {}))
    assert rows["enter"] == "Open the highlighted briefing"
    assert rows["j down"] == "Next briefing"
    assert rows["g home"] == "First briefing"
    assert rows["pgdn"] == "Page down"


async def test_briefings_of_one_title_are_told_apart_by_their_files(tmp_path: Path) -> None:
    library = tmp_path / "library"
    write(library, "monday", "talks-1", "Weekly talks", "2025-11-01")
    write(library, "tuesday", "talks-2", "Weekly talks", "2025-12-01")
    write(library, "other", "other", "Other talks", "2025-10-01")
    app = make_app(tmp_path, library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_checked(app, pilot)
        shown = screen_text(app)
        assert "Weekly talks  tuesday.yaml" in shown
        assert "Weekly talks  monday.yaml" in shown
        assert "Other talks  other.yaml" not in shown  # a title of its own needs no file name
