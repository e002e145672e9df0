"""Pilot tests: a filter holds in every pane however it came to be made (time travel, a late timeline, ``b``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from brief_tui.app import BriefApp
from brief_tui.model import Thread
from brief_tui.screens import reader as reader_module
from brief_tui.screens.reader import ReaderScreen
from brief_tui.widgets.filter_bar import FilterChips, FilterInput
from brief_tui.widgets.thread_list import ThreadList
from tests.conftest import BUILTIN
from tests.widgets.pilot import until
from tests.widgets.test_finding import make_app, reader, sidebar_ids, timeline_lanes
from tests.widgets.test_following import make, ready

SIZE = (100, 30)


async def apply(pilot: Pilot[None], screen: ReaderScreen, text: str) -> None:
    """``f``, the filter, ``enter``; once it is the active filter."""
    await pilot.press("f")
    await until(pilot, lambda: screen.query_one(FilterInput).is_open)
    await pilot.press(*text, "enter")
    await until(pilot, lambda: screen.active_filter is not None and screen.active_filter.text == text)


def open_ones(screen: ReaderScreen) -> list[Thread]:
    """The threads the briefing shown (as known now, or on the travelled date) has open."""
    from brief_tui.model.as_of import known_of

    known = known_of(screen.briefing)
    return [t for t in screen.briefing.threads if known.status(t) == "open"]


async def test_time_travel_keeps_the_filter_in_every_pane(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await apply(pilot, screen, "status:open")
        await until(pilot, lambda: sidebar_ids(screen) == ["territory", "peace-plan"])
        await pilot.press("t")
        await until(pilot, lambda: bool(app.screen.query("#travel-date")))
        app.screen.query_one("#travel-date", Input).value = "2025-11-30"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.briefing is not app.screen.now)
        screen = reader(app)
        await pilot.pause()
        kept = open_ones(screen)
        assert 0 < len(kept) < len(screen.briefing.threads)
        assert sidebar_ids(screen) == [t.id for t in kept]
        assert set(timeline_lanes(screen)) <= {t.title for t in kept} | {"Other"}
        assert screen.query_one(FilterChips).chips == ["status:open"]
        # Back to now: still filtered, as before the trip.
        await pilot.press("t", "escape")
        await until(pilot, lambda: reader(app).briefing is reader(app).now)
        screen = reader(app)
        await pilot.pause()
        assert sidebar_ids(screen) == ["territory", "peace-plan"]
        assert timeline_lanes(screen) == [t.title for t in open_ones(screen)]
        assert screen.query_one(FilterChips).chips == ["status:open"]


async def test_a_timeline_built_after_a_filter_shows_only_what_it_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Held back until the filter is on: a big briefing's timeline is built after the first frame.
    monkeypatch.setattr(reader_module, "EAGER_TIMELINE_EVENTS", 0)
    held: list[ReaderScreen] = []
    build = ReaderScreen._mount_timeline

    async def hold(self: ReaderScreen) -> None:
        held.append(self)

    monkeypatch.setattr(ReaderScreen, "_mount_timeline", hold)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await until(pilot, lambda: bool(held))
        assert screen.timeline is None
        await apply(pilot, screen, "status:open")
        await until(pilot, lambda: sidebar_ids(screen) == ["territory", "peace-plan"])
        screen.call_later(build, screen)
        await until(pilot, lambda: screen.timeline is not None)
        await pilot.pause()
        assert timeline_lanes(screen) == [t.title for t in open_ones(screen)]
        timeline = screen.timeline
        assert timeline is not None
        assert timeline.selected is not None
        assert any(t.status == "open" for t in timeline.selected.threads)
        await pilot.press("F")
        await until(pilot, lambda: screen.active_filter is None)
        assert len(timeline_lanes(screen)) > 2


async def two_bookmarked_under_a_filter(pilot: Pilot[None], app: BriefApp) -> tuple[ReaderScreen, list[str]]:
    """The first two threads bookmarked, then the filter ``bookmarked`` on: the screen and their ids."""
    screen = await ready(pilot, app)
    marked: list[str] = []
    for _ in range(2):  # the first two threads, bookmarked
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: isinstance(screen.detail.item, Thread) and screen.detail.item.id not in marked)
        marked.append(screen.detail.item.id)  # type: ignore[union-attr]
        await pilot.press("b")
        await until(pilot, lambda: marked[-1] in screen._bookmarked)
    await apply(pilot, screen, "bookmarked")
    await until(pilot, lambda: sidebar_ids(screen) == marked)
    return screen, marked


async def test_b_under_a_bookmarked_filter_applies_it_again_at_once(tmp_path: Path) -> None:
    copy = tmp_path / "talks.yaml"
    copy.write_bytes(BUILTIN.read_bytes())
    app: BriefApp = make(tmp_path, copy)
    async with app.run_test(size=SIZE) as pilot:
        screen, marked = await two_bookmarked_under_a_filter(pilot, app)
        assert screen.sidebar.thread is not None
        assert screen.sidebar.thread.id == marked[-1]
        await pilot.press("b")  # its bookmark removed, the thread read leaves the list at once
        await until(pilot, lambda: sidebar_ids(screen) == marked[:1])
        assert screen.query_one(FilterChips).chips == ["bookmarked"]
        assert "1 of 6 threads" in str(screen.query_one(FilterChips).render())


async def test_a_mark_given_to_a_thread_the_filter_hides_shows_once_it_is_listed_again(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await apply(pilot, screen, "status:open")
        await until(pilot, lambda: sidebar_ids(screen) == ["territory", "peace-plan"])
        hidden = next(t for t in screen.briefing.threads if t.status != "open")
        sidebar = screen.query_one(ThreadList)
        sidebar.set_marks({hidden.id: "⚑"})
        await pilot.press("F")
        await until(pilot, lambda: screen.active_filter is None)
        row = sidebar.get_option(hidden.id)
        assert "⚑" in str(row.prompt)


def regions(screen: ReaderScreen) -> dict[str, object]:
    """Where each pane is on screen."""
    return {pane: screen.query_one(f"#{pane}-pane").region for pane in ("sidebar", "detail", "timeline")}


async def test_with_three_panes_the_chips_lie_over_the_timeline_border_and_resize_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.pause()
        before = regions(screen)
        timeline_pane = screen.query_one("#timeline-pane").region
        await apply(pilot, screen, "status:open")
        await until(pilot, lambda: sidebar_ids(screen) == ["territory", "peace-plan"])
        await pilot.pause()
        chips = screen.query_one(FilterChips)
        assert chips.display
        assert regions(screen) == before  # a filter coming resizes no pane
        # On the timeline pane's bottom border (its last row), above the key bar: no content row hidden.
        assert chips.region.y == timeline_pane.bottom - 1 == 22
        assert screen.get_widget_at(10, 22)[0] is chips  # on top of the border, not under it
        # f again: the chips step aside, so the input's line (on the same row) shows.
        await pilot.press("f")
        await until(pilot, lambda: screen.query_one(FilterInput).is_open)
        await pilot.pause()
        assert not chips.display
        assert screen.get_widget_at(10, 22)[0] is screen.query_one("#filter-text")
        assert regions(screen) == before  # the input lies over the timeline's last rows too
        await pilot.press("escape")
        await until(pilot, lambda: not screen.query_one(FilterInput).is_open)
        await pilot.pause()
        assert chips.display
        # So does search's bar.
        await pilot.press("slash")
        await until(pilot, lambda: not chips.display)
        await pilot.press("escape")
        await until(pilot, lambda: chips.display)
        await pilot.press("F")
        await until(pilot, lambda: screen.active_filter is None)
        await pilot.pause()
        assert regions(screen) == before  # nor does it going


async def test_with_one_pane_the_chips_take_a_row_of_their_own(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = reader(app)
        await pilot.pause()
        await apply(pilot, screen, "status:open")
        await until(pilot, lambda: sidebar_ids(screen) == ["territory", "peace-plan"])
        await pilot.pause()
        chips = screen.query_one(FilterChips)
        pane = screen.query_one("#sidebar-pane").region
        assert chips.display
        assert chips.region.y == 10  # above the key bar
        assert pane.bottom <= chips.region.y  # the pane's bottom border (where a subtitle goes) still shows


async def test_the_filtered_overview_says_what_comes_next_is_hidden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await apply(pilot, screen, "status:near-agreement")
        await pilot.press("1", "g")
        await until(pilot, lambda: "none that the filter keeps (3 hidden by it)" in detail_lines(screen))
        assert "nothing scheduled or expected" not in detail_lines(screen)


def detail_lines(screen: ReaderScreen) -> str:
    detail = screen.detail
    return "\n".join(detail.render_line(y).text for y in range(detail.size.height))


async def test_a_bookmark_removed_in_B_leaves_a_bookmarked_filter_at_once(tmp_path: Path) -> None:
    copy = tmp_path / "talks.yaml"
    copy.write_bytes(BUILTIN.read_bytes())
    app: BriefApp = make(tmp_path, copy)
    async with app.run_test(size=SIZE) as pilot:
        screen, marked = await two_bookmarked_under_a_filter(pilot, app)
        await pilot.press("B", "d", "escape")  # the first bookmark listed, removed in the list
        await until(pilot, lambda: len(sidebar_ids(screen)) == 1)
        assert sidebar_ids(screen)[0] in marked
        assert "1 of 6 threads" in str(screen.query_one(FilterChips).render())
