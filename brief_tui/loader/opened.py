"""The briefings of a library the reader has open, each loaded once, when first asked for.

The library screen lists a library from its index (:mod:`brief_tui.loader.index`) without
loading any briefing. Opening one loads it here; search across the library, a bookmark of
another briefing and the palette ask for others by id or all at once. Every reader of the
library shares one model per file, so an item found in another briefing opens in the same
object the search index holds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brief_tui.loader.index import Shelf
    from brief_tui.model import Briefing

__all__ = ["OpenedLibrary"]


class OpenedLibrary:
    """The good briefings of a shelf, loaded on demand through the parse cache."""

    def __init__(self, shelf: Shelf, *, cache: bool = True, before: OpenedLibrary | None = None) -> None:
        self.shelf = shelf
        self.cache = cache
        records = shelf.briefings()
        self.paths = [record.path for record in records]
        self._by_id = {record.id: record.path for record in records}
        self._loaded: dict[str, Briefing] = {}
        self._lock = threading.Lock()
        if before is not None:  # the library checked again: what was loaded and is still listed stays
            listed = set(self.paths)
            self._loaded = {path: b for path, b in before._loaded.items() if path in listed}

    def __len__(self) -> int:
        return len(self.paths)

    @property
    def complete(self) -> bool:
        """Whether every briefing of the library is loaded."""
        return all(path in self._loaded for path in self.paths)

    def loaded(self) -> list[Briefing]:
        """The briefings loaded so far, in library order."""
        return [self._loaded[path] for path in self.paths if path in self._loaded]

    def keep(self, path: str, briefing: Briefing) -> Briefing:
        """Remember a briefing loaded elsewhere (the library screen's choice); the first kept wins."""
        with self._lock:
            return self._loaded.setdefault(path, briefing)

    def load(self, path: str) -> Briefing | None:
        """The briefing of one file, loaded now if it is not yet; None if it cannot be read."""
        if (found := self._loaded.get(path)) is not None:
            return found
        from brief_tui.loader import BriefingError, load_briefing

        try:
            briefing = load_briefing(path, cache=self.cache).briefing
        except (BriefingError, OSError):
            return None
        return self.keep(path, briefing)

    def by_id(self, briefing_id: str) -> Briefing | None:
        """The briefing with this id, loaded now if need be; None if the library has none."""
        path = self._by_id.get(briefing_id)
        return self.load(path) if path is not None else None

    def load_all(self, going_on: Callable[[], bool] = lambda: True) -> list[Briefing]:
        """Every briefing of the library (those that load), in library order; stops when told to."""
        for path in self.paths:
            if not going_on():
                break
            self.load(path)
        return self.loaded()
