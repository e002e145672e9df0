"""The items of a briefing, with references resolved to the objects they name."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, ClassVar, TypeAlias

from brief_tui.model.dates import BriefDate
from brief_tui.model.vocab import UNDATED_STATUSES

__all__ = [
    "Actor",
    "Briefing",
    "Citation",
    "Document",
    "Event",
    "Item",
    "KeyPoint",
    "Later",
    "OpenQuestion",
    "Part",
    "Party",
    "Position",
    "Quote",
    "Source",
    "StatusChange",
    "Thread",
    "Version",
]

# What a reader sees for an event whose date is not set yet.
NO_DATE = "no date yet"
_LAST = datetime.max.replace(tzinfo=timezone.utc)


class _Short:
    """A short repr: items refer to each other in cycles, so the generated one never ends."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({getattr(self, 'id', getattr(self, 'title', ''))!r})"


class Later:
    """A briefing's event graph (its events and quotes), built after its first frame or on first use.

    A briefing loaded from the parse cache is built in two steps: first everything its first
    frame shows (threads, the overview with its upcoming events), then the rest. Until then
    the objects whose lists the rest fills (the briefing, its threads and actors, the events
    built early) carry this as ``later``, and reading one of those lists (``events``,
    ``quotes``, ``by_id``) builds it, once, under a lock: a worker may ask at the same time
    as the screen. Nothing else changes: every attribute reads as it would have.
    """

    __slots__ = ("_build", "_lock", "event_count", "may_hold", "upcoming")

    def __init__(
        self, build: Callable[[], None], event_count: int, may_hold: Callable[[str], bool], upcoming: list[Event]
    ) -> None:
        self._build: Callable[[], None] | None = build
        self._lock = threading.RLock()  # re-entered by the build itself, which fills the lists
        self.event_count = event_count
        """How many events the briefing has, built or not."""
        self.may_hold = may_hold
        """Whether an id may be one of the items not built yet (a "maybe" may be wrong, a "no" is not)."""
        self.upcoming = upcoming
        """The briefing's upcoming events (``Briefing.upcoming``), built early for the overview."""

    def __call__(self) -> None:
        """Build the rest now, if it is not built yet; the build clears every owner's ``later``."""
        with self._lock:
            build, self._build = self._build, None
            if build is not None:
                build()


@dataclass(eq=False, slots=True, repr=False)
class Party(_Short):
    """A side at the table."""

    id: str
    name: str
    short: str | None = None
    color: str | None = None

    KIND: ClassVar[str] = "party"

    @property
    def label(self) -> str:
        """The short form for narrow columns, or the name."""
        return self.short or self.name


@dataclass(eq=False, slots=True, repr=False)
class Actor(_Short):
    """A person or body."""

    id: str
    name: str
    role: str | None = None
    party: Party | None = None
    aliases: list[str] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    later: Later | None = field(default=None, init=False)

    KIND: ClassVar[str] = "actor"

    @property
    def label(self) -> str:
        """The actor's name."""
        return self.name


@dataclass(eq=False, slots=True, repr=False)
class Source(_Short):
    """Where a claim comes from, graded on the Admiralty scale."""

    id: str
    name: str
    kind: str | None = None
    url: str | None = None
    via: Source | None = None
    reliability: str | None = None
    note: str | None = None

    KIND: ClassVar[str] = "source"

    @property
    def label(self) -> str:
        """The source's name."""
        return self.name

    @property
    def anonymous(self) -> bool:
        """Whether the source is unnamed."""
        return self.kind == "anonymous"

    @property
    def chain(self) -> list[Source]:
        """This source and every source that relays it (`via`), nearest first."""
        chain: list[Source] = [self]
        relay = self.via
        while relay is not None and relay not in chain:
            chain.append(relay)
            relay = relay.via
        return chain

    @property
    def grades(self) -> list[str | None]:
        """The reliability of each link of the relay chain, up to the last graded one (None: ungraded)."""
        grades = [source.reliability for source in self.chain]
        while grades and grades[-1] is None:
            grades.pop()
        return grades

    @property
    def grade(self) -> str | None:
        """Every grade of the relay chain, "C via D", never only the better one; None when none is graded."""
        grades = self.grades
        return " via ".join(grade or "ungraded" for grade in grades) if grades else None


