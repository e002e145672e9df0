"""State never costs the reader: concurrent processes, kills, damaged files and full or read-only disks."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from brief_tui.state import Place, open_store
from brief_tui.state.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]


def _writer(db: Path, name: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.state.writer", str(db), name, str(count)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _start(*writers: subprocess.Popen[str]) -> None:
    """Wait until every writer has opened the store, then let them all write at once."""
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()


def _everything(db: Path) -> set[str]:
    store = open_store(db)
    items = {m.item for m in store.bookmarks("b")} | set(store.seen("b"))
    items |= {str(h.item) for h in store.history("b", limit=10_000)}
    return items


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    open_store(db).close()  # made once, so both start from the same file
    writers = [_writer(db, name, 1000) for name in ("one", "two")]
    _start(*writers)
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, out[-500:] + err[-2000:]
    expected = {f"{name}-{n}" for name in ("one", "two") for n in range(1000)}
    assert _everything(db) == expected


def test_a_killed_process_loses_at_most_its_last_write(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    writer = _writer(db, "k", 0)
    _start(writer)
    assert writer.stdout is not None
    acknowledged = []
    for line in writer.stdout:  # every write that returned before the kill
        acknowledged.append(int(line))
        if len(acknowledged) == 300:
            writer.send_signal(signal.SIGKILL)
            break
    # Read on from the same buffered stream: lines it has already read ahead are acknowledged too.
    acknowledged += [int(n) for n in writer.stdout.read().split()]
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    kept = _everything(db)
    assert {f"k-{n}" for n in acknowledged} <= kept
    assert len(kept) <= len(acknowledged) + 1  # the one in flight, at most
    store = open_store(db)
    assert store.enabled
    assert store.take_notices() == []


@pytest.mark.parametrize("content", ["random", "foreign", "truncated"])
def test_a_damaged_or_foreign_file_is_set_aside_with_one_message(tmp_path: Path, content: str) -> None:
    db = tmp_path / "state.sqlite3"
    if content == "random":
        db.write_bytes(os.urandom(64 * 1024))
    elif content == "foreign":
        other = sqlite3.connect(db)
        other.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT)")
        other.execute("INSERT INTO messages (body) VALUES ('not brief')")
        other.commit()
        other.close()
    else:
        whole = open_store(db)
        whole.save_place("b", Place(item="x"))
        whole.close()
        db.write_bytes(db.read_bytes()[:100] + os.urandom(4000))
    before = db.read_bytes()
    store = open_store(db)
    notices = store.take_notices()
    assert store.enabled
    assert len(notices) == 1
    assert "moved it to" in notices[0]
    aside = [p for p in tmp_path.iterdir() if ".bad-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1
    assert aside[0].name in notices[0]
    assert aside[0].read_bytes() == before  # set aside untouched, never written to
    store.add_bookmark("b", "territory")
    assert open_store(db).bookmarked("b") == {"territory"}


def test_a_file_from_a_newer_brief_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    open_store(db).close()
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    store = open_store(db)
    assert not store.enabled
    assert len(store.take_notices()) == 1
    assert list(tmp_path.glob("*.bad-*")) == []


def _read_only(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{args[0]}?mode=ro", *args[1:], uri=True, **kwargs)


def test_a_read_only_file_turns_state_off_once_and_reading_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    made = open_store(db)
    made.add_bookmark("b", "kept")
    made.close()
    store = open_store(db, connect=_read_only)
    assert store.bookmarked("b") == {"kept"}  # reads work until a write fails
    for n in range(50):
        store.mark_read("b", f"x{n}", "f", "{}")
        store.save_place("b", Place(item="x"))
    notices = store.take_notices()
    assert len(notices) == 1
    assert "readonly" in notices[0]
    assert not store.enabled
    assert store.bookmarked("b") == set()  # from now on, a null store
    assert store.take_notices() == []


def test_a_state_file_that_cannot_be_made_gives_a_null_store(tmp_path: Path) -> None:
    store = open_store(tmp_path / "state.sqlite3", connect=_read_only)
    assert not store.enabled
    assert len(store.take_notices()) == 1
    store.add_bookmark("b", "x")
    assert store.bookmarks() == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through directory permissions")
def test_a_read_only_directory_gives_a_null_store(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = open_store(folder / "state.sqlite3")
        assert not store.enabled
        assert len(store.take_notices()) == 1
    finally:
        folder.chmod(0o700)


def test_a_state_directory_that_cannot_be_made_gives_a_null_store(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    store = open_store(blocker / "state" / "state.sqlite3")
    assert not store.enabled
    assert len(store.take_notices()) == 1


def test_a_full_disk_turns_state_off_once(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    open_store(db).close()
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]

    def full_disk(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        # SQLite's own limit on the file's size fails writes with SQLITE_FULL, as a full disk does.
        connection = sqlite3.connect(*args, **kwargs)
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    store = open_store(db, connect=full_disk)
    assert store.enabled
    store.mark_all_read("b", [(f"item-{n}", "f" * 20, "x" * 200) for n in range(2000)])
    store.mark_read("b", "one-more", "f", "{}")
    notices = store.take_notices()
    assert len(notices) == 1
    assert "full" in notices[0]
    assert not store.enabled
    assert open_store(db).seen("b") == {}  # the failed write left nothing half-done
