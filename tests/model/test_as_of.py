"""The briefing as known on a date, and the moment each date counts at (deadlines, no date yet)."""

from __future__ import annotations

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing, DateError, Document, Event, Thread, Version, parse_date
from brief_tui.model.as_of import (
    BriefingAsKnown,
    KnownOn,
    as_known,
    counts_at,
    event_order,
    is_deadline,
    known_of,
    known_on,
    spoken_date,
    step_date,
    travel_dates,
    upcoming,
)
from tests.conftest import BUILTIN
from tests.timeline_fixtures import make_briefing


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


def _ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def test_on_30_november_later_events_and_the_27_point_version_are_hidden(builtin: Briefing) -> None:
    view = known_on(builtin, "2025-11-30")
    assert _ids(view.events) == ["plan-cut-to-20", "nyt-packages-report", "plan-finalizing"]
    document = builtin.documents[0]
    assert [v.points for v in view.versions(document)] == [28, 20]
    assert view.label == "as known on 30 Nov 2025"


def test_an_event_reported_after_the_date_is_hidden_though_dated_before(builtin: Briefing) -> None:
    plan_received = builtin.get("plan-received")
    assert isinstance(plan_received, Event)
    assert plan_received.date.text == "2025-11"
    view = known_on(builtin, "2025-11-30")
    assert not view.knows_event(plan_received)  # reported ~6 Dec
    assert known_on(builtin, "2025-12-06").knows_event(plan_received)


def test_uncertain_dates_count_by_their_earliest_moment(builtin: Briefing) -> None:
    putin = builtin.get("putin-announcement")
    assert isinstance(putin, Event)
    assert putin.reported_on is not None
    putin_known_on = putin.reported_on.earliest  # 2025-12-06? counts from the start of 6 Dec
    assert known_on(builtin, "2025-12-06").knows_event(putin)
    assert putin_known_on == parse_date("2025-12-06").earliest
    assert not known_on(builtin, "2025-12-05").knows_event(putin)


def test_on_the_briefings_own_date_everything_is_known(builtin: Briefing) -> None:
    view = known_on(builtin, "2025-12-06")
    assert view.events == builtin.events
    assert len(view.versions(builtin.documents[0])) == 3
    assert len(view.quotes) == len(builtin.quotes)


def test_statuses_as_of_a_date_follow_the_status_history(builtin: Briefing) -> None:
    plan = builtin.get("peace-plan")
    territory = builtin.get("territory")
    assert isinstance(plan, Thread)
    assert isinstance(territory, Thread)
    early = known_on(builtin, "2025-11-30")
    assert early.status(plan) == "open"
    assert early.status(territory) == "unknown"  # its history starts on ~6 Dec
    assert known_on(builtin, "2025-12-06").status(territory) == "open"
    assert [p.party.short for p in early.positions(plan) if p.party] == ["US"]


def test_a_thread_without_history_keeps_its_status() -> None:
    thread = Thread(id="t", title="T", status="stalled")
    briefing = Briefing(id="b", title="B", as_of=parse_date("2025-12"), threads=[thread])
    assert known_on(briefing, "1990-01-01").status(thread) == "stalled"


def test_an_undated_version_exists_when_the_one_before_it_did() -> None:
    document = Document(id="d", title="D")
    for vid, date in (("v1", "2025-11"), ("v2", None), ("v3", "2025-12-10"), ("v4", None)):
        version = Version(id=vid, date=parse_date(date) if date else None, document=document)
        document.versions.append(version)
    briefing = Briefing(id="b", title="B", as_of=parse_date("2025-12-20"), documents=[document])
    assert [v.id for v in known_on(briefing, "2025-12-01").versions(document)] == ["v1", "v2"]
    assert [v.id for v in known_on(briefing, "2025-10-01").versions(document)] == []


def test_a_travel_date_must_be_one_date(builtin: Briefing) -> None:
    with pytest.raises(DateError, match="interval"):
        known_on(builtin, "2025-11/2025-12")
    with pytest.raises(DateError):
        known_on(builtin, "30 November")


def test_the_view_copies_no_item_and_computes_its_event_list_once(builtin: Briefing) -> None:
    view = KnownOn(builtin, parse_date("2025-12-02"))
    first = view.events
    assert view.events is first
    assert all(any(e is f for f in builtin.events) for e in first)


