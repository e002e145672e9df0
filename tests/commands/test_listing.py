"""``brief list``: the briefings found, with as-of dates and counts; broken files with their first error."""

from __future__ import annotations

import json

import pytest

from brief_tui.commands.listing import main
from tests.commands.helpers import BUILTIN_ID, ESCAPE, LIBRARY, SMALL


def listing(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_builtin_library(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = listing(capsys)
    assert status == 0, err
    assert out.startswith(f"{BUILTIN_ID}  Ukraine peace talks\n")
    assert "as of 2025-12-06? (uncertain)" in out
    assert "6 threads" in out
    assert not ESCAPE.search(out)


def test_counts_and_paths(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    status, out, _ = listing(capsys, str(SMALL))
    assert status == 0
    assert "small  Small briefing" in out
    assert "as of 2025-12-06? (uncertain) · 2 threads, 3 events, 2 actors, 2 sources" in out
    assert "small.yaml" in out


def test_library_with_a_broken_file(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    status, out, _ = listing(capsys, str(LIBRARY))
    assert status == 1
    assert "small  Small briefing" in out
    assert "other  Other briefing" in out
    assert "_skipped" not in out
    assert "Cannot be read" in out
    assert "broken.yaml:4:8: error:" in out
    assert "there is no month 13" in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = listing(capsys, "--json", str(LIBRARY))
    assert status == 1
    data = json.loads(out)
    assert [b["id"] for b in data["briefings"]] == ["small", "other"]
    assert data["briefings"][0]["events"] == 3
    assert data["broken"][0]["problems"][0]["line"] == 4


def test_empty_folder_and_usage(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    status, out, _ = listing(capsys, str(tmp_path))
    assert status == 0
    assert "no briefings found" in out
    status, _, err = listing(capsys, "/no/such/place")
    assert status == 2
    assert "no such file or directory" in err
