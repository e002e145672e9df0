"""The child-process parse that fills the cache before a big first open."""

from __future__ import annotations

from pathlib import Path

from brief_tui.loader import cache as parse_cache
from brief_tui.loader.warm import main
from tests.conftest import BUILTIN


def test_valid_file_is_parsed_into_the_cache(tmp_path: Path) -> None:
    assert main([str(BUILTIN)]) == 0
    store = parse_cache.open_cache()
    assert store is not None
    assert store.has(parse_cache.cache_key(BUILTIN.read_bytes()))


def test_broken_file_reports_failure(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("brief: 1\nid: x\n", encoding="utf-8")
    assert main([str(broken)]) == 1
