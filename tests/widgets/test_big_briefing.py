"""A briefing too big to load before the first frame: loading screen, child parse, reader."""

from __future__ import annotations

import sys
from pathlib import Path

from brief_tui.app import LoadingScreen, create_app
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from tests.widgets.pilot import until

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate import generate


async def test_big_file_opens_behind_a_loading_screen_then_reads(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(generate(events=1200, threads=60, seed=3), encoding="utf-8")
    assert big.stat().st_size > 512 * 1024
    app = create_app([big], cache=True, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LoadingScreen)
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), steps=3000)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        # The big timeline is built just after the first frame.
        await until(pilot, lambda: screen.timeline is not None)
        await pilot.press("]")
        assert screen.detail.item is screen.briefing.threads[0]
        assert screen.timeline is not None


async def test_q_on_the_loading_screen_quits_at_once_and_ends_the_child_parse(tmp_path: Path) -> None:
    import time

    big = tmp_path / "big.yaml"
    big.write_text(generate(events=6000, threads=200, seed=4), encoding="utf-8")
    app = create_app([big], cache=True, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LoadingScreen)
        await until(pilot, lambda: app._child is not None)
        child = app._child
        assert child is not None
        assert child.poll() is None
        pressed = time.monotonic()
        await pilot.press("q")
    assert time.monotonic() - pressed < 1.0
    assert child.wait(timeout=5) is not None
    assert child.returncode != 0  # killed, not finished
    assert not isinstance(app.screen_stack[-1] if app.screen_stack else None, ReaderScreen)
