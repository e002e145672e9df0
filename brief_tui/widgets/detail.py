"""The detail pane: whatever is selected, as lines to read, with a cursor on its references.

A line-API ScrollView rather than an OptionList: the rows are laid out as lines at the
pane's width, so paging moves by whole lines (one page minus one line), nothing is ever
skipped or cut, and moving the reference cursor repaints only the two rows it touches
(few bytes per key over SSH). Every row is measured when the item is shown, but only the
rows in view are rendered (:class:`~brief_tui.widgets.detail_lines.ItemLines`): a long
item costs what one screenful does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from brief_tui.actions import bindings_for
from brief_tui.model import Briefing
from brief_tui.render.detail_rows import Row, Shown, rows_for
from brief_tui.render.lens import Lens
from brief_tui.widgets.detail_lines import ItemLines, render_row
from brief_tui.widgets.quiet import QuietLines, fewer_runs

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["DetailView", "render_rows"]


def render_rows(rows: list[Row], width: int, console: Console) -> tuple[list[Strip], list[int]]:
    """Each row rendered to lines at ``width``: all the lines, and the first line of each row
    (what the pane shows, rendered all at once: for tests and writers that want every line)."""
    options = console.options.update_width(max(1, width))
    lines: list[Strip] = []
    starts: list[int] = []
    for row in rows:
        starts.append(len(lines))
        lines.extend(render_row(row, console, options))
    return lines, starts


class DetailView(QuietLines, ScrollView, can_focus=True):
    """Shows one item; ``j``/``k`` move a cursor over the references, or scroll when none is in view."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("detail")
    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail-view--reference"}
    DEFAULT_CSS = """
    /* The scrollbar's column is kept whether or not the item needs it: the text is laid out
       once, at its final width, not again when a scrollbar turns up. The scrollbar is always
       there, its track the colour of the pane, so a short item after a long one (or the other
       way) needs no relayout of the screen, which would repaint the whole pane. */
    DetailView {
        scrollbar-gutter: stable;
        overflow-y: scroll;
        scrollbar-background: $surface;
        scrollbar-background-hover: $surface;
        scrollbar-background-active: $surface;
    }
    DetailView > .detail-view--reference { text-style: bold; }
    DetailView:focus > .detail-view--reference { text-style: bold reverse; }
    """

    class Followed(Message):
        """The reader pressed enter on a reference."""

        def __init__(self, target: Shown) -> None:
            self.target = target
            super().__init__()

    def __init__(self, briefing: Briefing, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.briefing = briefing
        self.item: Shown | None = None
        self.lens: Lens | None = None
        """What the reader's search and filter ask of the rows (set by the screen before ``show``)."""
        self.notice: Row | None = None
        """A row shown above the item (the filter's "filtered: 2 of 6 threads" on the overview)."""
        self.highlighted: int | None = None
        self._rows: list[Row] = []
        self._laid_out: ItemLines | None = None
        """The rows as lines at the width they were last laid out at."""
        self._finished: dict[tuple[int, bool], Strip] = {}
        """Lines as drawn (by line number and whether the cursor is on them), for what they were drawn for."""
        self._finished_for: tuple[object, ...] = ()
        self._finished_lines: ItemLines | None = None

    # -- what is shown ---------------------------------------------------------------

    def show(self, item: Shown, *, highlight: int | None = None, scroll: int = 0) -> None:
        """Show an item; ``highlight`` and ``scroll`` restore a row and a position when coming back."""
        self.item = item
        self._rows = rows_for(item, self.briefing, lens=self.lens)
        if self.notice is not None:
            self._rows.insert(0, self.notice)
        self._lay_out()  # (now if the size is known, else at the first paint)
        self.highlighted = highlight if highlight is not None and self._is_reference(highlight) else None
        self.scroll_to(y=scroll, animate=False, immediate=True)
        if self.highlighted is not None:
            self._bring_into_view(self.highlighted)
        self.refresh()

    @property
    def rows(self) -> list[Row]:
        """The rows of the item shown."""
        return self._rows

    @property
    def lines(self) -> list[Strip]:
        """Every line of the item at the current width (the first ``scroll_y`` are above the view).

        This renders every row not rendered yet: the pane itself renders only what it shows.
        """
        return self._item_lines.all()

    @property
    def line_count(self) -> int:
        """How many lines the item takes at the current width."""
        return len(self._item_lines)

    @property
    def rendered_rows(self) -> int:
        """How many rows have been rendered at the current width (the rest are only measured)."""
        return self._item_lines.rendered_rows

    def row_at(self, line: int) -> int:
        """The row that line ``line`` of the item belongs to."""
        return self._item_lines.row_of(line)

    @property
    def _item_lines(self) -> ItemLines:
        """The item's lines at the current width (laid out now if the width changed)."""
        self._lay_out()
        assert self._laid_out is not None
        return self._laid_out

    @property
    def _starts(self) -> list[int]:
        """The first line of each row."""
        return self._item_lines.starts

    @property
    def target(self) -> Shown | None:
        """What the highlighted row refers to, if anything."""
        if self.highlighted is None or self.highlighted >= len(self._rows):
            return None
        return self._rows[self.highlighted].target

    @property
    def page_height(self) -> int:
        """How many lines one screenful shows."""
        return max(1, self.scrollable_content_region.height)

    def _lay_out(self) -> None:
        """Measure the rows at the pane's width (rendering none of them) if not done at this width."""
        width = max(0, self.scrollable_content_region.width)
        laid_out = self._laid_out
        if laid_out is not None and laid_out.width == width and laid_out.rows is self._rows:
            return
        self._laid_out = ItemLines(self._rows, width, self.app.console)
        if width:
            self.set_virtual_size(Size(width, len(self._laid_out)))

    def on_resize(self) -> None:
        self._lay_out()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """One line of the view: the item's line at ``scroll_y + y``, the cursor's row marked."""
        lines = self._item_lines
        number = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.base_style
        if not 0 <= number < len(lines):
            return self.drawn(y, Strip([Segment(" " * width, base)], width))
        drawn_for = (base, width, self.has_focus)
        if self._finished_for != drawn_for or self._finished_lines is not lines:
            self._finished_for, self._finished_lines = drawn_for, lines
            self._finished.clear()
        cursor = self.highlighted is not None and lines.row_of(number) == self.highlighted
        strip = self._finished.get((number, cursor))
        if strip is None:
            strip = lines.line(number)
            if lines.grown:
                self._rows_moved(lines)
            if cursor:
                strip = strip.apply_style(self.get_component_rich_style("detail-view--reference"))
            strip = fewer_runs(strip.extend_cell_length(width).crop(0, width).apply_style(base))
            self._finished[number, cursor] = strip
        return self.drawn(y, strip)

    def _rows_moved(self, lines: ItemLines) -> None:
        """A row rendered to more or fewer lines than measured: the lines after it moved; draw again."""
        lines.grown = False
        self._finished.clear()
        self.set_virtual_size(Size(lines.width, len(lines)))
        self.refresh()

    def _row_of(self, line: int) -> int:
        """The row that line ``line`` belongs to."""
        return self._item_lines.row_of(line)

    def _span(self, row: int) -> tuple[int, int]:
        """First line and line count of a row."""
        return self._item_lines.span(row)

    def _is_reference(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].target is not None

    # -- the reference cursor --------------------------------------------------------

    def _set_highlighted(self, row: int | None) -> None:
        old, self.highlighted = self.highlighted, row
        self._lay_out()
        for touched in (old, row):
            if touched is not None and touched < len(self._starts):
                self.refresh_lines(*self._span(touched))

    def show_row(self, row: int) -> None:
        """Scroll a row into view (a search match `n` went to)."""
        self._lay_out()
        if 0 <= row < len(self._starts):
            self._bring_into_view(row)
            self.refresh()

    def _bring_into_view(self, row: int) -> None:
        start, height = self._span(row)
        top = int(self.scroll_y)
        if start < top:
            self.scroll_to(y=start, animate=False, immediate=True)
        elif start + height > top + self.page_height:
            self.scroll_to(y=min(start, start + height - self.page_height), animate=False, immediate=True)

    def _in_view(self, row: int) -> bool:
        start, height = self._span(row)
        top = int(self.scroll_y)
        return start >= top and start + height <= top + self.page_height

    def _next_reference(self, step: int) -> int | None:
        """The next reference row after the cursor (or from the edge of the view)."""
        self._lay_out()
        if self.highlighted is not None:
            index = self.highlighted + step
        else:
            top = int(self.scroll_y)
            edge = top if step > 0 else min(self.line_count - 1, top + self.page_height - 1)
            index = self._row_of(edge) if self.line_count else 0
        while 0 <= index < len(self._rows):
            if self._rows[index].target is not None:
                return index
            index += step
        return None

    def action_cursor_down(self) -> None:
        """Next reference if it is in view; otherwise scroll down a line, so long text can be read."""
        following = self._next_reference(+1)
        if following is not None and self._in_view(following):
            self._set_highlighted(following)
        elif self.scroll_y < self.max_scroll_y:
            self._scroll_by(1)
        elif following is not None:
            self._set_highlighted(following)
            self._bring_into_view(following)

    def action_cursor_up(self) -> None:
        """Previous reference if it is in view; otherwise scroll up a line."""
        preceding = self._next_reference(-1)
        if preceding is not None and self._in_view(preceding):
            self._set_highlighted(preceding)
        elif self.scroll_y > 0:
            self._scroll_by(-1)
        elif preceding is not None:
            self._set_highlighted(preceding)
            self._bring_into_view(preceding)

    def _scroll_by(self, lines: int) -> None:
        self.scroll_to(y=max(0, min(self.max_scroll_y, int(self.scroll_y) + lines)), animate=False, immediate=True)
        if self.highlighted is not None and not self._in_view(self.highlighted):
            self.highlighted = None
        self.refresh()

    # -- paging: one page minus one line, so the last line read stays in view --------

    def action_page_down(self) -> None:
        """Down one page, keeping the last line of this page as the first of the next."""
        self._scroll_by(self.page_height - 1 if self.page_height > 1 else 1)

    def action_page_up(self) -> None:
        """Up one page, keeping the first line of this page as the last of the previous."""
        self._scroll_by(-(self.page_height - 1 if self.page_height > 1 else 1))

    def action_first(self) -> None:
        """The very top of the item."""
        self.highlighted = None
        self._scroll_by(-self.line_count)

    def action_last(self) -> None:
        """The very end of the item."""
        self.highlighted = None
        self._scroll_by(self.line_count)

    def on_click(self, event: events.Click) -> None:
        """A click on a reference follows it, as enter does."""
        offset = event.get_content_offset(self)
        if offset is None or not self.line_count:
            return
        row = self._row_of(min(self.line_count - 1, int(self.scroll_y) + offset.y))
        if self._is_reference(row):
            self._set_highlighted(row)
            self.action_follow()

    def action_follow(self) -> None:
        """Follow the reference under the cursor."""
        target = self.target
        if target is not None:
            self.post_message(self.Followed(target))
