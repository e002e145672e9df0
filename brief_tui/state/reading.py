"""One briefing as this reader has read it: the marks, the digest, and the writes that keep them.

The reader screen makes one :class:`Reading` per open briefing (after the first frame) and
tells it what the detail pane shows. It writes only when something is learnt: an item read
for the first time in its current form, the session's first show, ``U``. When the store is
off, the same bookkeeping runs in memory, so marks still clear as items are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief_tui.model.changes import Changes, ItemSnapshot, Mark, compare, snapshot, snapshots
from brief_tui.model.items import Briefing
from brief_tui.state.store import Seen, Store

__all__ = ["Reading", "reading_order"]


@dataclass(frozen=True, slots=True)
class _Looked:
    fingerprint: str
    snapshot: str


class Reading:
    """What changed in a briefing since it was last read, kept up to date as items are shown."""

    def __init__(self, store: Store, briefing: Briefing) -> None:
        self.store = store
        self.briefing = briefing
        self.first_open = not store.known(briefing.id)
        now = snapshots(briefing)
        looks: dict[str, Seen | _Looked]
        if self.first_open:
            # No wall of "new": everything as it is now is the baseline.
            rows = _rows(now)
            store.mark_all_read(briefing.id, rows)
            looks = {item_id: _Looked(mark, snapshot) for item_id, mark, snapshot in rows}
            self.changes = Changes()
        else:
            looks = dict(store.seen(briefing.id))
            self.changes = compare(briefing, looks, store.last_read(briefing.id), now)
        # Fingerprints only, as the briefing is now and as last read: a snapshot a few hundred
        # bytes long per item (13,000 at 10,000 events) is made again when one is written.
        self._now = {item_id: s.fingerprint for item_id, s in now.items()}
        self._read = {item_id: look.fingerprint for item_id, look in looks.items()}
        # The store keeps every item's look for a reload to compare with; kept here only when it is off.
        self._looks: dict[str, Seen | _Looked] | None = None if store.enabled else looks
        self._touched = False
        self._order = reading_order(briefing)

    @property
    def marks(self) -> dict[str, Mark]:
        """The items new or changed since last read, by id."""
        return self.changes.marks

    def mark(self, item_id: str) -> Mark | None:
        """An item's mark, or None when it is read."""
        return self.changes.marks.get(item_id)

    def shown(self, item_id: str) -> None:
        """The detail pane shows this item: it counts as read, as it looks now."""
        if not self._touched:
            self._touched = True
            self.store.touch(self.briefing.id)
        current = self._now.get(item_id)
        if current is None:
            return
        if self._read.get(item_id) != current:
            item = self.briefing.get(item_id)
            if item is not None:
                self._looked(item_id, current, snapshot(item).encode())
        self.changes.marks.pop(item_id, None)

    def _looked(self, item_id: str, fingerprint: str, encoded: str) -> None:
        self.store.mark_read(self.briefing.id, item_id, fingerprint, encoded)
        self._read[item_id] = fingerprint
        if self._looks is not None:
            self._looks[item_id] = _Looked(fingerprint, encoded)

    def mark_all_read(self) -> None:
        """``U``: everything as it is now counts as read."""
        rows = _rows(snapshots(self.briefing))
        self.store.mark_all_read(self.briefing.id, rows)
        self._read.update((item_id, mark) for item_id, mark, _ in rows)
        if self._looks is not None:
            self._looks.update({item_id: _Looked(mark, snapshot) for item_id, mark, snapshot in rows})
        self.changes.marks.clear()

    def reload(self, briefing: Briefing) -> None:
        """The file was edited: set the new version against what was read (the digest keeps its date)."""
        self.briefing = briefing
        now = snapshots(briefing)
        self._now = {item_id: s.fingerprint for item_id, s in now.items()}
        self._order = reading_order(briefing)
        self.changes = compare(briefing, self._last_looks(), self.changes.since, now)

    def _last_looks(self) -> dict[str, Seen | _Looked]:
        """Every item's look when last read: from the store, or kept here when it is off."""
        if self._looks is not None:
            return self._looks
        if self.store.enabled:
            return dict(self.store.seen(self.briefing.id))
        # The store went off since: what was read is known by fingerprint alone.
        return {item_id: _Looked(mark, "") for item_id, mark in self._read.items()}

    def next_marked(self, after: str | None) -> str | None:
        """``u``: the next new or changed item in reading order after ``after``, going round."""
        return self.changes.next_marked(self._order, after)


def reading_order(briefing: Briefing) -> list[str]:
    """Item ids in the order a reader meets them: threads, events by date, documents, then the rest."""
    order: list[str] = [t.id for t in briefing.threads]
    order += [e.id for e in briefing.events]
    for document in briefing.documents:
        order += [document.id, *(v.id for v in document.versions)]
    order += [q.id for q in briefing.quotes]
    order += [s.id for s in briefing.sources]
    order += [a.id for a in briefing.actors]
    order += [p.id for p in briefing.parties]
    return order


def _rows(now: dict[str, ItemSnapshot]) -> list[tuple[str, str, str]]:
    return [(item_id, s.fingerprint, s.encode()) for item_id, s in now.items()]
