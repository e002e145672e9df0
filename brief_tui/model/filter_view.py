"""A filter applied to briefings: which threads and events it keeps, and any other item.

:mod:`brief_tui.model.filters` reads the language and says what each term means; this
module holds one test a term (``thread``, ``event`` and ``other`` for the rest) and the
:class:`FilterView` every surface asks: the sidebar and the timeline (``threads``,
``events``), search (``keeps``), the overview and the input's preview (``counts``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from brief_tui.model.fields import item_fields
from brief_tui.model.items import (
    Actor,
    Briefing,
    Citation,
    Document,
    Event,
    Party,
    Position,
    Quote,
    Source,
    Thread,
    Version,
)

if TYPE_CHECKING:
    from brief_tui.model.dates import BriefDate
    from brief_tui.model.filters import Filter, Term
    from brief_tui.model.search import Owner, SearchIndex

__all__ = ["Counts", "FilterView", "Predicate", "apply_filter", "flagged", "matches_name", "names_of"]

Predicate = Callable[["Owner"], bool]


def matches_name(value: str, id_: str, names: Sequence[str]) -> bool:
    """Whether a filter value names this: its id, or a prefix of a name or of a word of one."""
    value = value.lower()
    if value == id_.lower():
        return True
    return any(n.lower().startswith(value) or any(w.startswith(value) for w in n.lower().split()) for n in names)


def names_of(term: str, briefings: Iterable[Briefing]) -> list[tuple[str, list[str]]]:
    """``(id, names)`` of what a ``party``, ``actor`` or ``group`` value may name."""
    out: list[tuple[str, list[str]]] = []
    for briefing in briefings:
        if term == "party":
            out += [(p.id, [p.name, p.short or ""]) for p in briefing.parties]
        elif term == "actor":
            out += [(a.id, [a.name, *a.aliases]) for a in briefing.actors]
        elif term == "group":
            out += [(g, [g]) for g in briefing.thread_groups()]
    return out


@dataclass(frozen=True, slots=True)
class Counts:
    """How many threads and events a filter keeps, of how many."""

    threads: int
    all_threads: int
    events: int
    all_events: int

    def describe(self) -> str:
        """``2 of 6 threads, 5 of 12 events``."""
        return f"{self.threads} of {self.all_threads} threads, {self.events} of {self.all_events} events"

    def filtered(self) -> str:
        """What the overview says of a filter: ``filtered: 2 of 6 threads``."""
        return f"filtered: {self.threads} of {self.all_threads} threads"

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.threads + other.threads,
            self.all_threads + other.all_threads,
            self.events + other.events,
            self.all_events + other.all_events,
        )


class _Test:
    """One term: whether it keeps a thread, an event, or another item (None: says nothing of it)."""

    def thread(self, thread: Thread) -> bool:
        return True

    def event(self, event: Event) -> bool:
        return True

    def other(self, owner: Owner) -> bool | None:
        return None


class _Involves(_Test):
    """``party:`` and ``actor:``: who takes part."""

    def __init__(self, parties: set[Party], actors: set[Actor]) -> None:
        self.parties, self.actors = parties, actors

    def holds(self, who: Actor | Party | None) -> bool:
        """Whether the term names this party or actor (or the actor's party)."""
        if isinstance(who, Actor):
            return who in self.actors or who.party in self.parties
        return who in self.parties

    def thread(self, thread: Thread) -> bool:
        return (
            any(self.holds(p) for p in thread.parties)
            or any(self.holds(a) for a in thread.actors)
            or any(self.holds(p.party) or self.holds(p.actor) for p in thread.positions)
        )

    def event(self, event: Event) -> bool:
        return any(self.holds(a) for a in event.actors) or any(self.holds(q.speaker) for q in event.quotes)

    def other(self, owner: Owner) -> bool | None:
        if isinstance(owner, (Actor, Party)):
            return self.holds(owner)
        if isinstance(owner, Quote):
            return self.holds(owner.speaker)
        if isinstance(owner, Version):
            return any(self.holds(a) for a in owner.authors)
        return None


class _Then:
    """A thread's status and positions as the view shows them: as known on a date while travelling."""

    def __init__(self, briefings: Sequence[Briefing]) -> None:
        from brief_tui.model.as_of import known_of

        self._known = {id(t): known for b in briefings if (known := known_of(b)).travelling for t in b.threads}

    def status(self, thread: Thread) -> str:
        known = self._known.get(id(thread))
        return known.status(thread) if known is not None else thread.status

    def positions(self, thread: Thread) -> Sequence[Position]:
        known = self._known.get(id(thread))
        return known.positions(thread) if known is not None else thread.positions


class _Status(_Test):
    def __init__(self, values: Sequence[str], then: _Then) -> None:
        from brief_tui.model.vocab import THREAD_STATUSES

        self.of_threads = {v for v in values if v in THREAD_STATUSES}
        self.of_events = set(values) - self.of_threads
        self.then = then

    def thread(self, thread: Thread) -> bool:
        if self.then.status(thread) in self.of_threads:
            return True
        return bool(self.of_events) and any(e.status in self.of_events for e in thread.events)

    def event(self, event: Event) -> bool:
        if event.status in self.of_events:
            return True
        return bool(self.of_threads) and any(self.then.status(t) in self.of_threads for t in event.threads)


class _OfThreads(_Test):
    """A term about threads (``leaning``, ``group``): events are kept with their threads."""

    def event(self, event: Event) -> bool:
        return any(self.thread(t) for t in event.threads)


class _Leaning(_OfThreads):
    def __init__(self, values: Sequence[str], holders: _Involves | None, then: _Then) -> None:
        self.values, self.holders, self.then = set(values), holders, then

    def thread(self, thread: Thread) -> bool:
        held = self.holders
        return any(
            p.leaning in self.values and (held is None or held.holds(p.party) or held.holds(p.actor))
            for p in self.then.positions(thread)
        )


class _Group(_OfThreads):
    def __init__(self, values: Sequence[str]) -> None:
        self.values = [v.lower() for v in values]

    def thread(self, thread: Thread) -> bool:
        group = (thread.group or "Threads").lower()
        return any(group.startswith(v) for v in self.values)


class _OfEvents(_Test):
    """A term about events (``kind``, dates, ``grade``): threads are kept for their events."""

    def thread(self, thread: Thread) -> bool:
        return any(self.event(e) for e in thread.events)


class _Kind(_OfEvents):
    def __init__(self, values: Sequence[str]) -> None:
        self.values = set(values)

    def event(self, event: Event) -> bool:
        return event.kind in self.values


class _Dates(_OfEvents):
    """``after:`` and ``before:``: what can overlap the moments after (before) the date."""

    def __init__(self, after: datetime | None, before: datetime | None) -> None:
        self.after, self.before = after, before

    def overlaps(self, date: BriefDate | None) -> bool:
        if date is None:
            return False
        return (self.after is None or date.latest >= self.after) and (
            self.before is None or date.earliest <= self.before
        )

    def event(self, event: Event) -> bool:
        return self.overlaps(event.date)

    def thread(self, thread: Thread) -> bool:
        return (
            super().thread(thread)
            or any(self.overlaps(c.date) for c in thread.status_history)
            or any(self.overlaps(p.as_of) for p in thread.positions)
        )

    def other(self, owner: Owner) -> bool | None:
        if isinstance(owner, Quote):
            return self.overlaps(owner.date or (owner.event.date if owner.event else None))
        if isinstance(owner, Version):
            return self.overlaps(owner.date)
        return None


class _Grade(_OfEvents):
    """``grade:``: cited by a source of that reliability.

    A relayed source ("D via C") is as good as the worst graded link of its chain; an
    ungraded one ("An official, via Axios (B)") takes the grades of the links it has.
    """

    def __init__(self, letters: Sequence[str]) -> None:
        self.letters = set(letters)

    def graded(self, source: Source) -> bool:
        grades = [g.upper() for g in source.grades if g]
        return bool(grades) and max(grades) in self.letters

    def cites(self, citations: Iterable[Citation]) -> bool:
        return any(self.graded(c.source) for c in citations)

    def event(self, event: Event) -> bool:
        return self.cites(event.sources) or any(self.cites(q.sources) for q in event.quotes)

    def thread(self, thread: Thread) -> bool:
        return (
            any(self.cites(p.sources) for p in thread.positions)
            or any(self.cites(c.sources) for c in thread.status_history)
            or super().thread(thread)
        )

    def other(self, owner: Owner) -> bool | None:
        if isinstance(owner, Source):
            return self.graded(owner)
        if isinstance(owner, Quote):
            return self.cites(owner.sources)
        if isinstance(owner, Version):
            return self.cites(owner.sources) or any(self.cites(p.sources) for p in owner.parts)
        if isinstance(owner, Document):
            return any(self.other(v) for v in owner.versions)
        return None


class _Each(_Test):
    """A test every item answers for itself: words of its text, or a flag's predicate."""

    def __init__(self, keeps: Predicate) -> None:
        self.keeps = keeps

    def thread(self, thread: Thread) -> bool:
        return self.keeps(thread)

    def event(self, event: Event) -> bool:
        return self.keeps(event)

    def other(self, owner: Owner) -> bool | None:
        return self.keeps(owner)


class _Flag(_Each):
    """``changed``, ``bookmarked``: what the reader's state says of each item; threads are kept for their events too.

    A thread with a new event is what "changed" should lead to, and the timeline draws a
    kept event in its thread's lane only when the thread is kept as well.
    """

    def thread(self, thread: Thread) -> bool:
        return self.keeps(thread) or any(self.keeps(e) for e in thread.events)


def _nothing(owner: Owner) -> bool:
    return False


def flagged(briefings: Iterable[Briefing], ids: Mapping[str, Collection[str]]) -> Predicate:
    """A flag's predicate: the items whose ids ``ids`` lists under their briefing's id."""
    owners: set[Owner] = set()
    for briefing in briefings:
        for item_id in ids.get(briefing.id, ()):
            item = briefing.by_id.get(item_id)
            if item is not None:
                owners.add(item)
    return owners.__contains__


class FilterView:
    """A filter applied to some briefings: what it keeps, in each briefing's order."""

    def __init__(self, filter_: Filter, briefings: Sequence[Briefing], tests: Sequence[_Test]) -> None:
        self.filter = filter_
        self.briefings = list(briefings)
        self._tests = list(tests)
        self.threads: list[Thread] = []
        self.events: list[Event] = []
        for briefing in self.briefings:
            self.threads += [t for t in briefing.threads if all(test.thread(t) for test in tests)]
            self.events += [e for e in briefing.events if all(test.event(e) for test in tests)]
        self._kept: set[Owner] = {*self.threads, *self.events}

    @property
    def active(self) -> bool:
        """Whether the filter narrows anything."""
        return not self.filter.empty

    def keeps(self, owner: Owner) -> bool:
        """Whether the filter keeps an item (a briefing's overview is always kept)."""
        if isinstance(owner, (Thread, Event)):
            return owner in self._kept
        if isinstance(owner, Briefing):
            return True
        return all(test.other(owner) is not False for test in self._tests)

    def keeps_found(self, owner: Owner) -> bool:
        """Whether a search result stays under the filter: as :meth:`keeps`, but a briefing's own
        text (its overview) goes, for the filter narrows items and the overview is none of them."""
        return not isinstance(owner, Briefing) and self.keeps(owner)

    def counts(self, briefing: Briefing | None = None) -> Counts:
        """Threads and events kept, of all (in one briefing, or all of them)."""
        chosen = [briefing] if briefing is not None else self.briefings
        return Counts(
            sum(1 for b in chosen for t in b.threads if t in self._kept),
            sum(len(b.threads) for b in chosen),
            sum(1 for b in chosen for e in b.events if e in self._kept),
            sum(len(b.events) for b in chosen),
        )

    def shown(self, briefing: Briefing) -> Briefing:
        """The briefing as the filter leaves it, for the sidebar and the timeline: kept threads and events only.

        Everything else (the items, ``by_id``, each thread's own lists) is the briefing's own.
        """
        from dataclasses import replace

        return replace(briefing, threads=self.threads_of(briefing), events=self.events_of(briefing))

    def threads_of(self, briefing: Briefing) -> list[Thread]:
        """The kept threads of one briefing, in its order."""
        return [t for t in briefing.threads if t in self._kept]

    def events_of(self, briefing: Briefing) -> list[Event]:
        """The kept events of one briefing, by date."""
        return [e for e in briefing.events if e in self._kept]


def apply_filter(
    filter_: Filter,
    briefings: Sequence[Briefing],
    *,
    changed: Predicate | None = None,
    bookmarked: Predicate | None = None,
    index: SearchIndex | None = None,
) -> FilterView:
    """The view of briefings through a filter; ``changed``/``bookmarked`` say which items the flags keep.

    A flag term with no predicate keeps nothing (see :func:`flagged` to make one from ids).

    With a search ``index`` over the same briefings, bare words are looked up in it (fast
    at any size) instead of reading each item's texts.
    """
    involves = _involves(filter_.terms, briefings)
    holders = _holders(filter_.terms, briefings)
    then = _Then(briefings)
    tests: list[_Test] = list(involves)
    for term in filter_.terms:
        test = _test(term, filter_, holders, changed, bookmarked, index, then)
        if test is not None:
            tests.append(test)
    return FilterView(filter_, briefings, tests)


def _involves(terms: Iterable[Term], briefings: Sequence[Briefing]) -> list[_Involves]:
    out: list[_Involves] = []
    for term in terms:
        if term.name == "party":
            out.append(_Involves(_parties(term.values, briefings), set()))
        elif term.name == "actor":
            out.append(_Involves(set(), _actors(term.values, briefings)))
    return out


def _holders(terms: Sequence[Term], briefings: Sequence[Briefing]) -> _Involves | None:
    """Whose stances ``leaning:`` reads: every party and actor the filter names, if any."""
    parties = [v for t in terms if t.name == "party" for v in t.values]
    actors = [v for t in terms if t.name == "actor" for v in t.values]
    if not parties and not actors:
        return None
    return _Involves(_parties(parties, briefings), _actors(actors, briefings))


def _parties(values: Sequence[str], briefings: Sequence[Briefing]) -> set[Party]:
    return {
        p for b in briefings for p in b.parties if any(matches_name(v, p.id, [p.name, p.short or ""]) for v in values)
    }


def _actors(values: Sequence[str], briefings: Sequence[Briefing]) -> set[Actor]:
    return {a for b in briefings for a in b.actors if any(matches_name(v, a.id, [a.name, *a.aliases]) for v in values)}


def _test(
    term: Term,
    filter_: Filter,
    holders: _Involves | None,
    changed: Predicate | None,
    bookmarked: Predicate | None,
    index: SearchIndex | None,
    then: _Then,
) -> _Test | None:
    name, values = term.name, term.values
    if name == "status":
        return _Status(values, then)
    if name == "leaning":
        return _Leaning(values, holders, then)
    if name == "group":
        return _Group(values)
    if name == "kind":
        return _Kind(values)
    if name == "grade":
        return _Grade(values)
    if name in ("after", "before"):
        from brief_tui.model.dates import parse_date

        date = parse_date(values[0])
        return _Dates(date.earliest, None) if name == "after" else _Dates(None, date.latest)
    if name == "text":
        return _Each(_words_test(filter_, index))
    if name in ("changed", "bookmarked"):
        flag = changed if name == "changed" else bookmarked
        # No state to ask (never read, state off): nothing is known to be changed or bookmarked.
        return _Flag(flag or _nothing)
    return None


def _words_test(filter_: Filter, index: SearchIndex | None) -> Predicate:
    words = filter_.words
    if index is not None:
        return index.search(words).owners().__contains__
    return lambda owner: words.matches(text for _, text in item_fields(owner))
