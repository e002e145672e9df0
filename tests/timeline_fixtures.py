"""Briefings built directly from the model, for the timeline's tests and benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta

from brief_tui.model import Briefing, Event, Thread, parse_date

EventSpec = tuple[str, str, str | None, tuple[str, ...], str]  # id, date, status, thread ids, title


def make_briefing(
    events: list[EventSpec],
    threads: list[tuple[str, str]] | None = None,
    as_of: str = "2025-12-06",
    timezone: str | None = None,
) -> Briefing:
    """A briefing of these threads (id, title) and events, with back-references filled in."""
    by_id = {tid: Thread(id=tid, title=title) for tid, title in threads or []}
    made = []
    for eid, when, status, thread_ids, title in events:
        event = Event(id=eid, date=parse_date(when), status=status, title=title)
        for tid in thread_ids:
            thread = by_id[tid]
            event.threads.append(thread)
            thread.events.append(event)
        made.append(event)
    made.sort(key=lambda e: e.date.sort_key())
    for order, event in enumerate(made):
        event.order = order
    briefing = Briefing(
        id="test",
        title="Test",
        as_of=parse_date(as_of),
        timezone=timezone,
        threads=list(by_id.values()),
        events=made,
    )
    briefing.by_id = {**by_id, **{e.id: e for e in made}}
    return briefing


def sample_briefing() -> Briefing:
    """Three weeks around 6 Dec 2025: every status, intervals (one open each way), ? and ~, a crowded day."""
    threads = [
        ("security", "Security guarantees"),
        ("territory", "Territory and the line of contact"),
        ("plan", "The 28-point plan"),
        ("sanctions", "Sanctions"),
    ]
    events: list[EventSpec] = [
        ("plan-leak", "2025-11-19", "reported", ("plan",), "Plan leaked to the press"),
        ("geneva", "2025-11-23/2025-11-24", "occurred", ("plan", "security"), "Geneva talks"),
        ("frozen", "../2025-11-28", "occurred", ("sanctions",), "Assets frozen since 2022"),
        ("abu-dhabi", "2025-11-25?", "reported", ("territory",), "Abu Dhabi contacts"),
        ("miami", "2025-11-30", "occurred", ("plan", "security"), "Miami meeting"),
        ("moscow", "2025-12-02", "occurred", ("plan", "territory"), "Witkoff and Kushner in Moscow"),
        ("kremlin", "2025-12-02", "reported", ("territory",), "Kremlin says no compromise yet"),
        ("aide", "2025-12-02", "reported", ("territory",), "Aide briefs press"),
        ("putin", "2025-12-05~", "reported", ("territory",), "Putin remarks"),
        ("call", "2025-12-06", "occurred", ("security",), "Call with Zelensky"),
        ("sanction-talks", "2025-12-03/..", "occurred", ("sanctions",), "Sanctions relief talks, ongoing"),
        ("london", "2025-12-08", "scheduled", ("security", "plan"), "London meeting"),
        ("berlin", "2025-12-10?", "expected", ("security",), "Berlin follow-up"),
        ("vote", "2025-12-12", "postponed", ("territory",), "Referendum vote"),
        ("summit", "2025-12-15", "cancelled", ("plan",), "Leaders' summit"),
        ("truce", "2025-12-20/2025-12-24", "expected", ("security",), "Holiday truce"),
        ("statement", "2025-12-04", None, (), "Joint statement"),
    ]
    return make_briefing(events, threads)


def synthetic_briefing(events: int = 10_000, threads: int = 500, seed: int = 1) -> Briefing:
    """A large seeded briefing: events over three years before 6 Dec 2025 and 200 days after."""
    rng = random.Random(seed)
    topics = ("talks", "guarantees", "sanctions", "energy")
    thread_specs = [(f"t{n}", f"Thread {n} {rng.choice(topics)}") for n in range(threads)]
    statuses = ("occurred", "reported", "scheduled", "expected", "postponed", "cancelled")
    as_of = date(2025, 12, 6)
    specs: list[EventSpec] = []
    for n in range(events):
        day = as_of + timedelta(days=rng.randint(-3 * 365, 200))
        when = day.isoformat()
        roll = rng.random()
        if roll < 0.05:
            when = f"{when}/{(day + timedelta(days=rng.randint(1, 30))).isoformat()}"
        elif roll < 0.06:
            when = f"{when}/.."
        elif roll < 0.12:
            when += rng.choice("?~")
        status = rng.choice(statuses[:2]) if day <= as_of else rng.choice(statuses[2:])
        tids = tuple(sorted({f"t{rng.randrange(threads)}" for _ in range(rng.choice((0, 1, 1, 1, 2)))}))
        specs.append((f"e{n}", when, status, tids, f"Event {n} {rng.choice(['meeting', 'call', 'statement'])}"))
    return make_briefing(specs, thread_specs)
