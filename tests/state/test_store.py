"""The state store keeps read marks, places, bookmarks and history, and a null store keeps nothing."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from brief_tui.state import Place, Store, open_store, state_path


@pytest.fixture
def store(tmp_path: Path) -> Store:
    ticks = itertools.count(1000)
    return open_store(tmp_path / "state.sqlite3", clock=lambda: float(next(ticks)))


def test_the_file_lives_under_brief_state_dir() -> None:
    assert state_path() == Path(os.environ["BRIEF_STATE_DIR"]) / "state.sqlite3"


def test_a_new_file_is_made_in_wal_mode(store: Store) -> None:
    assert store.enabled
    assert store.take_notices() == []
    assert store.path is not None
    assert Path(str(store.path) + "-wal").exists()


def test_read_marks_and_baseline(store: Store) -> None:
    assert not store.known("b")
    assert store.last_read("b") is None
    store.mark_all_read("b", [("territory", "f1", "{}"), ("peace-plan", "f2", "{}")])
    assert store.known("b")
    store.mark_read("b", "territory", "f3", '{"x":1}')
    seen = store.seen("b")
    assert set(seen) == {"territory", "peace-plan"}
    assert seen["territory"].fingerprint == "f3"
    assert seen["territory"].snapshot == '{"x":1}'
    assert store.last_read("b") == 1000.0  # the baseline's time: first opened
    store.touch("b")
    assert store.last_read("b") == 1002.0
    assert store.seen("other") == {}


def test_place_is_kept_per_briefing(store: Store) -> None:
    assert store.place("b") is None
    place = Place("reader", "territory", "detail", "week", "lanes", 12, "territory", "moscow-visit", 3)
    store.save_place("b", place)
    store.save_place("c", Place(item="x"))
    assert store.place("b") == place
    assert store.place("c") == Place(item="x")


def test_bookmarks_toggle_and_list_newest_first(store: Store) -> None:
    assert store.toggle_bookmark("b", "territory") is True
    store.add_bookmark("c", "plan")
    store.add_bookmark("c", "plan")  # again: still one
    assert [(m.briefing, m.item) for m in store.bookmarks()] == [("c", "plan"), ("b", "territory")]
    assert store.bookmarked("b") == {"territory"}
    assert store.toggle_bookmark("b", "territory") is False
    assert store.bookmarks("b") == []
    store.remove_bookmark("c", "plan")
    assert store.bookmarks() == []


def test_history_oldest_first_and_trimmed(store: Store) -> None:
    for n in range(1200):
        store.push_history("b", f"item-{n}", "detail", n)
    store.push_history("c", "other")
    entries = store.history("b", limit=3)
    assert [(e.item, e.scroll) for e in entries] == [("item-1197", 1197), ("item-1198", 1198), ("item-1199", 1199)]
    assert 500 <= len(store.history("b", limit=5000)) <= 1100


def test_state_outlives_the_process(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s.sqlite3")
    first.add_bookmark("b", "territory")
    first.save_place("b", Place(item="territory"))
    first.close()
    again = open_store(tmp_path / "s.sqlite3")
    assert again.bookmarked("b") == {"territory"}
    assert again.place("b") == Place(item="territory")


def test_a_null_store_keeps_nothing_and_never_fails() -> None:
    store = Store.null("state is off")
    assert not store.enabled
    store.mark_read("b", "x", "f", "{}")
    store.mark_all_read("b", [("x", "f", "{}")])
    store.save_place("b", Place(item="x"))
    assert store.toggle_bookmark("b", "x") is False
    store.push_history("b", "x")
    assert (store.seen("b"), store.place("b"), store.bookmarks(), store.history("b")) == ({}, None, [], [])
    assert not store.known("b")
    assert store.take_notices() == ["state is off"]
    assert store.take_notices() == []


def test_importing_state_imports_no_ui() -> None:
    import subprocess
    import sys

    code = (
        "import sys, brief_tui.state, brief_tui.model.changes, brief_tui.model.digest;"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_reader_starts_without_state() -> None:
    """State is read after the first frame: opening the reader imports neither SQLite nor the store."""
    import subprocess
    import sys

    code = (
        "import sys, brief_tui.app, brief_tui.screens.reader;"
        "print(sorted(m for m in ('sqlite3', 'brief_tui.state', 'brief_tui.model.changes') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
