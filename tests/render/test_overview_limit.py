"""The overview lists the first OVERVIEW_LIMIT upcoming events and counts the rest, laying out only those it lists."""

from __future__ import annotations

from typing import Any

import pytest

from brief_tui.render import layout
from brief_tui.render.blocks import Line
from tests.timeline_fixtures import make_briefing


def _texts(blocks: list[Any]) -> list[str]:
    return ["".join(span.text for span in block.spans) for block in blocks if isinstance(block, Line)]


def test_a_long_upcoming_list_shows_its_first_rows_and_a_count(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = 15
    count = layout.OVERVIEW_LIMIT + extra
    events = [(f"e{n:02}", f"2026-01-{1 + n % 28:02}", "scheduled", ("t",), f"Meeting {n:02}") for n in range(count)]
    briefing = make_briefing(events, threads=[("t", "Talks")])
    laid_out: list[str] = []
    real = layout.event_line

    def event_line(event: Any, indent: int = 1) -> Line:
        laid_out.append(event.id)
        return real(event, indent)

    monkeypatch.setattr(layout, "event_line", event_line)
    texts = _texts(layout.render_overview(briefing))
    upcoming = briefing.upcoming()
    shown = upcoming[: layout.OVERVIEW_LIMIT]
    assert laid_out == [e.id for e in shown]
    for event in shown:
        assert any(event.title in text for text in texts)
    assert not any(upcoming[layout.OVERVIEW_LIMIT].title in text for text in texts)
    assert any(f"… and {extra} more" in text for text in texts)
