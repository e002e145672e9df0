"""Following the negotiation in the reader: marks, u U w, b B, history, reopening, brief open, y, reload."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot

from brief_tui.app import BriefApp, create_app
from brief_tui.model import Source
from brief_tui.render.detail_rows import Overview
from brief_tui.screens.bookmarks import BookmarksScreen
from brief_tui.screens.digest import DigestScreen
from brief_tui.screens.edit_problems import EditProblems
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.state import Store, open_store
from brief_tui.widgets.detail import DetailView
from brief_tui.widgets.key_bar import KeyBar
from brief_tui.widgets.reload_bar import ReloadBar
from tests.commands.helpers import SMALL
from tests.conftest import BUILTIN
from tests.widgets.pilot import until

NEW_EVENT = """  - id: geneva-round
    date: "2025-12-10"
    title: Geneva round on territory
    status: scheduled
    threads: [territory]
"""
OPEN = "    group: Core issues\n    status: open\n"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "talks.yaml"
    shutil.copy(BUILTIN, path)
    return path


def make(tmp_path: Path, path: Path, *, store: Store | None = None, open_at: str | None = None) -> BriefApp:
    """The reader on ``path``, with state in tmp_path as a later run of brief would find it."""
    store = store if store is not None else open_store(tmp_path / "state.sqlite3")
    settings = Settings(path=tmp_path / "settings.json")
    return create_app([path], cache=False, settings=settings, store=store, open_at=open_at)


def reader(app: BriefApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


async def ready(pilot: Pilot[None], app: BriefApp) -> ReaderScreen:
    """The reader once state is read (after the first frame)."""
    await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.reading is not None)
    return reader(app)


def edit(path: Path) -> None:
    """A thread's status changes and a new event comes in, as an author's morning update."""
    text = path.read_text(encoding="utf-8")
    assert OPEN in text
    text = text.replace(OPEN, OPEN.replace("open", "progressing"), 1).replace("\nevents:\n", "\nevents:\n" + NEW_EVENT)
    path.write_text(text, encoding="utf-8")


def shown_item(screen: ReaderScreen) -> object:
    """The detail pane's item, or None while a reload rebuilds the panes."""
    return screen.detail.item if not screen.rebuilding and screen.query(DetailView) else None


def shown_id(screen: ReaderScreen) -> str:
    item = screen.detail.item
    assert item is not None
    return item.id


def header(screen: ReaderScreen) -> tuple[str, str]:
    frame = screen.query_one("#detail-pane")
    return _plain(frame.border_title), _plain(frame.border_subtitle)


def _plain(title: str | None) -> str:
    """A border title as the reader sees it (Textual keeps it as markup)."""
    return Text.from_markup(title or "").plain


async def read_then_edit(tmp_path: Path, copy: Path) -> None:
    """First run: show a thread and quit. Then the file is edited."""
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert screen.reading is not None
        assert screen.reading.marks == {}
        assert "✚" not in str(screen.sidebar.marks)
        assert "✱" not in str(screen.sidebar.marks)
        await pilot.press("right_square_bracket", "right_square_bracket")  # a thread the edit leaves alone
        await pilot.press("q")
    edit(copy)


async def test_edits_are_marked_u_reaches_them_and_once_shown_they_are_not(tmp_path: Path, copy: Path) -> None:
    await read_then_edit(tmp_path, copy)
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert screen.sidebar.marks["territory"] == "✱ changed"
        assert "✱ changed" in str(screen.sidebar.get_option("territory").prompt)
        timeline = screen.timeline
        assert timeline is not None
        assert timeline.marks == {"geneva-round": "✚ new"}
        assert shown_id(screen) == "security-guarantees"  # where the first run was left
        await pilot.press("u")  # the next marked item after it, in reading order: events follow threads
        assert shown_id(screen) == "geneva-round"
        assert header(screen)[0].startswith("✚ new ")  # the detail pane says what it was
        assert timeline.marks == {}  # shown: now read
        await pilot.press("u")  # round to the first thread
        assert shown_id(screen) == "territory"
        assert header(screen)[0].startswith("✱ changed ")
        assert "territory" not in screen.sidebar.marks
        await pilot.press("u")  # nothing left
        assert shown_id(screen) == "territory"
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert screen.reading is not None
        assert screen.reading.marks == {}


