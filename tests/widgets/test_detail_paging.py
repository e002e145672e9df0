"""The detail pane never loses a line: paging shows every line of a fresh render, in order.

What is on screen is read through the widget's own ``render_line`` (what the compositor
draws), and compared with the rows rendered afresh at the pane's width.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from brief_tui.app import BriefApp, create_app
from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.render.detail_rows import Overview, Shown, rows_for
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.detail import DetailView, render_rows
from tests.conftest import BUILTIN
from tests.widgets.pilot import until

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate import generate


def make_app(tmp_path: Path, briefing_path: Path = BUILTIN) -> BriefApp:
    return create_app([briefing_path], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def reader(app: BriefApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def on_screen(detail: DetailView) -> list[str]:
    """The lines the pane draws now, as plain text without the scrollbar."""
    return [detail.render_line(y).text.rstrip() for y in range(detail.page_height)]


def fresh(detail: DetailView, item: Shown, briefing: Briefing) -> list[str]:
    """The item's lines rendered afresh at the pane's width."""
    width = detail.scrollable_content_region.width
    lines, _ = render_rows(rows_for(item, briefing), width, detail.app.console)
    return [line.text.rstrip() for line in lines]


def page_through(detail: DetailView, item: Shown, briefing: Briefing) -> None:
    """Page from top to end; every page must be the fresh render's lines at its offset."""
    expected = fresh(detail, item, briefing)
    height = detail.page_height
    top = int(detail.scroll_y)
    assert top == 0, item
    last_top = max(0, len(expected) - height)
    while True:
        assert on_screen(detail) == (expected[top : top + height] + [""] * height)[:height], (item, top)
        if top >= last_top:
            break
        detail.action_page_down()
        new_top = int(detail.scroll_y)
        # One page minus one line: the last line read stays in view, nothing is skipped.
        assert new_top == min(top + height - 1, last_top), (item, top, new_top)
        top = new_top


def every_item(briefing: Briefing) -> list[Shown]:
    return [Overview(briefing), *briefing.by_id.values()]


async def test_space_pages_the_overview_line_by_line(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("2")
        detail = screen.detail
        expected = fresh(detail, screen.overview, screen.briefing)
        height = detail.page_height
        seen: list[str] = []
        top = 0
        while True:
            lines = on_screen(detail)
            seen.extend(lines[len(seen) - top :] if seen else lines)
            if top + height >= len(expected):
                break
            await pilot.press("space")
            assert int(detail.scroll_y) - top == min(height - 1, len(expected) - height - top)
            top = int(detail.scroll_y)
        assert seen[: len(expected)] == expected


async def test_pgup_at_the_top_stays_at_the_top_and_g_reaches_the_title(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("2", "pageup")
        assert screen.detail.scroll_y == 0
        await pilot.press("space", "space", "j", "g")
        assert screen.detail.scroll_y == 0
        # The very first line of the item (the title itself is on the pane's border).
        assert on_screen(screen.detail)[0] == fresh(screen.detail, screen.overview, screen.briefing)[0]
        await pilot.press("end", "home")
        assert screen.detail.scroll_y == 0


@pytest.mark.parametrize(
    ("keys", "must_show"),
    [
        (("j", "j", "2", "space", "left_square_bracket"), "source said."),
        (("j", "2", "space", "1", "k"), "date."),
    ],
)
async def test_paging_after_moving_between_items_loses_nothing(
    tmp_path: Path, keys: tuple[str, ...], must_show: str
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press(*keys)
        item = screen.detail.item
        assert item is not None
        shown: list[str] = []
        top = -1
        while int(screen.detail.scroll_y) != top:
            top = int(screen.detail.scroll_y)
            shown.extend(on_screen(screen.detail))
            screen.detail.action_page_down()
        assert any(line.endswith(must_show) for line in shown)
        screen.detail.action_first()
        page_through(screen.detail, item, screen.briefing)


async def test_every_item_of_the_builtin_briefing_pages_without_loss(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("2")
        for item in every_item(screen.briefing):
            screen.detail.show(item)
            page_through(screen.detail, item, screen.briefing)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_item_of_a_large_briefing_pages_without_loss(tmp_path: Path, size: tuple[int, int]) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(generate(events=400, threads=30, seed=5), encoding="utf-8")
    briefing = load_briefing(big, cache=False).briefing
    assert briefing is not None
    app = make_app(tmp_path, big)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        screen = reader(app)
        await pilot.press("2")
        for item in every_item(screen.briefing):
            screen.detail.show(item)
            page_through(screen.detail, item, screen.briefing)


async def test_a_click_on_a_reference_follows_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("2")
        detail = screen.detail
        while detail.highlighted is None and detail.scroll_y < detail.max_scroll_y:
            await pilot.press("j")
        row = detail.highlighted
        assert row is not None
        target = detail.target
        line = detail._starts[row] - int(detail.scroll_y)
        assert await pilot.click(detail, offset=(3, line))
        assert screen.detail.item is target


async def test_only_the_rows_in_view_are_rendered_until_paged_to(tmp_path: Path) -> None:
    # Every row is measured (the scrollbar's size), but a row is rendered only once in view.
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.pause()
        detail = screen.detail
        rows = len(detail.rows)
        in_view = detail.row_at(int(detail.scroll_y) + detail.page_height - 1) + 1
        assert detail.rendered_rows <= in_view < rows
        assert detail.line_count == len(fresh(detail, screen.overview, screen.briefing))
        await pilot.press("2", "end")
        assert detail.rendered_rows < rows  # the end, not every row between
        await pilot.press("home")
        page_through(detail, screen.overview, screen.briefing)
        assert detail.rendered_rows == rows


@pytest.mark.parametrize("off_by", [+2, -1])
async def test_a_row_measured_wrong_still_pages_without_loss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, off_by: int
) -> None:
    # Should a measure ever disagree with Rich's render, the lines after the row move as it
    # is rendered: paging to the end still shows every line once, in order.
    from brief_tui.widgets import detail_lines

    real = detail_lines.lines_needed

    def wrong(content: object, options: object) -> int | None:
        needed = real(content, options)  # type: ignore[arg-type]
        return None if needed is None else max(1, needed - off_by)

    monkeypatch.setattr(detail_lines, "lines_needed", wrong)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("2")
        detail = screen.detail
        expected = fresh(detail, screen.overview, screen.briefing)
        height = detail.page_height
        seen: list[str] = []
        top = -1
        while int(detail.scroll_y) != top:
            page = on_screen(detail)  # renders the rows in view, which may move the rest
            top = int(detail.scroll_y)
            seen = seen[:top] + page
            detail.action_page_down()
            await pilot.pause()
        assert seen[: len(expected)] == expected
        assert detail.line_count == len(expected)
        assert int(detail.scroll_y) == len(expected) - height
