"""Words kept on one line: a status glyph stays with its word, a quote's attribution is never left alone."""

from __future__ import annotations

import re

import pytest
from rich.console import Console
from rich.text import Text

from brief_tui.commands.output import to_plain
from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.render.blocks import Line, Span, badge
from brief_tui.render.detail_rows import Overview, rows_for
from brief_tui.render.labels import EVENT_STATUS_GLYPHS, LEANING_GLYPHS, THREAD_STATUS_GLYPHS
from brief_tui.render.layout import render_item, render_overview
from brief_tui.render.rich_text import wrap
from brief_tui.render.unbroken import KEEP, held
from brief_tui.widgets.detail import render_rows
from tests.conftest import BUILTIN

# A status glyph (thread, event) or leaning glyph at the end of a line, its word gone to the next.
GLYPHS = {*EVENT_STATUS_GLYPHS.values(), *THREAD_STATUS_GLYPHS.values(), *LEANING_GLYPHS.values()}
LONE_GLYPH = re.compile(r"(^|\s)(" + "|".join(map(re.escape, sorted(GLYPHS, key=len, reverse=True))) + ")$")
WIDTHS = range(24, 101, 3)


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


def pane_lines(item: object, briefing: Briefing, width: int) -> list[str]:
    """The detail pane's lines for an item at a width, as the reader sees them."""
    lines, _ = render_rows(rows_for(item, briefing), width, Console(width=200))  # type: ignore[arg-type]
    return [line.text.rstrip() for line in lines]


def every_item(briefing: Briefing) -> list[object]:
    return [Overview(briefing), *briefing.threads, *briefing.events, *briefing.actors, *briefing.parties]


def test_held_keeps_a_run_that_fits_and_gives_up_joins_from_the_left() -> None:
    plain = f"now ◌{KEEP}expected and end.”{KEEP}—{KEEP}a{KEEP}Ukrainian{KEEP}official"
    assert held(plain, 80, "#") == "now ◌#expected and end.”#—#a#Ukrainian#official"
    assert held(plain, 22, "#") == "now ◌#expected and end.” —#a#Ukrainian#official"
    assert held(plain, 3, "#") == plain.replace(KEEP, " ")  # nothing fits: every join gives way
    assert len(held(plain, 22, "#")) == len(plain)


def test_rich_wrap_moves_the_glyph_with_its_word_and_shows_a_plain_space() -> None:
    body = Text("2025-12-06? to 2025-12-08?  ")
    body.append(f"◌{KEEP}expected", "bold")
    body.append("  Umerov and Hnatov expected to return")
    lines = wrap(body, Console(width=200), 30)
    assert [line.plain.rstrip() for line in lines][:2] == [
        "2025-12-06? to 2025-12-08?",
        "◌ expected  Umerov and Hnatov",
    ]
    assert not any(KEEP in line.plain for line in lines)
    assert lines[1].spans[0].style == "bold"  # the styles stay on the words they were on
    assert lines[1].spans[0].end == len("◌ expected")


def test_plain_wrap_moves_the_glyph_with_its_word_and_prints_a_plain_space() -> None:
    line = Line((Span("2025-12-06? to 2025-12-08?  "), badge("◌ expected"), Span("  Umerov and Hnatov")), 1, True)
    shown = to_plain([line], 34).splitlines()
    assert shown[:2] == ["  - 2025-12-06? to 2025-12-08?", "    ◌ expected  Umerov and Hnatov"]
    assert KEEP not in to_plain([line], 34)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_glyph_is_split_from_its_word_in_the_pane(briefing: Briefing, width: int) -> None:
    for item in every_item(briefing):
        lines = pane_lines(item, briefing, width)
        lone = [line for line in lines if LONE_GLYPH.search(line)]
        assert not lone, (getattr(item, "id", item), lone)
        assert not any(KEEP in line for line in lines)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_glyph_is_split_from_its_word_in_brief_show(briefing: Briefing, width: int) -> None:
    for item in every_item(briefing):
        blocks = render_overview(briefing) if isinstance(item, Overview) else render_item(item, briefing)  # type: ignore[arg-type]
        shown = to_plain(blocks, width)
        lone = [line for line in shown.splitlines() if LONE_GLYPH.search(line.rstrip())]
        assert not lone, (getattr(item, "id", item), lone)
        assert KEEP not in shown


@pytest.mark.parametrize("width", range(37, 101, 3))
def test_a_quotes_attribution_is_never_alone_in_the_pane(briefing: Briefing, width: int) -> None:
    thread = briefing.get("peace-plan")
    lines = pane_lines(thread, briefing, width)
    # An unnamed speaker is part of the quote's row: the attribution shares the quote's last line.
    (said,) = [line for line in lines if "a Ukrainian official" in line and "sources" not in line]
    assert said.strip().endswith("brainstorm.” — a Ukrainian official")
    # A named speaker is a reference of its own, a row to follow: the dash opens it, never ends the quote.
    assert not any(line.endswith("—") for line in lines if "“" in line or "”" in line)
    assert "  — Olha Stefanishyna" in lines


@pytest.mark.parametrize("width", range(50, 121, 4))
def test_a_quotes_attribution_shares_a_line_in_brief_show(briefing: Briefing, width: int) -> None:
    thread = briefing.get("peace-plan")
    assert thread is not None
    lines = to_plain(render_item(thread, briefing), width).splitlines()
    for name in ("a Ukrainian official", "Olha Stefanishyna"):
        (said,) = [line for line in lines if f"— {name}" in line]
        assert not said.strip().startswith("—"), said  # something of the quote comes before it
        assert not any(line.endswith(" —") for line in lines if "sources" not in line)


def test_a_phrase_search_still_finds_joined_words_in_the_pane(briefing: Briefing) -> None:
    from brief_tui.model.query import parse_query
    from brief_tui.screens.finding import row_text

    thread = briefing.get("peace-plan")
    assert thread is not None
    query = parse_query('"a Ukrainian official" "○ open (again)"')
    texts = [shown.plain for row in rows_for(thread, briefing) if (shown := row_text(row)) is not None]
    for phrase in query.words:
        assert any(parse_query(f'"{phrase}"').spans(text) for text in texts), phrase


@pytest.mark.parametrize("width", range(27, 101, 3))
def test_a_dash_never_ends_a_line(briefing: Briefing, width: int) -> None:
    # `sources: … [F] —` / `anonymous source only`, `Date: Monday —` / `2025-12-08?`: the dash
    # that sets a note or a date off goes to the next line with the word after it. (Narrower,
    # brief show's `[q-official-drafts] — a Ukrainian official` is wider than a line.)
    for item in every_item(briefing):
        blocks = render_overview(briefing) if isinstance(item, Overview) else render_item(item, briefing)  # type: ignore[arg-type]
        for shown in (pane_lines(item, briefing, width), to_plain(blocks, width).splitlines()):
            ending = [line for line in shown if line.rstrip().endswith(" —")]
            assert not ending, (getattr(item, "id", item), width, ending)
