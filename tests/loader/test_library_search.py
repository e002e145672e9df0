"""Search across an indexed library: its index keeps texts, not briefings, and finds what one over them would."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from brief_tui.loader import load_briefing
from brief_tui.loader.index import open_shelf, refresh
from brief_tui.loader.opened import OpenedLibrary
from brief_tui.model import Briefing, Event
from brief_tui.model import search as search_module
from brief_tui.model.search import SearchIndex, SearchResults
from tests.commands.helpers import LIBRARY
from tests.conftest import BUILTIN

QUERIES = [
    "territory",
    "Territory",
    "peace plan",
    '"peace plan"',
    "witkoff umerov",
    "Witkoff umerov",
    "Dmitriev",
    "zzzz",
    "a",
    "A",
    "US plan",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    shutil.copytree(LIBRARY, root)
    shutil.copy(BUILTIN, root / "talks.yaml")
    return root


def opened(root: Path) -> OpenedLibrary:
    return OpenedLibrary(refresh(open_shelf([(root, "command line")], index=False), cache=False), cache=False)


def seen(results: SearchResults) -> list[tuple[str, str, str, str, str, list[str]]]:
    """What a reader sees of each result: address, kind, field, text, snippet, and every word found."""
    index = results.search_index
    return [
        (
            r.address,
            r.kind,
            r.field,
            r.text,
            r.snippet(40).text,
            [index.field_of(h.entry)[1][h.start : h.end] for h in results.hits(n)],
        )
        for n, r in enumerate(results)
    ]


def counted(kind: type) -> int:
    """How many objects of a kind exist, garbage not yet collected included."""
    return sum(1 for o in gc.get_objects() if type(o) is kind)


@pytest.mark.parametrize("query", QUERIES)
def test_it_finds_what_an_index_over_the_loaded_briefings_finds(
    folder: Path, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    monkeypatch.setattr(search_module, "_CHUNK_BYTES", 512)  # many chunks, so items cross them
    library = opened(folder)
    by_text = library.search_index().build()
    assert len(by_text._chunks) > 10
    in_memory = SearchIndex([load_briefing(path, cache=False).briefing for path in library.paths])
    assert seen(by_text.search(query)) == seen(in_memory.search(query))
    walked, expected = [], []
    for index, out in ((by_text, walked), (in_memory, expected)):
        results = index.search(query)
        hit = results.next_hit()
        for _ in range(5):
            if hit is None:
                break
            out.append((results[hit.result].address, hit.start, hit.end))
            hit = results.next_hit(hit)
    assert walked == expected


def test_building_it_keeps_no_briefing(folder: Path) -> None:
    library = opened(folder)
    gc.collect()
    events_before = counted(Event)
    index = library.search_index().build()
    assert len(index) > 50
    assert library.loaded() == []
    assert index.briefings == []
    assert counted(Event) == events_before  # each briefing read was freed at once, its cycles too


def test_a_briefing_read_for_the_index_is_not_frozen_with_the_process(folder: Path) -> None:
    """The app freezes its long-lived objects; a briefing read once (from the cache, its graph built later)
    must stay collectable."""
    library = OpenedLibrary(refresh(open_shelf([(folder, "command line")])))  # cached
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        library.search_index().build()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_result_opens_in_its_briefing_loaded_then_and_kept(folder: Path) -> None:
    library = opened(folder)
    results = library.search_index().build().search("territory")
    found = next(r for r in results if r.briefing_id == "other" and r.kind == "thread")
    assert library.loaded() == []  # listing results loads nothing
    opened_at = found.opened()
    assert opened_at is not None
    briefing, item = opened_at
    assert (briefing.id, item.id, item.KIND) == ("other", found.item_id, "thread")  # type: ignore[union-attr]
    assert library.loaded() == [briefing]
    assert found.briefing is briefing
    assert found.item is item
    assert results.position_of(item) == found.index
    overview = next(r for r in library.search_index().search("A") if r.kind == "briefing" and r.briefing_id == "other")
    assert overview.item is briefing
    assert library.search_index().search("A").position_of(briefing) == overview.index


def test_a_filter_sees_the_briefings_in_memory_alone(folder: Path) -> None:
    library = opened(folder)
    index = library.search_index().build()
    everywhere = {r.briefing_id for r in index.search("territory")}
    assert everywhere == {"other", "small", "ukraine-peace-talks"}
    talks = library.by_id("ukraine-peace-talks")
    kept = index.search("territory", keep=lambda owner: True)
    assert {r.briefing_id for r in kept} == {"ukraine-peace-talks"}
    assert talks is not None
    assert {r.item for r in kept} == index.search("territory").owners()


def test_a_stopped_build_keeps_nothing_and_the_next_starts_again(folder: Path) -> None:
    library = opened(folder)
    index = library.search_index()
    asked: list[int] = []
    index.build(lambda: len(asked.append(1) or asked) < 2)
    assert not index.built
    assert len(index._item_kind) == 0
    assert library.search_index() is index
    assert index.build().built
    assert len(index.search("territory")) >= 3


def test_a_file_broken_since_the_index_is_no_result_to_open(folder: Path) -> None:
    library = opened(folder)
    results = library.search_index().build().search("territory")
    found = next(r for r in results if r.briefing_id == "small")
    (folder / "small.yaml").write_text("not: [a briefing", encoding="utf-8")
    assert found.opened() is None
    with pytest.raises(LookupError):
        found.briefing  # noqa: B018


def test_briefings_are_counted_as_freed_only_when_they_are(folder: Path) -> None:
    """The counter above is honest: a briefing held is counted."""
    gc.collect()
    before = counted(Briefing)
    held = load_briefing(folder / "talks.yaml", cache=False).briefing
    assert counted(Briefing) == before + 1
    del held
