"""Pilot tests of versions compared: summaries, no word broken at 80x24, side by side at 160x48, [ and ]."""

from __future__ import annotations

import re

import pytest
from textual.app import App
from textual.widgets import Static

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing, Document, Part, Version
from brief_tui.model.as_of import known_on
from brief_tui.screens.compare import CompareScreen
from tests.conftest import BUILTIN


class Host(App[None]):
    """Opens one comparison at once."""

    def __init__(self, screen: CompareScreen) -> None:
        super().__init__()
        self.compare = screen

    def on_mount(self) -> None:
        self.push_screen(self.compare)


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


def _six() -> Document:
    """Six versions whose words are long enough to be folded by a table: Initialled, Memorandum."""
    document = Document(id="accord", title="Accord")
    for n in range(6):
        summary = f"Initialled memorandum number {n}: demilitarisation, reconstruction, internationalisation."
        parts = [Part(title="Demilitarisation", summary=f"Stage {n} of withdrawal, internationally monitored.")]
        if n % 2:
            parts.append(Part(title=f"Reconstruction {n}", summary="Internationally financed reconstruction."))
        document.versions.append(Version(id=f"v{n}", label=f"Initialled draft {n}", summary=summary, parts=parts))
    for version in document.versions:
        version.document = document
    return document


def lines_of(app: Host, widget_id: str) -> list[str]:
    widget = app.screen.query_one(f"#{widget_id}", Static)
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_each_versions_summary_shows_and_no_word_is_broken_at_80x24() -> None:
    document = _six()
    app = Host(CompareScreen(document))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.narrow
        shown = lines_of(app, "compare-before") + lines_of(app, "compare-after")
        text = "\n".join(shown)
        assert "memorandum number 4" in text
        assert "memorandum number 5" in text
        long_words = ("Initialled", "demilitarisation", "reconstruction", "internationalisation", "Internationally")
        for line in shown:
            for token in re.findall(r"[A-Za-z]+", line):
                for word in long_words:
                    assert not (word.startswith(token) and len(token) >= 3 and token != word), f"{token!r} broken"
                    assert not (word.endswith(token) and len(token) >= 3 and token != word), f"{token!r} broken"
        assert "Initi" not in [w for line in shown for w in line.split()]


async def test_at_160x48_the_versions_stand_side_by_side(builtin: Briefing) -> None:
    app = Host(CompareScreen(builtin.documents[0]))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert not screen.narrow
        before = screen.query_one("#compare-before", Static)
        after = screen.query_one("#compare-after", Static)
        assert before.region.y == after.region.y
        assert after.region.x > before.region.x + 60
        assert "reduced to 20 points" in "\n".join(lines_of(app, "compare-before"))
        assert "27 points divided into four" in "\n".join(lines_of(app, "compare-after"))
        title = str(screen.query_one("#compare-title", Static).render())
        assert "Separate accounts" in title


async def test_brackets_step_the_pair_through_the_versions() -> None:
    app = Host(CompareScreen(_six()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.older, screen.newer) == (4, 5)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert (screen.older, screen.newer) == (2, 3)
        assert "memorandum number 2" in "\n".join(lines_of(app, "compare-before"))
        await pilot.press("right_square_bracket")
        assert (screen.older, screen.newer) == (3, 4)
        for _ in range(5):
            await pilot.press("left_square_bracket")
        assert (screen.older, screen.newer) == (0, 1)
        parts = "\n".join(lines_of(app, "compare-parts"))
        assert "~ Demilitarisation" in parts
        assert "+ Reconstruction 1" in parts


async def test_as_known_on_a_date_only_the_versions_of_then(builtin: Briefing) -> None:
    app = Host(CompareScreen(builtin.documents[0], known=known_on(builtin, "2025-11-30")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert [v.points for v in screen.versions] == [28, 20]
        assert "as known on 30 Nov 2025" in str(screen.query_one("#compare-title", Static).render())
