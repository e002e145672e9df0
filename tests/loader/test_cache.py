"""The parse cache: hits, misses after an edit, damaged files, a read-only directory, switches."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from brief_tui.loader import cache as parse_cache
from brief_tui.loader import load as loading
from brief_tui.loader import load_briefing

from .conftest import HEAD

TEXT = HEAD + "threads: [{id: t, title: T}]\nevents:\n  - {id: e, date: 2025-12-09, status: expected, threads: [t]}\n"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(directory))
    monkeypatch.delenv("BRIEF_NO_CACHE", raising=False)
    return directory


@pytest.fixture
def briefing_file(tmp_path: Path) -> Path:
    path = tmp_path / "b.yaml"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records each real parse, so a test can tell a hit from a miss."""
    calls: list[str] = []
    real = loading.check_bytes

    def counting(data: bytes, shown: str, *args: Any) -> object:
        calls.append(shown)
        return real(data, shown, *args)

    monkeypatch.setattr(loading, "check_bytes", counting)
    return calls


def entries(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.cache") if not p.name.startswith("."))


def test_hit_after_first_load(cache_dir: Path, briefing_file: Path, checks: list[str]) -> None:
    first = load_briefing(briefing_file)
    second = load_briefing(briefing_file)
    assert len(checks) == 1
    assert len(entries(cache_dir)) == 1
    assert second.briefing.events[0].id == first.briefing.events[0].id == "e"
    assert second.briefing.threads[0].events[0] is second.briefing.events[0]
    assert second.briefing.events[0].date.earliest == first.briefing.events[0].date.earliest
    assert second.briefing.events[0].date.precision == first.briefing.events[0].date.precision


def test_same_content_elsewhere_hits_with_its_own_path(cache_dir: Path, briefing_file: Path, tmp_path: Path) -> None:
    load_briefing(briefing_file)
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(briefing_file.read_bytes())
    assert load_briefing(copy).briefing.path == str(copy)


def test_warnings_come_back_from_the_cache(cache_dir: Path, tmp_path: Path, checks: list[str]) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(HEAD + "events: [{id: e, date: 2025-12-01, status: scheduled}]\n", encoding="utf-8")
    first = load_briefing(path)
    second = load_briefing(path)
    assert len(checks) == 1
    assert first.warnings == second.warnings
    assert len(second.warnings) == 1


def test_miss_after_an_edit(cache_dir: Path, briefing_file: Path, checks: list[str]) -> None:
    load_briefing(briefing_file)
    briefing_file.write_text(TEXT.replace("title: T}", "title: Territory}"), encoding="utf-8")
    assert load_briefing(briefing_file).briefing.threads[0].title == "Territory"
    assert len(checks) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 0xFF]),
        lambda blob: b"not a cache at all",
        lambda blob: blob[:11] + b"\x00" * 32 + blob[43:],
    ],
)
def test_damaged_cache_file_is_rebuilt(cache_dir: Path, briefing_file: Path, checks: list[str], damage: object) -> None:
    load_briefing(briefing_file)
    (entry,) = entries(cache_dir)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert load_briefing(briefing_file).briefing.events[0].id == "e"
    assert len(checks) == 2
    assert load_briefing(briefing_file).briefing.events[0].id == "e"
    assert len(checks) == 2  # rebuilt, then hit


