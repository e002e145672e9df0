"""The reader is styled once for its first frame: Textual's restyle of a screen as it first
shows (``ScreenResume.refresh_styles``) is skipped, which is safe only while that second
pass would change nothing. These tests do the pass and check that nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.dom import DOMNode
from textual.events import ScreenResume

from brief_tui.app import create_app
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from tests.conftest import BUILTIN
from tests.widgets.pilot import until


def styles_of(screen: ReaderScreen) -> dict[str, object]:
    """Every node's own style rules and its component classes' styles, by node."""
    out: dict[str, object] = {}
    nodes: list[DOMNode] = [screen, *screen.walk_children()]
    for n, node in enumerate(nodes):
        key = f"{n}:{type(node).__name__}#{node.id}"
        out[key] = dict(node.styles.base.get_rules())
        for name in sorted(node._get_component_classes()):  # the names only; styles via the public getter
            out[f"{key}.{name}"] = dict(node.get_component_styles(name).get_rules())
    return out


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (50, 20), (30, 10)])
async def test_a_second_styling_pass_changes_nothing_on_the_first_frame(tmp_path: Path, size: tuple[int, int]) -> None:
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.pause()
        first = styles_of(screen)
        app.stylesheet.update(screen, animate=False)
        assert styles_of(screen) == first


async def test_the_first_showing_skips_the_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual asks for the pass as the reader first shows; the reader declines it that once."""
    passes: list[tuple[bool, bool]] = []
    resumed = ReaderScreen.on_screen_resume

    def on_screen_resume(self: ReaderScreen, event: ScreenResume) -> None:
        asked = event.refresh_styles
        resumed(self, event)
        passes.append((asked, event.refresh_styles))

    monkeypatch.setattr(ReaderScreen, "on_screen_resume", on_screen_resume)
    app = create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(passes))
        assert passes[0] == (True, False)
