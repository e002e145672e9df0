"""What the reader looks like: a few deliberate screens at fixed sizes."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief_tui.app import BriefApp, create_app
from brief_tui.settings import Settings
from tests.conftest import BUILTIN


def make_app(tmp_path: Path, theme: str = "brief-dark") -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(theme=theme, path=tmp_path / "settings.json"))


def test_opening_screen_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24))


def test_a_thread_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(
        make_app(tmp_path), press=["right_square_bracket", "right_square_bracket"], terminal_size=(80, 24)
    )


def test_a_thread_wide_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["right_square_bracket"], terminal_size=(120, 40))


def test_detail_pane_at_40x12(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["right_square_bracket", "2"], terminal_size=(40, 12))


def test_light_theme_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, "brief-light"), press=["right_square_bracket"], terminal_size=(80, 24))


@pytest.mark.parametrize("key", ["question_mark"])
def test_help_80x24(snap_compare, tmp_path: Path, key: str) -> None:
    assert snap_compare(make_app(tmp_path), press=[key], terminal_size=(80, 24))


def test_sixteen_colours_80x24(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Statuses and focus must read in the 16 ANSI colours that many SSH sessions have.
    monkeypatch.setenv("TEXTUAL_COLOR_SYSTEM", "standard")
    assert snap_compare(make_app(tmp_path), press=["right_square_bracket", "3"], terminal_size=(80, 24))


def test_terminal_palette_80x24(snap_compare, tmp_path: Path) -> None:
    # ansi-dark draws with the terminal's own palette.
    assert snap_compare(make_app(tmp_path, "ansi-dark"), press=["right_square_bracket"], terminal_size=(80, 24))
