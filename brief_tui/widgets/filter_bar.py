"""`f`: the filter input with a live preview, and the one-line bar of the active filter's chips.

Like the search bar, these know nothing of briefings: the screen gives the input a
function from the typed text to a :class:`Preview` (what the filter would leave, or what
cannot be read), and gives the chips the active filter's terms and counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from textual.app import ComposeResult

__all__ = ["FilterChips", "FilterInput", "Preview"]

PLACEHOLDER = "status:open party:ru grade:A-C words · enter applies · escape cancels"
"""Fits 80 columns whole (with the input's padding): a hint cut off mid-word reads as broken."""


@dataclass(frozen=True, slots=True)
class Preview:
    """What a typed filter would do: ``2 of 6 threads, 5 of 12 events``, or why it cannot be read."""

    text: str
    ok: bool


class FilterInput(Vertical):
    """The filter's one-line input and, above it, its preview; hidden until :meth:`open`."""

    DEFAULT_CSS = """
    FilterInput {
        dock: bottom;
        background: $panel;
        margin-bottom: 1;  /* above the key bar, which is docked at the bottom too */
        height: auto;
        display: none;
    }
    FilterInput.-open {
        display: block;
    }
    FilterInput #filter-preview {
        height: auto;
        max-height: 3;
        width: 1fr;
        padding: 0 1;
    }
    FilterInput Input, FilterInput Input:focus {
        height: 1;
        width: 1fr;
        border: none;
        padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel the filter edit", id="filter-cancel"),
    ]

    class Applied(Message):
        """Enter on a filter that reads: make it the active filter (empty text clears it)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Cancelled(Message):
        """Escape: leave the active filter as it was."""

    def __init__(self, preview: Callable[[str], Preview]) -> None:
        super().__init__(id="filter-input")
        self._preview = preview
        self._last: tuple[str, Preview] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="filter-preview", markup=False)
        yield Input(placeholder=PLACEHOLDER, id="filter-text")

    @property
    def is_open(self) -> bool:
        """Whether the input is showing."""
        return self.has_class("-open")

    def open(self, text: str) -> None:
        """Show the input holding ``text`` (the active filter, to edit) and focus it."""
        self.add_class("-open")
        self._last = None  # the briefing may have changed under a filter typed before
        field = self.query_one(Input)
        field.value = text
        field.cursor_position = len(text)
        field.focus()
        self._show(text)

    def action_cancel(self) -> None:
        """Close without changing the active filter."""
        self.remove_class("-open")
        self.post_message(self.Cancelled())

    def on_input_changed(self, event: Input.Changed) -> None:
        """Preview what the filter would leave at every key."""
        event.stop()
        self._show(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: apply, unless a term cannot be read (the preview says which)."""
        event.stop()
        if self._show(event.value).ok:
            self.remove_class("-open")
            self.post_message(self.Applied(event.value.strip()))

    def _show(self, text: str) -> Preview:
        # Enter asks again for what the last key already previewed: at 10,000 events that is 50 ms.
        if self._last is not None and self._last[0] == text:
            preview = self._last[1]
        else:
            preview = self._preview(text)
            self._last = (text, preview)
        shown = self.query_one("#filter-preview", Static)
        shown.update(Content.styled(preview.text, "" if preview.ok else "$text-warning"))
        shown.set_class(not preview.ok, "-problem")
        return preview


class FilterChips(Widget):
    """One line: each term of the active filter as a chip, then what it leaves; hidden when none."""

    DEFAULT_CSS = """
    FilterChips {
        dock: bottom;
        background: $panel;
        margin-bottom: 1;  /* above the key bar */
        height: 1;
        width: 1fr;
        display: none;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="filter-chips")
        self._chips: list[str] = []
        self._counts = ""
        self._covered = False

    def show(self, chips: Sequence[str], counts: str) -> None:
        """Show these chips (an empty list hides the bar) and the counts they leave."""
        self._chips, self._counts = list(chips), counts
        self._show_or_hide()
        self.refresh()

    def cover(self, covered: bool) -> None:
        """Step aside while a bar that sits on the same row is open (the filter's input, search), or come back.

        Where the chips lie over the panes' bottom border (styles/brief.tcss), they would cover
        that bar's input line.
        """
        self._covered = covered
        self._show_or_hide()

    def _show_or_hide(self) -> None:
        # Set on the widget, not by a class: a class change restyles the widget from the stylesheet.
        self.display = bool(self._chips) and not self._covered

    @property
    def chips(self) -> list[str]:
        """The chips shown, as written."""
        return list(self._chips)

    def render(self) -> Content:
        parts = [Content.styled("filter ", "bold")]
        for chip in self._chips:
            parts += [Content.styled(f" {_one_line(chip)} ", "reverse"), Content(" ")]
        parts.append(Content.styled(f" {self._counts} · f edit · F clear", "dim"))
        return Content("").join(parts)


def _one_line(text: str) -> str:
    from brief_tui.render.safe import clean_line

    return clean_line(text)
