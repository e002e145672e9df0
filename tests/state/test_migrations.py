"""The state file's schema migrates forward, keeping what older versions wrote."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from brief_tui.state import Place, open_store
from brief_tui.state.schema import APPLICATION_ID, SCHEMA_VERSION

# A version-1 file as brief wrote it, spelled out here so a change to the first migration shows.
VERSION_1 = f"""
CREATE TABLE briefings (id TEXT PRIMARY KEY, first_opened REAL NOT NULL, last_read REAL);
CREATE TABLE seen (
    briefing TEXT NOT NULL, item TEXT NOT NULL, fingerprint TEXT NOT NULL, snapshot TEXT NOT NULL,
    read_at REAL NOT NULL, PRIMARY KEY (briefing, item)
) WITHOUT ROWID;
CREATE TABLE places (briefing TEXT PRIMARY KEY, screen TEXT NOT NULL, item TEXT, pane TEXT);
CREATE TABLE bookmarks (briefing TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY (briefing, item)) WITHOUT ROWID;
INSERT INTO briefings VALUES ('ukraine-peace-talks', 100.0, NULL);
INSERT INTO seen VALUES ('ukraine-peace-talks', 'territory', 'abc', '{{}}', 100.0);
INSERT INTO places VALUES ('ukraine-peace-talks', 'reader', 'peace-plan', 'detail');
INSERT INTO bookmarks VALUES ('ukraine-peace-talks', 'territory');
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = 1;
"""


def _version_1(path: Path) -> None:
    db = sqlite3.connect(path)
    db.executescript(VERSION_1)
    db.close()


def test_a_version_1_file_migrates_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    _version_1(path)
    store = open_store(path)
    assert store.enabled
    assert store.take_notices() == []
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert store.known("ukraine-peace-talks")
    assert store.seen("ukraine-peace-talks")["territory"].fingerprint == "abc"
    assert store.place("ukraine-peace-talks") == Place("reader", "peace-plan", "detail", None, None, 0)
    assert [m.item for m in store.bookmarks()] == ["territory"]
    # What version 2 added works on the migrated file.
    store.save_place("ukraine-peace-talks", Place(item="territory", zoom="week", lane_mode="merged", scroll=3))
    store.push_history("ukraine-peace-talks", "territory", "detail", 3)
    assert store.place("ukraine-peace-talks") == Place("reader", "territory", None, "week", "merged", 3)
    assert [h.item for h in store.history("ukraine-peace-talks")] == ["territory"]


def test_a_current_file_opens_without_migrating_again(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    open_store(path).add_bookmark("b", "x")
    store = open_store(path)
    assert store.take_notices() == []
    assert store.bookmarked("b") == {"x"}
