"""The stance matrix, stances over time and versions compared, as plain text (what ``brief show`` prints)."""

from __future__ import annotations

import pytest

from brief_tui.commands.output import to_plain
from brief_tui.loader import load_briefing
from brief_tui.model import Briefing, Document, Part, Thread, Version
from brief_tui.model.as_of import known_on
from brief_tui.model.compare import compare_versions
from brief_tui.render.stances import cell_text, history_blocks, matrix_blocks
from brief_tui.render.versions import comparison_blocks, versions_list
from tests.conftest import BUILTIN


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


def test_the_matrix_is_a_grid_with_the_parties_as_columns(builtin: Briefing) -> None:
    text = to_plain(matrix_blocks(builtin, 80), 80)
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("Thread"))
    assert header.split()[1:] == ["US", "UA", "RU"]
    plan = next(line for line in lines if line.startswith("The US peace plan"))
    assert plan.split()[-3:] == ["++P", "±C", "??"]
    security = next(line for line in lines if line.startswith("US security"))
    assert security.rstrip().endswith("??")  # no Russian position: an empty cell
    assert security.index("++P") == plan.index("++P")  # columns line up
    assert "key:" in text


def test_below_70_columns_the_matrix_is_a_list_per_thread(builtin: Briefing) -> None:
    text = to_plain(matrix_blocks(builtin, 60), 60)
    assert "Thread " not in text
    assert "- The US peace plan [peace-plan]" in text
    assert "  RU  ??  Putin says he rejected" in text


def test_a_cell_reads_by_glyph_and_letter_and_marks_a_change() -> None:
    assert cell_text(None) == "    "

    class Changed:
        leaning = "opposes"
        changed = True

    assert cell_text(Changed()) == " -O*"  # type: ignore[arg-type]


def test_the_matrix_as_known_on_a_date_says_so(builtin: Briefing) -> None:
    text = to_plain(matrix_blocks(builtin, 80, known_on(builtin, "2025-11-30")), 80)
    assert "[as known on 30 Nov 2025]" in text
    grid = text.split("key:")[0]
    assert "±C" not in grid  # Ukraine's and Russia's stances came later
    assert "++P" in grid


def test_history_lists_each_holders_stances_and_the_status_steps(builtin: Briefing) -> None:
    plan = builtin.get("peace-plan")
    assert isinstance(plan, Thread)
    text = to_plain(history_blocks(plan), 100)
    assert text.index("United States") < text.index("Ukraine") < text.index("Russia") < text.index("Kirill Dmitriev")
    assert "2025-11 ○ open → 2025-12-05~ (approximate) ○ open (again)" in text


def test_versions_compared_show_each_summary_and_sourcing(builtin: Briefing) -> None:
    text = to_plain(comparison_blocks(compare_versions(builtin.documents[0])), 80)
    assert "reduced to 20 points" in text
    assert "27 points divided into four packages" in text
    assert "Separate accounts" in text
    assert "lists no parts" in text
    assert "(added)" not in text  # an account that lists no parts has dropped nothing


def test_parts_changed_show_both_summaries() -> None:
    document = Document(id="d", title="D")
    old = Version(id="v1", document=document, parts=[Part(title="Energy", summary="Gas."), Part(title="Amnesty")])
    new = Version(id="v2", document=document, parts=[Part(title="Energy", summary="Gas and power."), Part(title="New")])
    document.versions = [old, new]
    text = to_plain(comparison_blocks(compare_versions(document)), 80)
    assert "~ Energy  (changed: summary)" in text
    assert "was: Gas." in text
    assert "now: Gas and power." in text
    assert "+ New  (added)" in text
    assert "- Amnesty  (dropped)" in text


def test_the_version_list_gives_date_points_authors_and_graded_sources(builtin: Briefing) -> None:
    text = to_plain(versions_list(builtin.documents[0]), 100)
    assert "28 points (November) [plan-28-points]  2025-11 · 28 points" in text
    assert "authors: Steve Witkoff [witkoff], Kirill Dmitriev [dmitriev]" in text
    assert "[ungraded]" in text


def test_a_threads_page_marks_a_change_of_leaning_and_lists_status_steps() -> None:
    from brief_tui.model import Party, Position, StatusChange, parse_date
    from brief_tui.render.layout import render_thread

    us = Party(id="us", name="United States", short="US")
    thread = Thread(id="t", title="Talks")
    thread.positions = [
        Position(stance="No.", party=us, leaning="opposes", as_of=parse_date("2025-11-01")),
        Position(stance="If.", party=us, leaning="conditional", as_of=parse_date("2025-12-01")),
    ]
    thread.status_history = [
        StatusChange(date=parse_date("2025-11-01"), status="open"),
        StatusChange(date=parse_date("2025-12-01"), status="stalled"),
    ]
    briefing = Briefing(id="b", title="B", as_of=parse_date("2025-12-06"), parties=[us], threads=[thread])
    text = to_plain(render_thread(thread, briefing), 100)
    assert "± conditional  2025-12-01  * was opposes" in text
    assert "2025-11-01 ○ open → 2025-12-01 ‖ stalled" in text
    then = to_plain(render_thread(thread, _as_known(briefing)), 100)
    assert "conditional" not in then
    assert "‖ stalled" not in then


def _as_known(briefing: Briefing) -> Briefing:
    from brief_tui.model.as_of import as_known

    return as_known(known_on(briefing, "2025-11-15"))
