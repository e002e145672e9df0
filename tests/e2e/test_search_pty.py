"""`/`, `n` and `f` in the installed ``brief``, in a real pseudo-terminal."""

from __future__ import annotations

import time

from tests.e2e.terminal import Terminal
from tests.e2e.test_reader_pty import FIRST_THREAD, Start, brief_command, terminal

__all__ = ["terminal"]  # the fixture, shared with the reader's pty tests


def sidebar_shows(screen: Terminal, needle: str, timeout: float = 15.0) -> bool:
    """Whether the sidebar (the left 30 columns) shows ``needle`` within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in "\n".join(line[:30] for line in screen.screen.display):
            return True
        screen.pump(0.1)
    return False


def detail_title(screen: Terminal) -> str:
    """The top row: the detail pane's title sits on its border."""
    return str(screen.screen.display[0])


def test_slash_types_a_query_enter_opens_and_n_moves_on(terminal: Start) -> None:
    screen = terminal(cols=100, rows=30)
    assert screen.wait_for(FIRST_THREAD), screen.text
    screen.press("/")
    assert screen.wait_for("enter opens"), screen.text  # the input's placeholder
    screen.press("Dmitriev")
    assert screen.wait_for("Kirill Dmitriev"), screen.text  # the actor's row among the results
    assert screen.wait_for("matches"), screen.text
    screen.press("escape")
    screen.settle()
    screen.press("n")  # the first match: the overview's summary
    screen.settle()
    for _ in range(12):
        if "Kirill Dmitriev" in detail_title(screen):
            break
        screen.press("n")
        screen.settle()
    assert "Kirill Dmitriev" in detail_title(screen), screen.text
    assert screen.running()
    screen.press("q")
    assert screen.wait_exit() == 0
    assert "Traceback" not in screen.text


def test_f_filters_the_sidebar_and_capital_f_clears(terminal: Start) -> None:
    screen = terminal(cols=100, rows=30)
    # "US security guarantees for Ukraine" is too long for the sidebar: it lists the short title.
    assert sidebar_shows(screen, "Guarantees"), screen.text
    screen.press("f")
    assert screen.wait_for("enter applies"), screen.text  # the input's placeholder: it has focus
    screen.press("status:open")
    assert screen.wait_for("2 of 6 threads"), screen.text  # the live preview
    screen.press("enter")
    assert screen.wait_for("filtered: 2 of 6 threads"), screen.text  # the overview says so
    screen.settle()
    assert not sidebar_shows(screen, "Guarantees", timeout=0.5), screen.text
    screen.press("F")
    assert sidebar_shows(screen, "Guarantees"), screen.text  # as before the filter, short title and all
    screen.press("q")
    assert screen.wait_exit() == 0
    assert "Traceback" not in screen.text


def test_a_markup_query_is_shown_literally(terminal: Start) -> None:
    screen = terminal()
    assert screen.wait_for(FIRST_THREAD), screen.text
    screen.press("/")
    assert screen.wait_for("enter opens"), screen.text
    screen.press("[bold]x[/]")
    assert screen.wait_for("[bold]x[/]"), screen.text
    assert screen.wait_for("no match"), screen.text
    screen.press("escape")
    screen.settle()  # escape then q at once reads as alt+q
    screen.press("q")
    assert screen.wait_exit() == 0
    assert brief_command()
