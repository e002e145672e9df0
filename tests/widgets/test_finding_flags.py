"""Pilot tests of the filter's ``changed`` and ``bookmarked`` in the reader, as its state has them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from brief_tui.app import BriefApp
from brief_tui.screens.reader import ReaderScreen
from brief_tui.widgets.filter_bar import FilterInput
from tests.conftest import BUILTIN
from tests.widgets.pilot import until
from tests.widgets.test_following import edit, make, ready

SIZE = (100, 30)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "talks.yaml"
    shutil.copy(BUILTIN, path)
    return path


def sidebar_ids(screen: ReaderScreen) -> list[str]:
    found = screen.sidebar
    ids = [found.get_option_at_index(i).id for i in range(found.option_count)]
    return [i for i in ids if i and i != "overview"]


def preview(screen: ReaderScreen) -> str:
    return str(screen.query_one("#filter-preview").render())


async def type_filter(pilot: Pilot[None], screen: ReaderScreen, text: str) -> None:
    """``f``, the text, and wait for its preview (the filter as it would apply)."""
    await pilot.press("f")
    await until(pilot, lambda: screen.query_one(FilterInput).is_open)
    await pilot.press(*text)
    await until(pilot, lambda: " of 6 threads" in preview(screen))


async def first_read_then_edit(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("q")
    edit(copy)  # the territory thread's status changes; a new event on it comes in


async def test_f_changed_keeps_what_changed_since_last_read(tmp_path: Path, copy: Path) -> None:
    await first_read_then_edit(tmp_path, copy)
    app: BriefApp = make(tmp_path, copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot, app)
        await type_filter(pilot, screen, "changed")
        assert "1 of 6 threads, 1 of" in preview(screen)
        await pilot.press("enter")
        await until(pilot, lambda: sidebar_ids(screen) == ["territory"])
        assert screen.filter_view is not None
        assert [e.id for e in screen.filter_view.events] == ["geneva-round"]
        timeline = screen.timeline
        assert timeline is not None
        assert timeline.selected is not None
        assert timeline.selected.id == "geneva-round"  # the only event the timeline keeps
        # Once read (u goes to each), nothing counts as changed: the filter read again keeps nothing.
        await pilot.press("F")
        await until(pilot, lambda: screen.active_filter is None)
        await pilot.press("u", "u")
        await until(pilot, lambda: screen.reading is not None and not screen.reading.marks)
        await type_filter(pilot, screen, "changed")
        assert preview(screen).startswith("0 of 6 threads, 0 of")


async def test_f_bookmarked_keeps_what_b_bookmarked(tmp_path: Path, copy: Path) -> None:
    app = make(tmp_path, copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot, app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await until(pilot, lambda: getattr(screen.detail.item, "id", None) == "security-guarantees")
        await pilot.press("b")
        await type_filter(pilot, screen, "bookmarked")
        assert preview(screen).startswith("1 of 6 threads, 0 of")
        await pilot.press("enter")
        await until(pilot, lambda: sidebar_ids(screen) == ["security-guarantees"])
        assert screen.detail.item is not None
        assert screen.detail.item.id == "security-guarantees"  # type: ignore[union-attr]
        # The bookmark removed, the filter read again keeps nothing.
        await pilot.press("b")
        await type_filter(pilot, screen, "")
        await until(pilot, lambda: preview(screen).startswith("0 of 6 threads"))
        await pilot.press("enter")
        await until(pilot, lambda: sidebar_ids(screen) == [])
