"""``brief show`` and ``brief export`` with no path read the library ``brief`` opens: the built-in
one and the reader's folders (``config.yaml``, ``$BRIEF_LIBRARY``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from brief_tui.commands import export, show
from tests.commands.helpers import BUILTIN_ID, SMALL


@pytest.fixture
def own_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "briefings"
    folder.mkdir()
    shutil.copy(SMALL, folder / "small.yaml")
    return folder


def run(main: object, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))  # type: ignore[operator]
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("how", ["environment", "config"])
def test_show_finds_a_briefing_of_the_readers_folders(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, own_folder: Path, how: str
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    if how == "environment":
        monkeypatch.setenv("BRIEF_LIBRARY", str(own_folder))
    else:
        config = Path(os.environ["BRIEF_CONFIG_DIR"])
        config.mkdir(parents=True, exist_ok=True)
        (config / "config.yaml").write_text(f"library: [{own_folder}]\n", encoding="utf-8")
    status, out, err = run(show.main, capsys, "small")
    assert status == 0, err
    assert "Small briefing" in out
    # The built-in briefing is still there, beside the reader's own.
    status, out, err = run(show.main, capsys, BUILTIN_ID)
    assert status == 0, err
    assert "Ukraine peace talks" in out
    status, out, _ = run(show.main, capsys)
    assert "small  Small briefing" in out
    assert f"{BUILTIN_ID}  Ukraine peace talks" in out


def test_export_finds_a_briefing_of_the_readers_folders(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, own_folder: Path
) -> None:
    monkeypatch.setenv("BRIEF_LIBRARY", str(own_folder))
    status, out, err = run(export.main, capsys, "small", "--format", "md")
    assert status == 0, err
    assert "\n# Small briefing\n" in out


def test_a_bad_library_setting_is_said_and_the_built_in_library_used(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BRIEF_LIBRARY", str(tmp_path / "no-such-folder"))
    status, out, err = run(show.main, capsys, BUILTIN_ID)
    assert status == 0
    assert "Ukraine peace talks" in out
    assert "no such folder" in err
    status, _, err = run(export.main, capsys, BUILTIN_ID)
    assert status == 0
    assert "no such folder" in err
