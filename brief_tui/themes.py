"""The dark and light themes; the .tcss files use only their variables."""

from __future__ import annotations

from collections.abc import Callable

from textual.theme import Theme, ThemeProvider

__all__ = ["OFFERED", "THEMES", "BriefThemes"]

THEMES = (
    Theme(
        name="brief-dark",
        primary="#5fa8d3",
        secondary="#7d8ba1",
        accent="#e0a458",
        warning="#e0a458",
        error="#d1495b",
        success="#66a182",
        foreground="#e2e4e8",
        background="#15181d",
        surface="#1c2027",
        panel="#232833",
        dark=True,
    ),
    Theme(
        name="brief-light",
        primary="#1d5f8a",
        secondary="#5b6b80",
        accent="#9a5b00",
        warning="#9a5b00",
        error="#a4161a",
        success="#2d6a4f",
        foreground="#1b1f24",
        background="#fbfbf8",
        surface="#f1f1ec",
        panel="#e6e6df",
        dark=False,
    ),
)

OFFERED = (*(theme.name for theme in THEMES), "ansi-dark", "ansi-light")
"""The themes the palette offers: brief's own, and Textual's two that draw in the terminal's own colours."""


class BriefThemes(ThemeProvider):
    """The theme palette's entries: the themes brief is styled for, not every theme Textual ships."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        """(name, choose it) for each offered theme."""
        return [(name, choose) for name, choose in super().commands if name in OFFERED]
