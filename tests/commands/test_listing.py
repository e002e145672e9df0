"""``brief list``: the briefings found, with as-of dates and counts; broken files with their first error."""

from __future__ import annotations

import json
import os
from pathlib import Path

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


def _config(text: str) -> None:
    folder = Path(os.environ["BRIEF_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.yaml").write_text(text, encoding="utf-8")


def test_no_argument_lists_the_built_in_and_the_configured_folders(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    _config(f"library:\n  - {LIBRARY / 'sub'}\n")
    status, out, err = listing(capsys)
    assert status == 0, err
    assert f"{BUILTIN_ID}  Ukraine peace talks" in out
    assert "(built-in)" in out
    assert "other  Other briefing" in out
    assert "other.yaml (config.yaml)" in out


def test_brief_library_is_used_instead_of_the_config(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    _config("library: [/no/such/folder]\n")
    monkeypatch.setenv("BRIEF_LIBRARY", f"{LIBRARY / 'sub'}{os.pathsep}{tmp_path}")
    status, out, err = listing(capsys, "--json")
    assert status == 0, err
    data = json.loads(out)
    assert [(b["id"], b["from"]) for b in data["briefings"]] == [(BUILTIN_ID, "built-in"), ("other", "$BRIEF_LIBRARY")]
    assert err == ""


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("library: [unclosed\n", "config.yaml:2:1:"),
        ("library: 3\n", "`library` must be a list of folders"),
        ("- just\n- a list\n", "`library` must be a list of folders"),
        ("library: [~/no-such-briefings-folder]\n", "config.yaml: no such folder:"),
    ],
)
def test_a_bad_config_is_one_message_and_the_built_in_library(
    capsys: pytest.CaptureFixture[str], text: str, says: str
) -> None:
    _config(text)
    status, out, err = listing(capsys)
    assert status == 0
    assert f"{BUILTIN_ID}  Ukraine peace talks" in out
    assert len(err.strip().splitlines()) == 1, err
    assert says in err
    assert "Traceback" not in err


@pytest.mark.parametrize("columns", ["40", "60", "80"])
def test_paths_are_never_broken_inside_a_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    folder = tmp_path / "negotiations-archive" / "eastern-europe-working-group" / "quarterly-reviews"
    folder.mkdir(parents=True)
    (folder / "ukraine-peace-talks-december.yaml").write_text((SMALL.read_text(encoding="utf-8")), encoding="utf-8")
    (folder / "broken-briefing-long-name.yaml").write_text("brief: 1\nid: x\n", encoding="utf-8")
    status, out, _ = listing(capsys, str(tmp_path))
    assert status == 1
    lines = out.splitlines()
    assert all(len(line) <= int(columns) for line in lines), lines
    names = [*folder.parts[1:], "ukraine-peace-talks-december.yaml", "broken-briefing-long-name.yaml:1:1:"]
    for name in names:
        assert any(name in line for line in lines), (name, lines)
    # Put back together, the lines give the paths whole.
    joined = "".join(line.strip() for line in lines)
    assert str(folder / "ukraine-peace-talks-december.yaml") in joined


def test_fold_breaks_a_long_path_only_after_a_slash() -> None:
    from brief_tui.commands.listing import fold

    assert fold(["/aa/bbbb/cc.yaml", "(built-in)"], 20) == ["/aa/bbbb/cc.yaml", "(built-in)"]
    assert fold(["/aaaa/bbbbbbbb/cccccc.yaml"], 12) == ["/aaaa/", "bbbbbbbb/", "cccccc.yaml"]
    # A name longer than the line keeps a line of its own, whole.
    assert fold(["/a/" + "n" * 15], 10) == ["/a/", "n" * 15]
