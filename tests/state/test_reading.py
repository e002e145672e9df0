"""A Reading ties the store to what changed: baseline on first open, marks cleared as items are shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.model.changes import Mark
from brief_tui.screens.history import History, Stop
from brief_tui.state import Store, open_store
from brief_tui.state.reading import Reading, reading_order

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


def _edit(path: Path) -> Briefing:
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "    group: Core issues\n    status: open\n", "    group: Core issues\n    status: progressing\n", 1
    )
    text = text.replace("\nevents:\n", "\nevents:\n" + NEW_EVENT, 1)
    path.write_text(text, encoding="utf-8")
    return load_briefing(path, cache=False).briefing


def _store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "state.sqlite3")


def test_first_open_marks_nothing_then_the_edit_is_marked(copy: Path, tmp_path: Path) -> None:
    first = Reading(_store(tmp_path), load_briefing(copy, cache=False).briefing)
    assert first.first_open
    assert first.marks == {}
    first.shown("territory")
    again = Reading(_store(tmp_path), _edit(copy))
    assert not again.first_open
    assert again.marks == {"territory": Mark.CHANGED, "geneva-round": Mark.NEW}
    assert again.changes.since is not None
    assert [row.item_id for row in again.changes.digest] == ["geneva-round", "territory"]


def test_u_walks_the_marks_in_reading_order_and_showing_clears_them(copy: Path, tmp_path: Path) -> None:
    Reading(_store(tmp_path), load_briefing(copy, cache=False).briefing)
    reading = Reading(_store(tmp_path), _edit(copy))
    assert reading.next_marked(None) == "territory"  # threads come before events
    assert reading.next_marked("territory") == "geneva-round"
    reading.shown("territory")
    reading.shown("geneva-round")
    assert reading.marks == {}
    assert reading.next_marked(None) is None
    assert Reading(_store(tmp_path), load_briefing(copy, cache=False).briefing).marks == {}


def test_mark_all_read_is_kept(copy: Path, tmp_path: Path) -> None:
    Reading(_store(tmp_path), load_briefing(copy, cache=False).briefing)
    reading = Reading(_store(tmp_path), _edit(copy))
    reading.mark_all_read()
    assert reading.marks == {}
    assert Reading(_store(tmp_path), load_briefing(copy, cache=False).briefing).marks == {}


def test_a_reload_marks_what_the_edit_brought_even_with_state_off(copy: Path) -> None:
    reading = Reading(Store.null(), load_briefing(copy, cache=False).briefing)
    reading.shown("territory")
    reading.reload(_edit(copy))
    assert reading.marks == {"territory": Mark.CHANGED, "geneva-round": Mark.NEW}
    reading.shown("territory")
    assert reading.marks == {"geneva-round": Mark.NEW}


def test_showing_an_unchanged_item_writes_nothing(copy: Path, tmp_path: Path) -> None:
    store = _store(tmp_path)
    reading = Reading(store, load_briefing(copy, cache=False).briefing)
    before = store.seen("ukraine-peace-talks")["territory"]
    reading.shown("territory")
    assert store.seen("ukraine-peace-talks")["territory"] == before


def test_reading_order_holds_every_item(copy: Path) -> None:
    briefing = load_briefing(copy, cache=False).briefing
    assert sorted(reading_order(briefing)) == sorted(briefing.by_id)


def test_history_goes_back_and_forward_to_the_same_scroll() -> None:
    history: History[Stop] = History(Stop("overview"), same=lambda a, b: a.item == b.item)
    history.open(Stop("territory", "detail"), leaving=Stop("overview", "detail", 7))
    history.open(Stop("peace-plan", "detail"), leaving=Stop("territory", "detail", 12))
    assert history.back() == Stop("territory", "detail", 12)
    assert history.back() == Stop("overview", "detail", 7)
    assert history.back() is None
    assert history.forward() == Stop("territory", "detail", 12)
    history.open(Stop("moscow-visit", "timeline"))  # a new open drops what was ahead
    assert not history.can_go_forward
    assert history.back() == Stop("territory", "detail", 12)


def test_reopening_the_same_place_does_not_push() -> None:
    history: History[Stop] = History(Stop("territory", "detail"), same=lambda a, b: a.item == b.item)
    history.open(Stop("territory", "detail", 3))
    assert not history.can_go_back
    assert history.current == Stop("territory", "detail", 3)


def test_a_reload_tells_what_changed_from_what_the_store_kept(copy: Path, tmp_path: Path) -> None:
    """The reading keeps fingerprints only; a reload reads the looks back from the store."""
    reading = Reading(_store(tmp_path), load_briefing(copy, cache=False).briefing)
    assert all(isinstance(mark, str) for mark in reading._now.values())
    reading.shown("territory")
    reading.reload(_edit(copy))
    assert reading.marks == {"territory": Mark.CHANGED, "geneva-round": Mark.NEW}
    said = {row.item_id: row.text for row in reading.changes.digest}
    assert "open" in said["territory"]
    assert "progressing" in said["territory"]
    reading.shown("territory")
    assert reading.marks == {"geneva-round": Mark.NEW}
    assert Reading(_store(tmp_path), load_briefing(copy, cache=False).briefing).marks == {"geneva-round": Mark.NEW}
