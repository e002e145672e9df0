"""The views of issue 13 from the reader: s, c and t on the built-in briefing, as a reader presses them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from brief_tui.app import BriefApp, create_app
from brief_tui.model import Party, Thread
from brief_tui.screens.compare import CompareScreen
from brief_tui.screens.matrix import MatrixScreen
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.time_banner import TimeBanner
from brief_tui.widgets.timeline import Timeline
from tests.conftest import BUILTIN


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def reader(app: BriefApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def detail_text(app: BriefApp) -> str:
    detail = reader(app).detail
    return "\n".join(strip.text for strip in detail.lines)


async def test_s_shows_the_matrix_and_enter_opens_the_thread_at_that_party(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        header = app.screen.query_one("#matrix-grid").render_line(0).text.split()
        assert header[-3:] == ["US", "UA", "RU"]
        await pilot.press("right", "right", "enter")  # territory, RU
        await pilot.pause()
        screen = reader(app)
        assert isinstance(screen.place.item, Thread)
        assert screen.place.item.id == "territory"
        assert screen.pane == "detail"
        target = screen.detail.target
        assert isinstance(target, Party)
        assert target.short == "RU"


async def test_c_compares_a_documents_versions_and_is_hidden_elsewhere(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = reader(app)
        assert screen.check_action("compare_versions", ()) is False  # the overview: nothing to compare
        document = screen.briefing.documents[0]
        screen.go(screen.place.showing(document))
        await pilot.pause()
        assert "27 points in four packages" in detail_text(app)
        assert screen.check_action("compare_versions", ()) is True
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.narrow
        shown = lines_of(compare.query_one("#compare-before", Static))
        shown += lines_of(compare.query_one("#compare-after", Static))
        assert "reduced to 20 points" in shown
        assert "27 points divided into four packages" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_t_travels_to_30_november_and_escape_comes_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        everything = len(reader(app).briefing.events)
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#travel-date", Input).value = "2025-11-30"
        await pilot.press("enter")
        await pilot.pause()
        screen = reader(app)
        banner = screen.query_one(TimeBanner)
        assert banner.display
        assert "as known on 30 Nov 2025" in str(banner.render())
        assert "texts as written 2025-12-06?" in str(banner.render())  # summaries are not of that date
        assert [e.id for e in screen.briefing.events] == ["plan-cut-to-20", "nyt-packages-report", "plan-finalizing"]
        timeline = screen.query_one(Timeline)
        drawn = "\n".join(timeline.render_line(y).text for y in range(timeline.size.height))
        assert "Zelenskyy's two-hour call" not in drawn
        document = screen.briefing.documents[0]
        screen.go(screen.place.showing(document))
        await pilot.pause()
        text = detail_text(app)
        assert "20 points (earlier reports)" in text
        assert "27 points" not in text
        await pilot.press("t", "escape")
        await pilot.pause()
        screen = reader(app)
        assert not screen.query_one(TimeBanner).display
        assert len(screen.briefing.events) == everything
        assert "27 points" in detail_text(app)


async def test_the_help_lists_the_views_and_how_uncertain_dates_count(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = "\n".join(lines_of(static) for static in app.screen.query(Static))
        shown = " ".join(shown.split())  # the table wraps descriptions
        assert "The stance matrix" in shown
        assert "Travel in time" in shown
        assert "uncertain dates count by their earliest" in shown
        assert "Stance matrix (s)" in shown


def lines_of(widget: Static) -> str:
    """What a widget shows, line by line."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def test_the_views_bindings_come_from_the_registry() -> None:
    from brief_tui.actions import ACTIONS
    from brief_tui.screens.travel import TravelScreen

    for owner, scope in ((MatrixScreen, "matrix"), (CompareScreen, "compare"), (TravelScreen, "travel")):
        ids = {binding.id for binding in owner.BINDINGS}  # type: ignore[union-attr]
        assert ids == {action.id for action in ACTIONS if action.scope == scope}, owner
        for action in ACTIONS:
            if action.scope == scope:
                assert hasattr(owner, f"action_{action.method.split('(')[0]}"), action.id
    for method in ("stance_matrix", "compare_versions", "travel"):
        assert hasattr(ReaderScreen, f"action_{method}")


async def test_hostile_content_shows_literally_in_every_view(tmp_path: Path) -> None:
    from tests.commands.helpers import HOSTILE

    app = create_app([HOSTILE], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        grid = app.screen.query_one("#matrix-grid")
        assert "[@click=app.quit]x[/]" in "\n".join(grid.render_line(y).text for y in range(grid.size.height))
        await pilot.press("enter")
        await pilot.pause()
        screen = reader(app)
        document = screen.briefing.documents[0]
        screen.go(screen.place.showing(document))
        await pilot.pause()
        if screen.check_action("compare_versions", ()):
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, CompareScreen)
            await pilot.press("escape")
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#travel-date", Input).value = "2025-11-30"
        await pilot.press("enter")
        await pilot.pause()
        assert reader(app).query_one(TimeBanner).display
    assert app.return_code in (None, 0)


async def test_search_and_filter_work_while_travelling_in_time(tmp_path: Path) -> None:
    """Search and a filter read the briefing as known then (its type was missing from the fields table)."""
    from textual.widgets import OptionList

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#travel-date", Input).value = "2025-11-30"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("slash", *"plan")
        await pilot.pause()
        screen = reader(app)
        results = screen.query_one("#search-results", OptionList)
        assert results.option_count > 0
        await pilot.press("escape", "f", *"status:open")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "filtered:" in detail_text(app)


async def test_c_off_a_document_says_what_it_needs(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "c")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        said = [str(notice.message) for notice in app._notifications]
        assert said == ["Compare works on a document with two or more versions: open one first."]
        await pilot.press("slash", "c")  # typed into search, the letter is a letter
        await pilot.pause()
        assert len(app._notifications) == 1