@dataclass(eq=False, slots=True, repr=False)
class Citation(_Short):
    """One source given for a claim, with the author's credibility grade."""

    source: Source
    credibility: int | None = None
    note: str | None = None
    url: str | None = None
    locator: str | None = None
    accessed: BriefDate | None = None


@dataclass(eq=False, slots=True, repr=False)
class KeyPoint(_Short):
    """One of the briefing's headline takeaways, with the sources it rests on."""

    text: str
    sources: list[Citation] = field(default_factory=list)

    def __str__(self) -> str:
        return self.text


@dataclass(eq=False, slots=True, repr=False)
class OpenQuestion(_Short):
    """A question a thread leaves open, with the sources that raise it."""

    text: str
    sources: list[Citation] = field(default_factory=list)

    def __str__(self) -> str:
        return self.text


@dataclass(eq=False, slots=True, repr=False)
class Position(_Short):
    """A party's (or actor's) stance on a thread at a moment."""

    stance: str
    party: Party | None = None
    actor: Actor | None = None
    leaning: str | None = None
    as_of: BriefDate | None = None
    sources: list[Citation] = field(default_factory=list)

    @property
    def holder(self) -> Party | Actor | None:
        """Whoever holds the position."""
        return self.party or self.actor


@dataclass(eq=False, slots=True, repr=False)
class StatusChange(_Short):
    """An entry of a thread's status history."""

    date: BriefDate
    status: str
    note: str | None = None
    sources: list[Citation] = field(default_factory=list)


@dataclass(eq=False, slots=True, repr=False)
class Thread(_Short):
    """One negotiation thread, the unit the sidebar lists."""

    id: str
    title: str
    group: str | None = None
    status: str = "unknown"
    confidence: str | None = None
    summary: str | None = None
    parties: list[Party] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    status_history: list[StatusChange] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    related: list[Thread] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    short_title: str | None = None
    later: Later | None = field(default=None, init=False)

    KIND: ClassVar[str] = "thread"

    @property
    def label(self) -> str:
        """The thread's title."""
        return self.title

    @property
    def short_label(self) -> str:
        """The short title for narrow columns, or the title."""
        return self.short_title or self.title


@dataclass(eq=False, slots=True, repr=False)
class Event(_Short):
    """A point or span on the timeline."""

    id: str
    date: BriefDate | None
    title: str | None = None
    kind: str | None = None
    status: str | None = None
    threads: list[Thread] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    place: str | None = None
    summary: str | None = None
    sources: list[Citation] = field(default_factory=list)
    reported_on: BriefDate | None = None
    display_date: str | None = None
    likelihood: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    order: int = 0
    later: Later | None = field(default=None, init=False)

    KIND: ClassVar[str] = "event"

    @property
    def label(self) -> str:
        """The event's title, or its id when it has none."""
        return self.title or self.id

    @property
    def shown_date(self) -> str:
        """The date as a reader should see it: the display date, the date, or "no date yet"."""
        if self.display_date:
            return self.display_date
        return self.date.text if self.date is not None else NO_DATE

    @property
    def sort_key(self) -> tuple[int, datetime, int, int]:
        """Dated events by their place in time ("by" deadlines at their end); undated ones last, as written."""
        date = self.date
        if date is None:
            return (1, _LAST, 0, self.order)
        if date.start is None and date.end is not None:
            return (0, date.end.latest, int(date.precision), self.order)
        return (0, date.earliest, int(date.precision), self.order)


@dataclass(eq=False, slots=True, repr=False)
class Quote(_Short):
    """Words on record."""

    id: str
    text: str
    speaker: Actor | None = None
    attribution: str | None = None
    date: BriefDate | None = None
    event: Event | None = None
    threads: list[Thread] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)
    language: str | None = None
    same_as: Quote | None = None
    renderings: list[Quote] = field(default_factory=list)  # the other quotes of the same remark, as written

    KIND: ClassVar[str] = "quote"

    @property
    def said_by(self) -> str:
        """The speaker's name, the attribution, or 'unattributed'."""
        if self.speaker:
            return self.speaker.name
        return self.attribution or "unattributed"

    @property
    def label(self) -> str:
        """A short form: who said it."""
        return self.said_by


@dataclass(eq=False, slots=True, repr=False)
class Part(_Short):
    """A part of a document version (the plan's "packages")."""

    title: str
    summary: str | None = None
    threads: list[Thread] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)
    number: str | None = None
    status: str | None = None


