"""`brief validate` in process: output lines, counts, exit codes, JSON."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from brief_tui.loader.problems import CODES
from brief_tui.loader.validate import main

from .conftest import HEAD


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.yaml"
    good.write_text(HEAD, encoding="utf-8")
    warned = tmp_path / "warned.yaml"
    warned.write_text(HEAD.replace("id: test", "id: w") + "events: [{id: e, date: 2025-12-01, status: expected}]\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD.replace("id: test", "id: bad") + "titel: x\n", encoding="utf-8")
    return {"good": good, "warned": warned, "bad": bad}


def test_valid_file(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(files["good"]), "--no-cache"]) == 0
    assert capsys.readouterr().out == "1 file checked: 0 errors, 0 warnings; valid\n"


def test_warnings_pass_unless_strict(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(files["warned"])]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{files['warned']}:5:24: warning: event `e` is expected")
    assert main([str(files["warned"]), "--strict"]) == 1


def test_errors_one_line_each_and_a_count(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(files["bad"].parent)]) == 1
    out = capsys.readouterr().out.splitlines()
    expected = "error: unknown key `titel` in a briefing (did you mean `title`?); extensions start with `x-`"
    assert out[0] == f"{files['bad']}:5:1: {expected}"
    assert out[-1] == "3 files checked: 1 error, 1 warning (1 invalid); invalid"


def test_json(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "json", str(files["bad"]), str(files["good"])]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert report["errors"] == 1
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path[str(files["good"])]["valid"] is True
    problem = by_path[str(files["bad"])]["problems"][0]
    assert (problem["line"], problem["column"], problem["severity"]) == (5, 1, "error")


@pytest.mark.parametrize("argv", [[], ["--format", "xml", "x.yaml"], ["--bogus", "x.yaml"], ["/no/such/file.yaml"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "brief validate: error:" in capsys.readouterr().err


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 2


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "--strict" in capsys.readouterr().out


def test_json_has_one_object_per_problem_with_its_code_and_a_summary(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--format", "json", "--no-cache", str(files["bad"]), str(files["warned"])]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(p["severity"], p["code"]) for p in report["problems"]] == [
        ("error", "unknown-key"),
        ("warning", "scheduled-in-past"),
    ]
    assert set(report["problems"][0]) == {"path", "line", "column", "severity", "code", "message"}
    assert report["summary"] == {"files": 2, "invalid_files": 1, "errors": 1, "warnings": 1, "valid": False}


GITHUB = re.compile(r"::(error|warning) file=([^,:]+),line=(\d+),col=(\d+)::(.+)")


def test_github_lines_are_workflow_annotations(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "github", "--no-cache", str(files["bad"]), str(files["warned"])]) == 1
    lines = capsys.readouterr().out.splitlines()
    found = [GITHUB.fullmatch(line) for line in lines[:-1]]
    assert all(found), lines
    assert [m.group(1, 3, 4) for m in found if m] == [("error", "5", "1"), ("warning", "5", "24")]
    assert found[0] is not None
    assert found[0].group(5).endswith("[unknown-key]")
    assert lines[-1].startswith("2 files checked")


def test_github_escapes_what_would_end_an_annotation() -> None:
    from brief_tui.loader.problems import Problem
    from brief_tui.loader.validate import _github

    line = _github(Problem("a,b:c.yaml", 1, 2, "error", "50% done\nnext", code="bad-date"))
    assert line == "::error file=a%2Cb%3Ac.yaml,line=1,col=2::50%25 done%0Anext [bad-date]"


def test_a_briefing_on_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((HEAD + "titel: x\n").encode())))
    assert main(["-"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>:5:1: error: unknown key `titel`")


def test_help_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(f"  {code} " in out for code in CODES)
