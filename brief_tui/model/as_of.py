"""The briefing as known on a date, and the moment each dated item counts at.

Plain Python, no Textual, no Rich. Two rules, both from format 1:

- *Knowing*: an item dated or reported (``reported_on``) after a date is not known on it;
  an uncertain date counts by its earliest possible moment (``2025-12-05~`` was not known on
  30 November; ``2025-11/2025-12-06?`` was). An open start (``../2028-12``) has no earliest
  moment, so only its ``reported_on`` can hide it.
- *Ordering*: items sort by the earliest moment they can denote, then coarser before finer,
  except an open-start interval, which is a deadline ("by Dec 2028") and sorts at its end;
  events with no date yet sort after every dated one.

:class:`KnownOn` is a view, not a copy: it holds the briefing and the date, filters lists
on demand (a pass over references, no item copied) and caches the event list, so time
travel in a 10,000-event briefing costs one list of references.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import TYPE_CHECKING

from brief_tui.model.dates import BriefDate, DateError, DatePoint, Precision, parse_date, parse_timezone
from brief_tui.model.items import Briefing

if TYPE_CHECKING:
    from collections.abc import Callable

    from brief_tui.model.items import Document, Event, Position, Quote, StatusChange, Thread, Version

__all__ = [
    "TRAVEL_NOTE",
    "BriefingAsKnown",
    "KnownOn",
    "as_known",
    "counts_at",
    "event_date",
    "event_order",
    "is_deadline",
    "known_of",
    "known_on",
    "spoken_date",
    "step_date",
    "travel_dates",
    "upcoming",
]

TRAVEL_NOTE = "Later events, versions and stances are hidden; key points and summaries are as written on {as_of}."
"""Said under the as-known banner: prose cannot be dated, so it is shown as the author wrote it."""
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UPCOMING = ("scheduled", "expected", "postponed")
_PLANNED = (*_UPCOMING, "cancelled")
_NEVER = datetime.max.replace(tzinfo=timezone.utc)


def event_date(event: Event) -> BriefDate | None:
    """An event's date, or None when it has no date yet (format 1 allows that for planned events)."""
    return event.date


def is_deadline(event: Event, as_of: BriefDate) -> bool:
    """Whether an event is a deadline: an open start (``../2028-12``) on a future event, "by then".

    Future means planned (scheduled, expected, postponed, cancelled) or ending after as_of;
    an open start in the past ("frozen since before records, until 28 Nov") stays a span.
    """
    date = event_date(event)
    if date is None or date.start is not None or date.end is None:
        return False
    return event.status in _PLANNED or date.end.latest >= as_of.earliest


def counts_at(event: Event, as_of: BriefDate) -> datetime | None:
    """The moment an event is placed and sorted at: its earliest, a deadline's end; None if undated."""
    date = event_date(event)
    if date is None:
        return None
    if date.end is not None and is_deadline(event, as_of):
        return date.end.earliest
    return date.earliest


def event_order(as_of: BriefDate) -> Callable[[Event], tuple[bool, datetime, int, int]]:
    """A sort key for events: dated first, by the moment they count at, coarser first, then as written."""

    def key(event: Event) -> tuple[bool, datetime, int, int]:
        date = event_date(event)
        moment = counts_at(event, as_of)
        precision = int(date.precision) if date is not None else 0
        return (moment is None, moment or _NEVER, precision, event.order)

    return key


def upcoming(briefing: Briefing | KnownOn) -> list[Event]:
    """Scheduled, expected or postponed events not wholly before as_of, in :func:`event_order`.

    An event with no date yet is upcoming (it has not happened); it lists last.
    """
    as_of = briefing.as_of
    events = briefing.events
    found = []
    for event in events:
        date = event_date(event)
        if event.status in _UPCOMING and (date is None or date.latest >= as_of.earliest):
            found.append(event)
    return sorted(found, key=event_order(as_of))


def spoken_date(date: BriefDate) -> str:
    """A date as a reader says it: ``30 Nov 2025``, ``Dec 2028``, ``by Dec 2028``, ``from Feb 2026``."""
    start, end = date.start, date.end
    if start is None:
        return f"by {_point_words(end)}" if end is not None else date.text
    if end is None:
        return f"from {_point_words(start)}"
    if end is start:
        return _point_words(start)
    return f"{_point_words(start)} to {_point_words(end)}"


def _point_words(point: DatePoint) -> str:
    # From the written text, not the UTC moment: a day written in Kyiv stays that day.
    text = point.text
    if point.precision == Precision.YEAR:
        return text[:4]
    month = _MONTHS[int(text[5:7]) - 1]
    if point.precision == Precision.MONTH:
        return f"{month} {text[:4]}"
    day = f"{int(text[8:10])} {month} {text[:4]}"
    return day if point.precision == Precision.DAY else f"{day} {text[11:16]}"


def _zone(briefing: Briefing) -> tzinfo:
    try:
        return parse_timezone(briefing.timezone) if briefing.timezone else timezone.utc
    except DateError:
        return timezone.utc


