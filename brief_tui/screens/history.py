"""Back and forward through what was opened, each to the same scroll position (plain Python, no UI)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["History", "Stop"]

# Entries kept behind and ahead; the oldest go first.
DEPTH = 200

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Stop:
    """One place in the history as ids: what was open, in which pane, scrolled how far."""

    item: str | None
    pane: str | None = None
    scroll: int = 0


class History(Generic[T]):
    """A browser's history of places: every open pushes; back and forward move through it.

    ``same`` says when two places are one open (the reader's place with another scroll is
    not a new open); by default, equal places are the same.
    """

    def __init__(self, current: T | None = None, *, same: Callable[[T, T], bool] | None = None) -> None:
        self.current = current
        self.same = same or (lambda a, b: a == b)
        self._back: list[T] = []
        self._forward: list[T] = []

    @property
    def can_go_back(self) -> bool:
        """Whether there is somewhere to go back to."""
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        """Whether there is somewhere to go forward to."""
        return bool(self._forward)

    def open(self, place: T, *, leaving: T | None = None) -> None:
        """Something was opened; ``leaving`` is where the reader was, as it is now (its scroll)."""
        leaving = leaving if leaving is not None else self.current
        if leaving is not None and self.same(leaving, place):
            self.current = place
            return
        if leaving is not None:
            self._back.append(leaving)
            del self._back[:-DEPTH]
        self._forward.clear()
        self.current = place

    def back(self, leaving: T | None = None) -> T | None:
        """The place before this one (None at the start); ``leaving`` keeps this one's scroll."""
        if not self._back:
            return None
        leaving = leaving if leaving is not None else self.current
        if leaving is not None:
            self._forward.append(leaving)
        self.current = self._back.pop()
        return self.current

    def forward(self, leaving: T | None = None) -> T | None:
        """The place after this one (None at the end)."""
        if not self._forward:
            return None
        leaving = leaving if leaving is not None else self.current
        if leaving is not None:
            self._back.append(leaving)
        self.current = self._forward.pop()
        return self.current

    def remap(self, convert: Callable[[T], T]) -> None:
        """Convert every place (the briefing was reloaded: its places name new objects)."""
        self._back = [convert(place) for place in self._back]
        self._forward = [convert(place) for place in self._forward]
        if self.current is not None:
            self.current = convert(self.current)

    def remember(self, older: list[T]) -> None:
        """Put places from an earlier session behind the current one (oldest first)."""
        self._back = [*older, *self._back][-DEPTH:]
