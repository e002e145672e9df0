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

    def show_label(self, label: str, written: str = "") -> None:
        """Show the banner with ``label`` (``as known on 30 Nov 2025``), or hide it when empty.

        ``written`` is the date the briefing's texts were written (its as-of): summaries and key
        points are not rewritten for the date travelled to, and the banner says so.
        """
        self.set_class(bool(label), "-travelling")
        if label:
            texts = f" · texts as written {written}" if written else ""
            banner = f" ⏴ {label} · later events hidden{texts} · t then escape: back to now"
            self.update(Text(banner, overflow="ellipsis", no_wrap=True))
