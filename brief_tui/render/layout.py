"""Items of a briefing as blocks: the overview, threads and events, and the dispatch for every kind.

The one layout of every item, written out by every surface: the detail pane
(:mod:`brief_tui.render.detail_rows`), ``brief show`` (:mod:`brief_tui.commands.output`),
and the exports (:mod:`brief_tui.render.export_md`, :mod:`brief_tui.render.export_html`).
Every heading and label is written here once. The other kinds are in
:mod:`brief_tui.render.layout_items`. Nothing here imports Rich or Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import TypeVar

from brief_tui.model import (
    Actor,
    Briefing,
    Document,
    Event,
    Item,
    KeyPoint,
    OpenQuestion,
    Party,
    Position,
    Source,
    Thread,
    Version,
)
from brief_tui.model.as_of import TRAVEL_NOTE, KnownOn, known_of
from brief_tui.model.matrix import StatusStep, status_steps
from brief_tui.render.blocks import (
    Block,
    Heading,
    Line,
    Prose,
    Span,
    Table,
    address,
    badge,
    citation_rows,
    citations_line,
    event_line,
    field_line,
    header,
    item_ref,
    line,
    listed,
    missing,
    remarks,
    section,
    span,
    thread_line,
)
from brief_tui.render.labels import date_label, event_status_label, leaning_label, source_grade, thread_status_label
from brief_tui.render.layout_items import (
    render_actor,
    render_document,
    render_party,
    render_quote,
    render_source,
    render_version,
)
from brief_tui.render.safe import clean, clean_line
from brief_tui.render.stances import CHANGED_MARK

__all__ = [
    "render_briefing",
    "render_event",
    "render_item",
    "render_overview",
    "render_thread",
    "sources_cited",
]

T = TypeVar("T")

# Lists on the overview longer than this are cut, with a count of the rest: the sidebar
# and the timeline show everything, and the overview must stay quick to draw.
OVERVIEW_LIMIT = 30
# Undated positions sort first.
_UNDATED = (datetime(1, 1, 1, tzinfo=timezone.utc), 0)


def render_overview(
    briefing: Briefing, base: int = 1, *, summary: bool = True, lists: bool = True, whole: Briefing | None = None
) -> list[Block]:
    """The briefing's front page, what a reader needs first at the top: as of, what comes next,
    the key points, where each thread stands; then the summary, the lists, what it is based on.

    ``lists=False`` leaves out the documents, parties, actors and sources (an export lists them in full).
    ``whole`` is the briefing a filter narrowed to ``briefing``: what comes next says what the filter hides.
    """
    blocks: list[Block] = []
    if briefing.marking:
        blocks.append(line(span(f" {briefing.marking} ", "banner")))
    # The briefing's id may equal an item's (they are unique in different scopes): the item keeps the anchor.
    anchor = None if briefing.get(briefing.id) else briefing.id
    blocks.append(Heading(clean_line(briefing.title), base, anchor=anchor))
    if briefing.subtitle:
        blocks.append(line(span(briefing.subtitle, "dim")))
    known = known_of(briefing)
    if known.travelling:
        blocks.append(line(Span(known.label, "banner")))
        blocks.append(line(Span(TRAVEL_NOTE.format(as_of=date_label(known.briefing.as_of)), "dim")))
    updated = Span(f" · updated {date_label(briefing.updated)}", "dim") if briefing.updated else None
    blocks.append(field_line("As of", Span(date_label(briefing.as_of), "status"), updated))
    upcoming = _limited(briefing.upcoming(), event_line)
    blocks += section("Upcoming", upcoming or [line(missing(_nothing_upcoming(whole)), indent=1)], base)
    blocks += section("Key points", [b for p in briefing.key_points for b in _claim(p)], base)
    blocks += section("Threads", _threads(briefing), base)
    if summary and briefing.summary:
        blocks += section("Summary", [Prose(clean(briefing.summary))], base)
    if lists:
        documents = _limited(briefing.documents, lambda d: _document_line(d, known.versions(d)))
        blocks += section("Documents", documents, base)
        blocks += section("Parties", _limited(briefing.parties, _party_line), base)
        blocks += section("Actors", _limited(briefing.actors, _actor_line), base)
        blocks += section("Sources", _limited(briefing.sources, _source_line), base)
    blocks.append(field_line("Based on", span(briefing.based_on) if briefing.based_on else missing()))
    blocks.append(field_line("Briefing", span(briefing.id, "dim")))
    return blocks


def _claim(claim: KeyPoint | OpenQuestion) -> list[Block]:
    """A key point or open question as a list row, its sources under it like any claim's (when given)."""
    row = line(span(claim.text), indent=1, bullet=True)
    return [row, citations_line(claim.sources, 2)] if claim.sources else [row]


