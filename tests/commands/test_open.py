"""``brief open ADDRESS``: resolves the address as ``show`` does and starts the reader at it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from brief_tui.commands.open import main
from tests.commands.helpers import SMALL

BUILTIN = Path(__file__).resolve().parents[2] / "content" / "ukraine-peace-talks.yaml"


class _App:
    """Stands in for the reader: records how it was made."""

    made: dict[str, Any] = {}  # noqa: RUF012 (one test's record)
    return_code = 0

    def __init__(self, paths: list[str], **options: Any) -> None:
        _App.made = {"paths": paths, **options}

    def run(self) -> None:
        """Nothing to run."""


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> type[_App]:
    import brief_tui.app

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(brief_tui.app, "create_app", _App)
    _App.made = {}
    return _App


def test_an_address_opens_the_reader_on_its_briefing_at_the_item(terminal: type[_App]) -> None:
    assert main(["ukraine-peace-talks/peace-plan"]) == 0
    assert Path(terminal.made["paths"][0]) == BUILTIN
    assert terminal.made["open_at"] == "ukraine-peace-talks/peace-plan"


def test_an_item_alone_and_a_path(terminal: type[_App]) -> None:
    assert main(["territory", str(SMALL)]) == 0
    assert terminal.made["open_at"] == "small/territory"


def test_an_unknown_address_exits_1_naming_the_nearest(
    terminal: type[_App], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ukraine-peace-talks/peace-plam"]) == 1
    err = capsys.readouterr().err
    assert "no item 'ukraine-peace-talks/peace-plam'" in err
    assert "nearest: ukraine-peace-talks/peace-plan" in err
    assert terminal.made == {}


def test_no_address_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "brief open:" in capsys.readouterr().err


def test_without_a_terminal_it_says_to_use_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ukraine-peace-talks/territory"]) == 2
    assert "brief show ukraine-peace-talks/territory" in capsys.readouterr().err


def test_the_cli_knows_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    from brief_tui.cli import main as brief

    assert brief(["open", "nowhere-at-all"]) == 1
    assert "brief open: no item" in capsys.readouterr().err


def test_an_address_like_nothing_suggests_nothing(terminal: type[_App], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nosuch"]) == 1
    err = capsys.readouterr().err
    assert "no item 'nosuch'" in err
    assert "nearest" not in err  # "one-source" was offered for "nosuch"
    assert main(["ukraine-peace-talks/territori"]) == 1
    assert "nearest: ukraine-peace-talks/territory\n" in capsys.readouterr().err  # not every item of the briefing
