"""The detail pane: whatever is selected, with every reference a row that enter follows."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brief_tui.model import Briefing
from brief_tui.render.detail_rows import Row, Shown, rows_for
from brief_tui.widgets.quiet_option_list import QuietOptionList

__all__ = ["DetailView"]


class DetailView(QuietOptionList):
    """Shows one item; text rows are inert, reference rows are highlightable."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="detail.down"),
        Binding("k", "cursor_up", "Up", show=False, id="detail.up"),
        Binding("g", "first", "First", show=False, id="detail.first"),
        Binding("G", "last", "Last", show=False, id="detail.last"),
        Binding("space", "page_down", "Page down", show=False, id="detail.page-down"),
    ]

    class Followed(Message):
        """The reader pressed enter on a reference."""

        def __init__(self, target: Shown) -> None:
            self.target = target
            super().__init__()

    def __init__(self, briefing: Briefing, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.briefing = briefing
        self.item: Shown | None = None
        self._rows: list[Row] = []

    def show(self, item: Shown, *, highlight: int | None = None) -> None:
        """Show an item; ``highlight`` restores a row when coming back to it."""
        self.item = item
        self._rows = rows_for(item, self.briefing)
        self.set_options(
            Option(row.content, id=str(index), disabled=row.target is None) for index, row in enumerate(self._rows)
        )
        self.scroll_home(animate=False)
        if highlight is not None and 0 <= highlight < len(self._rows) and self._rows[highlight].target:
            self.highlighted = highlight
        else:
            self.highlighted = None

    @property
    def target(self) -> Shown | None:
        """What the highlighted row refers to, if anything."""
        if self.highlighted is None or self.highlighted >= len(self._rows):
            return None
        return self._rows[self.highlighted].target

    def action_cursor_down(self) -> None:
        """Next reference if it is in view; otherwise scroll, so long text can be read."""
        following = self._next_reference(+1)
        if following is not None and self._line_of(following) < self._view_bottom():
            self.highlighted = following
        elif self.scroll_y < self.max_scroll_y:
            self.scroll_relative(y=max(1, self.scrollable_content_region.height // 2), animate=False)
        elif following is not None:
            self.highlighted = following

    def action_cursor_up(self) -> None:
        """Previous reference if it is in view; otherwise scroll up."""
        preceding = self._next_reference(-1)
        if preceding is not None and self._line_of(preceding) >= self.scroll_y:
            self.highlighted = preceding
        elif self.scroll_y > 0:
            self.scroll_relative(y=-max(1, self.scrollable_content_region.height // 2), animate=False)
        elif preceding is not None:
            self.highlighted = preceding

    def _next_reference(self, step: int) -> int | None:
        start = self.highlighted if self.highlighted is not None else (-1 if step > 0 else len(self._rows))
        index = start + step
        while 0 <= index < len(self._rows):
            if self._rows[index].target is not None:
                return index
            index += step
        return None

    def _line_of(self, index: int) -> int:
        return self._index_to_line.get(index, 0)

    def _view_bottom(self) -> int:
        return int(self.scroll_y) + self.scrollable_content_region.height

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.target
        if target is not None:
            self.post_message(self.Followed(target))

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
