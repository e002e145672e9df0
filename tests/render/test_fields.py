"""Format 1's additions read the same in the detail pane and in plain text (``brief show``, exports).

Each field goes through the one layout (blocks), then through two writers: the pane's rows
and the plain writer. The fixture is the held-out briefing that uses every addition.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from rich.console import Console

from brief_tui.commands.output import to_plain
from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.render.detail_rows import Overview, rows_for
from brief_tui.render.export_json import briefing_data
from brief_tui.render.export_md import export_markdown
from brief_tui.render.layout import render_item, render_overview

HELD_OUT = Path(__file__).resolve().parent.parent / "loader" / "fixtures" / "held-out.yaml"
WIDTH = 300  # wide enough that no line wraps: the assertions read whole lines


@cache
def held_out() -> Briefing:
    return load_briefing(HELD_OUT, cache=False).briefing


def pane(item_id: str | None) -> str:
    """What the detail pane shows for an item (None: the overview), as text."""
    briefing = held_out()
    item = briefing.get(item_id) if item_id else Overview(briefing)
    assert item is not None
    console = Console(width=WIDTH, color_system=None, markup=False, highlight=False)
    with console.capture() as capture:
        for row in rows_for(item, briefing):
            console.print(row.content)
    return capture.get()


def plain(item_id: str | None) -> str:
    """What ``brief show --plain`` prints for an item (None: the overview)."""
    briefing = held_out()
    if item_id is None:
        return to_plain(render_overview(briefing), WIDTH)
    item = briefing.get(item_id)
    assert item is not None
    return to_plain(render_item(item, briefing), WIDTH)


def both(item_id: str | None) -> list[str]:
    return [pane(item_id), plain(item_id)]


@pytest.mark.parametrize("writer", [0, 1], ids=["pane", "plain"])
def test_an_open_start_interval_reads_as_a_deadline(writer: int) -> None:
    assert "Date: by 2028-12" in both("deadline")[writer]
    assert "by 2028-12  ◇ scheduled  Deadline for the framework" in both("enrichment")[writer]
    assert "until" not in both("deadline")[writer]


@pytest.mark.parametrize("writer", [0, 1], ids=["pane", "plain"])
def test_undated_events_show_their_words_or_no_date_yet_after_the_dated(writer: int) -> None:
    overview = both(None)[writer]
    deadline = overview.index("by 2028-12  ◇ scheduled")
    next_round = overview.index("not yet set  ◌ expected  Next round")
    vote = overview.index("no date yet  » postponed  Ratification vote")
    assert deadline < next_round < vote
    assert "Date: not yet set — no date yet" in both("next-round")[writer]
    assert "Date: no date yet" in both("ratification")[writer]


@pytest.mark.parametrize("writer", [0, 1], ids=["pane", "plain"])
def test_quotes_carry_their_language_and_group_their_renderings(writer: int) -> None:
    thread = both("enrichment")[writer]
    original = thread.index("“Nous avons progressé.”")
    english = thread.index("“We have made progress.”")
    assert original < english
    # The English rendering (not listed on the thread itself) stands under the French original, indented deeper.
    original_line = next(line for line in thread.splitlines() if "Nous avons" in line)
    english_line = next(line for line in thread.splitlines() if "We have made" in line)
    indent = len(english_line) - len(english_line.lstrip())
    assert indent > len(original_line) - len(original_line.lstrip())
    assert "[fr]" in original_line
    assert "[en]" in english_line
    # On an event that lists both, the remark is shown once.
    assert both("vienna-round")[writer].count("“We have made progress.”") == 1
    page = both("q-english")[writer]
    assert "“We have made progress.” [en]" in page
    assert "Other renderings" in page
    assert "“Nous avons progressé.”" in page


def test_renderings_are_references_to_follow() -> None:
    briefing = held_out()
    quote = briefing.get("q-english")
    assert quote is not None
    targets = [row.target for row in rows_for(quote, briefing)]
    assert briefing.get("q-original") in targets
    assert "[q-original]" in plain("q-english")


@pytest.mark.parametrize("writer", [0, 1], ids=["pane", "plain"])
def test_citations_show_locator_url_and_access_date(writer: int) -> None:
    thread = both("enrichment")[writer]
    assert "The ministry [ungraded], paragraph 4, https://example.org/statement, accessed 2026-03-14" in thread


@pytest.mark.parametrize("writer", [0, 1], ids=["pane", "plain"])
def test_a_relayed_source_shows_every_grade_of_its_chain(writer: int) -> None:
    thread = both("enrichment")[writer]
    assert "A person familiar with the talks, anonymous, via A wire service [D via C]" in thread
    assert "[D]" not in thread
    source = both("insider")[writer]
    assert "Reliability: D (not usually reliable) via C (fairly reliable)" in source
    assert "  D (not usually reliable) via C (fairly reliable)" in both(None)[writer]


@pytest.mark.parametrize("writer", [0, 1], ids=["pane", "plain"])
def test_key_points_and_open_questions_show_their_sources(writer: int) -> None:
    overview = both(None)[writer].splitlines()
    point = next(n for n, line in enumerate(overview) if "A key point with its sources." in line)
    assert "sources: A wire service [C]" in overview[point + 1]
    plain_point = next(n for n, line in enumerate(overview) if "A plain key point." in line)
    assert "sources:" not in overview[plain_point + 1]
    thread = both("enrichment")[writer].splitlines()
    question = next(n for n, line in enumerate(thread) if "How long do the limits last?" in line)
    assert "sources: A person familiar with the talks" in thread[question + 1]
    assert "key point: A key point with its sources." in both("insider")[writer]
    assert "open question of Enrichment limits and inspections" in both("insider")[writer]


@pytest.mark.parametrize("writer", [0, 1], ids=["pane", "plain"])
def test_threads_without_a_group_come_first_under_no_heading(writer: int) -> None:
    overview = both(None)[writer].splitlines()
    start = overview.index(next(line for line in overview if line.strip() == "Threads"))
    listed = [line.strip() for line in overview[start + 1 :] if line.strip().strip("-")][:3]
    assert "Sanctions relief" in listed[0]
    assert listed[1] == "Core"
    assert "Enrichment limits and inspections" in listed[2]


def test_markdown_export_carries_the_new_fields() -> None:
    md = export_markdown(held_out())
    assert "by 2028-12" in md
    assert "\\[fr\\]" in md or "[fr]" in md
    assert "paragraph 4" in md
    assert "https://example.org/statement" in md
    assert "accessed 2026-03-14" in md
    assert "D via C" in md
    # Ungrouped threads first, under a plain heading; then the group.
    assert md.index("## Threads\n") < md.index("## Threads: Core")


def test_json_export_carries_the_new_fields() -> None:
    data = json.loads(json.dumps(briefing_data(held_out())))
    assert data["key_points"] == [
        {"text": "A plain key point."},
        {"text": "A key point with its sources.", "sources": ["wire", {"source": "insider", "credibility": 3}]},
    ]
    enrichment = data["threads"][0]
    assert enrichment["short_title"] == "Enrichment"
    assert enrichment["open_questions"][1] == {"text": "How long do the limits last?", "sources": ["insider"]}
    assert enrichment["positions"][1]["sources"] == [
        {
            "source": "ministry",
            "url": "https://example.org/statement",
            "locator": "paragraph 4",
            "accessed": "2026-03-14",
        }
    ]
    english = next(q for q in data["quotes"] if q["id"] == "q-english")
    assert english["language"] == "en"
    assert english["same_as"] == "q-original"
    events = {e["id"]: e for e in data["events"]}
    assert "date" not in events["next-round"]
    assert events["deadline"]["date"] == "../2028-12"
    draft = data["documents"][0]["versions"][0]
    assert draft["state"] == "draft"
    assert draft["parts"][0]["number"] == "Article 1"
    assert draft["parts"][0]["status"] == "agreed"
    assert data["documents"][0]["versions"][2]["signatories"] == ["envoy", "minister"]
