"""Pilot tests of the stance matrix screen: cells, the stance line, enter, narrow lists, scrolling."""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.app import App
from textual.widgets import DataTable, OptionList, Static

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing, Party, Position, Thread, parse_date
from brief_tui.model.as_of import known_on
from brief_tui.screens.matrix import MatrixScreen, Stance
from tests.conftest import BUILTIN


class Host(App[None]):
    """Opens the matrix at once and keeps what it closed with."""

    def __init__(self, briefing: Briefing, known: Any = None) -> None:
        super().__init__()
        self.briefing = briefing
        self.known = known
        self.results: list[Stance | None] = []

    def on_mount(self) -> None:
        self.push_screen(MatrixScreen(self.briefing, self.known), self.results.append)


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


def grid_text(app: Host) -> str:
    grid = app.screen.query_one("#matrix-grid", DataTable)
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def stance_text(app: Host) -> str:
    return str(app.screen.query_one("#matrix-stance", Static).render())


async def test_columns_are_us_ua_ru_with_a_cell_per_position(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = grid_text(app)
        header = text.splitlines()[0].split()
        assert header[-3:] == ["US", "UA", "RU"]
        plan = next(line for line in text.splitlines() if "The US peace plan" in line)
        assert plan.split()[-3:] == ["++P", "±C", "??"]
        cells = re.findall(r"(?<!\S)(?:\+\+|--|[+±~?-])[PSCUOR?]\*?(?!\S)", "\n".join(text.splitlines()[1:]))
        assert len(cells) == 8  # one per position held by a party


async def test_the_cursor_spells_out_the_stance_with_sources_and_grades(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "right")  # Territory, RU
        await pilot.pause()
        shown = stance_text(app)
        assert shown.startswith("RU on Territory and the Donbas demand: ++ proposes")
        assert "withdraw troops" in shown
        assert "(outlet not named) [ungraded]" in shown  # the grade, or that there is none
        await pilot.press("down")  # security guarantees: Russia says nothing
        await pilot.pause()
        assert "the briefing says nothing" in stance_text(app)


async def test_enter_opens_the_thread_at_that_party(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "right", "enter")
        await pilot.pause()
        assert len(app.results) == 1
        result = app.results[0]
        assert result is not None
        assert (result.thread.id, result.party.short) == ("security-guarantees", "UA")


async def test_escape_closes_with_nothing(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_below_70_columns_it_is_a_list_per_thread(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        assert screen.narrow
        listed = screen.query_one("#matrix-list", OptionList)
        assert listed.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        result = app.results[0]
        assert result is not None
        assert (result.thread.id, result.party.short) == ("territory", "UA")


def _big() -> Briefing:
    parties = [Party(id=f"p{n}", name=f"Party {n}", short=f"P{n}") for n in range(8)]
    threads = []
    for t in range(12):
        thread = Thread(id=f"t{t}", title=f"Thread number {t} about a long subject")
        for n, party in enumerate(parties):
            for month in ("2025-10", "2025-11"):
                leaning = "supports" if (t + n) % 3 or month == "2025-10" else "opposes"
                thread.positions.append(Position(stance="s", party=party, leaning=leaning, as_of=parse_date(month)))
        threads.append(thread)
    return Briefing(id="big", title="Big", as_of=parse_date("2025-12"), parties=parties, threads=threads)


async def test_eight_parties_by_twelve_threads_scroll_and_keep_the_headers() -> None:
    app = Host(_big())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(11):
            await pilot.press("down")
        for _ in range(7):
            await pilot.press("right")
        await pilot.pause()
        lines = grid_text(app).splitlines()
        assert lines[0].split()[-1] == "P7"  # the header row stays
        assert "Thread number 11" in "\n".join(lines)
        assert all(line.startswith(" Thread number") for line in lines[1:] if line.strip())  # titles stay
        assert "*" in "\n".join(lines)  # changes marked
        assert "P7 on Thread number 11" in stance_text(app)


async def test_as_known_on_a_date_the_screen_says_so(builtin: Briefing) -> None:
    app = Host(builtin, known_on(builtin, "2025-11-30"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "as known on 30 Nov 2025" in str(app.screen.query_one("#matrix-title", Static).render())
        assert "±C" not in grid_text(app)


async def test_vim_keys_move_the_cursor_as_the_arrows_do(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "l")
        await pilot.pause()
        assert stance_text(app).startswith("RU on Territory and the Donbas demand")
        await pilot.press("j")
        await pilot.pause()
        assert stance_text(app).startswith("RU on US security guarantees")
        await pilot.press("h", "k")
        await pilot.pause()
        assert stance_text(app).startswith("UA on Territory and the Donbas demand")
        await pilot.press("k", "h", "h", "h")  # held against the edges: stays in the grid
        await pilot.pause()
        assert stance_text(app).startswith("US on Territory and the Donbas demand")


async def test_at_40x12_the_list_shows_positions_and_j_k_move_it(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one("#matrix-list", OptionList)
        assert listed.size.height >= 4  # rows of the matrix, not only its caption and legend
        shown = "\n".join(listed.render_line(y).text for y in range(listed.size.height))
        assert "Territory" in shown
        first = stance_text(app)
        await pilot.press("j")
        await pilot.pause()
        assert stance_text(app) != first
        await pilot.press("k")
        await pilot.pause()
        assert stance_text(app) == first
