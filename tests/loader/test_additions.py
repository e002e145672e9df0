"""Format 1's additions from real material: each one loads into the model, and its misuse is refused."""

from __future__ import annotations

import pytest

from brief_tui.loader import BriefingError, Problem
from brief_tui.loader.build import build_briefing
from brief_tui.loader.load import check_bytes
from brief_tui.model import Briefing

from .conftest import HEAD

pytestmark = pytest.mark.usefixtures("composer")


def load(text: str) -> Briefing:
    plain, _warnings = check_bytes((HEAD + text).encode(), "t.yaml")
    return build_briefing(plain, "t.yaml")


def problems(text: str) -> list[str]:
    try:
        found = check_bytes((HEAD + text).encode(), "t.yaml")[1]
    except BriefingError as error:
        found = error.problems
    return [f"{p.line}:{p.column} {p.severity}: {p.message}" for p in found]


def errors(text: str) -> list[Problem]:
    try:
        check_bytes((HEAD + text).encode(), "t.yaml")
    except BriefingError as error:
        return error.errors
    return []


UNDATED = """events:
  - {id: talks, status: expected, display_date: not yet set}
  - {id: deadline, date: ../2028-12, status: expected}
  - {id: later, date: 2026-01, status: scheduled}
  - {id: held, date: 2025-12-01}
"""


def test_undated_events_load_and_list_after_the_dated_ones() -> None:
    briefing = load(UNDATED)
    assert [e.id for e in briefing.events] == ["held", "later", "deadline", "talks"]
    assert briefing.events[-1].date is None
    assert [e.id for e in briefing.upcoming()] == ["later", "deadline", "talks"]


def test_an_undated_event_without_display_date_reads_no_date_yet() -> None:
    briefing = load("events:\n  - {id: talks, status: postponed}\n")
    assert briefing.events[0].shown_date == "no date yet"


def test_an_open_start_deadline_sorts_at_its_end() -> None:
    briefing = load("events:\n  - {id: by, date: ../2026-01}\n  - {id: mid, date: 2026-01-15}\n")
    assert [e.id for e in briefing.events] == ["mid", "by"]


@pytest.mark.parametrize("status", ["occurred", "reported", "cancelled", None])
def test_only_events_not_yet_set_may_leave_out_the_date(status: str | None) -> None:
    written = f", status: {status}" if status else ""
    found = problems(f"events:\n  - {{id: talks{written}}}\n")
    assert found == [
        "6:5 error: an event needs `date`, which is missing here; only a scheduled, expected or postponed "
        "event may leave it out (no date yet)"
    ]
