"""Plain data that passed every rule, to model objects with references resolved.

It runs on every open, cached or not, so it does no checking and as little work as it can.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

from brief_tui.model.dates import BriefDate, DatePoint, Precision
from brief_tui.model.items import (
    Actor,
    Briefing,
    Citation,
    Document,
    Event,
    KeyPoint,
    OpenQuestion,
    Part,
    Party,
    Position,
    Quote,
    Source,
    StatusChange,
    Thread,
    Version,
)

__all__ = ["EVENT_FIELDS", "Builder", "build_briefing", "build_head", "build_quotes", "link_events", "make_events"]

# Events are the bulk of a big briefing; their plain form is a tuple in this order, which
# builds faster than a dict read key by key.
EVENT_FIELDS = (
    "id",
    "date",
    "title",
    "kind",
    "status",
    "threads",
    "actors",
    "place",
    "summary",
    "sources",
    "reported_on",
    "display_date",
    "likelihood",
)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_PRECISIONS = tuple(Precision)


class Builder:
    """Makes model objects from plain data: resolves ids, shares equal dates and bare citations."""

    def __init__(self) -> None:
        self.by_id: dict[str, Any] = {}
        self.dates: dict[str, BriefDate] = {}
        self.bare: dict[str, Citation] = {}
        self.before_events = 0  # how many items precede the events in by_id

    def point(self, plain: Any) -> DatePoint | None:
        if plain is None:
            return None
        text, earliest, latest, precision, uncertain, approximate = plain
        return DatePoint(
            text,
            _EPOCH + timedelta(microseconds=earliest),
            _EPOCH + timedelta(microseconds=latest),
            _PRECISIONS[precision],
            uncertain,
            approximate,
        )

    def date(self, plain: Any) -> BriefDate | None:
        if plain is None:
            return None
        # One date text is one date throughout a briefing (the walker gives every use of it
        # the same tuple): the text is the memo key, shared by the head and the tail.
        text = plain[0]
        date = self.dates.get(text)
        if date is None:
            text, interval, start, end = plain
            start_point = self.point(start)
            end_point = start_point if end is start or end == start else self.point(end)
            date = BriefDate(text, start_point, end_point, interval)
            self.dates[text] = date
        return date

    def refs(self, ids: list[str] | None) -> list[Any]:
        if not ids:
            return []
        by_id = self.by_id
        return [by_id[i] for i in ids]

    def ref(self, ident: str | None) -> Any:
        return self.by_id[ident] if ident is not None else None

    def sources(self, plain: list[Any] | None) -> list[Citation]:
        if not plain:
            return []
        out = []
        for entry in plain:
            if entry.__class__ is str:
                # A bare source id is the same citation wherever it appears: share one.
                citation = self.bare.get(entry)
                if citation is None:
                    citation = self.bare[entry] = Citation(self.by_id[entry])
                out.append(citation)
            else:
                source, credibility, note, url, locator, accessed = entry
                out.append(Citation(self.by_id[source], credibility, note, url, locator, self.date(accessed)))
        return out

    def key_points(self, plain: list[Any] | None) -> list[KeyPoint]:
        if not plain:
            return []
        return [KeyPoint(p) if p.__class__ is str else KeyPoint(p[0], self.sources(p[1])) for p in plain]

    def open_questions(self, plain: list[Any] | None) -> list[OpenQuestion]:
        if not plain:
            return []
        return [OpenQuestion(q) if q.__class__ is str else OpenQuestion(q[0], self.sources(q[1])) for q in plain]

    def add(self, item: Any) -> Any:
        self.by_id[item.id] = item
        return item

    def ordered(self, events: list[Event], quotes: list[Quote]) -> dict[str, Any]:
        """Every item by id, in the order written: parties, actors, sources, threads, then the
        events (``events``, as written) and quotes, then documents and their versions (the digest
        lists them so)."""
        items = list(self.by_id.items())
        by_id = dict(items[: self.before_events])
        for event in events:
            by_id[event.id] = event
        for quote in quotes:
            by_id[quote.id] = quote
        by_id.update(item for item in items[self.before_events :] if item[0] not in by_id)
        return by_id


def build_briefing(plain: dict[str, Any], path: str) -> Briefing:
    """The model of a briefing from its checked plain data."""
    b = Builder()
    briefing = build_head(b, plain, path)
    written = make_events(b, enumerate(plain.get("events", ())))
    # Earliest moment first, then coarser before finer, then as written; undated events last.
    link_events(briefing, sorted(written, key=_sort_key))
    build_quotes(b, briefing, plain.get("quotes", ()))
    briefing.by_id = b.ordered(written, briefing.quotes)
    return briefing


def build_head(b: Builder, plain: dict[str, Any], path: str) -> Briefing:
    """Everything but the event graph (events and quotes), which ``build_briefing`` or ``loader.later`` adds."""
    g = plain.get
    as_of = b.date(plain["as_of"])
    assert as_of is not None
    briefing = Briefing(
        id=plain["id"],
        title=plain["title"],
        as_of=as_of,
        path=path,
        based_on=g("based_on"),
        timezone=g("timezone"),
        subtitle=g("subtitle"),
        summary=g("summary"),
        key_points=[],
        updated=b.date(g("updated")),
        language=g("language") or "en",
        marking=g("marking"),
    )
    briefing.parties = [b.add(Party(p["id"], p["name"], p.get("short"), p.get("color"))) for p in g("parties", ())]
    briefing.actors = [
        b.add(Actor(a["id"], a["name"], a.get("role"), b.ref(a.get("party")), list(a.get("aliases", ()))))
        for a in g("actors", ())
    ]
    _sources(b, briefing, g("sources", ()))
    briefing.key_points = b.key_points(g("key_points"))
    _threads(b, briefing, g("threads", ()))
    b.before_events = len(b.by_id)
    _documents(b, briefing, g("documents", ()))
    return briefing


def _sources(b: Builder, briefing: Briefing, plain: list[dict[str, Any]]) -> None:
    briefing.sources = [
        b.add(Source(s["id"], s["name"], s.get("kind"), s.get("url"), None, s.get("reliability"), s.get("note")))
        for s in plain
    ]
    for source, s in zip(briefing.sources, plain, strict=True):
        if "via" in s:
            source.via = b.by_id[s["via"]]


def _threads(b: Builder, briefing: Briefing, plain: list[dict[str, Any]]) -> None:
    threads = [
        b.add(Thread(t["id"], t["title"], t.get("group"), t.get("status") or "unknown", t.get("confidence")))
        for t in plain
    ]
    for thread, t in zip(threads, plain, strict=True):
        thread.summary = t.get("summary")
        thread.short_title = t.get("short_title")
        thread.parties = b.refs(t.get("parties"))
        thread.actors = b.refs(t.get("actors"))
        thread.positions = [
            Position(
                p["stance"],
                b.ref(p.get("party")),
                b.ref(p.get("actor")),
                p.get("leaning"),
                b.date(p.get("as_of")),
                b.sources(p.get("sources")),
            )
            for p in t.get("positions", ())
        ]
        thread.status_history = [
            StatusChange(b.date(s["date"]), s["status"], s.get("note"), b.sources(s.get("sources")))  # type: ignore[arg-type]
            for s in t.get("status_history", ())
        ]
        thread.open_questions = b.open_questions(t.get("open_questions"))
        thread.related = b.refs(t.get("related"))
        for actor in thread.actors:
            actor.threads.append(thread)
        for position in thread.positions:
            if position.actor is not None and thread not in position.actor.threads:
                position.actor.threads.append(thread)
    briefing.threads = threads


def make_events(b: Builder, plain: Iterable[tuple[int, tuple[Any, ...]]]) -> list[Event]:
    """Events from their plain form, each with its place in the order written; added to ``b.by_id``."""
    events = []
    date, refs, sources, by_id = b.date, b.refs, b.sources, b.by_id
    for order, fields in plain:
        ident, when, title, kind, status, threads, actors, place, summary, cited, reported, shown, likely = fields
        event = Event(
            ident,
            date(when),
            title,
            kind and _shared(kind),
            status and _shared(status),
            refs(threads),
            refs(actors),
            place and _shared(place),
            summary,
            sources(cited),
            date(reported),
            shown,
            likely and _shared(likely),
            [],
            order,
        )
        by_id[ident] = event
        events.append(event)
    return events


def _shared(text: str) -> str:
    """One string object for a value many events repeat (a kind, status, likelihood or place):
    each event's own copy took about 1.5 MB at 10,000 events."""
    return sys.intern(text)