def test_travel_dates_step_through_the_days_events_begin_on(builtin: Briefing) -> None:
    days = [d.text for d in travel_dates(builtin)]
    assert days == ["2025-11-01", "2025-11-22", "2025-12-02", "2025-12-03", "2025-12-05", "2025-12-06", "2025-12-08"]
    dates = travel_dates(builtin)
    assert step_date(dates, parse_date("2025-11-30"), 1) == dates[2]
    assert step_date(dates, parse_date("2025-11-30"), -1) == dates[1]
    assert step_date(dates, dates[2], 1) == dates[3]
    assert step_date(dates, dates[2], -1) == dates[1]
    assert step_date(dates, dates[-1], 1) is None
    assert step_date(dates, dates[0], -1) is None


def test_a_future_open_start_is_a_deadline_counted_at_its_end() -> None:
    as_of = parse_date("2025-12-06")
    deadline = Event(id="d", date=parse_date("../2028-12"), status="expected")
    assert is_deadline(deadline, as_of)
    assert counts_at(deadline, as_of) == parse_date("2028-12").earliest
    ongoing = Event(id="o", date=parse_date("2026-02/.."), status="expected")
    assert not is_deadline(ongoing, as_of)
    assert counts_at(ongoing, as_of) == parse_date("2026-02").earliest
    past = Event(id="p", date=parse_date("../2025-11-28"), status="occurred")
    assert not is_deadline(past, as_of)  # "since before records, until 28 Nov": a span
    assert counts_at(past, as_of) == parse_date("../2025-11-28").earliest
    object.__setattr__(ongoing, "date", None)
    assert counts_at(ongoing, as_of) is None


def test_spoken_dates() -> None:
    assert spoken_date(parse_date("../2028-12")) == "by Dec 2028"
    assert spoken_date(parse_date("2026-02/..")) == "from Feb 2026"
    assert spoken_date(parse_date("2025-11-30")) == "30 Nov 2025"
    assert spoken_date(parse_date("2025-12-06?")) == "6 Dec 2025"
    assert spoken_date(parse_date("2026")) == "2026"
    assert spoken_date(parse_date("2025-12-06T14:30+02:00")) == "6 Dec 2025 14:30"
    assert spoken_date(parse_date("2025-11/2025-12-06?")) == "Nov 2025 to 6 Dec 2025"


def test_events_order_deadlines_at_their_end_and_undated_last() -> None:
    briefing = make_briefing(
        [
            ("deadline", "../2028-12", "expected", (), "Withdrawal by end of 2028"),
            ("month", "2028-11", "expected", (), "November"),
            ("soon", "2026-01-10", "scheduled", (), "Soon"),
            ("from", "2026-02/..", "expected", (), "Ongoing"),
        ],
        as_of="2025-12-06",
    )
    undated = Event(id="undated", date=parse_date("2099"), status="expected", order=99)
    object.__setattr__(undated, "date", None)  # no date yet, as format 1 now allows
    briefing.events.append(undated)
    ordered = sorted(briefing.events, key=event_order(briefing.as_of))
    assert _ids(ordered) == ["soon", "from", "month", "deadline", "undated"]
    assert _ids(upcoming(briefing)) == ["soon", "from", "month", "deadline", "undated"]


def test_upcoming_in_the_builtin_briefing_is_by_earliest_moment_then_precision(builtin: Briefing) -> None:
    # "later this week, likely next week" is 2025-12-06?/2025-12-14?: it can begin on the 6th,
    # before "Monday" (the 8th), so format 1's rule puts it first.
    assert _ids(upcoming(builtin)) == ["delegation-return", "further-talks", "london-briefing"]
    assert _ids(known_on(builtin, "2025-11-30").upcoming()) == []


def test_with_no_date_the_view_is_the_briefing_as_it_stands(builtin: Briefing) -> None:
    now = KnownOn(builtin)
    assert not now.travelling
    assert now.label == ""
    assert now.events is builtin.events
    assert now.as_of is builtin.as_of
    plan = builtin.get("peace-plan")
    assert isinstance(plan, Thread)
    assert now.positions(plan) == plan.positions
    assert now.status(plan) == plan.status
    assert len(now.versions(builtin.documents[0])) == 3


def test_the_briefing_as_known_shares_every_item_and_filters_the_lists(builtin: Briefing) -> None:
    known = known_on(builtin, "2025-11-30")
    then = as_known(known)
    assert isinstance(then, BriefingAsKnown)
    assert then.events == known.events
    assert then.as_of.text == "2025-11-30"
    assert then.threads is builtin.threads  # the same objects: references and identities hold
    assert then.by_id is builtin.by_id
    assert known_of(then) is known
    assert then.upcoming() == []
    now = known_of(builtin)
    assert not now.travelling
    assert as_known(now) is builtin
