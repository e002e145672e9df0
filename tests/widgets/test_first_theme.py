"""The saved theme is the one in use from the first frame, its CSS parsed once before that frame."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color

from brief_tui.app import BriefApp, create_app
from brief_tui.settings import Settings
from tests.conftest import BUILTIN


@pytest.mark.parametrize("theme", ["brief-dark", "brief-light", "ansi-dark", "ansi-light", "textual-dark"])
async def test_the_first_frame_is_in_the_saved_theme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    refreshes: list[str] = []
    real = BriefApp.refresh_css

    def refresh_css(self: BriefApp, animate: bool = True) -> None:
        refreshes.append(self.theme)
        real(self, animate)

    monkeypatch.setattr(BriefApp, "refresh_css", refresh_css)
    app = create_app([BUILTIN], cache=False, settings=Settings(theme=theme, path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)):
        wanted = app.get_theme(theme)
        assert wanted is not None
        assert app.theme == theme
        assert app.has_class(f"-theme-{theme}")
        assert app.has_class("-dark-mode") is wanted.dark
        assert app.has_class("-light-mode") is not wanted.dark
        # The colours on screen are the theme's, not those of Textual's default theme.
        variables = app.get_css_variables()
        assert app.screen.styles.background == Color.parse(variables["background"])
        if wanted.dark and not wanted.ansi:
            # Like Textual's default theme: nothing makes the stylesheets be parsed again.
            assert refreshes == []
