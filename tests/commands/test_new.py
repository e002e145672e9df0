"""`brief new`: a commented skeleton that validates as written and shows every section."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from brief_tui.commands.new import main, skeleton
from brief_tui.loader.load import check_bytes

TODAY = date(2026, 3, 14)


def test_the_skeleton_validates_with_no_problem_at_all() -> None:
    plain, warnings = check_bytes(skeleton("my-briefing", TODAY).encode(), "new.yaml")
    assert warnings == []
    assert (plain["id"], plain["as_of"][0]) == ("my-briefing", "2026-03-14")


def test_the_skeleton_shows_every_section_and_kind_an_author_fills_in() -> None:
    data = yaml.safe_load(skeleton("x", TODAY))
    for key in ("summary", "key_points", "parties", "actors", "sources", "threads", "events", "quotes", "documents"):
        assert data[key], key
    thread = data["threads"][0]
    assert {"positions", "status_history", "open_questions", "short_title", "group"} <= set(thread)
    assert any("date" not in event for event in data["events"])  # an event with no date yet
    assert {"state", "authors", "parts"} <= set(data["documents"][0]["versions"][0])


def test_it_writes_a_new_file_and_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.yaml"
    assert main(["x", "-o", str(target)]) == 0
    written = target.read_text(encoding="utf-8")
    assert "brief validate x.yaml" in written
    assert main(["x", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == written


@pytest.mark.parametrize("ident", ["X", "bad_id", "-x", ""])
def test_a_bad_id_is_a_usage_error(ident: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([ident]) == 2
    assert capsys.readouterr().err.startswith("brief new: ")


def test_brief_new_piped_into_brief_validate() -> None:
    new = subprocess.run([sys.executable, "-m", "brief_tui", "new", "x"], capture_output=True, timeout=60, check=True)
    checked = subprocess.run(
        [sys.executable, "-m", "brief_tui", "validate", "--strict", "--no-cache", "-"],
        input=new.stdout,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.decode().endswith("0 errors, 0 warnings; valid\n")
