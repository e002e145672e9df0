"""Pilot tests: keys on the reader change what the detail pane and timeline show."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import OptionList, Static

from brief_tui.app import BriefApp, create_app
from brief_tui.loader import load_briefing
from brief_tui.model import Briefing, Event, Thread
from brief_tui.render.detail_rows import Overview
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from tests.conftest import BUILTIN
from tests.widgets.pilot import until


@pytest.fixture
def briefing() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def reader(app: BriefApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def highlighted_prompt(app: BriefApp) -> str:
    """The plain text of the palette's highlighted entry ('' while there is none)."""
    if not isinstance(app.screen, CommandPalette):
        return ""
    options = app.screen.query_one(OptionList)
    if options.highlighted is None:
        return ""
    return str(options.get_option_at_index(options.highlighted).prompt)


def shown_thread(screen: ReaderScreen) -> Thread:
    item = screen.detail.item
    assert isinstance(item, Thread), item
    return item


async def test_opens_on_the_overview_with_the_sidebar_focused(tmp_path: Path, briefing: Briefing) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)):
        screen = reader(app)
        assert isinstance(screen.detail.item, Overview)
        assert app.focused is screen.sidebar
        assert screen.timeline.selected is not None


async def test_next_and_previous_thread_move_detail_and_timeline(tmp_path: Path, briefing: Briefing) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("]")
        first = shown_thread(screen)
        assert first.id == briefing.threads[0].id
        await pilot.press("]")
        second = shown_thread(screen)
        assert second.id == briefing.threads[1].id
        selected = screen.timeline.selected
        if second.events:
            assert selected is not None
            assert second in selected.threads
        await pilot.press("[")
        assert shown_thread(screen).id == first.id


async def test_brackets_work_from_every_pane(tmp_path: Path, briefing: Briefing) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        for pane_key, expected in (("2", 0), ("3", 1)):
            await pilot.press(pane_key, "]")
            assert shown_thread(screen).id == briefing.threads[expected].id


async def test_tab_cycles_the_panes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
        assert seen == ["detail", "timeline", "sidebar"]
        await pilot.press("shift+tab")
        assert app.focused is screen.timeline


async def test_enter_follows_a_reference_and_escape_comes_back(tmp_path: Path, briefing: Briefing) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("]", "enter")
        assert app.focused is screen.detail
        thread = shown_thread(screen)
        # j scrolls through long text until a reference is in view, then highlights it.
        for _ in range(10):
            await pilot.press("j")
            if screen.detail.target is not None:
                break
        target = screen.detail.target
        assert target is not None
        await pilot.press("enter")
        assert screen.detail.item is target
        await pilot.press("escape")
        assert screen.detail.item is thread
        assert app.focused is screen.detail


