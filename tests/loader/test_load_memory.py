"""Loading keeps the process small: no buffer the size of the limit, one string for a repeated value."""

from __future__ import annotations

import dataclasses
import os
import threading
import tracemalloc
from pathlib import Path

import pytest

from brief_tui.loader import load_briefing
from brief_tui.loader.limits import DEFAULT_LIMITS
from tests.conftest import BUILTIN


def test_a_small_file_is_read_without_a_buffer_the_size_of_the_limit() -> None:
    wide = dataclasses.replace(DEFAULT_LIMITS, max_bytes=256 * 1024 * 1024)
    load_briefing(BUILTIN, cache=False, limits=wide)  # imports and first-use costs out of the way
    tracemalloc.start()
    try:
        load_briefing(BUILTIN, cache=False, limits=wide)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024


def test_a_file_at_the_limit_is_still_too_big(tmp_path: Path) -> None:
    from brief_tui.loader import BriefingError

    data = BUILTIN.read_bytes()
    path = tmp_path / "b.yaml"
    path.write_bytes(data)
    with pytest.raises(BriefingError):
        load_briefing(path, cache=False, limits=dataclasses.replace(DEFAULT_LIMITS, max_bytes=len(data) - 1))
    assert load_briefing(path, cache=False, limits=dataclasses.replace(DEFAULT_LIMITS, max_bytes=len(data))).briefing


def test_events_share_one_string_for_a_repeated_kind_status_and_place(tmp_path: Path) -> None:
    path = tmp_path / "talks.yaml"
    path.write_bytes(BUILTIN.read_bytes())
    load_briefing(path)  # fills the parse cache
    for cached in (False, True):
        events = load_briefing(path, cache=cached).briefing.events
        for name in ("kind", "status", "place"):
            by_value: dict[str, list[str]] = {}
            for event in events:
                value = getattr(event, name)
                if value is not None:
                    by_value.setdefault(value, []).append(value)
            shared = [values for values in by_value.values() if len(values) > 1]
            assert shared or name == "place", name
            for values in shared:
                assert all(value is values[0] for value in values), (name, values[0])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_read_whole(tmp_path: Path) -> None:
    """A pipe has no size to go by: it is read up to the limit, as before."""
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_bytes, args=(BUILTIN.read_bytes(),))
    writer.start()
    try:
        briefing = load_briefing(pipe, cache=False).briefing
    finally:
        writer.join(timeout=10)
    assert briefing.id == load_briefing(BUILTIN, cache=False).briefing.id
