"""What changed between two versions of the built-in briefing, without Textual: marks and the digest."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.model.changes import (
    NEW_EVENTS,
    QUOTES,
    SOURCES,
    STANCES,
    STATUS,
    VERSIONS,
    Changes,
    ItemSnapshot,
    Mark,
    compare,
    digest_title,
    snapshots,
)
from brief_tui.state import Seen

BUILTIN = Path(__file__).resolve().parents[2] / "content" / "ukraine-peace-talks.yaml"

NEW_EVENT = """
  - id: geneva-round
    date: "2025-12-10"
    title: Geneva round on territory
    kind: meeting
    status: scheduled
    threads: [territory]
"""
NEW_QUOTE = """
  - id: q-new
    text: We will not give up Donbas.
    speaker: zelenskyy
    threads: [territory]
    sources: [reuters]
"""
NEW_SOURCE = """
  - id: reuters
    name: Reuters
    kind: outlet
    reliability: B
"""
NEW_VERSION = """
      - id: plan-19-points
        label: 19 points (Geneva)
        date: "2025-12-09"
        points: 19
"""

Edit = Callable[[str], str]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "ukraine-peace-talks.yaml"
    shutil.copy(BUILTIN, path)
    return path


def _load(path: Path) -> Briefing:
    return load_briefing(path, cache=False).briefing


def _after(path: Path, edit: Edit) -> Briefing:
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return _load(path)


def _stored(briefing: Briefing) -> dict[str, Seen]:
    return {i: Seen(s.fingerprint, s.encode(), 1.0) for i, s in snapshots(briefing).items()}


def _insert(text: str, after: str, block: str) -> str:
    assert after in text
    return text.replace(after, after + block.lstrip("\n"), 1)


def _status_and_event(text: str) -> str:
    text = text.replace(
        "    group: Core issues\n    status: open\n", "    group: Core issues\n    status: progressing\n", 1
    )
    return _insert(text, "\nevents:\n", NEW_EVENT)


def test_a_first_open_marks_nothing(copy: Path) -> None:
    changes = compare(_load(copy), None)
    assert changes.marks == {}
    assert changes.digest == []


def test_an_unchanged_briefing_marks_nothing(copy: Path) -> None:
    stored = _stored(_load(copy))
    assert compare(_load(copy), stored).marks == {}


def test_a_status_change_and_a_new_event_are_marked_and_listed(copy: Path) -> None:
    stored = _stored(_load(copy))
    changes = compare(_after(copy, _status_and_event), stored, since=1.0)
    # The new event names the thread, but only what the author wrote for an item marks it.
    assert changes.marks == {"territory": Mark.CHANGED, "geneva-round": Mark.NEW}
    rows = [(r.section, r.item_id, r.text) for r in changes.digest]
    assert rows == [
        (NEW_EVENTS, "geneva-round", "2025-12-10 · Geneva round on territory (scheduled)"),
        (STATUS, "territory", "Territory and the Donbas demand: open → progressing"),
    ]
    assert changes.since == 1.0


def test_once_shown_an_item_is_no_longer_marked(copy: Path) -> None:
    stored = _stored(_load(copy))
    briefing = _after(copy, _status_and_event)
    now = snapshots(briefing)
    for item_id in ("territory", "geneva-round"):  # what the detail pane showed
        stored[item_id] = Seen(now[item_id].fingerprint, now[item_id].encode(), 2.0)
    assert compare(briefing, stored).marks == {}


def test_a_changed_leaning_is_listed_per_party(copy: Path) -> None:
    stored = _stored(_load(copy))
    old = "        leaning: unknown  # the report gives Ukraine's view of the draft, not its leaning\n"

    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, "        leaning: conditional\n", 1)

    changes = compare(_after(copy, edit), stored)
    assert changes.marks == {"security-guarantees": Mark.CHANGED}
    assert [(r.section, r.text) for r in changes.digest] == [
        (STANCES, "US security guarantees for Ukraine — UA: unknown → conditional")
    ]


def test_new_versions_quotes_and_sources_each_open_their_item(copy: Path) -> None:
    stored = _stored(_load(copy))

    def edit(text: str) -> str:
        text = _insert(text, "\nquotes:\n", NEW_QUOTE)
        text = _insert(text, "\nsources:\n", NEW_SOURCE)
        return text.rstrip("\n") + "\n" + NEW_VERSION.lstrip("\n")  # the document's last version

    changes = compare(_after(copy, edit), stored)
    assert changes.marks == {
        "q-new": Mark.NEW,
        "reuters": Mark.NEW,
        "plan-19-points": Mark.NEW,
        "us-peace-plan": Mark.CHANGED,
    }
    rows = [(r.section, r.item_id, r.text) for r in changes.digest]
    assert rows == [
        (VERSIONS, "plan-19-points", "US peace plan: new version 19 points (Geneva)"),
        (QUOTES, "q-new", "Volodymyr Zelenskyy: “We will not give up Donbas.”"),
        (SOURCES, "reuters", "Reuters"),
    ]


def test_an_unreadable_snapshot_still_marks_and_lists_the_item(copy: Path) -> None:
    stored = _stored(_load(copy))
    stored["territory"] = Seen("stale", "not json", 1.0)
    changes = compare(_load(copy), stored)
    assert changes.marks == {"territory": Mark.CHANGED}
    assert [(r.item_id, r.text) for r in changes.digest] == [("territory", "Territory and the Donbas demand: edited")]


def test_snapshots_survive_the_store(copy: Path) -> None:
    for snapshot in snapshots(_load(copy)).values():
        assert ItemSnapshot.decode(snapshot.encode()) == snapshot


def test_next_marked_goes_round(copy: Path) -> None:
    changes = Changes({"b": Mark.NEW, "d": Mark.CHANGED})
    order = ["a", "b", "c", "d"]
    assert changes.next_marked(order, None) == "b"
    assert changes.next_marked(order, "b") == "d"
    assert changes.next_marked(order, "d") == "b"
    assert Changes().next_marked(order, "a") is None


def test_the_digest_title_names_the_last_read() -> None:
    assert digest_title(None) == "What changed since you last read"
    assert digest_title(0.0).startswith("What changed since you last read (19")


def test_a_new_event_marks_only_itself_not_the_threads_it_names(copy: Path) -> None:
    stored = _stored(_load(copy))
    changes = compare(_after(copy, lambda text: _insert(text, "\nevents:\n", NEW_EVENT)), stored)
    assert changes.marks == {"geneva-round": Mark.NEW}
