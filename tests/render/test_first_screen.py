"""The first screen at 80x24 answers "what comes next": Upcoming is in view without a key."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region

from brief_tui.app import create_app
from brief_tui.loader import load_briefing
from brief_tui.settings import Settings
from brief_tui.widgets.detail import DetailView
from tests.conftest import BUILTIN


async def test_upcoming_events_are_in_view_on_the_first_frame(tmp_path: Path) -> None:
    briefing = load_briefing(BUILTIN, cache=False).briefing
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        detail = app.screen.query_one(DetailView)
        size = detail.scrollable_content_region.size
        shown = " ".join(strip.text for strip in detail.render_lines(Region(0, 0, size.width, size.height)))
        assert "Upcoming" in shown
        for event in briefing.upcoming():
            # Each upcoming event's first words are on screen (its title may wrap past the fold).
            assert " ".join(event.title.split()[:3]) in " ".join(shown.split()), event.id