def _limited(items: Sequence[T], row: Callable[[T], Line]) -> list[Line]:
    """The rows of the first :data:`OVERVIEW_LIMIT` items, with a count of the rest (the sidebar
    lists everything); the rest are never laid out."""
    rows = [row(item) for item in items[:OVERVIEW_LIMIT]]
    if len(items) > OVERVIEW_LIMIT:
        rows.append(line(missing(f"… and {len(items) - OVERVIEW_LIMIT} more"), indent=1))
    return rows


def _nothing_upcoming(whole: Briefing | None) -> str:
    """What an empty Upcoming says: a filter's overview does not claim nothing is scheduled."""
    hidden = len(whole.upcoming()) if whole is not None else 0
    if hidden:
        return f"none that the filter keeps ({hidden} hidden by it)"
    return "nothing scheduled or expected"


def _threads(briefing: Briefing) -> list[Block]:
    """Threads under their groups; past the limit, a count per status."""
    known = known_of(briefing)
    if len(briefing.threads) > OVERVIEW_LIMIT:
        counts: dict[str, int] = {}
        for thread in briefing.threads:
            status = known.status(thread)
            counts[status] = counts.get(status, 0) + 1
        ranked = sorted(counts.items(), key=lambda pair: -pair[1])
        return [line(Span(f"{count:>4}  "), badge(thread_status_label(status)), indent=1) for status, count in ranked]
    # As the sidebar lists them: threads without a group first, under no heading, then each group.
    threads: list[Block] = []
    for group, members in briefing.sidebar_groups():
        if group is not None:
            threads.append(line(span(group, "label")))
        threads += [thread_line(t, status=known.status(t)) for t in members]
    return threads


def _party_line(party: Party) -> Line:
    return line(item_ref(party), span(f" ({party.short})", "dim") if party.short else None, indent=1, bullet=True)


def _actor_line(actor: Actor) -> Line:
    return line(item_ref(actor), span(f", {actor.role}", "dim") if actor.role else None, indent=1, bullet=True)


def _source_line(source: Source) -> Line:
    return line(item_ref(source), Span(f"  {source_grade(source)}", "grade"), indent=1, bullet=True)


def _positions(thread: Thread, base: int, known: KnownOn) -> list[Block]:
    # Each holder's positions together, holders in the order first written; a change of leaning marked.
    holders: dict[int, tuple[Party | Actor | None, list[Position]]] = {}
    for position in known.positions(thread):
        holders.setdefault(id(position.holder), (position.holder, []))[1].append(position)
    body: list[Block] = []
    for holder, positions in holders.values():
        named = item_ref(holder) if holder else missing("holder not given")
        ordered = sorted(positions, key=lambda p: p.as_of.sort_key() if p.as_of else _UNDATED)
        if len(ordered) > 1:
            body.append(line(named, indent=1))
        previous: str | None = None
        for position in ordered:
            when = Span(date_label(position.as_of), "label") if position.as_of else missing("undated")
            leaning = badge(leaning_label(position.leaning or "unknown"))
            now = position.leaning or "unknown"
            changed = Span(f"  {CHANGED_MARK} was {previous}", "status") if previous not in (None, now) else None
            previous = now
            # A holder of one position names it on the same line; the stance stands on its own
            # lines under its leaning, the words a reader came for, unbroken.
            lead = (named, Span("  ")) if len(ordered) == 1 else ()
            indent = 1 if len(ordered) == 1 else 2
            body.append(line(*lead, leaning, Span("  "), when, changed, indent=indent, bullet=True))
            body.append(line(span(position.stance), indent=indent + 1))
            body.append(citations_line(position.sources, indent + 1))
    return section("Positions", body, base)


def render_thread(thread: Thread, briefing: Briefing, base: int = 1) -> list[Block]:
    """A thread: status, summary, positions over time, history, questions, related items."""
    # One line under the title says what it is and where it stands: status, confidence, group.
    group = span(f" · {thread.group}", "dim") if thread.group else None
    confidence = (
        Span(f" · confidence {thread.confidence}", "dim") if thread.confidence else missing(" · confidence not given")
    )
    known = known_of(briefing)
    status = badge(thread_status_label(known.status(thread)))
    blocks: list[Block] = [Heading(clean_line(thread.title), base, anchor=thread.id), line(status, confidence, group)]
    if thread.summary:
        blocks += section("Summary", [Prose(clean(thread.summary))], base)
    blocks += _positions(thread, base, known)
    steps = status_steps(thread, known)
    history: list[Block] = [_steps_line(steps)] if len(steps) > 1 else []
    for change in (step.change for step in steps):
        note = span(f" — {change.note}") if change.note else None
        history.append(
            line(
                Span(date_label(change.date), "label"),
                Span("  "),
                badge(thread_status_label(change.status)),
                note,
                indent=1,
                bullet=True,
            )
        )
        history.append(citations_line(change.sources, 2))
    blocks += section("Status history", history, base)
    blocks += section("Open questions", [b for q in thread.open_questions for b in _claim(q)], base)
    blocks += section("Related threads", [thread_line(t) for t in thread.related], base)
    blocks += section("Events", [event_line(e) for e in known.thread_events(thread)], base)
    blocks += section("Quotes", remarks([q for q in thread.quotes if known.knows_quote(q)]), base)
    blocks += section("Documents", [_document_line(d, known.versions(d)) for d in thread.documents], base)
    blocks += listed("Parties", thread.parties, base)
    blocks += listed("Actors", thread.actors, base)
    return blocks


