"""The filter's flags read from the state store: changed since last read, bookmarked; reading marks nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.state import open_store
from brief_tui.state.flags import read_flags
from brief_tui.state.reading import Reading

BUILTIN = Path(__file__).resolve().parents[2] / "content" / "ukraine-peace-talks.yaml"
NEW_EVENT = """  - id: geneva-round
    date: "2025-12-10"
    title: Geneva round on territory
    status: scheduled
    threads: [territory]
"""


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "ukraine-peace-talks.yaml"
    shutil.copy(BUILTIN, path)
    return path


def _load(path: Path) -> Briefing:
    return load_briefing(path, cache=False).briefing


def _edit(path: Path) -> Briefing:
    text = path.read_text(encoding="utf-8")
    open_ = "    group: Core issues\n    status: open\n"
    text = text.replace(open_, open_.replace("open", "stalled"), 1)
    path.write_text(text.replace("\nevents:\n", "\nevents:\n" + NEW_EVENT, 1), encoding="utf-8")
    return _load(path)


def test_changed_is_what_differs_from_the_last_read_and_reading_it_marks_nothing(tmp_path: Path, copy: Path) -> None:
    store = open_store(tmp_path / "state.sqlite3")
    Reading(store, _load(copy))  # the first open: the baseline
    edited = _edit(copy)
    flags = read_flags(store, [edited], {"changed"})
    assert flags.changed == {edited.id: {"territory", "geneva-round"}}
    assert flags.bookmarked == {}
    assert read_flags(store, [edited], {"changed"}).changed == flags.changed  # nothing was marked read


def test_a_briefing_never_read_has_nothing_changed_and_is_named(tmp_path: Path, copy: Path) -> None:
    flags = read_flags(open_store(tmp_path / "state.sqlite3"), [_load(copy)], {"changed", "bookmarked"})
    assert flags.changed == {}
    assert flags.never_read == ["ukraine-peace-talks"]
    assert flags.bookmarked == {"ukraine-peace-talks": set()}


def test_bookmarked_is_the_store_s_bookmarks_of_each_briefing(tmp_path: Path, copy: Path) -> None:
    store = open_store(tmp_path / "state.sqlite3")
    store.add_bookmark("ukraine-peace-talks", "dmitriev")
    store.add_bookmark("another", "x")
    flags = read_flags(store, [_load(copy)], {"bookmarked"})
    assert flags.bookmarked == {"ukraine-peace-talks": {"dmitriev"}}
    assert flags.changed == {}
    assert flags.never_read == []
