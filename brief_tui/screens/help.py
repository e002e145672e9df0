"""The help screen: every key, generated from the bindings so it never disagrees with them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from brief_tui.actions import Scope, bindings_for, in_scopes, key_display, keys_in_use
from brief_tui.render.labels import EVENT_STATUS_GLYPHS, THREAD_STATUS_GLYPHS, THREAD_STATUS_LETTERS
from brief_tui.widgets.reading_scroll import ReadingScroll
from brief_tui.widgets.timeline import LEGEND as TIMELINE_LEGEND

__all__ = ["SECTIONS", "HelpScreen", "KeyTable", "key_rows"]

STACK_BELOW = 56
"""Narrower than this (cells), a description goes under its keys: beside them it would be cut to ``…``."""

SECTIONS: tuple[tuple[str, Scope], ...] = (
    ("Everywhere", "app"),
    ("Library", "library"),
    ("Reading", "reader"),
    ("Threads pane", "sidebar"),
    ("Detail pane", "detail"),
    ("Timeline", "timeline"),
    ("Stance matrix (s)", "matrix"),
    ("Versions compared (c)", "compare"),
    ("Time travel (t)", "travel"),
    ("What changed (w)", "digest"),
    ("Bookmarks (B)", "bookmarks"),
    ("A broken edit's bar", "reload"),
    ("This help", "help"),
)


def key_rows(scope: Scope, keymap: Mapping[str, str]) -> list[tuple[str, str]]:
    """(keys in use, description) for each action of one scope, from the action registry."""
    rows = []
    for action in in_scopes([scope]):
        keys = keys_in_use(action, keymap)
        rows.append((" ".join(key_display(key) for key in keys), action.description))
    return rows


class KeyTable:
    """Every key by section: keys and description side by side, or stacked when the width is narrow.

    Laid out at render time, so it follows the width it is given (a resize lays it out again).
    """

    def __init__(self, sections: Sequence[tuple[str, list[tuple[str, str]]]]) -> None:
        self.sections = sections

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        if options.max_width >= STACK_BELOW:
            yield self._side_by_side()
        else:
            yield from self._stacked(options.max_width)

    def _side_by_side(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for title, rows in self.sections:
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description in rows:
                table.add_row(Text(keys), Text(description))
        return table

    def _stacked(self, width: int) -> Iterator[RenderableType]:
        """Each key on its line with its description after it when both fit, else on the lines under it."""
        for title, rows in self.sections:
            yield Text(title, style="bold underline")
            for keys, description in rows:
                line = Text(keys, style="bold")
                if line.cell_len + 2 + Text(description).cell_len <= width:
                    yield Text.assemble(line, "  ", description)
                else:
                    yield line
                    yield Padding(Text(description), (0, 0, 0, 2))


class HelpScreen(ModalScreen[None]):
    """Lists every key by the pane it works in, and what the glyphs mean."""

    # A modal screen hides the app's bindings: quit is bound here too (help lists q as "Everywhere").
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("help", also=["quit"])
    # Below 70 columns (where the reader shows one pane at a time) help takes the whole width.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # noqa: RUF012 (Textual's type has no ClassVar)

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with ReadingScroll(id="help-body") as body:
            body.border_title = Text("Keys  (escape closes)")
            yield Static(self.keys_table())
            yield Static(self._legend())

    def keys_table(self) -> KeyTable:
        """Every key in use, by section."""
        return KeyTable([(title, key_rows(scope, self.keymap)) for title, scope in SECTIONS])

    def _legend(self) -> Text:
        legend = Text("\nThread status (sidebar badge: glyph and letter)\n", style="bold underline")
        for status, glyph in THREAD_STATUS_GLYPHS.items():
            legend.append(f"  {glyph}{THREAD_STATUS_LETTERS[status]} {status}\n")
        legend.append("\nEvent status (timeline)\n", style="bold underline")
        for status, glyph in EVENT_STATUS_GLYPHS.items():
            legend.append(f"  {glyph} {status}\n")
        legend.append("\nOn the timeline\n", style="bold underline")
        for mark, meaning in TIMELINE_LEGEND:
            legend.append(f"  {mark}  {meaning}\n")
        legend.append("\nSince you last read (sidebar, detail pane, timeline)\n", style="bold underline")
        legend.append("  ✚ new  ✱ changed  ⚑ bookmarked\n")
        legend.append("\nDates: ? uncertain  ~ approximate  % both\n")
        legend.append("Sources: grades A-F (reliability), 1-6 (credibility of a claim)\n")
        return legend
