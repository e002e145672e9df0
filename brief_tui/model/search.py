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
import zlib
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol, TypeAlias

from brief_tui.model.fields import item_fields
from brief_tui.model.items import Briefing, Item
from brief_tui.model.query import ODD, Query, fold, parse_query
from brief_tui.model.search_results import Hit, Result, SearchResults

__all__ = ["Hit", "Lending", "Owner", "Result", "SearchIndex", "SearchResults", "kind_of", "narrows"]

Owner: TypeAlias = Item | Briefing
"""What a result opens: an item, or a briefing (its title, summary and key points)."""

_SEPARATOR = b"\x00"  # between fields; fold() never leaves one in a text
_CHUNK_BYTES = 1 << 16
# Queries remembered (their items as arrays, 8 bytes an item), for backspace and to narrow from.
_RECENT_QUERIES = 16
_UNPACKED_CHUNKS = 8
_NARROW_SHARE = 16  # narrow from a wider query's items when they are at most 1/16 of all
KINDS = ("briefing", "thread", "event", "document", "version", "quote", "actor", "party", "source")
_KIND_NUMBER = {kind: number for number, kind in enumerate(KINDS)}


def kind_of(owner: Owner) -> str:
    """The owner's kind as the reader names it: thread, event, ..., or briefing."""
    return "briefing" if isinstance(owner, Briefing) else owner.KIND


class Lending(Protocol):
    """The briefings of a library, lent one at a time: an index over them keeps their texts, not them."""

    def __len__(self) -> int: ...

    def briefing_id(self, number: int) -> str:
        """The id of briefing ``number`` (known without loading it)."""

    def lend(self, number: int, read: Callable[[Briefing], object]) -> bool:
        """Give briefing ``number`` to ``read`` and forget it after (unless it was loaded already); False
        when it cannot be loaded."""

    def load(self, number: int) -> Briefing | None:
        """Briefing ``number``, loaded now if need be and kept (a result opens in it); None if it cannot be."""

    def at_hand(self, number: int) -> Briefing | None:
        """Briefing ``number`` if it is loaded already (nothing is loaded), else None."""


@dataclass(slots=True)
class _Chunk:
    """Consecutive items' folded texts in one byte string, and where each item starts.

    An index over lent briefings also keeps here their texts as written (``texts``, UTF-8)
    and their ids (``ids``, each item's from ``id_starts[i]`` to ``id_starts[i + 1]``).
    """

    blob: bytes
    first_item: int
    item_starts: array[int]  # the offset of each item's first field, then the chunk's end
    texts: bytes = b""
    text_starts: array[int] | None = None  # where each item's texts start in ``texts`` unpacked, then its end
    ids: bytes = b""
    id_starts: array[int] | None = None


