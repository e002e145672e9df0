"""The detail pane's lines: every row measured at once, each row rendered when first seen.

Rendering a row with Rich costs ten times what measuring its height does
(:mod:`brief_tui.render.heights`), and most rows of a long item are never looked at. So
:class:`ItemLines` knows where every row starts (the scrollbar's size, paging, ``]`` then
``[`` back to the same place) from the measures, and renders a row's lines only when one
of them is asked for. A row the measure cannot read (a table) is rendered to be measured.
Should a render ever disagree with its measure, the rows after it move to where they
really start and ``grown`` says so: a line is never lost or shown twice.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from textual.strip import Strip

from brief_tui.render.heights import lines_needed

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions

    from brief_tui.render.detail_rows import Row

__all__ = ["ItemLines", "render_row"]


def render_row(row: Row, console: Console, options: ConsoleOptions) -> list[Strip]:
    """One row rendered to lines."""
    return [Strip(line) for line in console.render_lines(row.content, options, pad=False)]


class ItemLines:
    """An item's rows as lines at one width; a row is rendered when one of its lines is first asked for."""

    def __init__(self, rows: list[Row], width: int, console: Console) -> None:
        self.rows = rows
        self.width = width
        self._console = console
        self._options = console.options.update_width(max(1, width))
        self._rendered: dict[int, list[Strip]] = {}
        self.starts: list[int] = []
        """The first line of each row."""
        self.grown = False
        """A render disagreed with its measure and the rows after it moved (the owner resets it)."""
        total = 0
        for number, row in enumerate(rows if width > 0 else ()):  # (no width yet: no lines yet)
            self.starts.append(total)
            needed = lines_needed(row.content, self._options)
            if needed is None:
                lines = self._rendered[number] = render_row(row, console, self._options)
                needed = len(lines)
            total += needed
        self.total = total
        """How many lines the item takes."""

    def __len__(self) -> int:
        return self.total

    @property
    def rendered_rows(self) -> int:
        """How many rows have been rendered so far."""
        return len(self._rendered)

    def row_of(self, line: int) -> int:
        """The row line ``line`` belongs to."""
        return bisect_right(self.starts, line) - 1

    def span(self, row: int) -> tuple[int, int]:
        """First line and line count of a row."""
        start = self.starts[row]
        end = self.starts[row + 1] if row + 1 < len(self.starts) else self.total
        return start, end - start

    def line(self, number: int) -> Strip:
        """Line ``number`` of the item (0 <= number < len(self))."""
        for _ in self.rows:  # each turn renders a row: one found shorter than measured moves the next up
            if number >= self.total:
                break
            row = self.row_of(number)
            lines = self.row_lines(row)
            if number - self.starts[row] < len(lines):
                return lines[number - self.starts[row]]
        return Strip([])

    def row_lines(self, row: int) -> list[Strip]:
        """A row's lines, rendered now if they were not yet."""
        lines = self._rendered.get(row)
        if lines is None:
            lines = self._rendered[row] = render_row(self.rows[row], self._console, self._options)
            height = self.span(row)[1]
            if len(lines) != height:
                self._move_rows_after(row, len(lines) - height)
        return lines

    def _move_rows_after(self, row: int, by: int) -> None:
        for later in range(row + 1, len(self.starts)):
            self.starts[later] += by
        self.total += by
        self.grown = True

    def all(self) -> list[Strip]:
        """Every line, rendering each row not yet rendered."""
        lines: list[Strip] = []
        for row in range(len(self.rows)):
            lines.extend(self.row_lines(row))
        return lines
