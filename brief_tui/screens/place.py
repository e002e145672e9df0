"""Where the reader is in a briefing: one value the reader screen keeps and pushes down.

The sidebar, the timeline and the detail pane show a ``Place``; they report moves up as
messages and the reader screen makes the next ``Place``. History (back, and the coming
back/forward) is a list of places; ``to_ids``/``from_ids`` make one storable, so that a
briefing can reopen where it was left.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from brief_tui.model import Briefing, Event, Thread
from brief_tui.render.detail_rows import Overview, Shown

__all__ = ["PANES", "Place"]

PANES = ("sidebar", "detail", "timeline")


@dataclass(frozen=True, slots=True)
class Place:
    """The item shown, the thread and event followed, the focused pane and the detail position."""

    item: Shown
    """What the detail pane shows."""
    thread: Thread | None = None
    """The sidebar's thread (None: the overview); the timeline highlights its events."""
    event: Event | None = None
    """The timeline's selected event (None: none yet)."""
    pane: str = "sidebar"
    scroll: int = 0
    """The detail pane's first line in view."""
    row: int | None = None
    """The detail pane's highlighted reference row."""

    def showing(self, item: Shown, **changes: Any) -> Place:
        """This place with another item in the detail pane, read from its top."""
        return replace(self, item=item, scroll=0, row=None, **changes)

    def moved(self, **changes: Any) -> Place:
        """This place with some fields changed."""
        return replace(self, **changes)

    def to_ids(self) -> dict[str, Any]:
        """The place as plain data (ids, numbers): JSON-ready."""
        return {
            "item": None if isinstance(self.item, Overview) else self.item.id,
            "thread": self.thread.id if self.thread else None,
            "event": self.event.id if self.event else None,
            "pane": self.pane,
            "scroll": self.scroll,
            "row": self.row,
        }

    @classmethod
    def from_ids(cls, briefing: Briefing, data: dict[str, Any]) -> Place:
        """A place from ``to_ids`` data; ids no longer in the briefing fall back to the overview."""
        item = briefing.get(str(data.get("item"))) if data.get("item") else None
        thread = briefing.get(str(data.get("thread"))) if data.get("thread") else None
        event = briefing.get(str(data.get("event"))) if data.get("event") else None
        pane = data.get("pane")
        scroll = data.get("scroll")
        row = data.get("row")
        return cls(
            item=item if item is not None else Overview(briefing),
            thread=thread if isinstance(thread, Thread) else None,
            event=event if isinstance(event, Event) else None,
            pane=pane if pane in PANES else "sidebar",
            scroll=scroll if isinstance(scroll, int) and scroll >= 0 else 0,
            row=row if isinstance(row, int) and row >= 0 else None,
        )
