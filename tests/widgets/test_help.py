"""Help at every size: each description readable in full, never cut to an ellipsis."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from brief_tui.app import create_app
from brief_tui.screens.help import SECTIONS, HelpScreen, key_rows
from brief_tui.settings import Settings
from tests.conftest import BUILTIN
from tests.widgets.pilot import until


def words(value: str) -> str:
    return " ".join(value.split())


@pytest.mark.parametrize("size", [(40, 12), (50, 16), (80, 24)])
async def test_every_description_shows_in_full(tmp_path: Path, size: tuple[int, int]) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = app.screen.query(Static).first()
        await until(pilot, lambda: keys.size.height > 0)
        lines = [strip.text for strip in keys.render_lines(Region(0, 0, keys.size.width, keys.size.height))]
        assert not any("…" in line for line in lines), lines
        shown = words(" ".join(lines))
        for _, scope in SECTIONS:
            for key, description in key_rows(scope, {}):
                # A description may wrap, never be cut; its keys come before it.
                assert re.search(re.escape(words(key)) + r"\s+" + re.escape(words(description)), shown), description


@pytest.mark.parametrize(("size", "width"), [((40, 12), 40), ((69, 20), 69), ((70, 24), 56), ((120, 40), 90)])
async def test_help_takes_the_whole_width_below_70_columns(tmp_path: Path, size: tuple[int, int], width: int) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        body = app.screen.query_one("#help-body")
        await until(pilot, lambda: body.size.width > 0)
        assert body.outer_size.width == width  # 80% of 70, at most 90 from 70 columns on
