"""The installed ``brief`` in a real pseudo-terminal, as a person runs it."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal

FIRST_THREAD = "Territory"

Start = Callable[..., Terminal]


def brief_command() -> list[str]:
    """The installed console script beside this Python, else ``python -m brief_tui``."""
    script = Path(sys.executable).with_name("brief")
    if script.exists():
        return [str(script)]
    found = shutil.which("brief")
    return [found] if found else [sys.executable, "-m", "brief_tui"]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Start]:
    terminals: list[Terminal] = []

    def start(*args: str, cols: int = 80, rows: int = 24, env: dict[str, str] | None = None) -> Terminal:
        terminal = Terminal([*brief_command(), *args], cols=cols, rows=rows, env=env)
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def test_opens_the_builtin_briefing_and_moves_and_quits(terminal: Start, tmp_path: Path) -> None:
    screen = terminal()
    assert screen.wait_for(FIRST_THREAD), screen.text
    assert screen.wait_for("Timeline"), screen.text
    screen.settle()
    assert "Territory and the Donbas demand" not in screen.screen.display[0]
    screen.press("]")
    screen.settle()
    # The detail pane's title, on the top row, is now the first thread's.
    assert "Territory and the Donbas demand" in screen.screen.display[0], screen.text
    screen.press("q")
    assert screen.wait_exit() == 0
    assert "Traceback" not in screen.text


def test_runs_from_another_directory(terminal: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    screen = terminal()
    assert screen.wait_for(FIRST_THREAD), screen.text
    screen.press("q")
    assert screen.wait_exit() == 0


def test_40x12_is_usable(terminal: Start) -> None:
    screen = terminal(cols=40, rows=12)
    assert screen.wait_for("Threads"), screen.text
    screen.press("]")
    screen.press("2")
    screen.settle()
    assert "Traceback" not in screen.text
    screen.press("q")
    assert screen.wait_exit() == 0


def test_resizing_down_to_1x1_and_back_never_crashes(terminal: Start) -> None:
    screen = terminal()
    assert screen.wait_for(FIRST_THREAD), screen.text
    for cols, rows in [(60, 20), (39, 11), (20, 5), (1, 1), (40, 12), (100, 30), (80, 24)]:
        screen.resize(cols, rows)
        screen.settle(quiet=0.15)
        assert screen.running(), f"brief ended at {cols}x{rows}:\n{screen.text}"
    assert screen.wait_for(FIRST_THREAD), screen.text
    screen.press("q")
    assert screen.wait_exit() == 0
    assert "Traceback" not in screen.text


# Measured at 80x24 on the built-in briefing (bytes the terminal receives): `]` 5.3-5.5 KB,
# `j` in the detail pane 0.2-1.8 KB, `space` 1.9-2.0 KB. The budget is 4 KB (PRODUCT.md);
# these bounds catch a regression (a whole-screen repaint is 12-16 KB) without flaking.
KEY_BYTES = {"]": 8 * 1024, "j": 3 * 1024, "space": 3 * 1024}


def test_bytes_per_key_stay_near_what_is_measured(terminal: Start) -> None:
    screen = terminal()
    assert screen.wait_for(FIRST_THREAD), screen.text
    screen.settle(quiet=0.5)
    for keys, key in [((), "]"), ((), "]"), (("2",), "j"), ((), "j"), ((), "space"), ((), "space")]:
        for setup in keys:
            screen.press(setup)
        screen.settle(quiet=0.4)
        before, text = screen.written, screen.text
        screen.press(key)
        screen.settle(quiet=0.4)
        cost = screen.written - before
        assert 0 < cost <= KEY_BYTES[key], f"{key!r} cost {cost:,} bytes (bound {KEY_BYTES[key]:,})"
        if key != "j":  # j may only move the reference highlight: a change of colour, not text
            assert screen.text != text, f"{key!r} changed nothing"
    screen.press("q")
    assert screen.wait_exit() == 0