@dataclass(eq=False)
class KnownOn:
    """A briefing as known on ``date``: what was dated and reported by then, statuses and stances then.

    With no date it is the briefing as it stands ("now"), so a view can take one of these
    whether or not the reader is travelling. Lists are filtered on demand, never copied
    item by item; ``events`` is computed once.
    """

    briefing: Briefing
    date: BriefDate | None = None
    _events: list[Event] | None = field(default=None, repr=False)

    @property
    def travelling(self) -> bool:
        """Whether this is a past date rather than the briefing as it stands."""
        return self.date is not None

    @property
    def cutoff(self) -> datetime:
        """The last moment of the travel date: anything counting later is not yet known."""
        return self.date.latest if self.date is not None else _NEVER

    @property
    def as_of(self) -> BriefDate:
        """The moment the view describes: the travel date, or the briefing's own as_of if earlier."""
        date, own = self.date, self.briefing.as_of
        return date if date is not None and date.earliest < own.earliest else own

    @property
    def label(self) -> str:
        """The banner: ``as known on 30 Nov 2025`` (empty when not travelling)."""
        return f"as known on {spoken_date(self.date)}" if self.date is not None else ""

    def _known(self, date: BriefDate | None) -> bool:
        return self.date is None or date is None or date.earliest <= self.cutoff

    def knows_event(self, event: Event) -> bool:
        """Whether the event was dated and reported by the travel date (undated: by its report).

        What the briefing expects after its own as_of is known from that as_of on: travelling
        to the briefing's own date shows the briefing as it is.
        """
        if self.date is None:
            return True
        if not self._known(event.reported_on):
            return False
        if event.status in _PLANNED and self.cutoff >= self.briefing.as_of.earliest:
            return True
        return self._known(event_date(event))

    def knows_quote(self, quote: Quote) -> bool:
        """Whether the quote was said (and its event known) by the travel date."""
        return self._known(quote.date) and (quote.event is None or self.knows_event(quote.event))

    def knows_version(self, version: Version) -> bool:
        """Whether a document version existed then; an undated one exists when the one before it did."""
        document = version.document
        if version.date is not None or document is None or version not in document.versions:
            return self._known(version.date)
        before = document.versions[: document.versions.index(version)]
        dated = [v for v in before if v.date is not None]
        return not dated or self._known(dated[-1].date)

    @property
    def events(self) -> list[Event]:
        """The events known then, in the briefing's order."""
        if self.date is None:
            return self.briefing.events
        if self._events is None:
            self._events = [e for e in self.briefing.events if self.knows_event(e)]
        return self._events

    @property
    def quotes(self) -> list[Quote]:
        """The quotes known then."""
        return [q for q in self.briefing.quotes if self.knows_quote(q)]

    def thread_events(self, thread: Thread) -> list[Event]:
        """A thread's events known then."""
        return [e for e in thread.events if self.knows_event(e)]

    def versions(self, document: Document) -> list[Version]:
        """A document's versions that existed then, oldest first."""
        return [v for v in document.versions if self.knows_version(v)]

    def positions(self, thread: Thread) -> list[Position]:
        """A thread's positions taken by then (undated ones always: nothing dates them later)."""
        return [p for p in thread.positions if self._known(p.as_of)]

    def status_history(self, thread: Thread) -> list[StatusChange]:
        """A thread's status changes by then."""
        return [s for s in thread.status_history if self._known(s.date)]

    def status(self, thread: Thread) -> str:
        """The thread's status then: its last change by then; ``unknown`` before its first.

        A thread with no history keeps its status: nothing says when it began.
        """
        if self.date is None or not thread.status_history:
            return thread.status
        history = self.status_history(thread)
        return history[-1].status if history else "unknown"

    def upcoming(self) -> list[Event]:
        """What came next, as seen then."""
        return upcoming(self)


def known_on(briefing: Briefing, text: str) -> KnownOn:
    """The briefing as known on a date written as in format 1 (``2025-11-30``); DateError if not one."""
    date = parse_date(text, _zone(briefing))
    if date.interval:
        raise DateError(f"{text!r} is an interval; travel to one date, such as 2025-11-30")
    return KnownOn(briefing, date)


def travel_dates(briefing: Briefing) -> list[BriefDate]:
    """The days on which events begin, in order: the stops of ``[`` and ``]`` while travelling."""
    zone = _zone(briefing)
    days = sorted(
        {
            moment.astimezone(zone).date()
            for event in briefing.events
            if (moment := counts_at(event, briefing.as_of)) is not None and moment.year > 1
        }
    )
    return [parse_date(day.isoformat(), zone) for day in days]


def step_date(dates: list[BriefDate], current: BriefDate, step: int) -> BriefDate | None:
    """The travel stop ``step`` places from ``current`` (which need not be a stop), or None past the ends."""
    moments = [d.earliest for d in dates]
    if step > 0:
        at = bisect_right(moments, current.earliest) + step - 1
    else:
        at = bisect_left(moments, current.earliest) + step
    return dates[at] if 0 <= at < len(dates) else None


@dataclass(eq=False, slots=True, repr=False)
class BriefingAsKnown(Briefing):
    """A briefing as known on a date, for views that take a ``Briefing``.

    Its ``events`` and ``quotes`` are those known then and its ``as_of`` the travel date;
    threads, documents and every item are the briefing's own objects (nothing is copied,
    so references and identities hold), and what changes with time on them (a thread's
    status, positions and events, a document's versions) is asked of ``known`` through
    :func:`known_of`.
    """

    known: KnownOn | None = None


def as_known(known: KnownOn) -> Briefing:
    """The briefing as known on ``known``'s date (the briefing itself when not travelling)."""
    briefing = known.briefing
    if not known.travelling:
        return briefing
    fields = {f.name: getattr(briefing, f.name) for f in dataclasses.fields(briefing) if f.init}
    fields.update(as_of=known.as_of, events=known.events, quotes=known.quotes)
    return BriefingAsKnown(**fields, known=known)


def known_of(briefing: Briefing) -> KnownOn:
    """What a view should ask for statuses, positions, events and versions of ``briefing``."""
    if isinstance(briefing, BriefingAsKnown) and briefing.known is not None:
        return briefing.known
    return KnownOn(briefing)
