"""``w``: what changed since you last read, by section; each row opens its item."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets.option_list import Option

from brief_tui.actions import bindings_for
from brief_tui.model.changes import Changes, Mark, digest_title
from brief_tui.render.safe import text
from brief_tui.screens.listing import ListingScreen

__all__ = ["DigestScreen"]

READ = "✓ read"


class DigestScreen(ListingScreen[str]):
    """The digest of one briefing; dismisses with the id of the item to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("digest")
    LIST_ID = "digest"
    LIST_TITLE = "What changed"

    def __init__(self, changes: Changes, mark_of: Callable[[str], Mark | None], *, first_reading: bool = False) -> None:
        super().__init__()
        self.changes = changes
        self.mark_of = mark_of
        self.first_reading = first_reading and not changes.digest
        """Never read before this session: there is no earlier reading to compare with."""
        self.rows = list(changes.digest)

    def above_list(self) -> Iterator[Widget]:
        """Since when."""
        title = "What changed: this is your first reading" if self.first_reading else digest_title(self.changes.since)
        yield Static(Text(title, style="bold"), id="digest-title")

    def options(self) -> list[Option]:
        """A row a change, under its section's heading."""
        if self.first_reading:
            said = "Nothing to compare with yet: from now on, w lists what changed since you last read."
            return [Option(Text(said), disabled=True)]
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

    def chosen(self, option_id: str) -> str:
        """The id of the row's item."""
        return self.rows[int(option_id)].item_id
