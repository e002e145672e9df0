"""The reader's state in one SQLite file: read marks, places, bookmarks and history.

Every write is its own small transaction, committed before the call returns (WAL with
``synchronous=NORMAL``: no fsync per write, but a killed process loses nothing it was told
was written). Any database error turns the store off for the session, with one message,
and from then on it answers as an empty store: reading never depends on state.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["Bookmark", "HistoryEntry", "Place", "Seen", "Store"]

OFF_NOTICE = (
    "state is off for this session ({reason}); reading works, but read marks, bookmarks and places are not kept"
)
# History rows kept per briefing; older ones are dropped now and then.
HISTORY_KEPT = 500


class Seen(NamedTuple):
    """What an item looked like when it was last shown."""

    fingerprint: str
    snapshot: str
    read_at: float


@dataclass(frozen=True, slots=True)
class Place:
    """Where a briefing was left: the screen, the item, the pane and how the timeline looked (ids only)."""

    screen: str = "reader"
    item: str | None = None
    pane: str | None = None
    zoom: str | None = None
    lane_mode: str | None = None
    scroll: int = 0
    thread: str | None = None
    event: str | None = None
    row: int | None = None


@dataclass(frozen=True, slots=True)
class Bookmark:
    """An item the reader marked to come back to."""

    briefing: str
    item: str
    added: float


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One open, oldest first in :meth:`Store.history`."""

    briefing: str
    item: str | None
    pane: str | None
    scroll: int
    at: float


def _place_columns(place: Place) -> tuple[object, ...]:
    """A place's fields in the column order of ``places``."""
    return (
        place.screen,
        place.item,
        place.pane,
        place.zoom,
        place.lane_mode,
        place.scroll,
        place.thread,
        place.event,
        place.row,
    )


