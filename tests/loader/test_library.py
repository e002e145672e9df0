"""Libraries: folders walked, hidden names skipped, broken files listed, briefing ids unique."""

from __future__ import annotations

from pathlib import Path

from brief_tui.loader import load_library

from .conftest import HEAD


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_is_walked_and_hidden_names_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", HEAD.replace("id: test", "id: a"))
    write(tmp_path / "sub" / "b.yml", HEAD.replace("id: test", "id: b"))
    write(tmp_path / "_drafts" / "c.yaml", "broken: [")
    write(tmp_path / ".git" / "d.yaml", "broken: [")
    write(tmp_path / "_e.yaml", "broken: [")
    write(tmp_path / "notes.txt", "not yaml")
    library = load_library([tmp_path], cache=False)
    assert sorted(r.briefing.id for r in library.results) == ["a", "b"]
    assert library.broken == []


def test_broken_files_are_listed_with_their_errors(tmp_path: Path) -> None:
    write(tmp_path / "good.yaml", HEAD)
    write(tmp_path / "compose.yaml", "services:\n  web: {image: nginx}\n")
    library = load_library([tmp_path], cache=False)
    assert [r.briefing.id for r in library.results] == ["test"]
    (broken,) = library.broken
    assert broken.path.endswith("compose.yaml")
    assert "this is not a briefing" in str(broken)


def test_briefing_ids_are_unique_in_a_library(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", HEAD)
    write(tmp_path / "b.yaml", "# a copy\n" + HEAD)
    library = load_library([tmp_path], cache=False)
    assert len(library.results) == 1
    (broken,) = library.broken
    assert str(broken).endswith(f"b.yaml:3:5: error: the briefing id `test` is already used by {tmp_path / 'a.yaml'}")


def test_files_and_folders_mix(tmp_path: Path) -> None:
    one = write(tmp_path / "one" / "x.yaml", HEAD.replace("id: test", "id: x"))
    write(tmp_path / "two" / "y.yaml", HEAD.replace("id: test", "id: y"))
    library = load_library([one, tmp_path / "two", tmp_path / "missing.yaml"], cache=False)
    assert [r.briefing.id for r in library.results] == ["x", "y"]
    assert "no such file" in str(library.broken[0])
