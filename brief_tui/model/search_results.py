"""What a search found: each result (an item and its first matching field) and every hit in it.

:class:`~brief_tui.model.search.SearchIndex` makes these; they read the index for texts and
positions, and look the models up (loading a library's briefing) only when asked to open one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from brief_tui.model.query import Query, Snippet, make_snippet

if TYPE_CHECKING:
    from brief_tui.model.items import Briefing
    from brief_tui.model.search import Owner, SearchIndex

__all__ = ["Hit", "Result", "SearchResults"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of a word: its result, its field (an entry of the index), where in it."""

    result: int
    entry: int
    start: int
    end: int
    offset: int  # the position in the index, where the next and previous hits are looked for


@dataclass(frozen=True, slots=True)
class Result:
    """An item whose texts hold every word, with the first field that matched.

    A result knows its briefing's id, its kind and its id as text; the models (``briefing``,
    ``item``) are looked up only when asked for, which in a library loads that one briefing.
    """

    index: int
    briefing_id: str
    kind: str
    item_id: str
    field: str
    text: str
    first: Hit
    query: Query
    number: int  # the item's number in the index
    found_in: SearchIndex

    @property
    def address(self) -> str:
        """``BRIEFING/ITEM`` (a briefing's own id for its overview)."""
        return self.briefing_id if self.kind == "briefing" else f"{self.briefing_id}/{self.item_id}"

    def opened(self) -> tuple[Briefing, Owner] | None:
        """The briefing and the item, loaded if need be; None when the file no longer holds it."""
        return self.found_in.owner(self.number)

    @property
    def briefing(self) -> Briefing:
        """The result's briefing (loaded if need be; LookupError when it cannot be)."""
        return self._opened()[0]

    @property
    def item(self) -> Owner:
        """What the result opens (loaded if need be; LookupError when it cannot be)."""
        return self._opened()[1]

    def _opened(self) -> tuple[Briefing, Owner]:
        found = self.opened()
        if found is None:
            raise LookupError(f"{self.address} cannot be loaded")
        return found

    def snippet(self, width: int = 72, *, as_read: Callable[[str, str], str] | None = None) -> Snippet:
        """The matched field around its first match, about ``width`` characters, one line.

        ``as_read`` gives a field's text as the reader sees it (a Markdown summary's words:
        link text, no ``**``): the snippet is cut from that, around the first match in it.
        A match only in what the reader does not see (a link's address) keeps the field as written.
        """
        if as_read is not None:
            shown = as_read(self.field, self.text)
            found = self.query.spans(shown) if shown != self.text else []
            if found:
                start, end = found[0]
                return make_snippet(shown, start, self.query, width, end - start)
        first = self.first
        return make_snippet(self.text, first.start, self.query, width, first.end - first.start)


class SearchResults(Sequence[Result]):
    """The items a query matched, in document order; each :class:`Result` made when asked for."""

    def __init__(self, index: SearchIndex, query: Query, items: list[int]) -> None:
        self.search_index = index
        self.query = query
        self._items = items
        self._made: dict[int, Result] = {}

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, position: int) -> Result: ...

    @overload
    def __getitem__(self, position: slice) -> Sequence[Result]: ...

    def __getitem__(self, position: int | slice) -> Result | Sequence[Result]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        made = self._made.get(position)
        if made is None:
            made = self._made[position] = self._result(position)
        return made

    def _result(self, position: int) -> Result:
        first = self._next_in(position)
        assert first is not None  # every listed item holds every word
        index, item = self.search_index, self._items[position]
        name, text = index.field_of(first.entry)
        return Result(position, *index.found(item), name, text, first, self.query, item, index)

    def owners(self) -> set[Owner]:
        """Every matching item in memory, unordered (for a filter's bare words; a library's others are left out)."""
        return {owner for i in self._items if (owner := self.search_index.at_hand(i)) is not None}

    def position_of(self, owner: Owner) -> int | None:
        """The result number of an item, or None when it did not match."""
        return next((n for n, item in enumerate(self._items) if self.search_index.is_owner(item, owner)), None)

    def hits(self, position: int) -> list[Hit]:
        """Every occurrence of every word in one result, in order."""
        out: list[Hit] = []
        hit = self._next_in(position)
        while hit is not None:
            out.append(hit)
            hit = self._next_in(position, hit.offset)
        return out

    def next_hit(self, after: Hit | None = None) -> Hit | None:
        """The occurrence after ``after`` in document order, wrapping to the first; None if none."""
        if not self._items:
            return None
        if after is None:
            return self._next_in(0)
        hit = self._next_in(after.result, after.offset)
        return hit or self._next_in((after.result + 1) % len(self._items))

    def previous_hit(self, before: Hit | None = None) -> Hit | None:
        """The occurrence before ``before`` in document order, wrapping to the last; None if none."""
        if not self._items:
            return None
        if before is None:
            return self._previous_in(len(self._items) - 1)
        hit = self._previous_in(before.result, before.offset)
        return hit or self._previous_in((before.result - 1) % len(self._items))

    def _next_in(self, position: int, after: int = -1) -> Hit | None:
        item, query, index = self._items[position], self.query, self.search_index
        found = [(index.first_at(item, query, w, after), w) for w in range(len(query.words))]
        found = [f for f in found if f[0] >= 0]
        return self._hit(position, min(found)) if found else None

    def _previous_in(self, position: int, before: int | None = None) -> Hit | None:
        item, query, index = self._items[position], self.query, self.search_index
        found = [(index.last_at(item, query, w, before), w) for w in range(len(query.words))]
        found = [f for f in found if f[0] >= 0]
        return self._hit(position, max(found)) if found else None

    def _hit(self, position: int, where: tuple[int, int]) -> Hit:
        at, word = where
        return self.search_index.hit(position, self._items[position], at, len(self.query.words[word]))
