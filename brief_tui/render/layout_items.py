"""Actors, parties, sources, quotes and documents (versions side by side) as text blocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from brief_tui.model import (
    Actor,
    Briefing,
    Citation,
    Document,
    Item,
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
from brief_tui.model.as_of import known_of
from brief_tui.render.blocks import (
    Block,
    Heading,
    Prose,
    Span,
    citations_line,
    event_line,
    field_line,
    header,
    item_ref,
    language_tag,
    line,
    listed,
    missing,
    names,
    position_row,
    quote_lines,
    remarks,
    section,
    span,
    thread_line,
)
from brief_tui.render.labels import date_label, grade_chip, source_grade
from brief_tui.render.safe import clean, clean_line

__all__ = [
    "render_actor",
    "render_document",
    "render_party",
    "render_quote",
    "render_source",
    "render_version",
]


def render_actor(actor: Actor, briefing: Briefing, base: int = 1) -> list[Block]:
    """An actor: role, party, aliases, the threads, events, positions and quotes they appear in."""
    blocks = header(actor, briefing, "actor", base)
    blocks.append(field_line("Role", span(actor.role) if actor.role else missing()))
    blocks.append(field_line("Party", item_ref(actor.party) if actor.party else missing()))
    if actor.aliases:
        blocks.append(field_line("Also known as", span(", ".join(actor.aliases))))
    blocks += section("Positions", _positions_of(actor, briefing), base)
    blocks += section("Threads", [thread_line(t) for t in actor.threads], base)
    blocks += section("Events", [event_line(e) for e in actor.events], base)
    blocks += section("Quotes", remarks(actor.quotes), base)
    return blocks


def render_party(party: Party, briefing: Briefing, base: int = 1) -> list[Block]:
    """A party: its actors, and its positions on every thread over time."""
    short = span(f" · {party.short}", "dim") if party.short else None
    blocks = header(party, briefing, "party", base, short)
    blocks += section(
        "Actors",
        [
            line(item_ref(a), span(f" — {a.role}", "dim") if a.role else None, indent=1, bullet=True)
            for a in briefing.actors
            if a.party is party
        ],
        base,
    )
    blocks += section("Positions", _positions_of(party, briefing), base)
    blocks += section("Threads", [thread_line(t) for t in briefing.threads if party in t.parties], base)
    return blocks


def render_source(source: Source, briefing: Briefing, base: int = 1) -> list[Block]:
    """A source: kind, grade, address, who relays it, and every claim that cites it."""
    blocks = header(source, briefing, "source", base, span(f" · {source.kind}", "dim") if source.kind else None)
    blocks.append(field_line("Reliability", Span(source_grade(source), "grade")))
    if source.anonymous:
        blocks.append(field_line("Named", Span("no: an anonymous source", "anon")))
    blocks.append(field_line("URL", span(source.url, "link", url=source.url) if source.url else missing()))
    if source.via:
        blocks.append(field_line("Via", item_ref(source.via), Span(f" {grade_chip(source.via)}", "grade")))
    if source.note:
        blocks.append(field_line("Note", span(source.note)))
    relayed = [line(item_ref(s), indent=1, bullet=True) for s in briefing.sources if s.via is source]
    blocks += section("Relays", relayed, base)
    blocks += section("Cited for", [line(*c, indent=1, bullet=True) for c in _claims_citing(source, briefing)], base)
    return blocks


Claim: TypeAlias = tuple[str, Item | None, object]


class _Index:
    """Who cites whom and who holds which position, found in one pass over a briefing."""

    # A plain class: a slotted dataclass costs milliseconds to build at import, on the first frame.
    __slots__ = ("briefing", "claims", "positions")

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.claims: dict[int, list[Claim]] = {}
        self.positions: dict[int, list[tuple[Thread, Position]]] = {}


_LAST: list[_Index] = []  # the index of the briefing rendered last (exports render every item of one)


def _index(briefing: Briefing) -> _Index:
    if _LAST and _LAST[0].briefing is briefing:
        return _LAST[0]
    index = _Index(briefing)

    def add(citations: Sequence[Citation], claim: Claim) -> None:
        for source in {id(c.source): c.source for c in citations}.values():
            index.claims.setdefault(id(source), []).append(claim)

    for point in briefing.key_points:
        add(point.sources, ("key point", None, point))
    for thread in briefing.threads:
        for question in thread.open_questions:
            add(question.sources, ("open question", thread, question))
        for position in thread.positions:
            index.positions.setdefault(id(position.holder), []).append((thread, position))
            add(position.sources, ("position", thread, position))
        for change in thread.status_history:
            add(change.sources, ("history", thread, change))
    for event in briefing.events:
        add(event.sources, ("event", event, None))
    for quote in briefing.quotes:
        add(quote.sources, ("quote", quote, None))
    for document in briefing.documents:
        for version in document.versions:
            add(version.sources, ("version", version, document))
            for part in version.parts:
                add(part.sources, ("part", version, part))
    _LAST[:] = [index]
    return index


def _claim_row(claim: Claim) -> tuple[Span | None, ...]:
    kind, item, detail = claim
    if isinstance(detail, (KeyPoint, OpenQuestion)):
        where = (Span(" of ", "dim"), item_ref(item)) if item is not None else ()
        return (Span(kind, "dim"), *where, Span(": ", "dim"), span(detail.text))
    if item is None:
        return (Span(kind, "dim"),)
    if isinstance(detail, Position):
        holder = detail.holder
        return (Span("position of ", "dim"), span(holder.name if holder else "?"), Span(" on ", "dim"), item_ref(item))
    if isinstance(detail, StatusChange):
        return (Span("status history of ", "dim"), item_ref(item), Span(f" ({detail.date.text})", "dim"))
    if isinstance(detail, Document):
        return (Span("version ", "dim"), item_ref(item), Span(" of ", "dim"), item_ref(detail))
    if isinstance(detail, Part):
        return (Span("part ", "dim"), span(detail.title), Span(" of ", "dim"), item_ref(item))
    return (Span(f"{kind} ", "dim"), item_ref(item))


def _claims_citing(source: Source, briefing: Briefing) -> list[tuple[Span | None, ...]]:
    return [_claim_row(claim) for claim in _index(briefing).claims.get(id(source), [])]


def _positions_of(holder: Party | Actor, briefing: Briefing) -> list[Block]:
    held = _index(briefing).positions.get(id(holder), [])
    return [block for thread, position in held for block in position_row(thread, position)]


def render_quote(quote: Quote, briefing: Briefing, base: int = 1) -> list[Block]:
    """A quote: the words, who said them, when, at which event, and the sources."""
    blocks = header(quote, briefing, "quote", base)
    blocks.append(line(span(f"“{quote.text}”", "quote"), language_tag(quote)))
    said = item_ref(quote.speaker) if quote.speaker else span(quote.said_by, "anon")
    blocks.append(field_line("Said by", said))
    blocks.append(field_line("Date", Span(date_label(quote.date)) if quote.date else missing()))
    if quote.event:
        blocks.append(field_line("At", item_ref(quote.event)))
    blocks.append(citations_line(quote.sources, 0))
    # The same remark in other words (a translation, another outlet's wording), each to follow.
    blocks += section("Other renderings", [b for q in quote.renderings for b in quote_lines(q)], base)
    blocks += listed("Threads", quote.threads, base)
    return blocks


def render_document(document: Document, briefing: Briefing, base: int = 1) -> list[Block]:
    """A document: its versions one after another (as known on the briefing's date), each with its facts,
    summary, sources and parts. Not side by side: a table of several versions broke words at 80 columns;
    two versions compared side by side is the comparison view's job (``c``, ``brief show --compare``)."""
    blocks = header(document, briefing, "document", base)
    for version in known_of(briefing).versions(document):
        blocks += _version_body(version, briefing, base + 1, within=True)
    blocks += listed("Threads", document.threads, base)
    return blocks


def _version_body(version: Version, briefing: Briefing, base: int, *, within: bool = False) -> list[Block]:
    blocks: list[Block] = [Heading(clean_line(version.name), base, anchor=version.id)]
    if not within:
        doc = version.document
        blocks.append(
            line(
                Span("version", "dim"),
                Span(" of ", "dim"),
                item_ref(doc) if doc else missing(),
            )
        )
    blocks.append(field_line("Date", Span(date_label(version.date)) if version.date else missing()))
    blocks.append(field_line("Points", Span(str(version.points)) if version.points is not None else missing()))
    if version.state:
        blocks.append(field_line("State", span(version.state, "status")))
    blocks += [b for b in (names(version.authors, label="Authors"),) if b]
    if version.summary:
        blocks.append(Prose(clean(version.summary)))
    blocks.append(citations_line(version.sources, 0))
    for part in version.parts:
        blocks.append(line(span(part.title, "label"), indent=1, bullet=True))
        if part.summary:
            blocks.append(Prose(clean(part.summary), indent=2))
        if part.threads:
            listed = names(part.threads, indent=2, label="threads")
            if listed:
                blocks.append(listed)
        blocks.append(citations_line(part.sources, 2))
    return blocks


def render_version(version: Version, briefing: Briefing, base: int = 1) -> list[Block]:
    """One version of a document on its own."""
    return _version_body(version, briefing, base)
