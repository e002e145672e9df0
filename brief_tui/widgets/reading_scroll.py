"""A scrolling page of text that also answers the vim keys (j k g G), as every list does."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

__all__ = ["ReadingScroll"]


class ReadingScroll(VerticalScroll):
    """VerticalScroll with j/k/g/G beside the arrows, home and end."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="page.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="page.up"),
        Binding("g", "scroll_home", "Top", show=False, id="page.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="page.bottom"),
    ]
