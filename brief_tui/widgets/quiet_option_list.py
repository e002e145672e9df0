"""An OptionList that repaints only the rows a highlight move touches.

Textual's OptionList repaints the whole widget when the highlight moves. Over SSH every
repainted cell is bytes on the link, so moving the highlight here repaints the old and
the new row only.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import OptionList

__all__ = ["QuietOptionList"]


class QuietOptionList(OptionList):
    """OptionList whose highlight moves repaint two rows, not the widget."""

    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]
        super().watch_highlighted(new)
        for index in (old, new):
            if index is not None:
                self._refresh_option(index)

    def _refresh_option(self, index: int) -> None:
        line = self._index_to_line.get(index)
        if line is None:
            self.refresh()
            return
        self.refresh_lines(line, self._heights.get(index, 1))
