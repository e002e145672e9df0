"""keymap.yaml: an entry taking a key another action uses in the same place is told once and ignored."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from textual.binding import Binding

from brief_tui.actions import ACTIONS, bindings_for
from brief_tui.app import BriefApp, create_app
from brief_tui.keymap import check_conflicts, key_name
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings, load_keymap
from tests.conftest import BUILTIN


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def keymap_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str) -> None:
    monkeypatch.setenv("BRIEF_CONFIG_DIR", str(tmp_path))
    (tmp_path / "keymap.yaml").write_text(text, encoding="utf-8")


async def test_a_key_of_another_action_is_told_once_naming_both_and_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keymap_file(monkeypatch, tmp_path, 'next-thread: "["\n')
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        notices = list(app._notifications)
        assert len(notices) == 1
        message = notices[0].message
        assert "next-thread" in message
        assert "previous-thread" in message
        assert "'['" in message
        assert "ignored" in message
        assert app.keymap == {}
        # The defaults stay: ] is next, [ is previous.
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.sidebar.thread is screen.briefing.threads[1]
        await pilot.press("left_square_bracket")
        assert screen.sidebar.thread is screen.briefing.threads[0]


async def test_a_swap_of_two_keys_is_no_clash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keymap_file(monkeypatch, tmp_path, 'next-thread: "["\nprevious-thread: "]"\n')
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert not list(app._notifications)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.sidebar.thread is screen.briefing.threads[1]


@pytest.mark.parametrize(
    ("keymap", "clash"),
    [
        ({"next-thread": "q"}, "quit"),  # the reader's key would hide quit on the reader
        ({"search": "j"}, "sidebar-down"),  # a pane's key wins while it has focus
        ({"zoom-in": "h"}, "earlier-event"),  # the same pane
        ({"next-thread": "x", "previous-thread": "x"}, "previous-thread"),  # two entries, one key
        ({"next-thread": "shift+u"}, "mark-all-read"),  # shift+u is U, as a terminal sends it
        ({"search": "shift+n"}, "previous-match"),
        ({"next-thread": "alt+R", "previous-thread": "shift+alt+r"}, "previous-thread"),  # one key
    ],
)
def test_clashes_in_the_same_place_are_found(keymap: dict[str, str], clash: str) -> None:
    kept, problems = check_conflicts(keymap)
    assert len(problems) == 1
    assert f"is already the key of {clash} " in problems[0]
    assert len(kept) == len(keymap) - 1


@pytest.mark.parametrize(
    "keymap",
    [
        {"next-thread": "ctrl+n"},
        {"digest-close": "x,escape"} | {"digest": "d"},  # d removes a bookmark, on another screen
        {"close-compare": "x"} | {"zoom-in": "x"},  # versions compared is a screen of its own
        {"scroll-down": "ctrl+j"},
    ],
)
def test_keys_used_elsewhere_are_no_clash(keymap: dict[str, str]) -> None:
    assert check_conflicts(keymap) == (keymap, [])


def test_the_defaults_have_no_clash() -> None:
    defaults = {action.id: ",".join(action.keys) for action in ACTIONS}
    assert check_conflicts(defaults) == (defaults, [])


def test_a_dropped_entry_that_undoes_a_swap_drops_its_other_half() -> None:
    # previous-thread cannot have q (quit's), so it keeps [, which next-thread then cannot have.
    kept, problems = check_conflicts({"next-thread": "[", "previous-thread": "q"})
    assert kept == {}
    assert len(problems) == 2


def test_brief_keys_tells_the_clash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from brief_tui.cli import main

    keymap_file(monkeypatch, tmp_path, 'next-thread: "["\n')
    assert load_keymap()[0] == {}
    assert main(["keys"]) == 0
    out, err = capsys.readouterr()
    assert "next-thread: '[' is already the key of previous-thread" in err
    assert any(line.split()[:2] == ["next-thread", "]"] for line in out.splitlines() if line)


@pytest.mark.parametrize("character", [c for c in string.printable if not c.isspace() and c != ","])
def test_key_names_are_textuals(character: str) -> None:
    # Guard: Textual's own normalisation of a one-character key, which key_name copies.
    (binding,) = Binding.make_bindings([Binding(character, "x")])
    assert key_name(character) == binding.key


def test_every_default_key_is_already_a_textual_name() -> None:
    for scope in ("app", "reader", "sidebar", "detail", "timeline", "help", "page"):
        for binding in bindings_for(scope):
            assert isinstance(binding, Binding)
            for key in binding.key.split(","):
                assert key_name(key) == key


@pytest.mark.parametrize(
    ("written", "pressed"),
    [
        ("shift+u", "U"),
        ("U", "U"),
        ("alt+U", "alt+shift+u"),
        ("shift+ctrl+x", "ctrl+shift+x"),
        ("shift+tab", "shift+tab"),
    ],
)
def test_a_key_is_named_as_textual_names_it_when_pressed(written: str, pressed: str) -> None:
    assert key_name(written) == pressed


async def test_a_shifted_letter_in_the_keymap_fires(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keymap_file(monkeypatch, tmp_path, "next-thread: shift+x\n")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert not list(app._notifications)
        await pilot.press("X")  # what a terminal sends for shift+x
        assert screen.sidebar.thread is screen.briefing.threads[0]
