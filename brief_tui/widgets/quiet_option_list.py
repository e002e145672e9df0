"""An OptionList of one-line rows that repaints only the rows a highlight move touches.

Textual's OptionList repaints the whole widget when the highlight moves. Over SSH every
repainted cell is bytes on the link, so moving the highlight here repaints the old and
the new row only.

Two things here lean on how Textual 8's OptionList works inside, and are guarded by
tests/widgets/test_quiet_option_list.py (which fails on an upgrade that breaks them):
- ``highlighted`` is declared again with ``repaint=False`` (OptionList's own repaints all);
- ``watch_highlighted(new)`` of OptionList is still called, for its scrolling and message.
The rows must be one line each (the sidebar's are: ``text-wrap: nowrap``, one-line labels),
so row ``i`` is line ``i`` and no private line map of OptionList is needed.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import OptionList

from brief_tui.widgets.quiet import QuietLines, fewer_runs

__all__ = ["QuietOptionList"]


class QuietOptionList(QuietLines, OptionList):
    """OptionList whose highlight moves repaint two rows, and whose focus changes the rows that change."""

    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]
        super().watch_highlighted(new)
        for index in (old, new):
            if index is not None:
                self.refresh_lines(index, 1)

    def render_line(self, y: int) -> Strip:
        """The row's line (:meth:`option_line`), in fewer style runs, noted as drawn."""
        return self.drawn(y, fewer_runs(self.option_line(y)))

    def option_line(self, y: int) -> Strip:
        """OptionList's line for row ``y`` of the view (a subclass may draw over it)."""
        return super().render_line(y)