def link_events(briefing: Briefing, events: list[Event]) -> None:
    """Give the briefing its events in order, and each thread and actor its own."""
    of_thread: dict[Thread, list[Event]] = {}
    of_actor: dict[Actor, list[Event]] = {}
    for event in events:
        for thread in event.threads:
            of_thread.setdefault(thread, []).append(event)
        for actor in event.actors:
            of_actor.setdefault(actor, []).append(event)
    for thread, found in of_thread.items():
        thread.events = found
    for actor, found_of_actor in of_actor.items():
        actor.events = found_of_actor
    briefing.events = events


def _sort_key(event: Event) -> tuple[int, datetime, int, int]:
    return event.sort_key


def build_quotes(b: Builder, briefing: Briefing, plain: list[dict[str, Any]]) -> None:
    """The quotes, each listed on its threads, speaker and event."""
    quotes = []
    for q in plain:
        quote = Quote(
            q["id"],
            q["text"],
            b.ref(q.get("speaker")),
            q.get("attribution"),
            b.date(q.get("date")),
            b.ref(q.get("event")),
            b.refs(q.get("threads")),
            b.sources(q.get("sources")),
            q.get("language"),
        )
        b.by_id[quote.id] = quote
        quotes.append(quote)
        for thread in quote.threads:
            thread.quotes.append(quote)
        if quote.speaker is not None:
            quote.speaker.quotes.append(quote)
        if quote.event is not None:
            quote.event.quotes.append(quote)
    _renderings(b, quotes, plain)
    briefing.quotes = quotes


