"""The state database's schema: one forward migration per version, recorded in ``user_version``."""

from __future__ import annotations

import sqlite3

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "ForeignFile", "NewerFile", "file_version", "migrate"]

# "brf1" as a big-endian int: marks the file as ours, so another program's database is never read as state.
APPLICATION_ID = 0x62726631

# MIGRATIONS[n] takes a version-n file to version n+1. Never edit a released step; add one.
MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: read marks (what each item looked like when last shown), places, bookmarks.
    """
    CREATE TABLE briefings (
        id TEXT PRIMARY KEY,
        first_opened REAL NOT NULL,
        last_read REAL
    );
    CREATE TABLE seen (
        briefing TEXT NOT NULL,
        item TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        read_at REAL NOT NULL,
        PRIMARY KEY (briefing, item)
    ) WITHOUT ROWID;
    CREATE TABLE places (
        briefing TEXT PRIMARY KEY,
        screen TEXT NOT NULL,
        item TEXT,
        pane TEXT
    );
    CREATE TABLE bookmarks (
        briefing TEXT NOT NULL,
        item TEXT NOT NULL,
        PRIMARY KEY (briefing, item)
    ) WITHOUT ROWID;
    """,
    # 1 -> 2: more of a place (the thread and event followed, the timeline's zoom and lane mode,
    # the detail pane's scroll and reference row), when a bookmark was made, the history of opens.
    """
    ALTER TABLE places ADD COLUMN thread TEXT;
    ALTER TABLE places ADD COLUMN event TEXT;
    ALTER TABLE places ADD COLUMN row INTEGER;
    ALTER TABLE places ADD COLUMN zoom TEXT;
    ALTER TABLE places ADD COLUMN lane_mode TEXT;
    ALTER TABLE places ADD COLUMN scroll INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE places ADD COLUMN saved_at REAL NOT NULL DEFAULT 0;
    ALTER TABLE bookmarks ADD COLUMN added REAL NOT NULL DEFAULT 0;
    CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        briefing TEXT NOT NULL,
        item TEXT,
        pane TEXT,
        scroll INTEGER NOT NULL DEFAULT 0,
        at REAL NOT NULL
    );
    CREATE INDEX history_by_briefing ON history (briefing, id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class ForeignFile(Exception):
    """A database that is not brief's state (another program's, or not SQLite at all)."""


class NewerFile(Exception):
    """State written by a newer brief: left alone, never migrated backwards."""


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring an open database up to ``target``; returns the version it had.

    Each step runs in one ``BEGIN IMMEDIATE`` transaction, so two processes opening an old
    file at once migrate it once, and a crash mid-step leaves the previous version whole.
    """
    start = file_version(db)
    for version in range(start, target):
        db.execute("BEGIN IMMEDIATE")
        try:
            if file_version(db) != version:  # another process migrated it meanwhile
                db.execute("ROLLBACK")
                continue
            for statement in _statements(MIGRATIONS[version]):
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return start


def file_version(db: sqlite3.Connection) -> int:
    """The file's schema version; raises for a file that is not ours or is newer than this brief."""
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if application_id == 0 and version == 0:
        tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if tables:
            raise ForeignFile("an SQLite database of another program")
        return 0
    if application_id != APPLICATION_ID:
        raise ForeignFile("an SQLite database of another program")
    if version > SCHEMA_VERSION:
        raise NewerFile(f"written by a newer brief (schema {version}, this brief knows {SCHEMA_VERSION})")
    return version


def _statements(script: str) -> list[str]:
    """A migration script's statements (``executescript`` would commit the open transaction)."""
    return [part.strip() for part in script.split(";") if part.strip()]
