"""Repaint what changed and no more (widgets/quiet.py): the Textual behaviour it leans on, and what
the reader shows with it. The byte budgets themselves are in tests/benchmarks/test_repaint.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from brief_tui.app import create_app
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets import detail
from brief_tui.widgets.quiet import Pane
from tests.conftest import BUILTIN


def test_textual_still_declares_screen_focus_as_a_repainting_reactive() -> None:
    # focus_without_repaint redeclares Screen.focused; if Textual renames or reshapes it,
    # the redeclaration would silently stop mattering (or break focus): this fails first.
    declared = Screen.__dict__["focused"]
    assert isinstance(declared, Reactive)
    assert declared._default is None
    assert declared._repaint is True
    ours = ReaderScreen.__dict__["focused"]
    assert isinstance(ours, Reactive)
    assert ours._repaint is False


def test_textual_border_titles_refresh_the_whole_widget() -> None:
    # Pane.refresh narrows Textual's whole-widget refresh to the border; that refresh comes
    # from the border-title setter calling refresh() with no region.
    import inspect

    from textual import widget as textual_widget

    source = inspect.getsource(textual_widget._BorderTitle.__set__)
    assert "obj.refresh()" in source


async def test_a_pane_title_change_repaints_its_border_rows_only(tmp_path: Path) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "s.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.screen.query_one("#detail-pane", Pane)
        await pilot.pause()
        asked: list[tuple[object, ...]] = []
        real = Widget.refresh

        def spy(self: Widget, *regions: object, **flags: object) -> Widget:
            if self is pane:
                asked.append(regions)
            return real(self, *regions, **flags)  # type: ignore[arg-type]

        Widget.refresh = spy  # type: ignore[method-assign]
        try:
            pane.set_titles(Text("A new title"), Text("thread"))
        finally:
            Widget.refresh = real  # type: ignore[method-assign]
        assert asked
        assert all(len(regions) == 2 for regions in asked)  # top and bottom border rows
        assert all(region.height == 1 for regions in asked for region in regions)  # type: ignore[attr-defined]
        assert pane.border_title == "A new title"


async def test_focus_still_shows_on_the_panes_after_quieter_repaints(tmp_path: Path) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "s.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        sidebar_pane = app.screen.query_one("#sidebar-pane", Pane)
        timeline_pane = app.screen.query_one("#timeline-pane", Pane)
        assert sidebar_pane.styles.border.top[0] == "heavy"
        await pilot.press("3")
        assert timeline_pane.styles.border.top[0] == "heavy"
        assert sidebar_pane.styles.border.top[0] != "heavy"


async def test_the_first_item_is_laid_out_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The detail keeps its scrollbar's column, so a long first item is not laid out again
    # when its scrollbar turns up (that second layout cost a third of the first paint).
    widths: list[int] = []
    real = detail.ItemLines

    class Counting(real):  # type: ignore[valid-type,misc]
        def __init__(self, rows: list[object], width: int, console: object) -> None:
            if width:
                widths.append(width)
            super().__init__(rows, width, console)  # type: ignore[arg-type]

    monkeypatch.setattr(detail, "ItemLines", Counting)
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "s.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.detail.line_count > app.screen.detail.page_height  # long enough to scroll
        assert len(widths) == 1


def test_blank_cells_join_the_style_run_beside_them() -> None:
    from rich.segment import Segment
    from rich.style import Style
    from textual.strip import Strip

    from brief_tui.widgets.quiet import fewer_runs

    bold = Style(bold=True, color="red", bgcolor="black")
    plain = Style(color="white", bgcolor="black")
    strip = Strip([Segment("+", bold), Segment(" ", plain), Segment("+", bold), Segment(" ", plain)])
    merged = fewer_runs(strip)
    assert list(merged) == [Segment("+ + ", bold)]
    assert merged.cell_length == strip.cell_length


def test_blank_cells_keep_their_run_where_it_would_show() -> None:
    from rich.segment import Segment
    from rich.style import Style
    from textual.strip import Strip

    from brief_tui.widgets.quiet import fewer_runs

    text = Style(color="white", bgcolor="black")
    for other in (
        Style(color="white", bgcolor="blue"),  # another background
        Style(color="white", bgcolor="black", underline=True),  # an underline shows on a blank
        Style(color="red", bgcolor="black", reverse=True),  # reversed: the text colour is the background
        Style(color="white", bgcolor="black", link="https://example.org"),  # a link is not a look
    ):
        strip = Strip([Segment("a", text), Segment("  ", other), Segment("b", text)])
        assert list(fewer_runs(strip)) == list(strip), other


async def test_a_focus_change_repaints_the_rows_that_change_not_the_panes(tmp_path: Path) -> None:
    from brief_tui.widgets.thread_list import ThreadList
    from brief_tui.widgets.timeline import Timeline

    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "s.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        watched = (screen.query_one(ThreadList), screen.query_one(Timeline))
        asked: list[tuple[Widget, tuple[object, ...]]] = []
        real = Widget.refresh

        def spy(self: Widget, *regions: object, **flags: object) -> Widget:
            if self in watched and flags.get("repaint", True):
                asked.append((self, regions))
            return real(self, *regions, **flags)  # type: ignore[arg-type]

        Widget.refresh = spy  # type: ignore[method-assign]
        try:
            await pilot.press("3")
            await pilot.pause()
        finally:
            Widget.refresh = real  # type: ignore[method-assign]
        assert screen.timeline is not None
        assert screen.timeline.has_focus
        assert asked, "nothing was repainted: the cursor looks different with focus"
        assert all(regions for _, regions in asked), "a whole pane was repainted on a focus change"
        rows = sum(region.height for _, regions in asked for region in regions)  # type: ignore[attr-defined]
        assert rows <= 4  # the sidebar's highlighted row; the timeline's cursor row and caption


@pytest.mark.parametrize("keys", [("3",), ("3", "2"), ("3", "1")])
async def test_a_focus_change_is_drawn_in_one_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: tuple[str, ...]
) -> None:
    # Textual restyles a pane's border (:focus-within) at once but a widget's own :focus look (its
    # cursor) only when it handles its Focus event: the border and the cursor came a frame apart.
    import asyncio

    from textual.app import App

    frames: list[set[int]] = []
    real = App._display

    def noting(self: App[object], screen: Screen[object], update: object) -> None:
        real(self, screen, update)  # type: ignore[arg-type]
        if update is not None:
            frames.append({y for y, *_ in getattr(update, "spans", [(-1,)])})

    monkeypatch.setattr(App, "_display", noting)
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "s.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        *before, key = keys
        await pilot.press(*before)
        await pilot.pause()
        frames.clear()
        await pilot.press(key)  # (no pause: Pilot's pause would paint at once, whatever is ready)
        for _ in range(400):  # until the screen paints by itself
            if frames:
                break
            await asyncio.sleep(0.005)
        await pilot.pause()  # paints anything still waiting to be painted
        focused = screen.query_one(f"#{screen.pane}-pane", Pane)
        border_rows = {focused.region.y, focused.region.bottom - 1}
        painted = [rows for rows in frames if rows]
        assert painted, "nothing was painted"
        assert border_rows <= painted[0], "the pane's border was not in the first frame"
        assert len(painted) == 1, f"a focus change took {len(painted)} frames: {painted}"


async def test_a_new_item_in_the_detail_pane_needs_no_relayout(tmp_path: Path) -> None:
    from brief_tui.widgets.quiet import QuietScrollBar

    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "s.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        layouts: list[Widget] = []
        real = Widget.refresh

        def spy(self: Widget, *regions: object, **flags: object) -> Widget:
            if self is screen.detail and flags.get("layout"):
                layouts.append(self)
            return real(self, *regions, **flags)  # type: ignore[arg-type]

        Widget.refresh = spy  # type: ignore[method-assign]
        try:
            for key in ("]", "3", "l", "end"):  # a thread, then events of other lengths
                await pilot.press(key)
                await pilot.pause()
        finally:
            Widget.refresh = real  # type: ignore[method-assign]
        assert not layouts
        # The scrollbar follows the item's length, and is a quiet one.
        scrollbar = screen.detail.vertical_scrollbar
        assert isinstance(scrollbar, QuietScrollBar)
        assert scrollbar.window_virtual_size == len(screen.detail.lines)


def test_textual_still_makes_plain_scrollbars_and_repaints_them_on_each_style_update() -> None:
    # QuietScrollBar.quieten turns the ScrollBar Textual makes into the quiet class; that is
    # only sound while Textual makes plain ScrollBars and the quiet class adds no state.
    import inspect

    from textual.css import _style_properties
    from textual.scrollbar import ScrollBar

    from brief_tui.widgets.quiet import QuietScrollBar

    assert "ScrollBar(" in inspect.getsource(Widget.__dict__["vertical_scrollbar"].fget)
    assert "__init__" not in QuietScrollBar.__dict__
    assert "__slots__" not in QuietScrollBar.__dict__
    assert issubclass(QuietScrollBar, ScrollBar)
    # Why it is needed: setting a scrollbar colour repaints the scrollbars, changed or not.
    assert "vertical_scrollbar.refresh()" in inspect.getsource(_style_properties.ScrollbarColorProperty.__set__)


async def test_a_title_set_directly_repaints_its_rows_and_the_same_title_nothing(tmp_path: Path) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "s.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.screen.query_one("#detail-pane", Pane)
        await pilot.pause()
        asked: list[tuple[object, ...]] = []
        real = Widget.refresh

        def spy(self: Widget, *regions: object, **flags: object) -> Widget:
            if self is pane:
                asked.append(regions)
            return real(self, *regions, **flags)  # type: ignore[arg-type]

        Widget.refresh = spy  # type: ignore[method-assign]
        try:
            pane.border_title = Text("Another title")  # as the reader's header does, not through set_titles
            assert [len(regions) for regions in asked] == [2]
            await pilot.pause()
            asked.clear()
            pane.border_title = Text("Another title")
            assert asked == []
        finally:
            Widget.refresh = real  # type: ignore[method-assign]


async def test_the_loading_screen_stops_counting_once_the_reader_is_over_it(tmp_path: Path) -> None:
    # Textual repaints the top screen wherever the screen below it changes: a counter ticking
    # under the reader sent a fifth of the screen every second (20 KB a second at 160x48).
    import sys

    from textual.widgets import Static

    from brief_tui.app import LoadingScreen
    from tests.widgets.pilot import until

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from generate import generate

    big = tmp_path / "big.yaml"
    big.write_text(generate(events=1200, threads=60, seed=3), encoding="utf-8")
    app = create_app([big], cache=True, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        loading = app.screen
        assert isinstance(loading, LoadingScreen)
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.is_mounted, steps=3000)
        notice = loading.query_one("#loading", Static)
        before = notice.render()
        loading.started -= 100  # a counter that would now read 100 s more
        loading._tick()
        assert notice.render() == before


async def test_a_scrollbars_own_restyle_asks_for_no_relayout(tmp_path: Path) -> None:
    # Textual styles a scrollbar made after the first styling pass (the sidebar of a cached
    # 10,000-event open) on its pane's first focus change, and the new rules asked for a
    # relayout of the screen: a second frame of every pane. A scrollbar's place comes from the
    # widget it scrolls, so the relayout is only a repaint.
    from brief_tui.widgets.quiet import QuietScrollBar

    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "s.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        scrollbar = screen.detail.vertical_scrollbar
        assert isinstance(scrollbar, QuietScrollBar)
        asked: list[bool] = []
        real = Widget.refresh

        def spy(self: Widget, *regions: object, **flags: object) -> Widget:
            if self is scrollbar:
                asked.append(bool(flags.get("layout")))
            return real(self, *regions, **flags)  # type: ignore[arg-type]

        Widget.refresh = spy  # type: ignore[method-assign]
        try:
            scrollbar.styles.scrollbar_size_vertical = 3  # a rule that would move a widget
            scrollbar.refresh(layout=True)
        finally:
            Widget.refresh = real  # type: ignore[method-assign]
        assert not any(asked)  # (nothing at all: the scrollbar looks as it was drawn)