class _Writer:
    """The chunk being filled while an index is built."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.texts: list[bytes] = []
        self.ids: list[bytes] = []
        self.starts = array("I")
        self.id_starts = array("I")
        self.text_starts = array("I")
        self.size = 0
        self.text_size = 0
        self.id_size = 0


class SearchIndex:
    """Every searchable text of some briefings, built on first use or by :meth:`build`.

    ``build`` does the only slow work (about 0.2 s at 10,000 events): call it from a
    worker thread so the first frame does not wait. The index never changes afterwards.

    Over briefings held in memory the index points at the model's own strings and items.
    Over a library (``library``, :class:`Lending`) it keeps each item's texts, kind and id
    as bytes, never the models, and loads a briefing only when one of its results is opened.
    """

    def __init__(self, briefings: Sequence[Briefing] = (), *, library: Lending | None = None) -> None:
        self.briefings = list(briefings)
        self.library = library
        self._lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        """Empty, not built."""
        self._built = False
        self._owners: list[Owner] = []  # briefings in memory only
        self._item_briefing = array("I")
        self._item_kind = array("B")
        self._item_chunk = array("I")
        self._first_entry = array("I")  # an item's entries: first_entry[i] to first_entry[i + 1]
        self._entry_text: list[str] = []  # briefings in memory only
        self._entry_text_start = array("I")  # a library's: where an entry's text starts in its chunk's texts
        self._unpacked: dict[int, bytes] = {}  # a library's chunks' texts last read, unpacked
        self._entry_field = array("I")
        self._entry_start = array("I")  # where an entry starts in its chunk
        self._fields: list[str] = []
        self._chunks: list[_Chunk] = []
        self._recent: dict[tuple[tuple[str, ...], bool], tuple[Query, array[int]]] = {}
        """The last few queries' items (before any filter), for the keys that follow."""

    @property
    def built(self) -> bool:
        """Whether the index has been built."""
        return self._built

    def build(self, going_on: Callable[[], bool] = lambda: True) -> SearchIndex:
        """Read every item's texts; idempotent, and safe to call from a worker and the UI at once.

        ``going_on`` returning False stops a build (a library's, in a worker the reader left):
        the index is then not built, and the next call starts again.
        """
        if self._built:
            return self
        with self._lock:
            if not self._built:
                self._build(going_on)
        return self

    def _build(self, going_on: Callable[[], bool]) -> None:
        field_ids: dict[str, int] = {}
        writer = _Writer()

        def read(number: int, briefing: Briefing) -> None:
            nonlocal writer
            for owner in _owners_in_order(briefing):
                if writer.size >= _CHUNK_BYTES:
                    self._close_chunk(writer)
                    writer = _Writer()
                self._add_item(writer, number, owner, field_ids)

        if self.library is None:
            for number, briefing in enumerate(self.briefings):
                read(number, briefing)
        else:
            for number in range(len(self.library)):
                if not going_on():
                    self._reset()  # nothing half built is kept
                    return
                self.library.lend(number, partial(read, number))
        self._close_chunk(writer)
        self._first_entry.append(len(self._entry_field))
        self._fields = list(field_ids)
        self._built = True

    def _add_item(self, writer: _Writer, number: int, owner: Owner, field_ids: dict[str, int]) -> None:
        lent = self.library is not None
        if lent:
            item_id = b"" if isinstance(owner, Briefing) else owner.id.encode()
            writer.id_starts.append(writer.id_size)
            writer.text_starts.append(writer.text_size)
            writer.ids.append(item_id)
            writer.id_size += len(item_id)
        else:
            self._owners.append(owner)
        self._item_briefing.append(number)
        self._item_kind.append(_KIND_NUMBER[kind_of(owner)])
        self._item_chunk.append(len(self._chunks))
        self._first_entry.append(len(self._entry_field))
        writer.starts.append(writer.size)
        for name, text in item_fields(owner):
            folded = fold(text).encode()
            if lent:
                written = text.encode()
                self._entry_text_start.append(writer.text_size)
                writer.texts += (written, _SEPARATOR)  # so a word found in an item's texts lies in one
                writer.text_size += len(written) + 1
            else:
                self._entry_text.append(text)
            self._entry_field.append(field_ids.setdefault(name, len(field_ids)))
            self._entry_start.append(writer.size)
            writer.parts += (folded, _SEPARATOR)
            writer.size += len(folded) + 1

    def _close_chunk(self, writer: _Writer) -> None:
        if writer.starts:
            first = len(self._item_kind) - len(writer.starts)
            writer.starts.append(writer.size)
            chunk = _Chunk(b"".join(writer.parts), first, writer.starts)
            if self.library is not None:
                writer.id_starts.append(writer.id_size)
                writer.text_starts.append(writer.text_size)
                chunk.text_starts = writer.text_starts
                # Read only for the results shown (and for case): packed, they take a third of the room.
                chunk.texts = zlib.compress(b"".join(writer.texts), 1)
                chunk.ids, chunk.id_starts = b"".join(writer.ids), writer.id_starts
            self._chunks.append(chunk)

    def __len__(self) -> int:
        """How many items (briefings included) the index holds."""
        return len(self.build()._item_kind)

    def memory(self) -> int:
        """Bytes the index holds beyond the model's own strings, for the benchmark."""
        arrays = (
            self._item_briefing,
            self._item_kind,
            self._item_chunk,
            self._first_entry,
            self._entry_text_start,
            self._entry_field,
            self._entry_start,
        )
        total = sum(sys.getsizeof(a) for a in arrays)
        total += sys.getsizeof(self._owners) + sys.getsizeof(self._entry_text)
        for c in self._chunks:
            total += sys.getsizeof(c.blob) + sys.getsizeof(c.item_starts) + sys.getsizeof(c.texts)
            total += sys.getsizeof(c.ids) + sys.getsizeof(c.id_starts)
        return total

    def search(self, query: str | Query, keep: Callable[[Owner], bool] | None = None) -> SearchResults:
        """The items matching ``query`` in document order; ``keep`` (a filter) may drop some.

        Over a library, ``keep`` sees the items of the briefings loaded already (those a filter
        covers); the others' are left out.
        """
        parsed = parse_query(query) if isinstance(query, str) else query
        self.build()
        found = list(self._found(parsed)) if not parsed.empty else []
        if keep is not None:
            found = [item for item in found if (owner := self.at_hand(item)) is not None and keep(owner)]
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
            # Checking an item costs about what finding it does: narrowing pays when the wider query
            # found few (a word's first letters find nearly every item, the longer word few of them).
            few = wider is not None and len(wider) * _NARROW_SHARE <= len(self._item_kind)
            found = array("l", self._check(wider, query) if few and wider is not None else self._scan_all(query))
        recent[key] = (query, found)  # the most recent last
        while len(recent) > _RECENT_QUERIES:
            del recent[next(iter(recent))]
        return found

    def _scan_all(self, query: Query) -> list[int]:
        keys = query.keys
        # Scan for the longest word (likely the rarest); check the others within each item.
        order = sorted(range(len(keys)), key=lambda i: -len(keys[i]))
        found: list[int] = []
        if query.case_sensitive and self.library is not None and not any(ODD.search(w) for w in query.words):
            for number in range(len(self._chunks)):  # a library's texts as written, unpacked chunk by chunk
                found += self._scan_written(number, query, order)
            return found
        for chunk in self._chunks:
            found += self._scan(chunk, query, order)
        return found

    def _scan_written(self, number: int, query: Query, order: Sequence[int]) -> list[int]:
        """The items of a library's chunk holding every word as written (and folded, as every match does)."""
        chunk, texts = self._chunks[number], self._texts(number)
        starts, first = chunk.text_starts, chunk.first_item
        assert starts is not None
        word, others = query.words[order[0]].encode(), [query.words[i] for i in order[1:]]
        found: list[int] = []
        at = texts.find(word)
        while at >= 0:
            local = bisect.bisect_right(starts, at) - 1
            item = first + local
            blob, start, end = chunk.blob, chunk.item_starts[local], chunk.item_starts[local + 1]
            if all(blob.find(key, start, end) >= 0 for key in query.keys) and all(
                self._holds_written(item, other) for other in others
            ):
                found.append(item)
            at = texts.find(word, starts[local + 1])
        return found

    def _check(self, items: Sequence[int], query: Query) -> list[int]:
        """Those of ``items`` that hold every word of the query."""
        keys, exact = query.keys, query.case_sensitive
        chunks, owner_chunk = self._chunks, self._item_chunk
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
        if not others and not exact:  # one word, any case: every item it is found in (the first keys typed)
            find, append, after = blob.find, found.append, bisect.bisect_right
            while at >= 0:
                local = after(starts, at)
                append(first + local - 1)
                at = find(key, starts[local])
            return found
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
            if self.library is not None:
                return self._holds_written(item, written)
            text, first = self.text_of, self._first_entry
            return any(written in text(e) for e in range(first[item], first[item + 1]))
        return self.first_at(item, query, word) >= 0

    def _item_span(self, item: int) -> tuple[_Chunk, int, int]:
        chunk = self._chunks[self._item_chunk[item]]
        local = item - chunk.first_item
        return chunk, chunk.item_starts[local], chunk.item_starts[local + 1]

    def _cased(self, item: int, at: int, query: Query, word: int) -> bool:
        if not query.case_sensitive:
            return True
        entry, offset = self._entry_at(item, at)
        return query.same(self.text_of(entry), offset, query.words[word])

    def _entry_at(self, item: int, at: int) -> tuple[int, int]:
        """The entry holding index position ``at`` of an item, and the character offset in it."""
        first = self._first_entry
        entry = bisect.bisect_right(self._entry_start, at, first[item], first[item + 1]) - 1
        start = self._entry_start[entry]
        return entry, len(self._chunks[self._item_chunk[item]].blob[start:at].decode())

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

    def owner(self, item: int) -> tuple[Briefing, Owner] | None:
        """The briefing and the owner of the index's item number ``item``, loaded if need be.

        None when a library's file no longer holds it (broken or changed since the index was built).
        """
        number = self._item_briefing[item]
        if self.library is None:
            return self.briefings[number], self._owners[item]
        briefing = self.library.load(number)
        return (briefing, found) if briefing is not None and (found := self._in(briefing, item)) is not None else None

    def at_hand(self, item: int) -> Owner | None:
        """The owner of item number ``item`` if its briefing is in memory (nothing is loaded), else None."""
        if self.library is None:
            return self._owners[item]
        briefing = self.library.at_hand(self._item_briefing[item])
        return self._in(briefing, item) if briefing is not None else None

    def _in(self, briefing: Briefing, item: int) -> Owner | None:
        """Item number ``item`` of a library's index, found in its briefing by id."""
        if self._item_kind[item] == _KIND_NUMBER["briefing"]:
            return briefing
        found = briefing.get(self.item_id(item))
        return found if found is not None and KINDS[self._item_kind[item]] == found.KIND else None

    def is_owner(self, item: int, owner: Owner) -> bool:
        """Whether item number ``item`` is ``owner`` (nothing is loaded to tell)."""
        if self.library is None:
            return self._owners[item] is owner
        own_id = "" if isinstance(owner, Briefing) else owner.id
        if KINDS[self._item_kind[item]] != kind_of(owner) or self.item_id(item) != own_id:
            return False
        return self.at_hand(item) is owner

    def found(self, item: int) -> tuple[str, str, str]:
        """The briefing id, kind and id of item number ``item`` (a briefing's overview has the id "")."""
        return self.briefing_id(item), KINDS[self._item_kind[item]], self.item_id(item)

    def briefing_id(self, item: int) -> str:
        """The id of the briefing item number ``item`` is in."""
        number = self._item_briefing[item]
        return self.briefings[number].id if self.library is None else self.library.briefing_id(number)

    def item_id(self, item: int) -> str:
        """The id of item number ``item`` ("" for a briefing's overview)."""
        if self.library is None:
            owner = self._owners[item]
            return "" if isinstance(owner, Briefing) else owner.id
        chunk = self._chunks[self._item_chunk[item]]
        local = item - chunk.first_item
        assert chunk.id_starts is not None
        return chunk.ids[chunk.id_starts[local] : chunk.id_starts[local + 1]].decode()

    def text_of(self, entry: int) -> str:
        """The text of an entry, as written."""
        if self.library is None:
            return self._entry_text[entry]
        item = bisect.bisect_right(self._first_entry, entry) - 1
        number = self._item_chunk[item]
        chunk = self._chunks[number]
        last = self._first_entry[chunk.first_item + len(chunk.item_starts) - 1]  # the next chunk's first entry
        texts = self._texts(number)
        end = self._entry_text_start[entry + 1] if entry + 1 < last else len(texts)
        return texts[self._entry_text_start[entry] : end - 1].decode()

    def _holds_written(self, item: int, word: str) -> bool:
        """Whether a library item's texts hold ``word`` as written (it holds no separator)."""
        chunk = self._chunks[self._item_chunk[item]]
        starts, first = self._entry_text_start, self._first_entry
        begin, after = first[item], first[item + 1]
        if begin == after:
            return False
        texts = self._texts(self._item_chunk[item])
        last = first[chunk.first_item + len(chunk.item_starts) - 1]
        end = starts[after] if after < last else len(texts)
        return texts.find(word.encode(), starts[begin], end) >= 0

    def _texts(self, number: int) -> bytes:
        """A library chunk's texts as written, unpacked (the last few are kept: results come in runs)."""
        unpacked = self._unpacked
        texts = unpacked.pop(number, None)
        if texts is None:
            texts = zlib.decompress(self._chunks[number].texts)
        unpacked[number] = texts
        while len(unpacked) > _UNPACKED_CHUNKS:
            del unpacked[next(iter(unpacked))]
        return texts

    def field_of(self, entry: int) -> tuple[str, str]:
        """The field name and text of an entry."""
        return self._fields[self._entry_field[entry]], self.text_of(entry)


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
