"""The EDTF subset of format 1: forms, precision, qualifiers, intervals, ordering."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from brief_tui.model.dates import DateError, Precision, parse_date, parse_timezone

UTC = timezone.utc


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2025", Precision.YEAR, datetime(2025, 1, 1), datetime(2026, 1, 1)),
        ("2024-02", Precision.MONTH, datetime(2024, 2, 1), datetime(2024, 3, 1)),
        ("2025-12-06", Precision.DAY, datetime(2025, 12, 6), datetime(2025, 12, 7)),
        ("2025-12-06T14:30", Precision.MINUTE, datetime(2025, 12, 6, 14, 30), datetime(2025, 12, 6, 14, 31)),
        (
            "2025-12-06T14:30:15Z",
            Precision.SECOND,
            datetime(2025, 12, 6, 14, 30, 15),
            datetime(2025, 12, 6, 14, 30, 16),
        ),
    ],
)
def test_points(text: str, precision: Precision, earliest: datetime, latest: datetime) -> None:
    date = parse_date(text)
    assert date.precision is precision
    assert date.earliest == earliest.replace(tzinfo=UTC)
    assert date.latest == latest.replace(tzinfo=UTC) - timedelta(microseconds=1)
    assert not date.interval
    assert not date.qualified


@pytest.mark.parametrize(
    ("text", "uncertain", "approximate"),
    [("2025-12-06?", True, False), ("2025-12~", False, True), ("2025-12-04%", True, True)],
)
def test_qualifiers(text: str, uncertain: bool, approximate: bool) -> None:
    date = parse_date(text)
    assert (date.uncertain, date.approximate) == (uncertain, approximate)
    assert date.qualified


def test_offsets_and_timezones() -> None:
    kyiv = parse_timezone("Europe/Kyiv")
    assert parse_date("2025-12-06T14:30", kyiv).earliest == datetime(2025, 12, 6, 12, 30, tzinfo=UTC)
    assert parse_date("2025-12-06T14:30+02:00").earliest == datetime(2025, 12, 6, 12, 30, tzinfo=UTC)
    assert parse_date("2025-12-06T14:30Z", kyiv).earliest == datetime(2025, 12, 6, 14, 30, tzinfo=UTC)
    assert parse_date("2025-12-06", parse_timezone("+02:00")).earliest == datetime(2025, 12, 5, 22, tzinfo=UTC)


def test_intervals() -> None:
    span = parse_date("2025-11-20/2025-12-02?")
    assert span.interval
    assert span.earliest == datetime(2025, 11, 20, tzinfo=UTC)
    assert span.latest == datetime(2025, 12, 3, tzinfo=UTC) - timedelta(microseconds=1)
    assert span.uncertain
    assert parse_date("../2025-12-02").start is None
    assert parse_date("2025-12-02/..").end is None
    assert parse_date("2025-12-02/..").latest.year == 9999


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-30",
        "2025-13",
        "2025-00-10",
        "0000",
        "06/12/2025",
        "2025-12-06T25:00",
        "../..",
        "2025-12-02/2025-11-01",
        "",
        "Monday",
        "2025-12-06??",
    ],
)
def test_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def test_unknown_timezone() -> None:
    with pytest.raises(DateError):
        parse_timezone("Mars/Olympus")
    with pytest.raises(DateError):
        parse_timezone("+25:00")


def test_order_earliest_then_coarser_first() -> None:
    texts = ["2025-12-01T09:00", "2025-12-01", "2025-12", "2025", "2025-11-30", "../2025-11-01"]
    ordered = sorted(texts, key=lambda t: parse_date(t).sort_key())
    assert ordered == ["../2025-11-01", "2025", "2025-11-30", "2025-12", "2025-12-01", "2025-12-01T09:00"]


def test_wholly_before() -> None:
    as_of = parse_date("2025-12-06")
    assert parse_date("2025-12-05").wholly_before(as_of)
    assert not parse_date("2025-12").wholly_before(as_of)
    assert not parse_date("2025-12-01/..").wholly_before(as_of)
    assert parse_date("2025-11").wholly_before(as_of)
