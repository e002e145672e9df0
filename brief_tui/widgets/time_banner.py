"""The banner shown while travelling in time: "as known on 30 Nov 2025", always on screen."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

__all__ = ["TimeBanner"]


class TimeBanner(Static):
    """One line docked at the top; hidden when the reader shows the briefing as it stands."""

    DEFAULT_CSS = """
    TimeBanner {
        dock: top;
        height: 1;
        width: 1fr;
        display: none;
        background: $warning;
        color: $text;
        text-style: bold;
        &.-travelling { display: block; }
    }
    """

    def show_label(self, label: str) -> None:
        """Show the banner with ``label`` (``as known on 30 Nov 2025``), or hide it when empty."""
        self.set_class(bool(label), "-travelling")
        if label:
            self.update(Text(f" ⏴ {label} · later events hidden · t then escape: back to now", overflow="ellipsis"))
