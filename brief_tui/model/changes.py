"""What changed in a briefing since the reader last read it: item snapshots, marks and the digest.

An item's *snapshot* is a fingerprint of what the author wrote for it (references as ids, the
loader's back-references left out, so a new event does not mark every thread it names) plus
the few fields the digest reports on. The state store keeps one per item, taken when the item
was last shown; :func:`compare` sets a briefing against them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import Any, Protocol

from brief_tui.model.dates import BriefDate
from brief_tui.model.items import (
    Actor,
    Briefing,
    Document,
    Event,
    Item,
    Party,
    Position,
    Quote,
    Source,
    Thread,
    Version,
)

__all__ = [
    "BOOKMARK_GLYPH",
    "Changes",
    "DigestRow",
    "ItemSnapshot",
    "Looked",
    "Mark",
    "compare",
    "digest_title",
    "snapshots",
]

# Lists the loader fills from other items' references: not what the author wrote for this item.
_DERIVED: dict[type, frozenset[str]] = {
    Actor: frozenset({"threads", "events", "quotes"}),
    Thread: frozenset({"events", "quotes", "documents"}),
    Event: frozenset({"quotes", "order"}),
    Version: frozenset({"document"}),
    Quote: frozenset({"renderings"}),
}
_REFERENCED = frozenset({Party, Actor, Source, Thread, Event, Quote, Document, Version})
_FIELDS: dict[type, tuple[str, ...]] = {}
_NEVER = datetime.min.replace(tzinfo=timezone.utc)

# The sidebar's sign for a bookmarked item (a bookmark is the reader's, not the briefing's).
BOOKMARK_GLYPH = "⚑"

# Digest sections, in the order the digest lists them.
NEW_EVENTS = "New events"
STATUS = "Status changes"
STANCES = "Changed stances"
VERSIONS = "New document versions"
QUOTES = "New quotes"
SOURCES = "New sources"
NEW_ITEMS = "New items"
EDITED = "Other changes"
SECTIONS = (NEW_EVENTS, STATUS, STANCES, VERSIONS, QUOTES, SOURCES, NEW_ITEMS, EDITED)


class Mark(Enum):
    """How an item differs from when it was last read."""

    NEW = "new"
    CHANGED = "changed"

    @property
    def glyph(self) -> str:
        """The mark's sign, shown with its word (never colour alone)."""
        return "✚" if self is Mark.NEW else "✱"

    @property
    def label(self) -> str:
        """Sign and word: ``✚ new``, ``✱ changed``."""
        return f"{self.glyph} {self.value}"


class Looked(Protocol):
    """What the store kept of an item (``brief_tui.state.Seen`` is one)."""

    @property
    def fingerprint(self) -> str:
        """The item's fingerprint when last shown."""

    @property
    def snapshot(self) -> str:
        """The item's snapshot when last shown, as :meth:`ItemSnapshot.encode` wrote it."""


@dataclass(frozen=True, slots=True)
class ItemSnapshot:
    """What an item looked like: its fingerprint and the fields the digest compares."""

    fingerprint: str
    kind: str
    label: str
    status: str | None = None
    date: str | None = None
    stances: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # holder id -> label, leaning, wording
    versions: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def encode(self) -> str:
        """Compact JSON for the state store."""
        data = {name: getattr(self, name) for name in _SNAPSHOT_FIELDS if getattr(self, name)}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def decode(cls, text: str) -> ItemSnapshot | None:
        """A stored snapshot, or None when it cannot be read (then only the fingerprint counts)."""
        try:
            data = json.loads(text)
            stances = {k: (str(v[0]), str(v[1]), str(v[2])) for k, v in data.get("stances", {}).items()}
            return cls(
                str(data["fingerprint"]),
                str(data["kind"]),
                str(data.get("label", "")),
                data.get("status"),
                data.get("date"),
                stances,
                tuple(data.get("versions", ())),
                tuple(data.get("quotes", ())),
                tuple(data.get("sources", ())),
            )
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None


_SNAPSHOT_FIELDS = tuple(f.name for f in fields(ItemSnapshot))


@dataclass(frozen=True, slots=True)
class DigestRow:
    """One line of "what changed": the section it belongs to, what to say, and the item it opens."""

    section: str
    item_id: str
    text: str


@dataclass(slots=True)
class Changes:
    """A briefing set against what was last read: a mark per new or changed item, and the digest."""

    marks: dict[str, Mark] = field(default_factory=dict)
    digest: list[DigestRow] = field(default_factory=list)
    since: float | None = None

    def next_marked(self, order: list[str], after: str | None) -> str | None:
        """The first marked item in ``order`` after ``after`` (wrapping round), or None."""
        if not self.marks:
            return None
        start = order.index(after) + 1 if after in order else 0
        for item_id in order[start:] + order[:start]:
            if item_id in self.marks:
                return item_id
        return None


