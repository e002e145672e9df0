"""``w``: what changed since you last read, by section; each row opens its item."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from brief_tui.actions import bindings_for
from brief_tui.model.changes import Changes, Mark, digest_title
from brief_tui.render.safe import text
from brief_tui.widgets.key_bar import KeyBar

__all__ = ["DigestScreen"]

READ = "✓ read"


class DigestScreen(Screen[str | None]):
    """The digest of one briefing; dismisses with the id of the item to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("digest")

    def __init__(self, changes: Changes, mark_of: Callable[[str], Mark | None]) -> None:
        super().__init__()
        self.changes = changes
        self.mark_of = mark_of
        self.rows = list(changes.digest)

    def compose(self) -> ComposeResult:
        title = digest_title(self.changes.since)
        yield Static(Text(title, style="bold"), id="digest-title")
        listing = OptionList(*self._options(), id="digest", markup=False)
        listing.border_title = Text("What changed")
        yield listing
        yield KeyBar()

    def _options(self) -> list[Option]:
        if not self.rows:
            return [Option(Text("Nothing has changed since you last read."), disabled=True)]
        options: list[Option] = []
        section = None
        for index, row in enumerate(self.rows):
            if row.section != section:
                section = row.section
                options.append(Option(Text(section, style="bold"), disabled=True))
            mark = self.mark_of(row.item_id)
            label = Text.assemble(((mark.label if mark else READ).ljust(10), "" if mark else "dim"), " ")
            label.append_text(text(row.text, one_line=True))
            options.append(Option(label, id=str(index)))
        return options

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        first = next((i for i, option in enumerate(listing.options) if not option.disabled), None)
        listing.highlighted = first
        listing.focus()

    def action_select(self) -> None:
        """Open the highlighted row."""
        self.query_one(OptionList).action_select()

    def action_cursor_down(self) -> None:
        """Next row."""
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.query_one(OptionList).action_cursor_up()

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.rows[int(event.option.id)].item_id)
