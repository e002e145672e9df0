"""Pilot tests of time travel's date prompt and the banner."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.model.as_of import KnownOn
from brief_tui.screens.travel import TRAVEL_HELP, TravelScreen
from brief_tui.widgets.time_banner import TimeBanner
from tests.conftest import BUILTIN


class Host(App[None]):
    """Opens the prompt at once and keeps what it closed with."""

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.results: list[KnownOn | None] = []

    def compose(self) -> ComposeResult:
        yield TimeBanner()

    def on_mount(self) -> None:
        self.push_screen(TravelScreen(self.briefing), self._travelled)

    def _travelled(self, known: KnownOn | None) -> None:
        self.results.append(known)
        self.query_one(TimeBanner).show_label(known.label if known else "")


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


async def test_a_date_typed_travels_and_the_banner_says_so(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#travel-date", Input).value = "2025-11-30"
        await pilot.press("enter")
        await pilot.pause()
        known = app.results[0]
        assert known is not None
        assert known.label == "as known on 30 Nov 2025"
        banner = app.query_one(TimeBanner)
        assert banner.display
        assert "as known on 30 Nov 2025" in str(banner.render())


async def test_escape_goes_back_to_now(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
        assert not app.query_one(TimeBanner).display


async def test_brackets_step_through_event_dates(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#travel-date", Input)
        assert field.value == "2025-12-06"
        await pilot.press("left_square_bracket")
        assert field.value == "2025-12-05"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert field.value == "2025-12-02"
        await pilot.press("right_square_bracket")
        assert field.value == "2025-12-03"
        await pilot.press("enter")
        await pilot.pause()
        known = app.results[0]
        assert known is not None
        assert known.label == "as known on 3 Dec 2025"


async def test_a_bad_date_is_explained_and_the_prompt_stays(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#travel-date", Input).value = "30 Nov [b]x[/b]"
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == []
        problem = str(app.screen.query_one("#travel-problem", Static).render())
        assert "is not a date" in problem
        assert "30 Nov [b]x[" in problem  # shown literally, never read as markup


async def test_the_prompt_says_how_uncertain_dates_count(builtin: Briefing) -> None:
    app = Host(builtin)
    async with app.run_test(size=(80, 24)):
        shown = str(app.screen.query_one("#travel-help", Static).render())
        assert "earliest possible moment" in shown
        assert "earliest possible moment" in TRAVEL_HELP
