"""One action registry: bindings, key bar, help, palette, keymap.yaml and ``brief keys`` agree."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandPalette
from textual.widgets import OptionList

from brief_tui.actions import ACTIONS, PANE_SCOPES, bindings_for, by_id
from brief_tui.app import BriefApp, create_app
from brief_tui.model import Thread
from brief_tui.render.safe import clean_line
from brief_tui.screens.help import HelpScreen
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.detail import DetailView
from brief_tui.widgets.key_bar import KeyBar
from brief_tui.widgets.library_list import LibraryList
from brief_tui.widgets.thread_list import ThreadList
from brief_tui.widgets.timeline import Timeline
from tests.conftest import BUILTIN
from tests.widgets.pilot import until

HOSTILE = Path(__file__).resolve().parents[1] / "e2e" / "fixtures" / "hostile.yaml"
# Framework bindings that must never be offered: they do nothing a reader wants.
NOISE = ("Scroll Left", "Scroll Right", "Copy selected text", "Screenshot", "Maximize", "Keys")


def make_app(tmp_path: Path, path: Path = BUILTIN) -> BriefApp:
    return create_app([path], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def reader(app: BriefApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def help_text(app: BriefApp) -> str:
    """The help screen's table of keys as plain text."""
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    console = Console(width=100, file=io.StringIO(), record=True)
    console.print(screen.keys_table())
    return console.export_text()


def palette_prompts(app: BriefApp) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_every_binding_comes_from_the_registry() -> None:
    for owner, scope in (
        (BriefApp, "app"),
        (ReaderScreen, "reader"),
        (ThreadList, "sidebar"),
        (DetailView, "detail"),
        (Timeline, "timeline"),
        (HelpScreen, "help"),
        (LibraryList, "library"),
    ):
        ids = {binding.id for binding in owner.BINDINGS}  # type: ignore[union-attr]
        also = {"quit"} if owner is HelpScreen else set()
        assert ids == {action.id for action in ACTIONS if action.scope == scope} | also, owner
    # Each action's method exists on the class that owns its scope.
    owners = {"app": BriefApp, "reader": ReaderScreen, "sidebar": ThreadList, "detail": DetailView}
    owners |= {"timeline": Timeline, "library": LibraryList}
    for action in ACTIONS:
        owner = owners.get(action.scope)
        if owner is not None:
            name = action.method.split("(")[0]
            assert hasattr(owner, f"action_{name}"), action.id


def test_the_registry_imports_neither_textual_nor_rich() -> None:
    code = (
        "import sys, brief_tui.actions, brief_tui.commands.keys\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr


def test_brief_keys_prints_every_action(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from brief_tui.cli import main

    assert main(["keys"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for action in ACTIONS:
        assert any(line.split()[0] == action.id and action.description in line for line in lines if line), action.id
    assert any(line.split()[:2] == ["next-thread", "]"] for line in lines if line)


def test_brief_keys_shows_the_keymap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from brief_tui.cli import main

    monkeypatch.setenv("BRIEF_CONFIG_DIR", str(tmp_path))
    (tmp_path / "keymap.yaml").write_text("next-thread: ctrl+n\n", encoding="utf-8")
    assert main(["keys"]) == 0
    assert any(line.split()[:2] == ["next-thread", "ctrl+n"] for line in capsys.readouterr().out.splitlines() if line)


async def test_q_in_help_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await until(pilot, lambda: app._exit)
    assert app.return_code == 0


async def test_help_lists_ctrl_p_and_no_framework_noise(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        body = help_text(app)
        assert "ctrl+p" in body
        assert "Command palette" in body
        for noise in NOISE:
            assert noise not in body


async def test_the_key_bar_shows_no_framework_noise_and_no_dead_zoom(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = reader(app)
        bar = screen.query_one(KeyBar)
        for pane in ("1", "2", "3"):
            await pilot.press(pane)
            line = bar.render().plain
            for noise in NOISE:
                assert noise not in line
        # Below 70 columns the timeline is a vertical list: zoom does nothing, so is not shown.
        assert screen.timeline is not None
        assert screen.timeline.list_mode
        assert "Zoom" not in bar.render().plain
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        assert "Zoom in" in reader(app).query_one(KeyBar).render().plain


async def test_the_palette_offers_every_reader_action_whatever_has_focus(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.focused, ThreadList)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette) and palette_prompts(app))
        prompts = "\n".join(palette_prompts(app))
        # Compare is offered on a document only (tests/widgets/test_palette_applies.py).
        offered = [a for a in ACTIONS if a.palette and a.scope in ("app", "reader", *PANE_SCOPES)]
        for action in offered:
            if action.id not in ("command-palette", "compare-versions"):
                assert action.description in prompts, action.id
        for noise in NOISE:
            assert noise not in prompts


async def test_zoom_in_from_the_palette_with_the_sidebar_focused(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        assert screen.timeline is not None
        before = screen.timeline.zoom
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"zoom in")
        await until(pilot, lambda: palette_prompts(app)[:1] and palette_prompts(app)[0].startswith("Zoom in"))
        await pilot.press("enter")
        await until(pilot, lambda: screen.timeline is not None and screen.timeline.zoom != before)
        assert app.focused is screen.timeline


async def test_hostile_content_in_the_palette_is_literal(tmp_path: Path) -> None:
    app = make_app(tmp_path, HOSTILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"thread")
        await until(pilot, lambda: any(p.startswith("Thread:") for p in palette_prompts(app)))
        prompts = "\n".join(palette_prompts(app))
        for thread in screen.briefing.threads:
            assert clean_line(thread.title)[:20] in prompts
        assert "[/oops] group" in prompts
        assert "[bold red]not bold[/]" in prompts
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(screen.detail.item, Thread))
    assert app.return_code in (None, 0)


async def test_a_keymap_moves_an_action_to_another_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEF_CONFIG_DIR", str(tmp_path))
    (tmp_path / "keymap.yaml").write_text("next-thread: ctrl+n\n", encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("ctrl+n")
        assert screen.detail.item is screen.briefing.threads[0]
        await pilot.press("question_mark")
        body = help_text(app)
        assert "ctrl+n" in body
        assert "]  " not in body.split("Next thread")[0].splitlines()[-1]


@pytest.mark.parametrize(
    "keymap",
    [
        "next-thread: [unclosed\n",
        "no-such-action: ctrl+n\n",
        "next-thread: ctrl+nosuchkey\n",
        "- a list\n",
        "next-thread: 3\n",
        "next-thread: '[bold]x[/]'\n",
    ],
)
async def test_a_bad_keymap_is_reported_once_and_the_defaults_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keymap: str
) -> None:
    monkeypatch.setenv("BRIEF_CONFIG_DIR", str(tmp_path))
    (tmp_path / "keymap.yaml").write_text(keymap, encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        notices = list(app._notifications)
        assert len(notices) == 1
        assert notices[0].markup is False
        await pilot.press("right_square_bracket")
        assert screen.detail.item is screen.briefing.threads[0]


def test_adding_an_action_is_one_entry() -> None:
    # The registry is the only place keys are declared: a binding's id finds its action.
    for scope in ("app", "library", "reader", "sidebar", "detail", "timeline", "help", "page"):
        for binding in bindings_for(scope):  # type: ignore[arg-type]
            assert by_id(binding.id or "") is not None  # type: ignore[union-attr]