async def test_w_lists_what_changed_and_a_row_opens_its_item(tmp_path: Path, copy: Path) -> None:
    await read_then_edit(tmp_path, copy)
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("w")
        digest = app.screen
        assert isinstance(digest, DigestScreen)
        shown = [str(option.prompt) for option in digest.query_one("#digest").options]  # type: ignore[attr-defined]
        assert any("Geneva round on territory" in row and "✚ new" in row for row in shown)
        assert any("open → progressing" in row and "✱ changed" in row for row in shown)
        assert str(digest.query_one("#digest-title").render()).startswith("What changed since you last read (")
        await pilot.press("j")  # from the new event to the status change
        await pilot.press("enter")
        assert app.screen is screen
        assert shown_id(screen) == "territory"
        await pilot.press("w")
        await pilot.press("escape")
        assert app.screen is screen


async def test_U_marks_everything_read(tmp_path: Path, copy: Path) -> None:
    await read_then_edit(tmp_path, copy)
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("U")
        assert screen.reading is not None
        assert screen.reading.marks == {}
        assert screen.sidebar.marks == {}
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert screen.reading is not None
        assert screen.reading.marks == {}


async def test_brief_reopens_where_it_was_left(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("right_square_bracket", "right_square_bracket", "3", "m", "minus")
        left = (shown_id(screen), screen.timeline.zoom, screen.timeline.merged)  # type: ignore[union-attr]
        await pilot.press("2", "space")  # the detail pane, a page down
        scrolled = screen.detail.scroll_y
        assert scrolled > 0
        await pilot.press("q")
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert (shown_id(screen), screen.timeline.zoom, screen.timeline.merged) == left  # type: ignore[union-attr]
        assert left[0] == "security-guarantees"
        assert screen.pane == "detail"
        await until(pilot, lambda: screen.detail.scroll_y == scrolled)


async def test_b_bookmarks_and_B_lists_them_after_a_restart(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("right_square_bracket", "b")
        assert "⚑" in screen.sidebar.marks["territory"]
        assert "⚑ bookmarked" in header(screen)[1]
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert "⚑" in screen.sidebar.marks["territory"]
        await pilot.press("B")
        listing = app.screen
        assert isinstance(listing, BookmarksScreen)
        assert [b.item for b in listing.bookmarks] == ["territory"]
        await pilot.press("enter")
        assert app.screen is screen
        assert shown_id(screen) == "territory"
        await pilot.press("B", "d")
        assert isinstance(app.screen, BookmarksScreen)
        assert app.screen.bookmarks == []
        await pilot.press("escape")
        assert "territory" not in screen.sidebar.marks
        await pilot.press("b", "b")  # on and off again
        assert "territory" not in screen.sidebar.marks


async def test_alt_left_and_right_go_back_and_forward_to_the_same_scroll(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("right_square_bracket", "2", "space")
        scrolled = screen.detail.scroll_y
        assert scrolled > 0
        await pilot.press("right_square_bracket")
        assert shown_id(screen) == "security-guarantees"
        await pilot.press("alt+left")
        assert shown_id(screen) == "territory"
        assert screen.detail.scroll_y == scrolled
        await pilot.press("alt+left")
        assert shown_id(screen) == "ukraine-peace-talks"  # the overview
        await pilot.press("alt+right", "alt+right")
        assert shown_id(screen) == "security-guarantees"
        await pilot.press("alt+right")  # nothing ahead: stays
        assert shown_id(screen) == "security-guarantees"


async def test_y_copies_the_address_or_a_sources_url(tmp_path: Path, copy: Path) -> None:
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("    name: Axios\n", "    name: Axios\n    url: https://www.axios.com/\n", 1))
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("right_square_bracket", "y")
        assert app.clipboard == "ukraine-peace-talks/territory"
        assert any(n.message == "Copied ukraine-peace-talks/territory" for n in app._notifications)
        source = next(s for s in screen.briefing.sources if isinstance(s, Source) and s.url)
        screen._visit(source)
        await pilot.press("y")
        assert app.clipboard == source.url


async def test_brief_open_starts_at_the_item(tmp_path: Path) -> None:
    app = make(tmp_path, BUILTIN, open_at="ukraine-peace-talks/peace-plan")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        assert shown_id(screen) == "peace-plan"  # from the first frame: no flash of the overview
        assert app.focused is screen.detail
        await ready(pilot, app)
        assert shown_id(screen) == "peace-plan"  # and a remembered place does not override it
        assert "ukraine-peace-talks/peace-plan" in header(screen)[1]


async def test_with_state_off_the_reader_works_and_says_so_once(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy, store=Store.null("state is off for this session (test)"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("right_square_bracket", "b", "u", "U", "w", "escape", "B", "escape", "y")
        assert shown_id(screen) == "territory"
        messages = [n.message for n in app._notifications]
        assert sum("state is off" in m for m in messages) == 1


async def test_a_damaged_state_file_is_set_aside_with_one_message(tmp_path: Path, copy: Path) -> None:
    damaged = tmp_path / "state.sqlite3"
    damaged.write_bytes(b"\x00not a database" * 500)
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        messages = [n.message for n in app._notifications]
        assert sum("moved it to" in m for m in messages) == 1
        await pilot.press("right_square_bracket", "b")
        assert "⚑" in screen.sidebar.marks["territory"]


async def test_an_edit_reloads_in_place_and_a_broken_one_keeps_the_last_good(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("right_square_bracket")
        edit(copy)
        await until(pilot, lambda: "geneva-round" in screen.briefing.by_id, steps=600)
        await until(pilot, lambda: shown_item(screen) is screen.briefing.get("territory"))  # the place is kept
        assert screen.briefing.get("territory").status == "progressing"  # type: ignore[union-attr]
        await until(pilot, lambda: screen.timeline is not None and screen.timeline.marks == {"geneva-round": "✚ new"})
        good = copy.read_text(encoding="utf-8")
        copy.write_text(good.replace("title: Ukraine peace talks\n", "title: [unclosed\n", 1), encoding="utf-8")
        await until(pilot, lambda: bool(screen.query(ReloadBar)) and screen.query_one(ReloadBar).broken, steps=600)
        bar = screen.query_one(ReloadBar)
        assert "Edit not loaded" in bar.render().plain
        await until(pilot, lambda: bar.region.height == 1)  # on screen, on a line of its own above the keys
        assert bar.region.y < screen.query_one(KeyBar).region.y
        assert screen.briefing.title == "Ukraine peace talks"  # the last good version stays
        await until(pilot, lambda: app.focused is bar)  # the bar takes focus: enter shows every problem
        await pilot.press("enter")
        assert isinstance(app.screen, EditProblems)
        await pilot.press("escape")
        assert app.focused is bar
        await pilot.press("escape")  # back to reading, the bar still says what is wrong
        assert app.focused is screen.sidebar
        assert bar.broken
        copy.write_text(good.replace("title: Ukraine peace talks\n", "title: Talks, fixed\n", 1), encoding="utf-8")
        await until(pilot, lambda: screen.briefing.title == "Talks, fixed", steps=600)
        await until(pilot, lambda: shown_item(screen) is screen.briefing.get("territory"))
        assert not screen.query(ReloadBar) or not screen.query_one(ReloadBar).broken


async def choose_in_library(pilot: Pilot[None], app: BriefApp, name: str) -> ReaderScreen:
    """Choose the briefing file ``name`` in the library screen, as a reader would: arrows, enter."""
    from brief_tui.screens.library import LibraryScreen
    from brief_tui.widgets.library_list import LibraryList

    await until(pilot, lambda: isinstance(app.screen, LibraryScreen))
    listing = app.screen.query_one(LibraryList)
    keys = [entry.key or "" for entry in listing.entries]
    target = next(i for i, key in enumerate(keys) if key.endswith(name))
    while listing.cursor != target:
        await pilot.press("down" if (listing.cursor or 0) < target else "up")
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.reading is not None)
    return reader(app)


async def test_B_opens_a_bookmark_of_another_briefing_in_the_library(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(BUILTIN, library / "talks.yaml")
    shutil.copy(SMALL, library / "small.yaml")
    app = make(tmp_path, library)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.library is None  # an indexed library: no briefing is loaded before one is chosen
        talks = await choose_in_library(pilot, app, "talks.yaml")
        await pilot.press("right_square_bracket", "b")
        await pilot.press("escape")  # from the sidebar: back to the library
        small = await choose_in_library(pilot, app, "small.yaml")
        assert small.briefing.id == "small"
        await pilot.press("B")
        listing = app.screen
        assert isinstance(listing, BookmarksScreen)
        assert "Ukraine peace talks" in str(listing.query_one("#bookmarks").get_option_at_index(0).prompt)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen is not small)
        opened = reader(app)
        assert opened.briefing is talks.briefing  # the model already loaded, not a second copy
        await until(pilot, lambda: shown_id(opened) == "territory")


async def test_reopened_on_a_changed_item_the_detail_pane_says_so(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, app)
        await pilot.press("right_square_bracket", "q")  # left on Territory
    edit(copy)
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert shown_id(screen) == "territory"
        assert header(screen)[0].startswith("✱ changed ")  # shown again, so read, but it says what it was
        assert "territory" not in screen.sidebar.marks


async def test_alt_left_goes_back_into_the_last_session(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, app)
        await pilot.press("right_square_bracket", "right_square_bracket", "q")
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert shown_id(screen) == "security-guarantees"
        await pilot.press("alt+left")
        assert shown_id(screen) == "territory"


def detail_text(screen: ReaderScreen) -> str:
    return "\n".join(strip.text for strip in screen.detail.lines)


async def test_the_detail_pane_marks_references_to_what_changed_until_read(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert "✱ changed" not in detail_text(screen)
        await pilot.press("q")  # left on the overview
    edit(copy)
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        assert isinstance(screen.detail.item, Overview)
        await until(pilot, lambda: "✱ changed Territory" in detail_text(screen))  # its row in Threads
        assert "✚ new" in detail_text(screen)  # the Geneva round, under Upcoming
        await pilot.press("U")
        await until(pilot, lambda: "✱ changed" not in detail_text(screen))
        assert "✚ new" not in detail_text(screen)


async def test_no_key_acts_on_the_reader_while_a_reload_rebuilds_its_panes(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        screen.rebuilding = True  # as during _reloaded's recompose, when the panes are not there
        await pilot.press("right_square_bracket", "2", "b")
        assert isinstance(screen.detail.item, Overview)
        assert app.focused is screen.sidebar
        screen.rebuilding = False
        await pilot.press("right_square_bracket")
        assert shown_id(screen) == "territory"


async def test_escape_from_an_item_opened_in_w_comes_back_to_the_list_at_its_row(tmp_path: Path, copy: Path) -> None:
    await read_then_edit(tmp_path, copy)
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("w", "j")
        digest = app.screen
        assert isinstance(digest, DigestScreen)
        row = digest.listing.highlighted
        await pilot.press("enter")
        assert app.screen is screen
        assert shown_id(screen) == "territory"
        await pilot.press("escape")
        digest = app.screen
        assert isinstance(digest, DigestScreen)
        assert digest.listing.highlighted == row  # the row it was opened from, not the first
        await pilot.press("escape", "escape")  # the list closes; back in the reader, back once more
        assert app.screen is screen
        assert not isinstance(app.screen, DigestScreen)


async def test_escape_from_a_bookmark_opened_in_B_comes_back_to_the_bookmarks(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("right_square_bracket", "b", "left_square_bracket")
        await pilot.press("B", "enter")
        assert app.screen is screen
        assert shown_id(screen) == "territory"
        await pilot.press("escape")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("escape")
        assert app.screen is screen
        # a thread chosen in the sidebar since: escape no longer leads to the list
        await pilot.press("B", "enter", "1", "j", "escape")
        assert app.screen is screen


async def test_w_on_a_first_reading_says_there_is_nothing_to_compare_with(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, app)
        await pilot.press("w")
        digest = app.screen
        assert isinstance(digest, DigestScreen)
        assert str(digest.query_one("#digest-title").render()) == "What changed: this is your first reading"
        shown = [str(option.prompt).strip() for option in digest.listing.options]
        assert shown == ["Nothing to compare with yet: from now on, w lists what changed since you last read."]
