"""The library's list of briefings: two lines a briefing, drawn only where visible.

A library can hold thousands of briefings; an OptionList measures every option before
its first frame. This is a line-API ScrollView: each entry is two lines, so the height is
known without rendering anything, and ``render_line`` formats only the rows on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from brief_tui.actions import bindings_for

__all__ = ["LibraryEntry", "LibraryList"]

LINES = 2  # lines per entry: the title, then what it holds and where it comes from


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One entry: its two lines of text, and the key it is chosen by (None: not choosable)."""

    title: Text
    detail: Text
    key: str | None = None


class LibraryList(ScrollView, can_focus=True, inherit_bindings=False):
    """A long list of two-line entries with a cursor; enter (or a click) chooses one."""

    DEFAULT_CSS = """
    LibraryList {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    LibraryList > .library-list--cursor {
        background: $block-cursor-blurred-background;
    }
    LibraryList:focus > .library-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    LibraryList > .library-list--detail {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"library-list--cursor", "library-list--detail"}
    # The list's keys, from the action registry (scope ``library``): help and the key bar list them.
    # None inherited: a scroll view's own (scroll up, down, left) would come first in the key bar.
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("library")

    class Chosen(Message):
        """The reader chose an entry."""

        def __init__(self, key: str) -> None:
            self.key = key
            super().__init__()

    def __init__(self, entries: Sequence[LibraryEntry] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[LibraryEntry] = list(entries)
        self._cursor = self._first_choosable(0, 1)
        self._moved = False
        self._strips: dict[tuple[int, int, bool, int], Strip] = {}

    @property
    def entries(self) -> Sequence[LibraryEntry]:
        """The entries shown, in order."""
        return self._entries

    @property
    def cursor(self) -> int | None:
        """The index of the entry under the cursor, or None when nothing can be chosen."""
        return self._cursor

    def show(self, entries: Sequence[LibraryEntry]) -> None:
        """Replace the entries; once the reader has moved, the cursor stays on the same key if it is still there."""
        key = self._entries[self._cursor].key if self._cursor is not None and self._moved else None
        self._entries = list(entries)
        keys = [entry.key for entry in self._entries]
        self._cursor = keys.index(key) if key is not None and key in keys else self._first_choosable(0, 1)
        self._strips.clear()
        self._update_size()
        if self._cursor is not None:
            self.scroll_to_region(self._region(self._cursor), animate=False, immediate=True)
        self.refresh()

    def on_mount(self) -> None:
        self._update_size()

    def on_resize(self) -> None:
        self._strips.clear()
        self._update_size()

    def _update_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._entries) * LINES)

    # -- moving ----------------------------------------------------------------------------
    def _first_choosable(self, start: int, step: int) -> int | None:
        index = start
        while 0 <= index < len(self._entries):
            if self._entries[index].key is not None:
                return index
            index += step
        return None

    def _move_to(self, index: int | None) -> None:
        if index is None or index == self._cursor:
            return
        old, self._cursor = self._cursor, index
        self._moved = True
        for changed in (old, index):
            if changed is not None:
                self.refresh_lines(changed * LINES - round(self.scroll_y), LINES)
        self.scroll_to_region(self._region(index), animate=False, immediate=True)

    def _region(self, index: int) -> Region:
        return Region(0, index * LINES, 1, LINES)

    def action_cursor_down(self) -> None:
        """Next entry."""
        start = 0 if self._cursor is None else self._cursor + 1
        self._move_to(self._first_choosable(start, 1))

    def action_cursor_up(self) -> None:
        """Previous entry."""
        start = len(self._entries) - 1 if self._cursor is None else self._cursor - 1
        self._move_to(self._first_choosable(start, -1))

    def action_first(self) -> None:
        """First entry."""
        self._move_to(self._first_choosable(0, 1))

    def action_last(self) -> None:
        """Last entry."""
        self._move_to(self._first_choosable(len(self._entries) - 1, -1))

    def action_page_down(self) -> None:
        """A screenful down."""
        page = max(1, self.scrollable_content_region.height // LINES)
        start = min(len(self._entries) - 1, (self._cursor or 0) + page)
        self._move_to(self._first_choosable(start, 1) or self._first_choosable(start, -1))

    def action_page_up(self) -> None:
        """A screenful up."""
        page = max(1, self.scrollable_content_region.height // LINES)
        start = max(0, (self._cursor or 0) - page)
        self._move_to(self._first_choosable(start, -1) or self._first_choosable(start, 1))

    def action_choose(self) -> None:
        """Choose the entry under the cursor."""
        if self._cursor is not None and (key := self._entries[self._cursor].key) is not None:
            self.post_message(self.Chosen(key))

    def on_click(self, event: Click) -> None:
        index = (event.y + round(self.scroll_y)) // LINES
        if 0 <= index < len(self._entries) and self._entries[index].key is not None:
            self._move_to(index)
            self.action_choose()

    # -- drawing ---------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_focus(self) -> None:
        self._refresh_cursor()

    def on_blur(self) -> None:
        self._refresh_cursor()

    def _refresh_cursor(self) -> None:
        self._strips.clear()
        if self._cursor is not None:
            self.refresh_lines(self._cursor * LINES - round(self.scroll_y), LINES)

    def render_line(self, y: int) -> Strip:
        """One line: half of an entry, formatted only when it comes into view."""
        width = self.scrollable_content_region.width
        number = y + round(self.scroll_y)
        index, part = divmod(number, LINES)
        if index >= len(self._entries):
            return Strip.blank(width, self.rich_style)
        cursor = index == self._cursor
        key = (index, part, cursor and self.has_focus, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._draw(self._entries[index], part, cursor, width)
            if len(self._strips) > 512:
                self._strips.clear()
            self._strips[key] = strip
        return strip

    def _draw(self, entry: LibraryEntry, part: int, cursor: bool, width: int) -> Strip:
        base: Style = self.rich_style
        if cursor:
            base += self.get_component_rich_style("library-list--cursor")
        line = entry.title.copy() if part == 0 else entry.detail.copy()
        if part == 0 and entry.key is not None:
            # The cursor shows without colour too (NO_COLOR, monochrome terminals).
            line = Text.assemble("▸ " if cursor else "  ", line)
        if part == 1:
            line.stylize_before(self.get_component_rich_style("library-list--detail", partial=True))
        line.truncate(width, overflow="ellipsis", pad=True)
        segments = [Segment(s.text, base + s.style if s.style else base) for s in line.render(self.app.console)]
        return Strip(segments, width).crop(0, width)
