"""A summary's `[text](#id)` link to an id that does not exist is a warning, with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief_tui.loader import load_briefing
from brief_tui.loader.load import check_bytes


def test_dangling_summary_link_is_a_warning_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "links.yaml"
    path.write_text(
        "brief: 1\nid: x\ntitle: X\nas_of: 2025-12-06\n"
        'summary: "See [t](#teritory) and [u](#territory)."\n'
        "threads:\n  - id: territory\n    title: T\n",
        encoding="utf-8",
    )
    result = load_briefing(path, cache=False)
    (warning,) = result.warnings
    assert (warning.line, warning.column) == (5, 15)
    assert "`#teritory`" in warning.message
    assert "did you mean `territory`?" in warning.message


def test_links_that_resolve_are_not_warned(tmp_path: Path) -> None:
    path = tmp_path / "links.yaml"
    path.write_text(
        "brief: 1\nid: x\ntitle: X\nas_of: 2025-12-06\n"
        "threads:\n  - id: territory\n    title: T\n    summary: 'Back to [x](#x) and [t](#territory).'\n",
        encoding="utf-8",
    )
    assert load_briefing(path, cache=False).warnings == []


@pytest.mark.usefixtures("composer")
@pytest.mark.parametrize("style", ["|", ">"])
def test_a_broken_link_deep_in_a_block_summary_points_at_the_link(style: str) -> None:
    text = (
        "brief: 1\nid: x\ntitle: X\nas_of: 2025-12-06\nthreads:\n  - id: territory\n    title: T\n"
        f"    summary: {style}\n      Первый абзац — [fine](#territory).\n\n"
        "      Then a [broken](#teritory) link.\n"
    )
    (warning,) = check_bytes(text.encode(), "t.yaml")[1]
    assert (warning.line, warning.column) == (11, 14)
    assert "did you mean `territory`?" in warning.message
