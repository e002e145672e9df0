"""The stance matrix, positions over time and status steps, on the built-in briefing and small fixtures."""

from __future__ import annotations

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Actor, Briefing, Party, Position, StatusChange, Thread, parse_date
from brief_tui.model.as_of import known_on
from brief_tui.model.matrix import position_order, positions_over_time, stance_matrix, status_steps
from tests.conftest import BUILTIN


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


def _party(briefing: Briefing, short: str) -> Party:
    return next(p for p in briefing.parties if p.short == short)


def _thread(briefing: Briefing, thread_id: str) -> Thread:
    found = briefing.get(thread_id)
    assert isinstance(found, Thread)
    return found


def test_columns_are_the_parties_by_short(builtin: Briefing) -> None:
    matrix = stance_matrix(builtin)
    assert [p.short for p in matrix.parties] == ["US", "UA", "RU"]
    assert [t.id for t in matrix.threads] == [t.id for t in builtin.threads]


def test_a_cell_per_party_position_and_empty_where_the_briefing_says_nothing(builtin: Briefing) -> None:
    matrix = stance_matrix(builtin)
    held = {(t.id, p.short) for (t, p) in matrix.cells}
    assert held == {
        ("territory", "US"),
        ("territory", "UA"),
        ("territory", "RU"),
        ("security-guarantees", "US"),
        ("security-guarantees", "UA"),
        ("peace-plan", "US"),
        ("peace-plan", "UA"),
        ("peace-plan", "RU"),
    }
    assert matrix.cell(_thread(builtin, "security-guarantees"), _party(builtin, "RU")) is None
    assert matrix.row(_thread(builtin, "european-security")) == [None, None, None]


def test_a_cell_shows_the_latest_stance_with_its_sources(builtin: Briefing) -> None:
    cell = stance_matrix(builtin).cell(_thread(builtin, "territory"), _party(builtin, "RU"))
    assert cell is not None
    assert cell.leaning == "proposes"
    assert "withdraw troops" in cell.stance
    assert [c.source.id for c in cell.sources] == ["the-report"]
    assert not cell.changed


def test_an_actors_position_is_not_counted_as_the_partys() -> None:
    briefing = _fixture()
    cell = stance_matrix(briefing).cell(briefing.threads[0], briefing.parties[1])
    assert cell is None  # only an actor of that party spoke


def test_latest_leaning_is_by_as_of_not_by_written_order_and_a_change_is_marked() -> None:
    briefing = _fixture()
    cell = stance_matrix(briefing).cell(briefing.threads[0], briefing.parties[0])
    assert cell is not None
    assert [p.leaning for p in cell.history] == [None, "opposes", "conditional"]
    assert cell.leaning == "conditional"
    assert cell.changed


def test_a_repeated_leaning_is_no_change() -> None:
    thread = Thread(id="t", title="T")
    us = Party(id="us", name="United States", short="US")
    for as_of in ("2025-11", "2025-12"):
        thread.positions.append(Position(stance=as_of, party=us, leaning="supports", as_of=parse_date(as_of)))
    briefing = Briefing(id="b", title="B", as_of=parse_date("2025-12"), parties=[us], threads=[thread])
    cell = stance_matrix(briefing).cell(thread, us)
    assert cell is not None
    assert not cell.changed
    assert cell.stance == "2025-12"


def test_the_matrix_as_known_on_a_date_keeps_the_stances_taken_by_then() -> None:
    briefing = _fixture()
    matrix = stance_matrix(briefing, known_on(briefing, "2025-11-30"))
    cell = matrix.cell(briefing.threads[0], briefing.parties[0])
    assert cell is not None
    assert cell.leaning == "opposes"
    assert cell.changed  # the undated stance had no leaning


def test_the_builtin_matrix_on_30_november_holds_only_novembers_stances(builtin: Briefing) -> None:
    matrix = stance_matrix(builtin, known_on(builtin, "2025-11-30"))
    assert {(t.id, p.short) for (t, p) in matrix.cells} == {("peace-plan", "US")}


def test_positions_over_time_list_parties_then_actors_each_in_as_of_order(builtin: Briefing) -> None:
    history = positions_over_time(_thread(builtin, "peace-plan"))
    holders = [getattr(h, "short", None) or h.id for h, _ in history]
    assert holders == ["US", "UA", "RU", "dmitriev"]
    fixture = _fixture()
    (_, first), *_ = positions_over_time(fixture.threads[0])
    assert [p.stance for p in first] == ["undated", "no", "if"]


def test_undated_positions_come_first() -> None:
    undated = Position(stance="x")
    dated = Position(stance="y", as_of=parse_date("1990"))
    assert sorted([dated, undated], key=position_order) == [undated, dated]


def test_status_steps_are_dated_and_say_when_the_status_really_changed(builtin: Briefing) -> None:
    steps = status_steps(_thread(builtin, "peace-plan"))
    assert [(s.date.text, s.status, s.changed) for s in steps] == [
        ("2025-11", "open", True),
        ("2025-12-05~", "open", False),
    ]
    fixture = _fixture()
    assert [s.status for s in status_steps(fixture.threads[0])] == ["open", "stalled"]
    assert [s.status for s in status_steps(fixture.threads[0], known_on(fixture, "2025-11-15"))] == ["open"]


def _fixture() -> Briefing:
    """One thread; the US's stances written out of date order (and one undated); an actor of RU."""
    us = Party(id="us", name="United States", short="US")
    ru = Party(id="ru", name="Russia", short="RU")
    envoy = Actor(id="envoy", name="An envoy", party=ru)
    thread = Thread(id="t", title="A thread")
    thread.positions = [
        Position(stance="if", party=us, leaning="conditional", as_of=parse_date("2025-12-02")),
        Position(stance="no", party=us, leaning="opposes", as_of=parse_date("2025-11-20?")),
        Position(stance="undated", party=us),
        Position(stance="envoy says yes", actor=envoy, leaning="supports", as_of=parse_date("2025-11")),
    ]
    thread.status_history = [
        StatusChange(date=parse_date("2025-11-01"), status="open"),
        StatusChange(date=parse_date("2025-12-01"), status="stalled"),
    ]
    return Briefing(id="b", title="B", as_of=parse_date("2025-12-06"), parties=[us, ru], threads=[thread])