def _renderings(b: Builder, quotes: list[Quote], plain: list[dict[str, Any]]) -> None:
    """Link each quote to the others of the same remark: `same_as` chains make one group."""
    group: dict[Quote, list[Quote]] = {}
    for quote, q in zip(quotes, plain, strict=True):
        if "same_as" not in q:
            continue
        quote.same_as = other = b.by_id[q["same_as"]]
        joined = group.get(quote, [quote])
        for member in group.get(other, [other]):
            if member not in joined:
                joined.append(member)
        for member in joined:
            group[member] = joined
    for quote, members in group.items():
        quote.renderings = [m for m in quotes if m in members and m is not quote]


def _documents(b: Builder, briefing: Briefing, plain: list[dict[str, Any]]) -> None:
    documents = []
    for d in plain:
        document = b.add(Document(d["id"], d["title"], b.refs(d.get("threads"))))
        for v in d.get("versions", ()):
            version = Version(
                v["id"],
                v.get("label"),
                b.date(v.get("date")),
                v.get("points"),
                b.refs(v.get("authors")),
                v.get("summary"),
                [
                    Part(
                        p["title"],
                        p.get("summary"),
                        b.refs(p.get("threads")),
                        b.sources(p.get("sources")),
                        p.get("number"),
                        p.get("status"),
                    )
                    for p in v.get("parts", ())
                ],
                b.sources(v.get("sources")),
                document,
                v.get("state"),
                b.refs(v.get("signatories")),
            )
            b.add(version)
            document.versions.append(version)
        documents.append(document)
        seen: set[int] = set()
        for thread in [*document.threads, *(t for v in document.versions for p in v.parts for t in p.threads)]:
            if id(thread) not in seen:
                seen.add(id(thread))
                thread.documents.append(document)
    briefing.documents = documents