@dataclass(eq=False, slots=True, repr=False)
class Version(_Short):
    """One version (or one account) of a document."""

    id: str
    label: str | None = None
    date: BriefDate | None = None
    points: int | None = None
    authors: list[Actor | Party] = field(default_factory=list)
    summary: str | None = None
    parts: list[Part] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)
    document: Document | None = None
    state: str | None = None
    signatories: list[Actor | Party] = field(default_factory=list)

    KIND: ClassVar[str] = "version"

    @property
    def name(self) -> str:
        """The version's label, or its id."""
        return self.label or self.id


@dataclass(eq=False, slots=True, repr=False)
class Document(_Short):
    """A text under negotiation, with its versions oldest first."""

    id: str
    title: str
    threads: list[Thread] = field(default_factory=list)
    versions: list[Version] = field(default_factory=list)

    KIND: ClassVar[str] = "document"

    @property
    def label(self) -> str:
        """The document's title."""
        return self.title


Item: TypeAlias = Party | Actor | Source | Thread | Event | Quote | Document | Version


@dataclass(eq=False, slots=True, repr=False)
class Briefing(_Short):
    """A whole briefing: its metadata and every item, references resolved."""

    id: str
    title: str
    as_of: BriefDate
    path: str = ""
    based_on: str | None = None
    timezone: str | None = None
    subtitle: str | None = None
    summary: str | None = None
    key_points: list[KeyPoint] = field(default_factory=list)
    updated: BriefDate | None = None
    language: str = "en"
    marking: str | None = None
    parties: list[Party] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    by_id: dict[str, Item] = field(default_factory=dict)
    later: Later | None = field(default=None, init=False)

    def get(self, item_id: str) -> Item | None:
        """The item with this id, or None (an item not built yet is built first)."""
        later = self.later
        if later is not None and later.may_hold(item_id):
            later()
        found: Item | None = _BRIEFING_BY_ID.__get__(self, Briefing).get(item_id)
        return found

    @property
    def event_count(self) -> int:
        """How many events the briefing has (without building them)."""
        later = self.later
        return later.event_count if later is not None else len(self.events)

    def address(self, item: Item) -> str:
        """An item's address, ``BRIEFING/ITEM``."""
        return f"{self.id}/{item.id}"

    def upcoming(self) -> list[Event]:
        """What comes next: scheduled, expected or postponed events not wholly before as_of, by date."""
        later = self.later
        if later is not None:
            return list(later.upcoming)
        return [
            e
            for e in self.events
            if e.status in UNDATED_STATUSES and (e.date is None or e.date.latest >= self.as_of.earliest)
        ]

    def sidebar_groups(self) -> list[tuple[str | None, list[Thread]]]:
        """Threads as format 1 lists them: those without a `group` first, under no heading (None),
        then each group under its heading, in the order first written."""
        ungrouped = [thread for thread in self.threads if not thread.group]
        grouped: dict[str, list[Thread]] = {}
        for thread in self.threads:
            if thread.group:
                grouped.setdefault(thread.group, []).append(thread)
        return ([(None, ungrouped)] if ungrouped else []) + list(grouped.items())

    def thread_groups(self) -> dict[str, list[Thread]]:
        """Threads by sidebar heading, in the order first written (ungrouped ones under "Threads").

        Format 1 lists ungrouped threads first and under no heading: see ``sidebar_groups``."""
        groups: dict[str, list[Thread]] = {}
        for thread in self.threads:
            groups.setdefault(thread.group or "Threads", []).append(thread)
        return groups


def _built_on_first_read(cls: type[Any], *names: str) -> Any:
    """Make each named list of ``cls`` build the briefing's ``later`` part when first read.

    The dataclass keeps its fields (its ``__init__``, ``fields()`` and ``replace`` are
    unchanged); a property takes the place of each slot's descriptor and reads through it.
    Returns the last slot's own descriptor, to read it without building.
    """
    slot: Any = None
    for name in names:
        slot = cls.__dict__[name]

        def read(self: Any, slot: Any = slot) -> Any:
            later = self.later
            if later is not None:
                later()
            return slot.__get__(self, cls)

        setattr(cls, name, property(read, slot.__set__, doc=f"{cls.__name__}.{name} (built on first read)"))
    return slot


_built_on_first_read(Thread, "events", "quotes")
_built_on_first_read(Actor, "events", "quotes")
_built_on_first_read(Event, "quotes")
_BRIEFING_BY_ID = _built_on_first_read(Briefing, "events", "quotes", "by_id")
