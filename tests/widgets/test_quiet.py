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
    calls: list[int] = []
    real = detail.render_rows

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(detail, "render_rows", counting)
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "s.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert len(app.screen.detail.lines) > app.screen.detail.page_height  # long enough to scroll
        assert len(calls) == 1
