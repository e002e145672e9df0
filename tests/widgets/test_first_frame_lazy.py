"""A cached big briefing's first frame is drawn from its head; the event graph is built after it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from brief_tui.app import create_app
from brief_tui.loader import load_briefing
from brief_tui.screens.finding import row_text
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.thread_list import ThreadList
from tests.widgets.pilot import until

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate import generate


async def test_the_first_frame_needs_no_event_graph_and_the_timeline_follows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(generate(events=1500, threads=40, seed=9), encoding="utf-8")
    load_briefing(big, cache=True)  # fill the parse cache, as an earlier open would
    eager = load_briefing(big, cache=False).briefing
    pending_when_mounted: list[bool] = []
    mounted = ReaderScreen.on_mount

    def on_mount(self: ReaderScreen) -> None:
        mounted(self)
        # Composed and mounted: what the first frame draws is all there.
        pending_when_mounted.append(self.briefing.later is not None)

    monkeypatch.setattr(ReaderScreen, "on_mount", on_mount)
    app = create_app([big], cache=True, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert pending_when_mounted == [True]
        sidebar = screen.query_one(ThreadList)
        shown = [sidebar.get_option_at_index(i).id for i in range(sidebar.option_count)]
        assert [t.id for t in eager.threads if t.id in shown] == [t.id for t in eager.threads]
        upcoming = eager.upcoming()[0]
        texts = [row_text(row) for row in screen.detail.rows]
        assert any(text is not None and upcoming.label in text.plain for text in texts)
        await until(pilot, lambda: screen.timeline is not None)
        assert screen.briefing.later is None
        assert [e.id for e in screen.briefing.events] == [e.id for e in eager.events]
        await pilot.press("]")
        assert screen.detail.item is screen.briefing.threads[0]


async def test_the_event_graph_is_built_once_in_a_worker_right_after_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from brief_tui.loader import later as later_module

    big = tmp_path / "big.yaml"
    big.write_text(generate(events=1500, threads=40, seed=9), encoding="utf-8")
    load_briefing(big, cache=True)  # fill the parse cache, as an earlier open would
    built_in: list[str] = []
    go = threading.Event()
    build_tail = later_module._build_tail

    def recorded(*args: object) -> None:
        built_in.append(threading.current_thread().name)
        go.wait(timeout=5)  # held until the test has seen where it runs
        build_tail(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(later_module, "_build_tail", recorded)
    app = create_app([big], cache=True, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await until(pilot, lambda: bool(built_in))  # right after the first frame, nothing asked for it
        assert built_in == [built_in[0]]
        assert built_in[0] != threading.main_thread().name
        go.set()
        await pilot.press("]")  # the thread's events: from the graph the worker built (or is building)
        assert screen.detail.item is screen.briefing.threads[0]
        await until(pilot, lambda: screen.timeline is not None)
        assert len(built_in) == 1
