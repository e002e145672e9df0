"""``brief show --changed``: the digest as text, read from state without marking anything read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brief_tui.commands.show import main
from brief_tui.loader import load_briefing
from brief_tui.state import open_store
from brief_tui.state.reading import Reading
from tests.conftest import BUILTIN

NEW_EVENT = """  - id: geneva-round
    date: "2025-12-10"
    title: Geneva round on territory
    status: scheduled
    threads: [territory]
"""
OPEN = "    group: Core issues\n    status: open\n"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "talks.yaml"
    shutil.copy(BUILTIN, path)
    return path


def test_a_briefing_never_read_has_nothing_to_compare(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--changed", str(copy)]) == 0
    assert "not read in brief yet" in capsys.readouterr().out


def test_the_digest_lists_the_edit_and_marks_nothing_read(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Reading(open_store(), load_briefing(copy, cache=False).briefing)  # the reader's first open
    text = copy.read_text(encoding="utf-8").replace(OPEN, OPEN.replace("open", "progressing"), 1)
    copy.write_text(text.replace("\nevents:\n", "\nevents:\n" + NEW_EVENT, 1), encoding="utf-8")
    assert main(["--changed", "ukraine-peace-talks", str(copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("What changed since you last read (")
    assert "✚ new      2025-12-10 · Geneva round on territory (scheduled) [ukraine-peace-talks/geneva-round]" in out
    assert "Territory and the Donbas demand: open → progressing [ukraine-peace-talks/territory]" in out
    assert main(["--changed", str(copy)]) == 0
    assert capsys.readouterr().out == out  # printing it read nothing


def test_an_unknown_address_exits_1(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--changed", "nowhere", str(copy)]) == 1
    assert "no item 'nowhere'" in capsys.readouterr().err
