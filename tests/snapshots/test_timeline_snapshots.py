"""What the timeline looks like alone: a few deliberate screens at fixed sizes."""

from __future__ import annotations

from brief_tui.loader import load_briefing
from tests.conftest import BUILTIN
from tests.snapshots.timeline_app import TimelineApp


def builtin_app() -> TimelineApp:
    return TimelineApp(load_briefing(BUILTIN, cache=False).briefing)


def test_synthetic_80x24(snap_compare) -> None:
    # Intervals (one open at each end), future events of every status, ? and ~ dates, a crowded day.
    assert snap_compare(TimelineApp(), terminal_size=(80, 24))


def test_synthetic_160x48(snap_compare) -> None:
    assert snap_compare(TimelineApp(), terminal_size=(160, 48))


def test_synthetic_merged_month_80x24(snap_compare) -> None:
    assert snap_compare(TimelineApp(), press=["minus", "minus", "m", "l"], terminal_size=(80, 24))


def test_synthetic_list_60x20(snap_compare) -> None:
    assert snap_compare(TimelineApp(), press=["j"], terminal_size=(60, 20))


def test_builtin_80x24(snap_compare) -> None:
    assert snap_compare(builtin_app(), terminal_size=(80, 24))


def test_builtin_160x48(snap_compare) -> None:
    assert snap_compare(builtin_app(), terminal_size=(160, 48))
