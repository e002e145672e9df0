"""Search every item of the open briefings, fast enough for results at each keystroke.

The index keeps each item's texts *folded* (:func:`~brief_tui.model.query.fold`: lower
case one character for one, whitespace as a space, controls as U+FFFD) and UTF-8 encoded
in a few large byte strings, one per chunk of items, so a query is a handful of
``bytes.find`` calls run in C rather than a Python loop over every field. UTF-8 keeps
mostly-Latin text at a byte a character (a ``str`` holding one emoji takes four bytes for
every character), and ``find`` cannot match inside a character (UTF-8 never puts a lead
byte inside another character's bytes). A match is checked against the original text
when case counts. The texts themselves are the model's own strings: the index only points
at them. Results and hits come in document order: each briefing as the reader lists it,
its overview first, then threads, events (by date), documents and their versions, quotes,
actors, parties and sources.
"""

from __future__ import annotations

import bisect
import sys
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeAlias, overload

from brief_tui.model.fields import item_fields
from brief_tui.model.items import Briefing, Item
from brief_tui.model.query import ODD, Query, Snippet, fold, make_snippet, parse_query

__all__ = ["Hit", "Owner", "Result", "SearchIndex", "SearchResults", "kind_of", "narrows"]

Owner: TypeAlias = Item | Briefing
"""What a result opens: an item, or a briefing (its title, summary and key points)."""

_SEPARATOR = b"\x00"  # between fields; fold() never leaves one in a text
_CHUNK_BYTES = 1 << 16
# Queries remembered (their items as arrays, 8 bytes an item), for backspace and to narrow from.
_RECENT_QUERIES = 16


def kind_of(owner: Owner) -> str:
    """The owner's kind as the reader names it: thread, event, ..., or briefing."""
    return "briefing" if isinstance(owner, Briefing) else owner.KIND


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
    """An item whose texts hold every word, with the first field that matched."""

    index: int
    briefing: Briefing
    item: Owner
    field: str
    text: str
    first: Hit
    query: Query

    @property
    def kind(self) -> str:
        """The item's kind: thread, event, actor, ..., or briefing."""
        return kind_of(self.item)

    @property
    def address(self) -> str:
        """``BRIEFING/ITEM`` (a briefing's own id for its overview)."""
        if isinstance(self.item, Briefing):
            return self.briefing.id
        return self.briefing.address(self.item)

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


@dataclass(slots=True)
class _Chunk:
    """Consecutive items' folded texts in one byte string, and where each item starts."""

    blob: bytes
    first_item: int
    item_starts: array[int]  # the offset of each item's first field, then the chunk's end