def snapshots(briefing: Briefing) -> dict[str, ItemSnapshot]:
    """Every item's snapshot, by id."""
    return {item_id: snapshot(item) for item_id, item in briefing.by_id.items()}


def snapshot(item: Item) -> ItemSnapshot:
    """One item's snapshot as it is now."""
    kind: str = item.KIND
    status = date = None
    stances: dict[str, tuple[str, str, str]] = {}
    versions: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    if isinstance(item, Thread):
        status, stances = item.status, _stances(item.positions)
        quotes = tuple(q.id for q in item.quotes)
    elif isinstance(item, Event):
        status, date = item.status, item.shown_date
        quotes = tuple(q.id for q in item.quotes)
    elif isinstance(item, Document):
        versions = tuple(v.id for v in item.versions)
    label = item.name if isinstance(item, Version) else item.label
    return ItemSnapshot(
        fingerprint(item), kind, label, status, date, stances, versions, quotes, tuple(sorted(_cited(item)))
    )


def fingerprint(item: Item) -> str:
    """A short hash of what the author wrote for this item."""
    skip = _DERIVED.get(type(item), frozenset())
    tokens: list[str] = []
    for name in _names(type(item)):
        if name not in skip:
            tokens.append(name)
            _tokens(getattr(item, name), tokens)
    return hashlib.blake2b("\x1f".join(tokens).encode(), digest_size=10).hexdigest()


def _names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls) if f.init)  # not `later` (model.items.Later)
    return names


def _tokens(value: Any, out: list[str]) -> None:
    """Flatten a value into strings, references reduced to ids, so hashing never walks the whole graph."""
    kind = type(value)
    if kind is str:
        out.append("s" + value)
    elif value is None:
        out.append("-")
    elif kind is list:
        out.append("[")
        for entry in value:
            _tokens(entry, out)
        out.append("]")
    elif kind is BriefDate:
        out.append("d" + value.text)
    elif kind in _REFERENCED:
        out.append("@" + value.id)
    elif is_dataclass(value):
        out.append("(")
        for name in _names(kind):
            _tokens(getattr(value, name), out)
        out.append(")")
    else:
        out.append(repr(value))


def _stances(positions: list[Position]) -> dict[str, tuple[str, str, str]]:
    """Each holder's latest position: its label, leaning and a hash of its wording."""
    latest: dict[str, Position] = {}
    for position in positions:
        holder = position.holder
        if holder is None:
            continue
        before = latest.get(holder.id)
        if before is None or _when(position) >= _when(before):
            latest[holder.id] = position
    return {
        holder_id: (
            (p.holder.label if p.holder else holder_id),
            p.leaning or "unknown",
            hashlib.blake2b(p.stance.encode(), digest_size=6).hexdigest(),
        )
        for holder_id, p in latest.items()
    }


def _when(position: Position) -> datetime:
    return position.as_of.latest if position.as_of else _NEVER


def _cited(item: Item) -> set[str]:
    """The ids of the sources an item cites anywhere in what it says."""
    citations = list(getattr(item, "sources", ()))
    for name in ("positions", "status_history", "parts"):
        for entry in getattr(item, name, ()):
            citations += entry.sources
    return {citation.source.id for citation in citations}


def compare(
    briefing: Briefing,
    stored: Mapping[str, Looked] | None,
    since: float | None = None,
    now: dict[str, ItemSnapshot] | None = None,
) -> Changes:
    """Set a briefing against what was last read; ``stored`` None (a first open) marks nothing.

    ``now`` is the briefing's :func:`snapshots` when the caller already has them.
    """
    if stored is None:
        return Changes(since=since)
    from brief_tui.model.digest import digest_rows

    now = snapshots(briefing) if now is None else now
    marks: dict[str, Mark] = {}
    before: dict[str, ItemSnapshot | None] = {}
    for item_id, current in now.items():
        looked = stored.get(item_id)
        if looked is None:
            marks[item_id] = Mark.NEW
        elif looked.fingerprint != current.fingerprint:
            marks[item_id] = Mark.CHANGED
            before[item_id] = ItemSnapshot.decode(looked.snapshot)
    return Changes(marks, digest_rows(briefing, now, marks, before), since)


def digest_title(since: float | None) -> str:
    """The digest's heading: "What changed since you last read (2026-12-01 15:46)"."""
    if since is None:
        return "What changed since you last read"
    when = datetime.fromtimestamp(since).strftime("%Y-%m-%d %H:%M")
    return f"What changed since you last read ({when})"
