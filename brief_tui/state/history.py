"""Back and forward through what was opened, each to the same scroll position (no UI)."""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["History", "Stop"]

# Entries kept behind and ahead; the oldest go first.
DEPTH = 200


@dataclass(frozen=True, slots=True)
class Stop:
    """One place in the history: what was open, in which pane, scrolled how far."""

    item: str | None
    pane: str | None = None
    scroll: int = 0


class History:
    """A browser's history: every open pushes; back and forward move through it."""

    def __init__(self, current: Stop | None = None) -> None:
        self.current = current
        self._back: list[Stop] = []
        self._forward: list[Stop] = []

    @property
    def can_go_back(self) -> bool:
        """Whether there is somewhere to go back to."""
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        """Whether there is somewhere to go forward to."""
        return bool(self._forward)

    def open(self, stop: Stop, *, leaving: Stop | None = None) -> None:
        """Something new was opened; ``leaving`` is where the reader was, as it is now (its scroll)."""
        leaving = leaving or self.current
        if leaving is not None and leaving.item == stop.item and leaving.pane == stop.pane:
            self.current = stop
            return
        if leaving is not None:
            self._back.append(leaving)
            del self._back[:-DEPTH]
        self._forward.clear()
        self.current = stop

    def back(self, leaving: Stop | None = None) -> Stop | None:
        """The place before this one (None at the start); ``leaving`` keeps this one's scroll."""
        if not self._back:
            return None
        leaving = leaving or self.current
        if leaving is not None:
            self._forward.append(leaving)
        self.current = self._back.pop()
        return self.current

    def forward(self, leaving: Stop | None = None) -> Stop | None:
        """The place after this one (None at the end)."""
        if not self._forward:
            return None
        leaving = leaving or self.current
        if leaving is not None:
            self._back.append(leaving)
        self.current = self._forward.pop()
        return self.current

    def scrolled(self, scroll: int) -> None:
        """The current place was scrolled."""
        if self.current is not None:
            self.current = replace(self.current, scroll=scroll)
