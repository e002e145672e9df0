"""Content strings made safe to show: no markup, no control sequences, no bidi tricks.

Every widget and every text output passes content through :func:`clean` (plain ``str``)
or :func:`text` (a ``rich.text.Text``, never parsed as markup).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.style import Style
    from rich.text import Text

__all__ = ["clean", "clean_line", "text"]

# C0 and C1 controls and DEL (tab and newline are kept), plus the bidi embedding,
# override and isolate characters that can reorder what a reader sees (CVE-2021-42574).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\r":
        return ""
    return "\ufffd"


def clean(value: str) -> str:
    """The string with controls and bidi overrides replaced by U+FFFD, tabs as spaces."""
    return _UNSAFE.sub(_visible, value).replace("\t", "    ")


def clean_line(value: str) -> str:
    """:func:`clean`, folded onto one line (newlines become spaces)."""
    return " ".join(clean(value).split())


def text(value: str, style: str | Style = "", *, one_line: bool = False) -> Text:
    """A ``Text`` holding the content string literally."""
    from rich.text import Text

    return Text(clean_line(value) if one_line else clean(value), style=style)
