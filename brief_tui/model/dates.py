"""Briefing dates: the EDTF subset of format 1 (points, qualifiers, intervals)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from enum import IntEnum

__all__ = [
    "POINT_PATTERN",
    "BriefDate",
    "DateError",
    "DatePoint",
    "Precision",
    "parse_date",
    "parse_timezone",
]

UTC = timezone.utc
_MIN = datetime(1, 1, 1, tzinfo=UTC)
_MAX = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)

# One written date, as a regular expression (the JSON Schema of format 1 uses it too).
POINT_PATTERN = (
    r"(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})"
    r"(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?)?)?"
    r"(?P<qualifier>[?~%])?"
)
_POINT = re.compile(POINT_PATTERN)
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})")


class DateError(ValueError):
    """A date string that format 1 does not accept; the message says why."""


class Precision(IntEnum):
    """How finely a date is written; coarser sorts first."""

    YEAR = 0
    MONTH = 1
    DAY = 2
    MINUTE = 3
    SECOND = 4


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One written date: the span of moments it can denote, and how sure it is."""

    text: str
    earliest: datetime
    latest: datetime
    precision: Precision
    uncertain: bool = False
    approximate: bool = False

    @property
    def qualified(self) -> bool:
        """Whether the date is marked uncertain or approximate."""
        return self.uncertain or self.approximate


@dataclass(frozen=True, slots=True)
class BriefDate:
    """A date or an interval as written in a briefing.

    A single date has ``start is end``; an interval may leave either end open (None).
    """

    text: str
    start: DatePoint | None
    end: DatePoint | None
    interval: bool = False

    @property
    def earliest(self) -> datetime:
        """The earliest moment the date can denote."""
        return self.start.earliest if self.start else _MIN

    @property
    def latest(self) -> datetime:
        """The latest moment the date can denote."""
        return self.end.latest if self.end else _MAX

    @property
    def precision(self) -> Precision:
        """The precision of the first written end."""
        point = self.start or self.end
        return point.precision if point else Precision.YEAR

    @property
    def uncertain(self) -> bool:
        """Whether any end is marked uncertain."""
        return any(p.uncertain for p in self._points())

    @property
    def approximate(self) -> bool:
        """Whether any end is marked approximate."""
        return any(p.approximate for p in self._points())

    @property
    def qualified(self) -> bool:
        """Whether any end is uncertain or approximate."""
        return any(p.qualified for p in self._points())

    def sort_key(self) -> tuple[datetime, int]:
        """Order by earliest moment, then coarser before finer."""
        return (self.earliest, int(self.precision))

    def wholly_before(self, other: BriefDate) -> bool:
        """Whether every moment of this date lies before every moment of ``other``."""
        return self.latest < other.earliest

    def _points(self) -> tuple[DatePoint, ...]:
        if self.start is self.end:
            return (self.start,) if self.start else ()
        return tuple(p for p in (self.start, self.end) if p)

    def __str__(self) -> str:
        return self.text


def parse_timezone(text: str) -> tzinfo:
    """A timezone from an IANA name or a ``+02:00`` offset; DateError if unknown."""
    match = _OFFSET.fullmatch(text)
    if match:
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        if delta >= timedelta(hours=24):
            raise DateError(f"the offset {text!r} is out of range")
        return timezone(-delta if sign == "-" else delta)
    if text in ("UTC", "Z"):
        return UTC
    from zoneinfo import ZoneInfo  # only paid for when a briefing names a zone

    try:
        return ZoneInfo(text)
    except (ValueError, OSError, LookupError) as error:
        raise DateError(f"unknown timezone {text!r} (expected an IANA name such as Europe/Kyiv, or +02:00)") from error


def parse_date(text: str, tz: tzinfo = UTC) -> BriefDate:
    """Parse a format-1 date or interval; raise DateError with a readable reason."""
    text = text.strip()
    if "/" in text:
        first, _, second = text.partition("/")
        if "/" in second:
            raise DateError(f"{text!r} has more than one '/' (an interval is START/END)")
        start = None if first == ".." else _parse_point(first, tz)
        end = None if second == ".." else _parse_point(second, tz)
        if start is None and end is None:
            raise DateError(f"{text!r} is open at both ends; give at least one date")
        if start and end and end.latest < start.earliest:
            raise DateError(f"the interval {text!r} ends before it starts")
        return BriefDate(text, start, end, interval=True)
    point = _parse_point(text, tz)
    return BriefDate(text, point, point)


def _parse_point(text: str, tz: tzinfo) -> DatePoint:
    match = _POINT.fullmatch(text)
    if not match:
        raise DateError(
            f"{text!r} is not a date (expected forms such as 2025, 2025-12, 2025-12-06, "
            "2025-12-06T14:30, 2025-12-06?, 2025-12~ or 2025-11-20/2025-12-02)"
        )
    g = match.groupdict()
    year = int(g["year"])
    month = int(g["month"] or 1)
    day = int(g["day"] or 1)
    if year < 1:
        raise DateError(f"{text!r}: there is no year 0")
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: there is no month {month}")
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise DateError(f"{text!r}: {calendar.month_name[month]} {year} has {last_day} days")
    hour = int(g["hour"] or 0)
    minute = int(g["minute"] or 0)
    second = int(g["second"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(f"{text!r}: the time is out of range")
    zone = _zone(g["zone"], tz) if g["zone"] else tz
    if g["second"] is not None:
        precision, step = Precision.SECOND, timedelta(seconds=1)
    elif g["hour"] is not None:
        precision, step = Precision.MINUTE, timedelta(minutes=1)
    elif g["day"] is not None:
        precision, step = Precision.DAY, timedelta(days=1)
    elif g["month"] is not None:
        precision, step = Precision.MONTH, timedelta(days=last_day)
    else:
        precision, step = Precision.YEAR, timedelta(days=366 if calendar.isleap(year) else 365)
    local = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    earliest = local.astimezone(UTC)
    latest = (local + step).astimezone(UTC) - timedelta(microseconds=1)
    qualifier = g["qualifier"]
    return DatePoint(
        text=text,
        earliest=earliest,
        latest=latest,
        precision=precision,
        uncertain=qualifier in ("?", "%"),
        approximate=qualifier in ("~", "%"),
    )


def _zone(text: str, default: tzinfo) -> tzinfo:
    if text == "Z":
        return UTC
    return parse_timezone(text if ":" in text else f"{text[:3]}:{text[3:]}")
