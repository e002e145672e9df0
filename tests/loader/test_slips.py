"""Slips of logic: each one a warning at the line of the slip; the reasonable cases next to them pass."""

from __future__ import annotations

import pytest

from brief_tui.loader.load import check_bytes

from .conftest import HEAD

pytestmark = pytest.mark.usefixtures("composer")


def warnings(text: str) -> list[str]:
    return [f"{p.line}:{p.column} {p.message}" for p in check_bytes((HEAD + text).encode(), "t.yaml")[1]]


def test_an_occurred_event_after_as_of() -> None:
    found = warnings("events:\n  - id: e\n    status: occurred\n    date: 2025-12-10\n")
    assert found == [
        "8:11 event `e` is occurred but dated 2025-12-10, wholly after as_of (2025-12-06); "
        "is it `expected` or `scheduled`, or is the date wrong?"
    ]


@pytest.mark.parametrize("date", ["2025-12-06", "2025-12", "2025-12-01/2025-12-31", "2025-12-06T23:00"])
def test_an_event_that_may_overlap_as_of_is_not_after_it(date: str) -> None:
    assert warnings(f"events:\n  - {{id: e, status: reported, date: '{date}'}}\n") == []


def test_a_report_before_the_event_it_reports() -> None:
    found = warnings("events:\n  - id: e\n    status: reported\n    date: 2025-12-02\n    reported_on: 2025-11-30\n")
    assert found[0].startswith("9:18 event `e` is reported, but reported on 2025-11-30, wholly before its date")


def test_news_of_an_expected_event_before_it_is_fine() -> None:
    text = "events:\n  - {id: e, status: expected, date: 2025-12-10, reported_on: 2025-12-01}\n"
    assert warnings(text) == []


def test_a_position_after_as_of() -> None:
    found = warnings(
        "parties: [{id: p, name: P}]\nthreads:\n  - id: t\n    title: T\n    positions:\n"
        "      - party: p\n        stance: S\n        as_of: 2026-01\n"
    )
    assert found == ["12:16 this position is as of 2026-01, wholly after the briefing's as_of (2025-12-06)"]


def test_a_quote_that_cannot_overlap_its_event() -> None:
    found = warnings(
        "events: [{id: e, date: 2025-12-01}]\nquotes:\n  - id: q\n    text: Words\n    event: e\n    date: 2025-12-02\n"
    )
    assert found == ["10:11 quote `q` is dated 2025-12-02, which cannot overlap the date of its event `e` (2025-12-01)"]
    assert (
        warnings("events: [{id: e, date: 2025-12}]\nquotes:\n  - {id: q, text: W, event: e, date: 2025-12-02}\n") == []
    )


@pytest.mark.parametrize(
    ("written", "shown"), [("A **bold** claim", "**bold**"), ("see [here](https://x.org)", "[here](https://x.org)")]
)
def test_markdown_in_a_plain_field(written: str, shown: str) -> None:
    found = warnings(f"threads:\n  - id: t\n    title: T\n    group: '{written}'\n")
    assert found == [f"8:12 `group` is plain text, but holds Markdown (`{shown}`): it will show as typed"]


def test_markdown_in_a_summary_is_fine() -> None:
    assert warnings("threads:\n  - id: t\n    title: T\n    summary: 'A **bold** [link](https://x.org)'\n") == []