class Store:
    """The state database, or (with no connection) a store that keeps nothing."""

    def __init__(
        self,
        db: sqlite3.Connection | None,
        path: Path | None = None,
        *,
        notices: Iterable[str] = (),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._db = db
        self.path = path
        self.notices = list(notices)
        self.clock = clock
        self._lock = threading.Lock()

    @classmethod
    def null(cls, notice: str | None = None) -> Store:
        """A store that keeps nothing (state off), with the message that says why."""
        return cls(None, notices=[notice] if notice else [])

    @property
    def enabled(self) -> bool:
        """Whether state is being kept."""
        return self._db is not None

    def take_notices(self) -> list[str]:
        """The messages not yet shown to the reader (each is given out once)."""
        notices, self.notices = self.notices, []
        return notices

    def close(self) -> None:
        """Close the file; the store keeps nothing afterwards."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # Read marks ---------------------------------------------------------------------------

    def known(self, briefing: str) -> bool:
        """Whether this briefing was opened before (a first open marks nothing as new)."""
        return bool(self._rows("SELECT 1 FROM briefings WHERE id = ?", (briefing,)))

    def seen(self, briefing: str) -> dict[str, Seen]:
        """Every item's look when last shown, by item id."""
        rows = self._rows("SELECT item, fingerprint, snapshot, read_at FROM seen WHERE briefing = ?", (briefing,))
        return {item: Seen(fingerprint, snapshot, read_at) for item, fingerprint, snapshot, read_at in rows}

    def last_read(self, briefing: str) -> float | None:
        """When this briefing was last read (or first opened), as a timestamp; None if never."""
        rows = self._rows("SELECT coalesce(last_read, first_opened) FROM briefings WHERE id = ?", (briefing,))
        return float(rows[0][0]) if rows and rows[0][0] is not None else None

    def touch(self, briefing: str) -> None:
        """Record that the briefing is being read now (the date "what changed" counts from next time)."""
        now = self.clock()
        self._write(
            "INSERT INTO briefings (id, first_opened, last_read) VALUES (?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET last_read = excluded.last_read",
            (briefing, now, now),
        )

    def mark_read(self, briefing: str, item: str, fingerprint: str, snapshot: str) -> None:
        """Record that an item was shown, as it looks now."""
        self._write(
            "INSERT OR REPLACE INTO seen (briefing, item, fingerprint, snapshot, read_at) VALUES (?, ?, ?, ?, ?)",
            (briefing, item, fingerprint, snapshot, self.clock()),
        )

    def mark_all_read(self, briefing: str, items: Iterable[tuple[str, str, str]]) -> None:
        """Record every ``(item, fingerprint, snapshot)`` as read: the baseline of a first open, or ``U``."""
        now = self.clock()
        rows = [(briefing, item, fingerprint, snapshot, now) for item, fingerprint, snapshot in items]
        with self._transaction() as db:
            db.execute("INSERT OR IGNORE INTO briefings (id, first_opened) VALUES (?, ?)", (briefing, now))
            db.executemany(
                "INSERT OR REPLACE INTO seen (briefing, item, fingerprint, snapshot, read_at) VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    # Places -------------------------------------------------------------------------------

    def place(self, briefing: str) -> Place | None:
        """Where this briefing was left, or None."""
        rows = self._rows(
            "SELECT screen, item, pane, zoom, lane_mode, scroll, thread, event, row FROM places WHERE briefing = ?",
            (briefing,),
        )
        return Place(*rows[0]) if rows else None

    def save_place(self, briefing: str, place: Place) -> None:
        """Remember where this briefing is being read."""
        self._write(
            "INSERT OR REPLACE INTO places"
            " (briefing, screen, item, pane, zoom, lane_mode, scroll, thread, event, row, saved_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (briefing, *_place_columns(place), self.clock()),
        )

    # Bookmarks ----------------------------------------------------------------------------

    def bookmarks(self, briefing: str | None = None) -> list[Bookmark]:
        """Bookmarks, newest first: of one briefing, or of all."""
        sql = "SELECT briefing, item, added FROM bookmarks"
        params: tuple[str, ...] = ()
        if briefing is not None:
            sql, params = sql + " WHERE briefing = ?", (briefing,)
        return [Bookmark(*row) for row in self._rows(sql + " ORDER BY added DESC, briefing, item", params)]

    def bookmarked(self, briefing: str) -> set[str]:
        """The ids of this briefing's bookmarked items."""
        return {row[0] for row in self._rows("SELECT item FROM bookmarks WHERE briefing = ?", (briefing,))}

    def add_bookmark(self, briefing: str, item: str) -> None:
        """Bookmark an item (again: keeps the first time)."""
        self._write(
            "INSERT OR IGNORE INTO bookmarks (briefing, item, added) VALUES (?, ?, ?)", (briefing, item, self.clock())
        )

    def remove_bookmark(self, briefing: str, item: str) -> None:
        """Forget a bookmark."""
        self._write("DELETE FROM bookmarks WHERE briefing = ? AND item = ?", (briefing, item))

    def toggle_bookmark(self, briefing: str, item: str) -> bool:
        """Bookmark the item, or remove its bookmark; returns whether it is bookmarked now."""
        if item in self.bookmarked(briefing):
            self.remove_bookmark(briefing, item)
            return False
        self.add_bookmark(briefing, item)
        return self.enabled

    # History ------------------------------------------------------------------------------

    def push_history(self, briefing: str, item: str | None, pane: str | None = None, scroll: int = 0) -> None:
        """Record an open."""
        row_id = self._write(
            "INSERT INTO history (briefing, item, pane, scroll, at) VALUES (?, ?, ?, ?, ?)",
            (briefing, item, pane, scroll, self.clock()),
        )
        if row_id and row_id % 100 == 0:
            self._write(
                "DELETE FROM history WHERE briefing = ? AND id <= ?",
                (briefing, row_id - HISTORY_KEPT * 2),
            )

    def history(self, briefing: str, limit: int = HISTORY_KEPT) -> list[HistoryEntry]:
        """The latest opens of a briefing, oldest first."""
        rows = self._rows(
            "SELECT briefing, item, pane, scroll, at FROM history WHERE briefing = ? ORDER BY id DESC LIMIT ?",
            (briefing, limit),
        )
        return [HistoryEntry(*row) for row in reversed(rows)]

    # The guarded core ---------------------------------------------------------------------

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        with self._lock:
            if self._db is None:
                return []
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                self._turn_off(error)
                return []

    def _write(self, sql: str, params: tuple[Any, ...]) -> int | None:
        """One statement in its own transaction (autocommit); returns the new row's id."""
        with self._lock:
            if self._db is None:
                return None
            try:
                return self._db.execute(sql, params).lastrowid
            except sqlite3.Error as error:
                self._turn_off(error)
                return None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """Several statements as one write; on any error nothing is written and state turns off."""
        with self._lock:
            db = self._db
            if db is None:
                yield _DISCARD
                return
            try:
                db.execute("BEGIN IMMEDIATE")
                yield db
                db.execute("COMMIT")
            except sqlite3.Error as error:
                if db.in_transaction:
                    with suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                self._turn_off(error)

    def _turn_off(self, error: sqlite3.Error) -> None:
        """Stop keeping state, once, saying why (the lock is held)."""
        if self._db is not None:
            with suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        self.notices.append(OFF_NOTICE.format(reason=_reason(error)))


def _reason(error: BaseException) -> str:
    """A short, human reason for a database error."""
    text = str(error).strip() or type(error).__name__
    return text[:120]


class _Discard:
    """Stands in for a connection when state is off: every statement is dropped."""

    in_transaction = False

    def execute(self, *args: object) -> None:
        """Drop the statement."""

    def executemany(self, *args: object) -> None:
        """Drop the statements."""


_DISCARD: Any = _Discard()
