"""Travel in time (``t``): ask for a date; ``[`` ``]`` step through event dates; ``escape`` back to now."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from brief_tui.actions import bindings_for
from brief_tui.model.as_of import KnownOn, known_on, step_date, travel_dates
from brief_tui.model.dates import DateError, parse_date

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from brief_tui.model import BriefDate, Briefing

__all__ = ["TRAVEL_HELP", "TravelScreen"]

TRAVEL_HELP = (
    "Show the briefing as known on a date: events dated or reported after it hidden, "
    "statuses, stances and document versions as they were. Uncertain dates count by their "
    "earliest possible moment."
)


class TravelDate(Input):
    """The date field: ``[`` and ``]`` step through event dates instead of being typed (no date has them)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Leave the brackets to the screen's bindings."""
        if key in ("left_square_bracket", "right_square_bracket"):
            return False
        return super().check_consume_key(key, character)


class TravelScreen(ModalScreen[KnownOn | None]):
    """A date prompt; closes with the briefing as known on that date, or None for now."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("travel")

    DEFAULT_CSS = """
    TravelScreen {
        align: center middle;
        #travel-box { width: 64; max-width: 100%; height: auto; border: round $warning; padding: 0 1; }
        #travel-help { height: auto; color: $text-muted; }
        #travel-problem { height: auto; color: $text-error; }
        /* The reader's panes' borders, not an input's default tall one. */
        #travel-date { border: round $secondary; &:focus { border: heavy $accent; } }
    }
    """

    def __init__(self, briefing: Briefing, current: BriefDate | None = None) -> None:
        super().__init__()
        self.briefing = briefing
        self.current = current
        self._stops: list[BriefDate] | None = None

    def compose(self) -> ComposeResult:
        """The prompt, the date input and a line for what is wrong with it."""
        start = self.current or self.briefing.as_of
        with Vertical(id="travel-box"):
            yield Static(Text("Travel to a date (YYYY-MM-DD)", style="bold"))
            yield TravelDate(value=start.text.rstrip("?~%")[:10], id="travel-date")
            yield Static(Text(""), id="travel-problem")
            yield Static(
                Text(f"[ ] step through event dates · enter go · escape back to now\n{TRAVEL_HELP}"), id="travel-help"
            )

    @property
    def stops(self) -> list[BriefDate]:
        """The days events begin on, computed when first stepped through."""
        if self._stops is None:
            self._stops = travel_dates(self.briefing)
        return self._stops

    def action_step(self, step: int) -> None:
        """Put the event date before or after the one typed into the input."""
        field = self.query_one("#travel-date", Input)
        try:
            typed = parse_date(field.value.strip() or self.briefing.as_of.text)
        except DateError:
            typed = self.briefing.as_of
        found = step_date(self.stops, typed, step)
        if found is not None:
            field.value = found.text
            field.cursor_position = len(found.text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Travel to the date typed, or say what is wrong with it."""
        try:
            known = known_on(self.briefing, event.value.strip())
        except DateError as error:
            self.query_one("#travel-problem", Static).update(Text(str(error)))
            return
        self.dismiss(known)

    def action_now(self) -> None:
        """Back to the briefing as it stands."""
        self.dismiss(None)
