"""The writers' shared parts: cell widths, hanging indents, the pager, and the lens."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from brief_tui.commands.output import page, pager_command, to_plain
from brief_tui.loader import load_briefing
from brief_tui.render.blocks import Line, Span
from brief_tui.render.cells import cells
from brief_tui.render.detail_rows import Overview, rows_for
from brief_tui.render.layout import render_overview, render_thread
from brief_tui.render.lens import Lens, focus, highlight, literal
from brief_tui.render.rich_text import Hanging, spans_rich
from tests.conftest import BUILTIN


@pytest.mark.parametrize("value", ["abc", "和平", "e\u0301", "👍🏽", "a\u200bb", "👨‍👩‍👧", "\u00ad", "\uff21\uff22"])
def test_cells_agree_with_rich(value: str) -> None:
    assert cells(value) == cell_len(value)


def test_emoji_with_a_skin_tone_is_two_cells_and_zero_width_space_none() -> None:
    assert cells("👍🏽") == 2
    assert cells("\u200b") == 0


def render(renderable: object, width: int) -> list[str]:
    console = Console(width=width, color_system=None, markup=False, highlight=False)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get().rstrip("\n").split("\n")


def test_wrapped_pane_rows_hang_under_their_text() -> None:
    lines = render(Hanging("  → ", spans_rich([Span("word " * 12)])), 24)
    assert lines[0].startswith("  → word")
    assert all(line.startswith("    word") for line in lines[1:])
    assert len(lines) > 2


def test_wrapped_plain_bullets_hang_under_their_text() -> None:
    text = to_plain([Line((Span("word " * 12),), indent=1, bullet=True)], 24)
    first, *rest = text.splitlines()
    assert first.startswith("  - word")
    assert rest
    assert all(line.startswith("    word") for line in rest)


def test_key_points_in_the_pane_hang_under_their_bullet() -> None:
    briefing = load_briefing(BUILTIN, cache=False).briefing
    rows = rows_for(Overview(briefing), briefing)
    point = next(r for r in rows if "withdraw troops" in "".join(render(r.content, 46)))
    first, *rest = render(point.content, 46)
    assert first.startswith("• ")
    assert rest
    assert all(line.startswith("  ") and line[2] != " " for line in rest)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({}, "less -R"), ({"PAGER": "most"}, "most"), ({"PAGER": ""}, None), ({"PAGER": "cat"}, None)],
)
def test_the_pager_comes_from_pager_as_in_git(environ: dict[str, str], expected: str | None) -> None:
    assert pager_command(environ) == expected


def test_long_output_goes_to_the_pager_short_output_is_written() -> None:
    spawned: list[tuple[str, str]] = []
    stream = io.StringIO()
    page("a\nb\n", stream, environ={}, height=24, spawn=lambda cmd, out: spawned.append((cmd, out)))
    assert stream.getvalue() == "a\nb\n"
    assert not spawned
    long = "line\n" * 30
    page(long, stream, environ={"PAGER": "less -R"}, height=24, spawn=lambda cmd, out: spawned.append((cmd, out)))
    assert spawned == [("less -R", long)]
    spawned.clear()
    page(long, stream, environ={"PAGER": "cat"}, height=24, spawn=lambda cmd, out: spawned.append((cmd, out)))
    assert not spawned


def test_a_literal_query_highlights_text_never_markup() -> None:
    spans = highlight([Span("Talks on [bold]territory[/bold] go on", "quote")], literal("[BOLD]"))
    assert [(s.text, s.style) for s in spans] == [
        ("Talks on ", "quote"),
        ("[bold]", "quote match"),
        ("territory[/bold] go on", "quote"),
    ]
    assert spans_rich(spans).plain == "Talks on [bold]territory[/bold] go on"


def test_no_lens_costs_nothing_and_changes_nothing() -> None:
    briefing = load_briefing(BUILTIN, cache=False).briefing
    blocks = render_overview(briefing)
    assert focus(blocks, None, briefing) == blocks
    assert focus(blocks, Lens(), briefing) == blocks


def test_marks_go_before_references_and_a_filter_drops_rows_and_empty_sections() -> None:
    briefing = load_briefing(BUILTIN, cache=False).briefing
    thread = briefing.get("territory")
    assert thread is not None
    bookmarked = Lens(mark_for=lambda item: "★ bookmarked" if item.id == "russia" else None)
    marked = rows_for(thread, briefing, lens=bookmarked)
    shown = ["".join(render(r.content, 80)) for r in marked if r.target is briefing.get("russia")]
    assert any("★ bookmarked Russia" in line for line in shown)
    kept = Lens(keep=lambda item: item.KIND != "event")
    blocks = focus(render_thread(thread, briefing), kept, briefing)
    assert "Events" not in to_plain(blocks, 80)
    assert "Events" in to_plain(render_thread(thread, briefing), 80)
    assert "Positions" in to_plain(blocks, 80)


def test_a_query_highlights_summaries_in_the_pane() -> None:
    briefing = load_briefing(BUILTIN, cache=False).briefing
    rows = rows_for(Overview(briefing), briefing, lens=Lens(match=literal("Witkoff")))
    console = Console(width=46, color_system="standard", markup=False, highlight=False, force_terminal=True)
    with console.capture() as capture:
        for row in rows:
            console.print(row.content)
    assert "\x1b[7mWitkoff" in capture.get()


def test_a_match_inside_a_reference_keeps_it_one_row_wrapped_under_its_start() -> None:
    # "Further talks and meetings with Witkoff and Kushner" is one reference; the match cut it
    # into three rows once, the last two hanging 42 cells in and four wide ("Witk", "off").
    briefing = load_briefing(BUILTIN, cache=False).briefing
    plain = rows_for(Overview(briefing), briefing)
    marked = rows_for(Overview(briefing), briefing, lens=Lens(match=literal("Witkoff")))
    assert [row.target for row in marked] == [row.target for row in plain]
    talks = next(row for row in marked if row.target is briefing.get("further-talks"))
    lines = render(talks.content, 46)
    assert lines[0].startswith("→ 2025-12-06? to 2025-12-14?")
    assert lines[1].startswith("  Further talks and meetings with Witkoff")
    assert all(len(line) - len(line.lstrip()) == 2 for line in lines[1:])
