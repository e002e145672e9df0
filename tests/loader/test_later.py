"""A cached open builds the head first and the event graph on first read: the model answers as an eager build."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing, Event, Thread

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ROOT / "content" / "ukraine-peace-talks.yaml"


def _generated(tmp_path: Path) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path = tmp_path / "generated.yaml"
    path.write_text(generate(events=400, threads=30, seed=11), encoding="utf-8")
    return path


@pytest.fixture(params=["builtin", "generated"])
def briefing_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return BUILTIN if request.param == "builtin" else _generated(tmp_path)


def _ids(items: Any) -> list[str]:
    return [item.id for item in items]


def _graph(b: Briefing) -> Any:
    """Everything the event graph fills, as ids, in order."""
    return (
        _ids(b.events),
        _ids(b.quotes),
        list(b.by_id),
        [(t.id, _ids(t.events), _ids(t.quotes), _ids(t.documents)) for t in b.threads],
        [(a.id, _ids(a.events), _ids(a.quotes), _ids(a.threads)) for a in b.actors],
        [(e.id, _ids(e.quotes), _ids(e.threads), _ids(e.actors), e.order) for e in b.events],
        [(q.id, _ids(q.renderings), q.event.id if q.event else None) for q in b.quotes],
        _ids(b.upcoming()),
    )


def _cached(path: Path) -> Briefing:
    load_briefing(path, cache=True)  # fills the cache
    briefing = load_briefing(path, cache=True).briefing
    assert briefing.later is not None, "a cached open should leave the event graph for later"
    return briefing


def test_a_cached_open_answers_as_an_eager_build(briefing_file: Path) -> None:
    eager = load_briefing(briefing_file, cache=False).briefing
    lazy = _cached(briefing_file)
    assert _graph(lazy) == _graph(eager)
    assert lazy.later is None
    assert all(x.later is None for x in [*lazy.threads, *lazy.actors, *lazy.events])


def test_the_first_frame_needs_no_event_graph(briefing_file: Path) -> None:
    eager = load_briefing(briefing_file, cache=False).briefing
    lazy = _cached(briefing_file)
    # What the sidebar and overview read: threads, counts, the upcoming events, the briefing's own id.
    assert _ids(lazy.threads) == _ids(eager.threads)
    assert lazy.event_count == len(eager.events)
    assert _ids(lazy.upcoming()) == _ids(eager.upcoming())
    lazy.get(lazy.id)  # the overview asks whether an item has the briefing's id
    assert lazy.get(lazy.threads[0].id) is lazy.threads[0]
    assert lazy.later is not None, "none of that should build the event graph"
    # The upcoming events built early are the very ones the graph holds later.
    early = lazy.upcoming()
    assert [lazy.get(e.id) for e in early] == early
    assert all(any(e is x for x in lazy.events) for e in early)


@pytest.mark.parametrize(
    "read",
    [
        lambda b: b.events,
        lambda b: b.quotes,
        lambda b: b.by_id,
        lambda b: b.threads[0].events,
        lambda b: b.actors[0].quotes,
        lambda b: b.upcoming()[0].quotes if b.upcoming() else b.events,
    ],
)
def test_any_read_of_the_graph_builds_it(read: Any, tmp_path: Path) -> None:
    path = _generated(tmp_path)
    lazy = _cached(path)
    read(lazy)
    assert lazy.later is None
    assert _graph(lazy) == _graph(load_briefing(path, cache=False).briefing)


def test_get_of_an_item_not_built_yet_builds_it(tmp_path: Path) -> None:
    path = _generated(tmp_path)
    eager = load_briefing(path, cache=False).briefing
    lazy = _cached(path)
    late = next(e for e in eager.events if e not in eager.upcoming())
    found = lazy.get(late.id)
    assert isinstance(found, Event)
    assert found.id == late.id
    assert lazy.later is None


def test_two_threads_reading_at_once_see_one_whole_graph(tmp_path: Path) -> None:
    path = _generated(tmp_path)
    lazy = _cached(path)
    seen: list[Any] = []
    start = threading.Barrier(3)

    def read() -> None:
        start.wait()
        seen.append((lazy.events, [(t, list(t.events)) for t in lazy.threads]))

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(timeout=30)
    assert len(seen) == 3
    assert all(s[0] is seen[0][0] for s in seen)
    assert all(s[1] == seen[0][1] for s in seen)
    assert _graph(lazy) == _graph(load_briefing(path, cache=False).briefing)


def test_a_model_built_by_hand_is_whole() -> None:
    thread = Thread("t", "T")
    briefing = Briefing("b", "B", load_briefing(BUILTIN, cache=False).briefing.as_of, threads=[thread])
    assert briefing.later is None
    assert briefing.events == []
    assert briefing.event_count == 0
    briefing.events = [Event("e", None)]
    assert briefing.event_count == 1


def test_fingerprints_are_those_of_an_eager_build_before_and_after_the_graph_is_built(briefing_file: Path) -> None:
    from brief_tui.model.changes import fingerprint

    eager = load_briefing(briefing_file, cache=False).briefing
    lazy = _cached(briefing_file)
    before = {t.id: fingerprint(t) for t in [*lazy.threads, *lazy.actors, *lazy.upcoming()]}
    assert lazy.later is not None
    assert before == {t.id: fingerprint(t) for t in [*eager.threads, *eager.actors, *eager.upcoming()]}
    assert {i: fingerprint(x) for i, x in lazy.by_id.items()} == {i: fingerprint(x) for i, x in eager.by_id.items()}


def test_a_library_record_counts_events_without_building_them(briefing_file: Path) -> None:
    from brief_tui.loader.index import record_of

    eager = load_briefing(briefing_file, cache=False).briefing
    lazy = _cached(briefing_file)
    assert record_of(lazy) == record_of(eager)
    assert lazy.later is not None


def test_the_filter_of_ids_not_built_yet_never_misses_one() -> None:
    from brief_tui.loader.later import id_filter, may_be_in

    ids = [f"event-{n}" for n in range(5000)] + ["территория", "和平", "q1"]
    may_hold = may_be_in(id_filter(ids))
    assert all(may_hold(item_id) for item_id in ids)
    others = [f"thread-{n}" for n in range(5000)]
    assert sum(may_hold(item_id) for item_id in others) < 50  # a wrong "maybe" only builds early
    assert not may_be_in(id_filter([]))("anything")
