"""The briefings of a library the reader has open, each loaded once, when first asked for.

The library screen lists a library from its index (:mod:`brief_tui.loader.index`) without
loading any briefing. Opening one loads it here; a search result, a bookmark of another
briefing and the palette ask for others by id. Every reader of the library shares one model
per file, so an item found in another briefing opens in the same object every reader holds.

Search across the library does not keep the briefings: its index
(:meth:`OpenedLibrary.search_index`) reads each one once, keeps its texts, and lets it go.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from brief_tui.loader.collector import collector_paused

if TYPE_CHECKING:
    from brief_tui.loader.index import Shelf
    from brief_tui.model import Briefing
    from brief_tui.model.search import SearchIndex

__all__ = ["OpenedLibrary"]


class OpenedLibrary:
    """The good briefings of a shelf, loaded on demand through the parse cache (a ``Lending``)."""

    def __init__(self, shelf: Shelf, *, cache: bool = True, before: OpenedLibrary | None = None) -> None:
        self.shelf = shelf
        self.cache = cache
        records = shelf.briefings()
        self.paths = [record.path for record in records]
        self._ids = [record.id for record in records]
        self._by_id = {record.id: record.path for record in records}
        self._loaded: dict[str, Briefing] = {}
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
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

    def load_path(self, path: str) -> Briefing | None:
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
        return self.load_path(path) if path is not None else None

    def load_all(self, going_on: Callable[[], bool] = lambda: True) -> list[Briefing]:
        """Every briefing of the library (those that load), in library order; stops when told to."""
        for path in self.paths:
            if not going_on():
                break
            self.load_path(path)
        return self.loaded()

    # -- lent to the search index (model.search.Lending) -------------------------------

    def briefing_id(self, number: int) -> str:
        """The id of the library's briefing ``number``, from the index (nothing is loaded)."""
        return self._ids[number]

    def load(self, number: int) -> Briefing | None:
        """The library's briefing ``number``, loaded and kept; None if it cannot be read."""
        return self.load_path(self.paths[number])

    def at_hand(self, number: int) -> Briefing | None:
        """The library's briefing ``number`` if it is loaded already, else None."""
        return self._loaded.get(self.paths[number])

    def lend(self, number: int, read: Callable[[Briefing], object]) -> bool:
        """Give briefing ``number`` to ``read``, loading it for that alone when it is not kept.

        A briefing read so is freed at once: it is built while the collector sleeps (all its
        objects young), and the youngest generation is collected after, since its items refer
        to each other in cycles that reference counting alone never frees.
        """
        kept = self.at_hand(number)
        if kept is not None:
            read(kept)
            return True
        from brief_tui.loader import BriefingError, load_briefing

        with collector_paused():
            try:
                briefing = load_briefing(self.paths[number], cache=self.cache, kept=False).briefing
            except (BriefingError, OSError):
                return False
            read(briefing)
            del briefing
            gc.collect(0)
        return True

    def search_index(self) -> SearchIndex:
        """The search index over the whole library (made once, built by whoever calls ``build``)."""
        with self._lock:
            if self._index is None:
                from brief_tui.model.search import SearchIndex

                self._index = SearchIndex(library=self)
            return self._index