def test_a_valid_marshal_payload_of_another_shape_is_ignored(cache_dir: Path, briefing_file: Path) -> None:
    store = parse_cache.Cache(cache_dir)
    key = parse_cache.cache_key(briefing_file.read_bytes())
    store.put(key, {"id": "x"}, [])
    entry = entries(cache_dir)[0]
    blob = entry.read_bytes()
    # A payload from another loader version (an old tag) must not be used.
    old = blob.replace(parse_cache._VERSION_TAG.encode(), parse_cache._VERSION_TAG.encode()[:-1] + b"9")
    entry.write_bytes(old)
    assert store.get(key) is None


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root ignores permissions")
def test_read_only_cache_dir(cache_dir: Path, briefing_file: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert load_briefing(briefing_file).briefing.id == "test"
        assert entries(cache_dir) == []
    finally:
        cache_dir.chmod(0o700)


def test_unwritable_cache_location(tmp_path: Path, briefing_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A cache "directory" that is a file cannot be created or written, even by root.
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(blocker / "cache"))
    assert load_briefing(briefing_file).briefing.id == "test"
    assert load_briefing(briefing_file).briefing.id == "test"


def test_cache_can_be_turned_off(cache_dir: Path, briefing_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_briefing(briefing_file, cache=False)
    assert not cache_dir.exists()
    monkeypatch.setenv("BRIEF_NO_CACHE", "1")
    load_briefing(briefing_file)
    assert not cache_dir.exists()
    monkeypatch.setenv("BRIEF_NO_CACHE", "0")
    load_briefing(briefing_file)
    assert len(entries(cache_dir)) == 1


def _write_briefings(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = tmp_path / f"b{i}.yaml"
        path.write_text(HEAD.replace("id: test", f"id: b{i}"), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_library_of_many_briefings_stays_cached(cache_dir: Path, tmp_path: Path, checks: list[str]) -> None:
    # A count limit (once 32 entries) made every library larger than it miss on every open.
    paths = _write_briefings(tmp_path, 60)
    for path in paths:
        load_briefing(path)
    for path in paths:
        load_briefing(path)
    assert len(checks) == 60
    assert len(entries(cache_dir)) == 60


def test_pruning_runs_rarely(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[Path] = []
    monkeypatch.setattr(parse_cache, "prune", lambda directory, now: runs.append(directory) or 0)
    for path in _write_briefings(tmp_path, 5):
        load_briefing(path)
    assert len(runs) == 1  # the first write prunes; the next ones within PRUNE_EVERY do not
    stamp = cache_dir / ".pruned"
    old = stamp.stat().st_mtime - parse_cache.PRUNE_EVERY - 1
    os.utime(stamp, (old, old))
    late = tmp_path / "late.yaml"
    late.write_text(HEAD.replace("id: test", "id: late"), encoding="utf-8")
    load_briefing(late)
    assert len(runs) == 2


def test_prune_removes_the_least_recently_used_beyond_the_size_budget(cache_dir: Path, tmp_path: Path) -> None:
    for path in _write_briefings(tmp_path, 6):
        load_briefing(path)
    now = 2_000_000_000.0
    for age, entry in enumerate(entries(cache_dir)):
        os.utime(entry, (now - age, now - age))  # the first is the most recently used
    newest = entries(cache_dir)[:3]
    budget = sum(p.stat().st_size for p in newest)
    assert parse_cache.prune(cache_dir, now, max_bytes=budget) == 3
    assert entries(cache_dir) == newest


def test_prune_removes_entries_unused_too_long(cache_dir: Path, tmp_path: Path) -> None:
    for path in _write_briefings(tmp_path, 3):
        load_briefing(path)
    stale = entries(cache_dir)[0]
    old = stale.stat().st_mtime - parse_cache.MAX_AGE - 10
    os.utime(stale, (old, old))
    assert parse_cache.prune(cache_dir, parse_cache.time.time()) == 1
    assert stale not in entries(cache_dir)
    assert len(entries(cache_dir)) == 2


def test_default_cache_dir_uses_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BRIEF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert str(parse_cache.cache_dir()).startswith(str(tmp_path / "xdg"))


def test_read_only_cache_dir_even_as_root(
    cache_dir: Path, briefing_file: Path, monkeypatch: pytest.MonkeyPatch, checks: list[str]
) -> None:
    # Root writes anywhere, so a refusing file system is simulated: every write fails.
    cache_dir.mkdir()

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert load_briefing(briefing_file).briefing.id == "test"
    assert load_briefing(briefing_file).briefing.id == "test"
    assert entries(cache_dir) == []
    assert len(checks) == 2


def test_unreadable_cache_entry(cache_dir: Path, briefing_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_briefing(briefing_file)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert load_briefing(briefing_file).briefing.id == "test"


def test_a_files_key_is_remembered_by_size_and_time(
    cache_dir: Path, briefing_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = parse_cache.Cache(cache_dir)
    expected = parse_cache.cache_key(briefing_file.read_bytes())
    assert store.key_of_file(briefing_file) == expected
    hashed: list[int] = []
    real = parse_cache.cache_key
    monkeypatch.setattr(parse_cache, "cache_key", lambda data, *rest: hashed.append(1) or real(data, *rest))
    assert store.key_of_file(briefing_file) == expected
    assert hashed == []  # unchanged: not read, not hashed
    briefing_file.write_text(TEXT.replace("title: T}", "title: Territory}"), encoding="utf-8")
    assert store.key_of_file(briefing_file) == real(briefing_file.read_bytes())
    assert hashed == [1]
