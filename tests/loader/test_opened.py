"""The briefings of an indexed library, loaded once each when first asked for."""

from __future__ import annotations

import shutil
from pathlib import Path

from brief_tui.loader.index import open_shelf, refresh
from brief_tui.loader.opened import OpenedLibrary
from tests.commands.helpers import LIBRARY


def opened(root: Path = LIBRARY) -> OpenedLibrary:
    return OpenedLibrary(refresh(open_shelf([(root, "command line")], index=False), cache=False), cache=False)


def test_nothing_is_loaded_until_asked_for() -> None:
    library = opened()
    assert len(library) == 2  # small and other; broken.yaml is not a briefing of it
    assert library.loaded() == []
    assert not library.complete


def test_a_briefing_by_id_is_loaded_once_and_shared() -> None:
    library = opened()
    other = library.by_id("other")
    assert other is not None
    assert other.id == "other"
    assert library.by_id("other") is other
    assert library.loaded() == [other]
    assert library.by_id("nowhere") is None


def test_load_all_keeps_library_order_and_what_was_kept() -> None:
    library = opened()
    small_path = next(p for p in library.paths if p.endswith("small.yaml"))
    first = library.by_id("small")
    assert first is not None
    assert library.keep(small_path, first) is first
    everything = library.load_all()
    assert library.complete
    assert [b.id for b in everything] == [Path(p).stem for p in library.paths]
    assert any(b is first for b in everything)


def test_load_all_stops_when_told() -> None:
    library = opened()
    assert library.load_all(lambda: False) == []
    assert not library.complete


def test_a_file_broken_since_the_check_is_none(tmp_path: Path) -> None:
    root = tmp_path / "library"
    shutil.copytree(LIBRARY, root)
    library = opened(root)
    path = next(p for p in library.paths if p.endswith("small.yaml"))
    Path(path).write_text("not: [a briefing", encoding="utf-8")
    assert library.load_path(path) is None
    assert not library.complete


def test_checked_again_what_is_still_listed_stays_loaded() -> None:
    before = opened()
    other = before.by_id("other")
    again = OpenedLibrary(before.shelf, cache=False, before=before)
    assert again.by_id("other") is other
