"""The floor: the least a Textual app can do, measured beside brief in the same run.

It shows a header and one known word (``FLOOR-READY``); ``]`` swaps the word, so the
harness can time a key on the floor too. ``q`` quits.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Header, Static

READY = "FLOOR-READY"
NEXT = "FLOOR-NEXT"


class FloorApp(App[None]):
    """A header and a static word: Textual's own start-up cost, nothing more."""

    BINDINGS: ClassVar[list[BindingType]] = [("right_square_bracket", "swap", "Swap"), ("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY, id="word")

    def action_swap(self) -> None:
        """Swap the word, so a key has something to draw."""
        word = self.query_one("#word", Static)
        word.update(NEXT if str(word.render()) == READY else READY)


if __name__ == "__main__":
    FloorApp().run()
