"""The theme palette (ctrl+p, Theme) offers brief's own themes, not every theme Textual ships."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList

from brief_tui.app import create_app
from brief_tui.settings import Settings
from brief_tui.themes import OFFERED
from tests.conftest import BUILTIN
from tests.widgets.pilot import until


async def test_the_theme_palette_offers_brief_themes_only(tmp_path: Path) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert len(app.available_themes) > len(OFFERED)  # Textual's own are there, not offered
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"theme")

        def highlighted() -> str:
            options = app.screen.query_one(OptionList)
            return "" if options.highlighted is None else str(options.get_option_at_index(options.highlighted).prompt)

        await until(pilot, lambda: highlighted().startswith("Theme"))
        first = app.screen
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette) and app.screen is not first)

        def offered() -> list[str]:
            return sorted(str(option.prompt) for option in app.screen.query_one(OptionList).options)

        await until(pilot, lambda: len(offered()) >= len(OFFERED))
        assert offered() == sorted(OFFERED)
        await pilot.press(*"brief-light")
        await until(pilot, lambda: highlighted() == "brief-light")
        await pilot.press("enter")
        await until(pilot, lambda: app.theme == "brief-light")
