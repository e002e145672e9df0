"""Valid briefings load into the model with references and back-references filled."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Event, Thread

MINIMAL = """\
brief: 1
id: mini
title: Mini briefing
as_of: "2025-12-06?"
timezone: Europe/Kyiv
parties:
  - {id: us, name: United States, short: US}
actors:
  - id: witkoff
    name: Steve Witkoff
    party: us
sources:
  - {id: axios, name: Axios, kind: outlet, reliability: B}
threads:
  - id: territory
    title: Territory
    status: open
    actors: [witkoff]
    positions:
      - {party: us, stance: New ideas, leaning: proposes, sources: [axios]}
events:
  - id: call
    date: 2025-12-06T14:30
    title: Call
    status: occurred
    threads: [territory]
    actors: [witkoff]
    sources: [{source: axios, credibility: 2}]
  - id: month
    date: 2025-12
    threads: [territory]
  - id: day
    date: 2025-12-01
quotes:
  - id: q1
    text: "no"
    speaker: witkoff
    event: call
    threads: [territory]
documents:
  - id: plan
    title: Peace plan
    threads: [territory]
    versions:
      - {id: plan-28, label: 28 points, date: 2025-11, points: 28}
"""


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


def test_minimal_briefing_loads(mini: Path) -> None:
    result = load_briefing(mini, cache=False)
    briefing = result.briefing
    assert result.warnings == []
    assert briefing.id == "mini"
    assert briefing.as_of.uncertain
    assert [e.id for e in briefing.events] == ["month", "day", "call"]
    assert [e.order for e in briefing.events] == [1, 2, 0]
    thread = briefing.by_id["territory"]
    assert isinstance(thread, Thread)
    assert [e.id for e in thread.events] == ["month", "call"]
    assert [q.id for q in thread.quotes] == ["q1"]
    assert [d.id for d in thread.documents] == ["plan"]
    witkoff = briefing.by_id["witkoff"]
    assert witkoff.threads == [thread]  # type: ignore[union-attr]
    call = briefing.by_id["call"]
    assert isinstance(call, Event)
    assert call.quotes[0].text == "no"
    assert call.sources[0].credibility == 2
    assert briefing.by_id["plan-28"].document is briefing.by_id["plan"]  # type: ignore[union-attr]
    assert thread.positions[0].sources[0].source.name == "Axios"


def test_builtin_briefing_loads_without_warnings() -> None:
    path = Path(__file__).resolve().parents[2] / "content" / "ukraine-peace-talks.yaml"
    assert path.exists(), "the built-in briefing is missing"
    result = load_briefing(path, cache=False)
    assert result.warnings == []
    assert result.briefing.events


def test_progress_is_reported_up_to_one(mini: Path) -> None:
    seen: list[float] = []
    load_briefing(mini, cache=False, progress=seen.append)
    assert seen == sorted(seen)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    cached: list[float] = []
    load_briefing(mini, progress=cached.append)
    load_briefing(mini, progress=cached.append)
    assert cached[-1] == 1.0
