"""Repaint what changed and no more: every repainted cell is bytes on an SSH link.

Two places where Textual repaints far more than changed, and what stops it:

- A container's ``refresh()`` (a new border title, a border that turns heavy with focus)
  marks its whole region dirty, so every child under it is sent again although none of
  them changed. A :class:`Pane` draws nothing but its border around children that fill it,
  so it repaints its border ring only; children repaint themselves when they change.
- ``Screen.focused`` is a reactive that repaints the whole screen on every focus change.
  :func:`focus_without_repaint` redeclares it without the repaint: focus styles are still
  updated by Textual's own focus handling (``:focus``, ``:focus-within``).

Both lean on how Textual 8 behaves; ``tests/widgets/test_quiet.py`` fails when an upgrade
changes it.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.geometry import Region
from textual.reactive import Reactive
from textual.widget import Widget

__all__ = ["Pane", "focus_without_repaint"]


class Pane(Vertical):
    """A bordered container whose own repaints cover its border only, never its children."""

    _rows_only: tuple[int, ...] = ()  # while titles are set: the border rows they sit on

    def set_titles(self, title: Text | None, subtitle: Text | None = None) -> None:
        """Put a title on the top border and a subtitle on the bottom one, repainting those two rows only."""
        self._rows_only = (0, -1)
        try:
            self.border_title = title
            self.border_subtitle = subtitle
        finally:
            self._rows_only = ()

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Pane:
        """Repaint the border ring instead of the whole pane (a layout or recompose is passed on whole)."""
        if regions or layout or recompose or not self.is_mounted or not self.children:
            super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
            return self
        super().refresh(*(self.border_rows() if self._rows_only else self.border_ring()), repaint=repaint)
        return self

    def border_rows(self) -> list[Region]:
        """The top and bottom border rows, where the titles are."""
        return self.border_ring()[:2]

    def border_ring(self) -> list[Region]:
        """The four sides of the border, in content coordinates (as ``refresh`` takes regions)."""
        x, y = -self.content_offset.x, -self.content_offset.y
        width, height = self.outer_size
        if width <= 0 or height <= 0:
            return []
        return [
            Region(x, y, width, 1),
            Region(x, y + height - 1, width, 1),
            Region(x, y, 1, height),
            Region(x + width - 1, y, 1, height),
        ]


def focus_without_repaint() -> Reactive[Widget | None]:
    """``Screen.focused`` as Textual declares it, but without repainting the screen when it changes."""
    return Reactive(None, repaint=False)
