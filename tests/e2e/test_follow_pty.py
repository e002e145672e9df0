"""Following a briefing as it is edited, in a real terminal: reload, a broken edit, the fix; state across runs."""

from __future__ import annotations

import base64
import shutil
import time
from pathlib import Path

from tests.e2e.test_reader_pty import Start, brief_command, terminal  # noqa: F401 (the fixture)

BUILTIN = Path(__file__).resolve().parents[2] / "content" / "ukraine-peace-talks.yaml"
TITLE = "title: Ukraine peace talks\n"


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "talks.yaml"
    shutil.copy(BUILTIN, path)
    return path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_reloads_within_two_seconds_and_a_broken_one_keeps_the_last_good(
    terminal: Start,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = _copy(tmp_path)
    screen = terminal(str(path), cols=100, rows=30)
    assert screen.wait_for("Ukraine peace talks"), screen.text
    screen.settle()

    _edit(path, TITLE, "title: Ukraine peace talks, revised\n")
    started = time.monotonic()
    assert screen.wait_for("peace talks, revised", timeout=10), screen.text
    assert time.monotonic() - started < 2.0

    _edit(path, "title: Ukraine peace talks, revised\n", "title: [unclosed\n")
    assert screen.wait_for("Edit not loaded", timeout=10), screen.text
    assert "peace talks, revised" in screen.text  # the last good version stays

    _edit(path, "title: [unclosed\n", "title: Ukraine peace talks, fixed\n")
    assert screen.wait_for("peace talks, fixed", timeout=10), screen.text
    screen.settle()
    assert "Edit not loaded" not in screen.text
    screen.press("q")
    assert screen.wait_exit() == 0


def test_brief_open_starts_at_the_plan_and_y_copies_its_address_by_osc52(terminal: Start) -> None:  # noqa: F811
    screen = terminal("open", "ukraine-peace-talks/peace-plan", cols=100, rows=30)
    written: list[bytes] = []
    feed = screen.stream.feed

    def keep(data: bytes) -> None:
        written.append(data)
        feed(data)

    screen.stream.feed = keep  # type: ignore[method-assign]
    assert screen.wait_for("ukraine-peace-talks/peace-plan"), screen.text  # the detail pane's address
    screen.settle()
    screen.press("y")
    assert screen.wait_for("Copied ukraine-peace-talks/peace-plan"), screen.text
    address = base64.b64encode(b"ukraine-peace-talks/peace-plan")
    assert b"\x1b]52;c;" + address + b"\x07" in b"".join(written)
    screen.press("q")
    assert screen.wait_exit() == 0
