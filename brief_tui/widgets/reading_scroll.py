"""A scrolling page of text that also answers the vim keys (j k g G), as every list does."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.containers import VerticalScroll

from brief_tui.actions import bindings_for

__all__ = ["ReadingScroll"]


class ReadingScroll(VerticalScroll, inherit_bindings=False):
    """VerticalScroll whose keys are the registry's ``page`` actions (j/k/g/G beside the arrows)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("page")