async def test_enter_in_the_timeline_shows_the_event(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("3", "l")
        event = screen.timeline.selected
        assert isinstance(event, Event)
        await pilot.press("enter")
        assert screen.detail.item is event
        assert app.focused is screen.detail
        await pilot.press("escape")
        assert app.focused is screen.timeline


async def test_help_lists_every_key_and_closes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        from brief_tui.screens.help import HelpScreen, key_rows

        assert isinstance(app.screen, HelpScreen)
        rows = dict((d, k) for k, d in key_rows("reader", {}))
        assert rows["Next thread"] == "]"
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_q_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize("size", [(40, 12), (60, 20)])
async def test_narrow_layout_shows_one_pane_at_a_time(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        screen = reader(app)

        def shown() -> list[bool]:
            return [screen.query_one(f"#{pane}-pane").display for pane in ("sidebar", "detail", "timeline")]

        assert shown() == [True, False, False]
        await pilot.press("2")
        assert shown() == [False, True, False]
        await pilot.press("3")
        assert shown() == [False, False, True]
        await pilot.press("]")
        assert isinstance(screen.detail.item, Thread)


async def test_too_small_shows_a_message(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(30, 10)) as pilot:
        screen = reader(app)
        too_small = screen.query_one("#too-small")
        assert too_small.display
        assert not screen.query_one("#panes").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not too_small.display
        assert screen.sidebar.display


async def test_theme_choice_is_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "brief-light"
        await pilot.pause()
    assert Settings.load(tmp_path / "settings.json").theme == "brief-light"


async def test_focus_comes_back_after_a_too_small_size(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("2")
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert app.focused is screen.detail


async def test_the_timeline_opens_with_what_comes_next_in_view(tmp_path: Path, briefing: Briefing) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)):
        screen = reader(app)
        timeline = screen.timeline
        assert timeline is not None
        drawn = "\n".join(timeline.render_line(y).text for y in range(timeline.size.height))
        upcoming = briefing.upcoming()
        assert upcoming
        # The first upcoming event's glyph is on screen, after the as-of line.
        assert "◇" in drawn or "◌" in drawn


async def test_overview_puts_key_points_and_upcoming_before_the_summary(tmp_path: Path, briefing: Briefing) -> None:
    from brief_tui.render.detail_rows import rows_for

    plain = [getattr(row.content, "plain", "") for row in rows_for(Overview(briefing), briefing)]
    headings = [line.strip() for line in plain if line.strip() in ("Key points", "Upcoming", "Summary")]
    assert headings == ["Upcoming", "Key points", "Summary"]


async def test_command_palette_runs_reader_actions_and_jumps_to_threads(tmp_path: Path, briefing: Briefing) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"next thread")
        await until(pilot, lambda: highlighted_prompt(app).startswith("Next thread"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(screen.detail.item, Thread))
        assert shown_thread(screen).id == briefing.threads[0].id
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"thread: the us peace")
        await until(pilot, lambda: highlighted_prompt(app).startswith("Thread: The US peace"))
        await pilot.press("enter")
        await until(pilot, lambda: shown_thread(screen).id == "peace-plan")


async def test_help_scrolls_with_vim_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        await pilot.press("G")
        await until(pilot, lambda: body.scroll_y == body.max_scroll_y > 0)
        await pilot.press("g")
        await until(pilot, lambda: body.scroll_y == 0)
        await pilot.press("j")
        await until(pilot, lambda: body.scroll_y > 0)


async def test_no_color_marks_the_sidebar_row_with_a_glyph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("]")
        await pilot.pause()
        rows = [screen.sidebar.render_line(y).text for y in range(screen.sidebar.size.height)]
        marked = [row for row in rows if "▸" in row]
        assert len(marked) == 1
        assert "Territory" in marked[0]


async def test_a_folder_with_no_briefings_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = create_app([empty], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        from brief_tui.screens.problems import ProblemsScreen

        assert isinstance(app.screen, ProblemsScreen)
        assert app.screen.query_one("#problems").border_title == "No briefings"
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_broken_file_shows_its_problems_with_positions(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("brief: 1\nid: Bad_Id\ntitle: x\nas_of: 2025-02-30\n", encoding="utf-8")
    app = create_app([broken], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = app.screen.query_one("#problems").query_one(Static).render()
        assert f"{broken}:2:5: error" in str(shown)
        assert f"{broken}:4:8: error" in str(shown)


@pytest.mark.parametrize("theme", ["brief-dark", "brief-light", "ansi-dark", "ansi-light"])
async def test_each_offered_theme_is_the_one_in_use(tmp_path: Path, theme: str) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(theme=theme, path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)):
        assert app.theme == theme


@pytest.mark.parametrize("key", ["2", "3"])
async def test_a_key_typed_right_after_a_pane_key_goes_to_the_new_pane(tmp_path: Path, key: str) -> None:
    # Typed quickly, both keys reach the app before it draws again: `j` must move the new pane,
    # not the threads pane the focus is leaving (once it moved the thread and showed another item).
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await until(pilot, lambda: app.focused is screen.sidebar)
        shown = screen.detail.item
        app.post_message(events.Key(key, key))
        app.post_message(events.Key("j", "j"))
        pane = screen.detail if key == "2" else screen.timeline
        await until(pilot, lambda: app.focused is pane)
        await pilot.pause()
        assert screen.sidebar.highlighted == 0
        assert screen.detail.item is shown
