"""A sidebar of 500 threads: laid out one line a row without measuring each, and it still
scrolls, marks the current row with ▸, follows the mouse and narrows to a filter."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from brief_tui.app import BriefApp, create_app
from brief_tui.model import Thread
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.thread_list import ThreadList, ThreadRow
from tests.widgets.pilot import until

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate import generate

THREADS = 500


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(generate(events=1000, threads=THREADS, seed=4), encoding="utf-8")
    return path


def make_app(big: Path, tmp_path: Path) -> BriefApp:
    return create_app([big], cache=False, settings=Settings(path=tmp_path / "settings.json"))


async def reader(pilot: object, app: BriefApp) -> ReaderScreen:
    """The reader, once the file (over the eager-load size) has loaded behind the loading screen."""
    await until(pilot, lambda: isinstance(app.screen, ReaderScreen))  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    await until(pilot, lambda: screen.query(ThreadList) and screen.sidebar.virtual_size.height and screen.timeline)  # type: ignore[arg-type]
    return screen


def marked_rows(sidebar: ThreadList) -> list[str]:
    rows = [sidebar.render_line(y).text for y in range(sidebar.size.height)]
    return [row for row in rows if "▸" in row]


def listed(sidebar: ThreadList) -> list[str]:
    ids = [sidebar.get_option_at_index(i).id for i in range(sidebar.option_count)]
    return [i for i in ids if i and i != "overview"]


def shown_as(thread: Thread, row: str) -> bool:
    return any(name[:8] in row for name in (thread.title, thread.short_title) if name)


async def test_a_big_sidebar_is_one_line_a_row_as_option_list_would_lay_it_out(big: Path, tmp_path: Path) -> None:
    app = make_app(big, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reader(pilot, app)
        sidebar = screen.sidebar
        assert len(listed(sidebar)) == THREADS
        assert sidebar.virtual_size.height == sidebar.option_count
        # The guard of the private line map: fails on a Textual whose OptionList lays out otherwise.
        assert sidebar.one_line_layout_matches()
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert sidebar.one_line_layout_matches()


async def test_a_big_sidebar_scrolls_with_the_glyph_on_the_current_row(big: Path, tmp_path: Path) -> None:
    app = make_app(big, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reader(pilot, app)
        sidebar = screen.sidebar
        order = [thread for _, threads in screen.briefing.sidebar_groups() for thread in threads]
        await pilot.press("G")
        await until(pilot, lambda: screen.detail.item is order[-1])
        assert sidebar.scroll_offset.y > 0
        (row,) = marked_rows(sidebar)
        assert shown_as(order[-1], row)
        await pilot.press("pageup")
        await until(pilot, lambda: screen.detail.item is not order[-1])
        (row,) = marked_rows(sidebar)
        assert isinstance(screen.detail.item, Thread)
        assert shown_as(screen.detail.item, row)
        await pilot.press("g")
        await until(pilot, lambda: sidebar.scroll_offset.y == 0)
        assert [r.strip() for r in marked_rows(sidebar)] == ["▸Overview"]


async def test_a_click_on_a_row_of_a_scrolled_big_sidebar_reads_that_thread(big: Path, tmp_path: Path) -> None:
    app = make_app(big, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reader(pilot, app)
        sidebar = screen.sidebar
        for _ in range(40):
            await pilot.press("j")
        await until(pilot, lambda: sidebar.scroll_offset.y > 0)
        await pilot.pause()
        top = sidebar.scroll_offset.y
        row = next(y for y in range(3, 8) if not sidebar.get_option_at_index(top + y).disabled)
        thread = screen.briefing.get(sidebar.get_option_at_index(top + row).id or "")
        await pilot.click(ThreadList, offset=(6, row))
        await until(pilot, lambda: screen.detail.item is thread)
        await until(pilot, lambda: app.focused is screen.detail)


async def test_a_filter_narrows_a_big_sidebar_and_clearing_brings_all_back(big: Path, tmp_path: Path) -> None:
    app = make_app(big, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reader(pilot, app)
        sidebar = screen.sidebar
        screen.apply_filter("status:open")
        await pilot.pause()
        open_ids = [t.id for t in screen.briefing.threads if t.status == "open"]
        assert 0 < len(listed(sidebar)) < THREADS
        assert sorted(listed(sidebar)) == sorted(open_ids)
        assert sidebar.virtual_size.height == sidebar.option_count
        assert sidebar.one_line_layout_matches()
        await pilot.press("G")
        await pilot.pause()
        (row,) = marked_rows(sidebar)
        assert row.startswith("▸")
        screen.apply_filter("")
        await pilot.pause()
        assert len(listed(sidebar)) == THREADS
        assert sidebar.virtual_size.height == sidebar.option_count


def made_rows(sidebar: ThreadList) -> list[int]:
    rows = (sidebar.get_option_at_index(i) for i in range(sidebar.option_count))
    return [i for i, row in enumerate(rows) if isinstance(row, ThreadRow) and row.made]


async def test_only_the_rows_drawn_have_their_labels_made(big: Path, tmp_path: Path) -> None:
    app = make_app(big, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reader(pilot, app)
        sidebar = screen.sidebar
        first = made_rows(sidebar)
        assert first
        assert max(first) < sidebar.size.height + 2
        await pilot.press("G")
        await until(pilot, lambda: sidebar.scroll_offset.y > 0)
        await pilot.pause()
        made = made_rows(sidebar)
        assert sidebar.option_count - 1 in made
        assert len(made) < 3 * sidebar.size.height  # the middle of the list was never drawn
        # A label made late is the label the list would have made at once.
        last = sidebar.get_option_at_index(sidebar.option_count - 1)
        thread = screen.briefing.get(last.id or "")
        assert isinstance(thread, Thread)
        assert str(last.prompt) == str(sidebar._label(thread))
