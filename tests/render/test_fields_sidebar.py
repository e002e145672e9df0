"""The sidebar lists threads as format 1 groups them and shows a short title where the column is narrow."""

from __future__ import annotations

from pathlib import Path

from brief_tui.app import create_app
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from tests.widgets.pilot import until

HELD_OUT = Path(__file__).resolve().parent.parent / "loader" / "fixtures" / "held-out.yaml"


def prompts(screen: ReaderScreen) -> list[str]:
    sidebar = screen.sidebar
    return [str(sidebar.get_option_at_index(n).prompt) for n in range(sidebar.option_count)]


async def test_ungrouped_threads_first_and_short_titles_where_the_column_cuts(tmp_path: Path) -> None:
    app = create_app([HELD_OUT], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        # At 80 columns the sidebar is 30 wide: "Enrichment limits and inspections" would be cut.
        await until(pilot, lambda: any(p.endswith(" Enrichment") for p in prompts(screen)))
        rows = prompts(screen)
        assert rows[0] == "Overview"
        assert rows[1].endswith("Sanctions relief")  # no group: first, under no heading
        assert rows[2] == "Core"
        assert rows[3].endswith(" Enrichment")
        # ] follows the order listed.
        await pilot.press("]")
        assert getattr(screen.detail.item, "id", None) == "sanctions"
        await pilot.press("]")
        assert getattr(screen.detail.item, "id", None) == "enrichment"
        # One pane at a time, the sidebar takes the width: the whole title fits again.
        await pilot.resize_terminal(64, 24)
        await until(pilot, lambda: any(p.endswith("Enrichment limits and inspections") for p in prompts(screen)))
