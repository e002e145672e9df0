"""The library index: one record per file, reloaded only when the file's size or time changes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from brief_tui.loader import index
from brief_tui.loader import load as loading
from brief_tui.loader.index import Shelf, open_shelf, refresh

from .conftest import HEAD

THREADS = "threads:\n  - {id: t1, title: One, status: open}\n  - {id: t2, title: Two, status: agreed}\n"


def write(path: Path, briefing_id: str, extra: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD.replace("id: test", f"id: {briefing_id}") + THREADS + extra, encoding="utf-8")
    return path


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each file the index loads (a cache hit counts: it is the model being built)."""
    calls: list[str] = []
    real = loading.load_briefing

    def counting(path: Any, **kwargs: Any) -> Any:
        calls.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(loading, "load_briefing", counting)
    return calls


def roots(folder: Path) -> list[tuple[Path, str]]:
    return [(folder, "test")]


def test_records_say_what_a_list_shows(tmp_path: Path, loads: list[str]) -> None:
    write(tmp_path / "a.yaml", "a")
    shelf = refresh(Shelf(roots(tmp_path)))
    (record,) = shelf.briefings()
    assert (record.id, record.title, record.as_of) == ("a", "Test briefing", "2025-12-06")
    assert record.counts() == {"threads": 2, "events": 0, "actors": 0, "sources": 0}
    assert dict(record.statuses) == {"open": 1, "agreed": 1}
    assert shelf.origin(record.path) == "test"


def test_a_second_look_loads_nothing_and_an_edit_reloads_one_file(tmp_path: Path, loads: list[str]) -> None:
    for name in "abc":
        write(tmp_path / f"{name}.yaml", name)
    refresh(Shelf(roots(tmp_path)))
    assert sorted(loads) == ["a.yaml", "b.yaml", "c.yaml"]
    loads.clear()
    refresh(Shelf(roots(tmp_path)))
    assert loads == []
    write(tmp_path / "b.yaml", "b", "summary: now longer\n")
    shelf = refresh(Shelf(roots(tmp_path)))
    assert loads == ["b.yaml"]
    assert [r.id for r in shelf.briefings()] == ["a", "b", "c"]


def test_a_new_modification_time_alone_reloads(tmp_path: Path, loads: list[str]) -> None:
    path = write(tmp_path / "a.yaml", "a")
    refresh(Shelf(roots(tmp_path)))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    loads.clear()
    refresh(Shelf(roots(tmp_path)))
    assert loads == ["a.yaml"]


def test_broken_files_and_repeated_ids(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "same")
    write(tmp_path / "b.yaml", "same")
    (tmp_path / "c.yaml").write_text("brief: 1\nid: [\n", encoding="utf-8")
    shelf = refresh(Shelf(roots(tmp_path)))
    assert [r.id for r in shelf.briefings()] == ["same"]
    broken = {Path(r.path).name: r.first_error() for r in shelf.broken()}
    assert "already used by" in broken["b.yaml"]
    assert broken["b.yaml"].startswith(f"{tmp_path / 'b.yaml'}:2:5: error:")
    assert "c.yaml:" in broken["c.yaml"]
    again = refresh(Shelf(roots(tmp_path)))  # broken records come from the index too
    assert [r.first_error() for r in again.broken()] == [r.first_error() for r in shelf.broken()]


def test_open_shelf_reads_no_file(tmp_path: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.yaml", "a")
    write(tmp_path / "b.yaml", "b")
    refresh(Shelf(roots(tmp_path)))
    loads.clear()
    (tmp_path / "b.yaml").unlink()
    write(tmp_path / "c.yaml", "c")
    shelf = open_shelf(roots(tmp_path))  # as last seen: b still there, c not yet
    assert loads == []
    assert not shelf.checked
    assert [r.id for r in shelf.briefings()] == ["a", "b"]
    checked = refresh(shelf)
    assert [r.id for r in checked.briefings()] == ["a", "c"]
    assert loads == ["c.yaml"]


def test_a_folder_never_seen_is_walked_without_reading(tmp_path: Path, loads: list[str]) -> None:
    write(tmp_path / "a.yaml", "a")
    shelf = open_shelf(roots(tmp_path))
    assert shelf.unknown() == [str(tmp_path / "a.yaml")]
    assert loads == []


def test_a_damaged_index_is_rebuilt(tmp_path: Path, loads: list[str]) -> None:
    write(tmp_path / "a.yaml", "a")
    refresh(Shelf(roots(tmp_path)))
    stored = index._index_path(tmp_path)
    assert stored is not None
    stored.write_bytes(stored.read_bytes()[:-3])
    loads.clear()
    assert [r.id for r in refresh(Shelf(roots(tmp_path))).briefings()] == ["a"]
    assert loads == ["a.yaml"]
    loads.clear()
    refresh(Shelf(roots(tmp_path)))
    assert loads == []


def test_no_index_when_the_cache_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "lib" / "a.yaml", "a")
    refresh(Shelf(roots(tmp_path / "lib")), cache=False)
    stored = index._index_path(tmp_path / "lib")
    assert stored is not None
    assert not stored.exists()
    monkeypatch.setenv("BRIEF_NO_CACHE", "1")
    assert index._index_path(tmp_path / "lib") is None


def test_each_folder_has_its_own_index(tmp_path: Path, loads: list[str]) -> None:
    write(tmp_path / "one" / "a.yaml", "a")
    write(tmp_path / "two" / "b.yaml", "b")
    refresh(Shelf([(tmp_path / "one", "x"), (tmp_path / "two", "y")]))
    loads.clear()
    shelf = open_shelf([(tmp_path / "two", "y")])
    assert [r.id for r in shelf.briefings()] == ["b"]  # the other folder's records are not read
    assert index._index_path(tmp_path / "one") != index._index_path(tmp_path / "two")
    assert loads == []
