"""Where the timeline's selection is, and where each key takes it: plain Python, no Textual.

A move is a ``(event, lane)`` pair: the event to select and the lane (of the current
mode) whose row shows it, since an event of two threads is drawn in two lanes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brief_tui.model import Thread
    from brief_tui.widgets.timeline.layout import Lane, TimelineData

__all__ = ["Cursor", "Move", "neighbour", "scroll_x"]

Move = tuple[int, int]
"""The event to select and the lane to show it in."""


def neighbour(events: Sequence[int], current: int, step: int) -> int | None:
    """The event ``step`` places from ``current`` in date-ordered events (``current`` need not be among them)."""
    at = bisect_left(events, current)
    if step > 0:
        at += step if at < len(events) and events[at] == current else step - 1
    else:
        at += step
    return events[at] if 0 <= at < len(events) else None


class Cursor:
    """The selected event, the lane the cursor is in, the lane mode and the current thread."""

    def __init__(self, data: TimelineData) -> None:
        self.data = data
        self.merged = False
        self.thread: Thread | None = None
        self.selected = data.nearest_asof()
        self.lane = 0
        if self.selected is not None:
            self.lane = self.lane_for(self.selected)

    @property
    def lanes(self) -> list[Lane]:
        """The lanes of the current mode."""
        return self.data.lanes_for(self.merged)

    def lane_for(self, event: int, *, keep: bool = True) -> int:
        """The lane to show an event in: the cursor's (if ``keep``) or the current thread's if either
        holds it, else its first."""
        lanes = self.data.event_lanes(event, self.merged)
        if not lanes:
            return 0
        if keep and self.lane in lanes:
            return self.lane
        current = self.data.thread_lane.get(self.thread) if self.thread is not None and not self.merged else None
        return current if current in lanes else lanes[0]

    def to(self, event: int) -> Move:
        """A move to an event, in the lane that best keeps the reader's place."""
        return (event, self.lane_for(event))

    def step_time(self, step: int, *, everywhere: bool = False) -> Move | None:
        """Earlier or later along the cursor's lane (``everywhere``: among all events)."""
        if self.selected is None:
            return None
        if everywhere or self.merged:
            target = self.selected + step
            return self.to(target) if 0 <= target < len(self.data.events) else None
        found = neighbour(self.lanes[self.lane].events, self.selected, step)
        return (found, self.lane) if found is not None else None

    def step_lane(self, step: int) -> Move | None:
        """To the next or previous lane, at its event nearest in time to the selection."""
        lane = self.lane + step
        if self.selected is None or not 0 <= lane < len(self.lanes):
            return None
        found = self.data.nearest(self.data.anchor[self.selected], self.lanes[lane])
        return (found, lane) if found is not None else None

    def step_thread(self, step: int) -> Move | None:
        """Along the current thread (or the cursor's lane, or the selection's first thread)."""
        if self.selected is None:
            return None
        data = self.data
        thread = self.thread
        if thread is None and not self.merged:
            thread = data.lanes[self.lane].thread
        if thread is None:
            thread = next((t for t in data.events[self.selected].threads if t in data.thread_lane), None)
        number = data.thread_lane.get(thread) if thread is not None else data.other_lane
        if number is None:
            return None
        found = neighbour(data.lanes[number].events, self.selected, step)
        if found is None:
            return None
        return (found, 0 if self.merged else number)

    def for_thread(self, thread: Thread) -> Move | None:
        """Where showing a thread puts the cursor: the same event if it is of the thread (now in
        the thread's lane, so the lane marker follows), else the thread's event nearest as_of."""
        number = self.data.thread_lane.get(thread)
        selected = self.selected
        if selected is not None and thread in self.data.events[selected].threads:
            return (selected, self.lane if self.merged or number is None else number)
        if number is None:
            return None
        found = self.data.nearest_asof(self.data.lanes[number])
        return (found, 0 if self.merged else number) if found is not None else None

    @property
    def lane_thread(self) -> Thread | None:
        """The thread of the cursor's lane (None in the merged lane and in Other)."""
        return None if self.merged or not self.lanes else self.lanes[self.lane].thread

    def toggle_merged(self) -> None:
        """Switch lane modes, keeping the selection and putting the cursor in a lane that shows it."""
        self.merged = not self.merged
        self.lane = self.lane_for(self.selected, keep=False) if self.selected is not None else 0


def scroll_x(col: int, x: int, area: int, *, label: int = 0, center: bool = False, keep: int | None = None) -> int:
    """The left column of the window that shows column ``col`` (the selection), from window ``x``.

    ``keep`` holds the selection at that window column (zooming), ``center`` centres it;
    otherwise the window moves only when the selection nears an edge, and then far enough
    that its ``label`` and a little of what comes after stay in view (``}`` along a thread
    no longer leaves the event at the right edge with its title cut off).
    """
    left = min(6, area // 4)
    right = min(max(left, label + 2 + left), area // 2)
    if keep is not None:
        return col - keep
    if center:
        return col - area // 2
    if col < x + left:
        return col - left
    if col > x + area - 1 - right:
        return col - area + 1 + right
    return x
