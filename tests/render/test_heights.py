"""A row's height told from its plain text is the height Rich renders it to (render/heights.py).

The detail pane sizes its scrollbar and pages by these measures and renders only the rows in
view: a measure one line off would hide a line or show one twice.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.render.detail_rows import Overview, Row, rows_for
from brief_tui.render.heights import lines_needed, text_lines
from brief_tui.render.rich_text import Hanging
from brief_tui.render.unbroken import kept
from brief_tui.widgets.detail_lines import ItemLines
from tests.conftest import BUILTIN

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate import generate

CONSOLE = Console(width=300)


def rendered(content: object, width: int) -> int:
    return len(CONSOLE.render_lines(content, CONSOLE.options.update_width(width), pad=False))  # type: ignore[arg-type]


def every_row(briefing: Briefing) -> list[Row]:
    return [row for item in [Overview(briefing), *briefing.by_id.values()] for row in rows_for(item, briefing)]


def check(rows: list[Row], widths: tuple[int, ...]) -> None:
    for width in widths:
        options = CONSOLE.options.update_width(width)
        for row in rows:
            needed = lines_needed(row.content, options)
            if needed is not None:
                assert needed == rendered(row.content, width), (width, row)


def test_every_row_of_the_builtin_briefing_measures_as_it_renders() -> None:
    briefing = load_briefing(BUILTIN, cache=False).briefing
    assert briefing is not None
    rows = every_row(briefing)
    assert all(lines_needed(row.content, CONSOLE.options) is not None for row in rows)  # none needs a render
    check(rows, (1, 7, 20, 33, 58, 77, 140))


def test_every_row_of_a_generated_briefing_measures_as_it_renders(tmp_path: Path) -> None:
    # Cyrillic, CJK, Arabic and emoji, uncertain dates, anonymous sources, Markdown summaries.
    path = tmp_path / "g.yaml"
    path.write_text(generate(events=120, threads=8, seed=3), encoding="utf-8")
    briefing = load_briefing(path, cache=False).briefing
    assert briefing is not None
    check(every_row(briefing), (9, 41, 77))


@pytest.mark.parametrize(
    "content",
    [
        Text(""),
        Text("one\n"),
        Text("\nlead and trail\n"),
        Text("a\n\n\nb"),
        Text("averyveryverylongwordthatmustfold and short"),
        Text("averyveryverylongwordthatiscropped and short", overflow="crop"),
        Text("no wrap here at all, however long the line is", no_wrap=True),
        Text("東京で会談が行われた。交渉は続く 🇺🇦🇷🇺 👍🏽 done"),
        Text("  leading spaces and   inner   runs   "),
        Hanging("→ ", Text("a reference whose title runs on over several lines of the pane")),
        Hanging("  • ", Text(f"brainstorm.” {kept('— a Ukrainian official')}")),
        Hanging("", Text(f"{kept('◌ expected')} then more words {kept('and a joined tail')}")),
    ],
)
@pytest.mark.parametrize("width", [1, 3, 8, 13, 21, 40])
def test_hard_text_measures_as_it_renders(content: object, width: int) -> None:
    needed = lines_needed(content, CONSOLE.options.update_width(width))  # type: ignore[arg-type]
    assert needed == rendered(content, width)


def test_a_tab_or_a_table_is_rendered_to_be_measured() -> None:
    from rich.table import Table

    options = CONSOLE.options.update_width(30)
    assert lines_needed(Text("a\tb"), options) is None
    assert lines_needed(Table("x"), options) is None
    lines = ItemLines([Row(Table("x")), Row(Text("after"))], 30, CONSOLE)  # type: ignore[arg-type]
    assert lines.rendered_rows == 1  # the table, to know its height
    assert [strip.text.strip() for strip in lines.all()][-1] == "after"


def test_text_lines_counts_breaks_as_rich_does() -> None:
    assert text_lines("", 10) == 1
    assert text_lines("a b c", 1) == 3
    assert text_lines("abcdef", 2) == 3  # folded
    assert text_lines("abcdef", 2, fold=False) == 1  # cropped
    assert text_lines("a\nb", 10, no_wrap=True) == 2