class SearchIndex:
    """Every searchable text of some briefings, built on first use or by :meth:`build`.

    ``build`` does the only slow work (about 0.2 s at 10,000 events): call it from a
    worker thread so the first frame does not wait. The index never changes afterwards.
    """

    def __init__(self, briefings: Sequence[Briefing]) -> None:
        self.briefings = list(briefings)
        self._built = False
        self._owners: list[Owner] = []
        self._owner_briefing = array("l")
        self._owner_chunk = array("l")
        self._first_entry = array("l")  # an item's entries: first_entry[i] to first_entry[i + 1]
        self._entry_text: list[str] = []
        self._entry_field = array("l")
        self._entry_start = array("l")  # where an entry starts in its chunk
        self._fields: list[str] = []
        self._chunks: list[_Chunk] = []
        self._lock = threading.Lock()
        self._recent: dict[tuple[tuple[str, ...], bool], tuple[Query, array[int]]] = {}
        """The last few queries' items (before any filter), for the keys that follow."""

    @property
    def built(self) -> bool:
        """Whether the index has been built."""
        return self._built

    def build(self) -> SearchIndex:
        """Read every item's texts; idempotent, and safe to call from a worker and the UI at once."""
        if self._built:
            return self
        with self._lock:
            if not self._built:
                self._build()
        return self

    def _build(self) -> None:
        field_ids: dict[str, int] = {}
        parts: list[bytes] = []
        starts = array("l")
        size = 0
        for number, briefing in enumerate(self.briefings):
            for owner in _owners_in_order(briefing):
                if size >= _CHUNK_BYTES:
                    self._close_chunk(parts, starts, size)
                    parts, starts, size = [], array("l"), 0
                self._owners.append(owner)
                self._owner_briefing.append(number)
                self._owner_chunk.append(len(self._chunks))
                self._first_entry.append(len(self._entry_text))
                starts.append(size)
                for name, text in item_fields(owner):
                    folded = fold(text).encode()
                    self._entry_text.append(text)
                    self._entry_field.append(field_ids.setdefault(name, len(field_ids)))
                    self._entry_start.append(size)
                    parts += (folded, _SEPARATOR)
                    size += len(folded) + 1
        self._close_chunk(parts, starts, size)
        self._first_entry.append(len(self._entry_text))
        self._fields = list(field_ids)
        self._built = True

    def _close_chunk(self, parts: list[bytes], starts: array[int], size: int) -> None:
        if starts:
            first = len(self._owners) - len(starts)
            starts.append(size)
            self._chunks.append(_Chunk(b"".join(parts), first, starts))

    def __len__(self) -> int:
        """How many items (briefings included) the index holds."""
        return len(self.build()._owners)

    def memory(self) -> int:
        """Bytes the index holds beyond the model's own strings, for the benchmark."""
        arrays = (self._owner_briefing, self._owner_chunk, self._first_entry, self._entry_field, self._entry_start)
        total = sum(sys.getsizeof(a) for a in arrays)
        total += sys.getsizeof(self._owners) + sys.getsizeof(self._entry_text)
        return total + sum(sys.getsizeof(c.blob) + sys.getsizeof(c.item_starts) for c in self._chunks)

    def search(self, query: str | Query, keep: Callable[[Owner], bool] | None = None) -> SearchResults:
        """The items matching ``query`` in document order; ``keep`` (a filter) may drop some."""
        parsed = parse_query(query) if isinstance(query, str) else query
        self.build()
        found = list(self._found(parsed)) if not parsed.empty else []
        if keep is not None:
            owners = self._owners
            found = [item for item in found if keep(owners[item])]
        return SearchResults(self, parsed, found)

    def _found(self, query: Query) -> array[int]:
        """The items holding every word: remembered for the last few queries, and narrowed from them.

        Typing a query extends it a key at a time, and each longer query matches a subset of
        what the shorter one did: only those items are checked again, not the whole index.
        """
        recent = self._recent
        key = (query.words, query.case_sensitive)
        known = recent.pop(key, None)
        if known is not None:
            found = known[1]
        else:
            wider = next((items for earlier, items in reversed(recent.values()) if narrows(earlier, query)), None)
            found = array("l", self._scan_all(query) if wider is None else self._check(wider, query))
        recent[key] = (query, found)  # the most recent last
        while len(recent) > _RECENT_QUERIES:
            del recent[next(iter(recent))]
        return found

    def _scan_all(self, query: Query) -> list[int]:
        keys = query.keys
        # Scan for the longest word (likely the rarest); check the others within each item.
        order = sorted(range(len(keys)), key=lambda i: -len(keys[i]))
        found: list[int] = []
        for chunk in self._chunks:
            found += self._scan(chunk, query, order)
        return found

    def _check(self, items: Sequence[int], query: Query) -> list[int]:
        """Those of ``items`` that hold every word of the query."""
        keys, exact = query.keys, query.case_sensitive
        chunks, owner_chunk = self._chunks, self._owner_chunk
        found: list[int] = []
        for item in items:
            chunk = chunks[owner_chunk[item]]
            local = item - chunk.first_item
            blob, start, end = chunk.blob, chunk.item_starts[local], chunk.item_starts[local + 1]
            if all(blob.find(key, start, end) >= 0 for key in keys) and (
                not exact or all(self._holds_cased(item, query, i) for i in range(len(keys)))
            ):
                found.append(item)
        return found

    def _scan(self, chunk: _Chunk, query: Query, order: Sequence[int]) -> list[int]:
        """The items of a chunk holding every word: found by the first word, checked for the rest.

        The hot loop of each keystroke, so written flat: one ``find`` an item for each word.
        """
        keys = query.keys
        key, others = keys[order[0]], [keys[i] for i in order[1:]]
        blob, starts, first = chunk.blob, chunk.item_starts, chunk.first_item
        exact = query.case_sensitive
        found: list[int] = []
        at = blob.find(key)
        while at >= 0:
            local = bisect.bisect_right(starts, at) - 1
            start, end = starts[local], starts[local + 1]
            if all(blob.find(other, start, end) >= 0 for other in others) and (
                not exact or all(self._holds_cased(first + local, query, i) for i in order)
            ):
                found.append(first + local)
            at = blob.find(key, end)  # one hit an item is enough here
        return found

    def _holds_cased(self, item: int, query: Query, word: int) -> bool:
        """Whether the item holds the word with its case, given that it holds it folded."""
        written = query.words[word]
        if ODD.search(written) is None:  # no space or control: `in` on each field is exact
            texts, first = self._entry_text, self._first_entry
            return any(written in texts[e] for e in range(first[item], first[item + 1]))
        return self.first_at(item, query, word) >= 0

    def _item_span(self, item: int) -> tuple[_Chunk, int, int]:
        chunk = self._chunks[self._owner_chunk[item]]
        local = item - chunk.first_item
        return chunk, chunk.item_starts[local], chunk.item_starts[local + 1]

    def _cased(self, item: int, at: int, query: Query, word: int) -> bool:
        if not query.case_sensitive:
            return True
        entry, offset = self._entry_at(item, at)
        return query.same(self._entry_text[entry], offset, query.words[word])

    def _entry_at(self, item: int, at: int) -> tuple[int, int]:
        """The entry holding index position ``at`` of an item, and the character offset in it."""
        first = self._first_entry
        entry = bisect.bisect_right(self._entry_start, at, first[item], first[item + 1]) - 1
        start = self._entry_start[entry]
        return entry, len(self._chunks[self._owner_chunk[item]].blob[start:at].decode())

    def first_at(self, item: int, query: Query, word: int, after: int = -1) -> int:
        """The index position of the word's first occurrence in an item after ``after``, or -1."""
        chunk, start, end = self._item_span(item)
        key = query.keys[word]
        at = chunk.blob.find(key, max(start, after + 1), end)
        while at >= 0 and not self._cased(item, at, query, word):
            at = chunk.blob.find(key, at + 1, end)
        return at

    def last_at(self, item: int, query: Query, word: int, before: int | None = None) -> int:
        """The index position of the word's last occurrence in an item before ``before``, or -1."""
        chunk, start, end = self._item_span(item)
        key = query.keys[word]
        limit = end if before is None else min(end, before + len(key) - 1)
        at = chunk.blob.rfind(key, start, limit)
        while at >= 0 and not self._cased(item, at, query, word):
            at = chunk.blob.rfind(key, start, at + len(key) - 1)
        return at

    def hit(self, result: int, item: int, at: int, length: int) -> Hit:
        """The hit at index position ``at`` of an item, ``length`` characters long."""
        entry, offset = self._entry_at(item, at)
        return Hit(result, entry, offset, offset + length, at)

    def owner(self, item: int) -> tuple[Briefing, Owner]:
        """The briefing and the owner of the index's item number ``item``."""
        return self.briefings[self._owner_briefing[item]], self._owners[item]

    def field_of(self, entry: int) -> tuple[str, str]:
        """The field name and text of an entry."""
        return self._fields[self._entry_field[entry]], self._entry_text[entry]


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
        briefing, owner = self.search_index.owner(self._items[position])
        name, text = self.search_index.field_of(first.entry)
        return Result(position, briefing, owner, name, text, first, self.query)

    def owners(self) -> set[Owner]:
        """Every matching item, unordered (for a filter's bare words)."""
        return {self.search_index.owner(i)[1] for i in self._items}

    def position_of(self, owner: Owner) -> int | None:
        """The result number of an item, or None when it did not match."""
        return next((n for n, r in enumerate(self._items) if self.search_index.owner(r)[1] is owner), None)

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


def narrows(wider: Query, query: Query) -> bool:
    """Whether every item ``query`` matches is one ``wider`` matches too (so only those need checking).

    So it is when each word of ``wider`` lies inside a word of ``query``: folded when
    ``wider`` ignores case, as written when both count case.
    """
    if not wider.case_sensitive:
        return all(any(key in longer for longer in query.keys) for key in wider.keys)
    return query.case_sensitive and all(any(word in longer for longer in query.words) for word in wider.words)


def _owners_in_order(briefing: Briefing) -> Iterator[Owner]:
    """A briefing's searchable things in document order."""
    yield briefing
    yield from briefing.threads
    yield from briefing.events
    for document in briefing.documents:
        yield document
        yield from document.versions
    yield from briefing.quotes
    yield from briefing.actors
    yield from briefing.parties
    yield from briefing.sources
