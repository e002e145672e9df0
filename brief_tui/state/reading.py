"""One briefing as this reader has read it: the marks, the digest, and the writes that keep them.

The reader screen makes one :class:`Reading` per open briefing (after the first frame) and
tells it what the detail pane shows. It writes only when something is learnt: an item read
for the first time in its current form, the session's first show, ``U``. When the store is
off, the same bookkeeping runs in memory, so marks still clear as items are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief_tui.model.changes import Changes, ItemSnapshot, Mark, compare, snapshots
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
        self._now = snapshots(briefing)
        self._seen: dict[str, Seen | _Looked]
        if self.first_open:
            # No wall of "new": everything as it is now is the baseline.
            rows = _rows(self._now)
            store.mark_all_read(briefing.id, rows)
            self._seen = {item_id: _Looked(mark, snapshot) for item_id, mark, snapshot in rows}
            self.changes = Changes()
        else:
            self._seen = dict(store.seen(briefing.id))
            self.changes = compare(briefing, self._seen, store.last_read(briefing.id), self._now)
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
        looked = self._seen.get(item_id)
        if looked is None or looked.fingerprint != current.fingerprint:
            encoded = current.encode()
            self.store.mark_read(self.briefing.id, item_id, current.fingerprint, encoded)
            self._seen[item_id] = _Looked(current.fingerprint, encoded)
        self.changes.marks.pop(item_id, None)

    def mark_all_read(self) -> None:
        """``U``: everything as it is now counts as read."""
        rows = _rows(self._now)
        self.store.mark_all_read(self.briefing.id, rows)
        self._seen.update({item_id: _Looked(mark, snapshot) for item_id, mark, snapshot in rows})
        self.changes.marks.clear()

    def reload(self, briefing: Briefing) -> None:
        """The file was edited: set the new version against what was read (the digest keeps its date)."""
        self.briefing = briefing
        self._now = snapshots(briefing)
        self._order = reading_order(briefing)
        self.changes = compare(briefing, self._seen, self.changes.since, self._now)

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