def _steps_line(steps: list[StatusStep]) -> Line:
    """The status history as one row of dated steps: ``2025-11 ○ open → 2025-12-05~ ○ open (again)``."""
    spans: list[Span] = []
    for step in steps:
        if spans:
            spans.append(Span(" → ", "dim"))
        spans.append(Span(f"{date_label(step.date)} ", "label"))
        spans.append(badge(thread_status_label(step.status), "" if step.changed else " (again)"))
    return Line(tuple(spans), 1)


def _document_line(document: Document, versions: Sequence[Version]) -> Line:
    count = f" — {len(versions)} version{'s' * (len(versions) != 1)}"
    versions_named = ", ".join(clean_line(v.name) for v in versions)
    shown = count + (f": {versions_named}" if versions_named else "")
    return line(item_ref(document), Span(shown, "dim"), indent=1, bullet=True)


def render_event(event: Event, briefing: Briefing, base: int = 1) -> list[Block]:
    """An event: when (and how sure), status, likelihood, place, who, which threads, sources."""
    kind = span(f" · {event.kind}", "dim") if event.kind else None
    blocks = header(event, briefing, "event", base, kind)
    if event.display_date:
        blocks.append(field_line("Date", span(event.display_date), Span(f" — {date_label(event.date)}", "dim")))
    else:
        blocks.append(field_line("Date", Span(date_label(event.date))))
    blocks.append(field_line("Status", badge(event_status_label(event.status))))
    if event.likelihood:
        blocks.append(field_line("Likelihood", span(event.likelihood.replace("-", " "))))
    if event.reported_on:
        blocks.append(field_line("Reported on", Span(date_label(event.reported_on))))
    blocks.append(field_line("Place", span(event.place) if event.place else missing()))
    if event.summary:
        blocks += section("Summary", [Prose(clean(event.summary))], base)
    blocks += section("Sources", citation_rows(event.sources), base)
    blocks += section("Threads", [thread_line(t) for t in event.threads], base)
    blocks += section("Quotes", remarks(event.quotes), base)
    blocks += listed("Actors", event.actors, base)
    return blocks


def render_item(item: Item, briefing: Briefing, base: int = 1) -> list[Block]:
    """Any item, by its kind."""
    renderers = {
        "thread": render_thread,
        "event": render_event,
        "actor": render_actor,
        "party": render_party,
        "source": render_source,
        "quote": render_quote,
        "document": render_document,
        "version": render_version,
    }
    blocks: list[Block] = renderers[item.KIND](item, briefing, base)  # type: ignore[operator]
    blocks.append(address(item, briefing))
    return blocks


def sources_cited(blocks: Sequence[Block], briefing: Briefing, base: int = 1) -> list[Block]:
    """A closing list of every source the blocks cite: id, grade, kind and relay."""
    seen: dict[str, Source] = {}
    for block in blocks:
        spans: Iterable[Span] = ()
        if isinstance(block, Line):
            spans = block.spans
        elif isinstance(block, Table):
            spans = (s for _, cells in block.rows for cell in cells for s in cell)
        for item in spans:
            if item.style in ("cite", "anon") and item.ref:
                source = briefing.get(item.ref)
                if isinstance(source, Source):
                    seen.setdefault(source.id, source)
    rows: list[Block] = []
    for source in seen.values():
        kind = f", {source.kind}" if source.kind else ""
        via = [Span(", via "), item_ref(source.via)] if source.via else []
        rows.append(
            line(
                span(source.id, "ref"),
                Span("  "),
                span(source.name),
                Span(kind, "dim"),
                Span(f", {source_grade(source)}", "grade"),
                *via,
                indent=1,
                bullet=True,
            )
        )
    return section("Sources cited", rows, base)


def render_briefing(briefing: Briefing) -> Iterator[Block]:
    """The whole briefing, for exports: the overview, then every item under its kind (made as written out)."""
    yield from render_overview(briefing, 1, lists=False)
    for group, members in briefing.sidebar_groups():
        yield Heading(f"Threads: {clean_line(group)}" if group is not None else "Threads", 2)
        for thread in members:
            yield from render_thread(thread, briefing, 3)
    kinds: list[tuple[str, Sequence[Item]]] = [
        ("Timeline", briefing.events),
        ("Documents", briefing.documents),
        ("Quotes", briefing.quotes),
        ("Parties", briefing.parties),
        ("Actors", briefing.actors),
        ("Sources", briefing.sources),
    ]
    for title, items in kinds:
        if items:
            yield Heading(title, 2)
            for item in items:
                yield from render_item(item, briefing, 3)
