"""What the detail pane shows for each kind of item, as rows of text and references.

A row with a ``target`` is a reference the reader can follow; every other row is text.
The rows are built from the model alone, so they can be tested without a screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from brief_tui.model import (
    CREDIBILITY,
    Actor,
    Briefing,
    Citation,
    Document,
    Event,
    Item,
    Party,
    Quote,
    Source,
    Thread,
    Version,
)
from brief_tui.render.labels import (
    LEANING_GLYPHS,
    claim_sourcing,
    date_label,
    event_status_label,
    source_grade,
    thread_status_label,
)
from brief_tui.render.markdown import render_markdown
from brief_tui.render.safe import clean_line, text

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

__all__ = ["Overview", "Row", "rows_for"]

# Lists on the overview longer than this are cut, with a count of the rest: the sidebar
# and the timeline show everything, and the overview must stay quick to draw.
OVERVIEW_LIMIT = 30


class Overview:
    """Stands for the briefing's overview in the sidebar and the detail pane."""

    KIND = "overview"

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.id = briefing.id


Shown = Item | Overview


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the detail pane: text, and what following it opens (if anything)."""

    content: RenderableType
    target: Shown | None = None
    url: str | None = None


def rows_for(item: Shown, briefing: Briefing) -> list[Row]:
    """The rows that show ``item``."""
    builders = {
        "overview": _overview,
        "thread": _thread,
        "event": _event,
        "actor": _actor,
        "party": _party,
        "source": _source,
        "quote": _quote,
        "document": _document,
        "version": _version,
    }
    rows = list(builders[item.KIND](item, briefing))  # type: ignore[operator]
    first = rows[0].content if rows else None
    if isinstance(first, Text) and first.plain.startswith("\n"):
        # A heading opens with a blank line to set it off; not at the very top.
        rows[0] = Row(first[1:], rows[0].target, rows[0].url)
    return rows


def title_of(item: Shown) -> Text:
    """The pane title for an item."""
    if isinstance(item, Overview):
        return text(item.briefing.title, one_line=True)
    if isinstance(item, Version):
        return text(item.name, one_line=True)
    if isinstance(item, Quote):
        return text(f"Quote: {item.said_by}", one_line=True)
    return text(item.label, one_line=True)


# Building blocks ---------------------------------------------------------------


def _heading(label: str) -> Row:
    return Row(Text(f"\n{label}", style="bold underline"))


def _field(name: str, value: str | None) -> Iterator[Row]:
    if value:
        line = Text(f"{name}: ", style="bold")
        line.append_text(text(value))
        yield Row(line)


def _missing(name: str) -> Row:
    return Row(Text(f"{name}: not given", style="dim italic"))


def _indented(content: Text, indent: int) -> RenderableType:
    """Text whose wrapped lines keep the indent of the first."""
    if not indent:
        return content
    from rich.padding import Padding

    return Padding(content, (0, 0, 0, indent))


def _ref(item: Shown, label: Text | str, *, indent: int = 2, hang: bool = False) -> Row:
    # Most references are one short line: plain leading spaces. Only long ones (citations)
    # get a Padding that keeps wrapped lines indented; one per row would cost start-up time
    # on an overview with dozens of references.
    line = Text("→ ", style="bold")
    line.append_text(label if isinstance(label, Text) else text(label, one_line=True))
    if hang:
        return Row(_indented(line, indent), target=item)
    return Row(Text(" " * indent) + line, target=item)


def _summary(markdown: str | None) -> Iterator[Row]:
    if not markdown:
        return
    rendered = render_markdown(markdown)
    for index, block in enumerate(rendered.blocks):
        if index and not block.plain.startswith((" ", "•")) and not block.plain[:1].isdigit():
            yield Row(Text(""))
        yield Row(block)
    for link in rendered.links:
        if link.item_id is not None:
            continue
        yield Row(text(f"  {link.label}: {link.target}", one_line=True), url=link.target)


def _summary_links(markdown: str | None, briefing: Briefing) -> Iterator[Row]:
    if not markdown:
        return
    for link in render_markdown(markdown).links:
        target = briefing.get(link.item_id) if link.item_id else None
        if target is not None:
            yield _ref(target, link.label)


def _citations(citations: Iterable[Citation], *, indent: int = 4) -> Iterator[Row]:
    for citation in citations:
        yield _ref(citation.source, _citation_text(citation), indent=indent, hang=True)


def _citation_text(citation: Citation) -> Text:
    source = citation.source
    line = text(source.name, one_line=True)
    details = []
    if source.anonymous:
        details.append("anonymous")
    if source.via:
        details.append(f"via {source.via.name}")
    details.append(f"grade {source.reliability}" if source.reliability else "ungraded")
    if citation.credibility:
        details.append(f"credibility {citation.credibility} {CREDIBILITY.get(citation.credibility, '')}".rstrip())
    line.append(" (" + ", ".join(text(d, one_line=True).plain for d in details) + ")", style="dim")
    if citation.note:
        line.append(" " + text(citation.note, one_line=True).plain, style="italic")
    return line


def _sourcing(citations: list[Citation]) -> Iterator[Row]:
    warning = claim_sourcing(citations)
    if warning:
        yield Row(Text(f"    {warning}", style="italic"))


def _event_line(event: Event) -> Text:
    line = Text(event_status_label(event.status).split(" ")[0] + " ", style="bold")
    line.append(text(event.shown_date, one_line=True).plain + "  ", style="dim")
    line.append_text(text(event.label, one_line=True))
    return line


def _thread_line(thread: Thread) -> Text:
    line = Text(thread_status_label(thread.status) + "  ", style="bold")
    line.append_text(text(thread.title, one_line=True))
    return line


def _quote_line(quote: Quote) -> Text:
    words = quote.text if len(quote.text) <= 60 else quote.text[:59] + "…"
    line = text(f"“{words}”", one_line=True)
    line.append(" — " + text(quote.said_by, one_line=True).plain, style="italic")
    return line


def _refs(heading: str, items: Iterable[Shown], limit: int | None = None) -> Iterator[Row]:
    items = list(items)
    if not items:
        return
    yield _heading(heading)
    for item in items[:limit]:
        yield _ref(item, _label(item))
    if limit is not None and len(items) > limit:
        yield Row(Text(f"  … and {len(items) - limit} more", style="dim italic"))


def _label(item: Shown) -> Text:
    if isinstance(item, Event):
        return _event_line(item)
    if isinstance(item, Thread):
        return _thread_line(item)
    if isinstance(item, Quote):
        return _quote_line(item)
    if isinstance(item, Actor) and item.role:
        line = text(item.name, one_line=True)
        line.append(", " + text(item.role, one_line=True).plain, style="dim")
        return line
    if isinstance(item, Party):
        line = text(item.name, one_line=True)
        if item.short:
            line.append(f" ({clean_line(item.short)})", style="dim")
        return line
    if isinstance(item, Source):
        line = text(item.name, one_line=True)
        line.append(f"  {source_grade(item)}", style="dim")
        return line
    return title_of(item)


# Items ---------------------------------------------------------------------------


def _overview(item: Overview, briefing: Briefing) -> Iterator[Row]:
    if briefing.marking:
        yield Row(text(f" {briefing.marking} ", style="reverse bold", one_line=True))
    if briefing.subtitle:
        yield Row(text(briefing.subtitle, style="italic"))
    yield from _field("As of", date_label(briefing.as_of))
    yield from _field("Based on", briefing.based_on)
    # What a reader needs in the first minute comes first: the takeaways, what comes
    # next, where each thread stands; the long summary after.
    if briefing.key_points:
        yield _heading("Key points")
        for point in briefing.key_points:
            yield Row(_indented(Text("• ") + text(point.text), 0))
    yield from _refs("Upcoming", briefing.upcoming(), OVERVIEW_LIMIT)
    if len(briefing.threads) <= OVERVIEW_LIMIT:
        for group, threads in briefing.thread_groups().items():
            yield from _refs(group, threads)
    else:
        yield from _status_counts(briefing)
    if briefing.summary:
        yield _heading("Summary")
        yield from _summary(briefing.summary)
        yield from _summary_links(briefing.summary, briefing)
    yield from _refs("Documents", briefing.documents, OVERVIEW_LIMIT)
    yield from _refs("Parties", briefing.parties, OVERVIEW_LIMIT)
    yield from _refs("People", briefing.actors, OVERVIEW_LIMIT)
    yield from _refs("Sources", briefing.sources, OVERVIEW_LIMIT)


def _status_counts(briefing: Briefing) -> Iterator[Row]:
    """Where many threads stand, as a count per status (the sidebar lists them all)."""
    yield _heading(f"{len(briefing.threads)} threads")
    counts: dict[str, int] = {}
    for thread in briefing.threads:
        counts[thread.status] = counts.get(thread.status, 0) + 1
    for status, count in sorted(counts.items(), key=lambda pair: -pair[1]):
        yield Row(Text(f"  {count:>4}  {thread_status_label(status)}"))


def _thread(thread: Thread, briefing: Briefing) -> Iterator[Row]:
    status = Text(thread_status_label(thread.status), style="bold")
    if thread.confidence:
        status.append(f"   confidence: {thread.confidence}")
    if thread.group:
        status.append("   ").append_text(text(thread.group, style="dim", one_line=True))
    yield Row(status)
    yield from _summary(thread.summary)
    yield from _summary_links(thread.summary, briefing)
    if thread.positions:
        yield _heading("Positions")
        for position in thread.positions:
            holder = position.holder
            line = Text(f"{LEANING_GLYPHS.get(position.leaning or 'unknown', '?'):>2} ", style="bold")
            line.append_text(text(holder.label if holder else "?", style="bold", one_line=True))
            line.append(f" {position.leaning or 'leaning not given'}")
            if position.as_of:
                line.append(f"  as of {date_label(position.as_of)}", style="dim")
            yield Row(_indented(line, 2), target=holder)
            yield Row(_indented(text(position.stance), 5))
            yield from _citations(position.sources, indent=5)
            yield from _sourcing(position.sources)
    else:
        yield _heading("Positions")
        yield Row(Text("  no positions given", style="dim italic"))
    if thread.status_history:
        yield _heading("Status over time")
        for change in thread.status_history:
            line = Text(f"  {date_label(change.date)}  ", style="dim")
            line.append(thread_status_label(change.status), style="bold")
            if change.note:
                line.append("  ").append_text(text(change.note))
            yield Row(line)
            yield from _citations(change.sources, indent=5)
    if thread.open_questions:
        yield _heading("Open questions")
        for question in thread.open_questions:
            yield Row(Text("  ? ", style="bold") + text(question.text))
    yield from _refs("Related threads", thread.related)
    yield from _refs("Events", thread.events)
    yield from _refs("Quotes", thread.quotes)
    yield from _refs("Documents", thread.documents)
    yield from _refs("Parties", thread.parties)
    yield from _refs("People", thread.actors)


def _event(event: Event, briefing: Briefing) -> Iterator[Row]:
    yield Row(Text(event_status_label(event.status), style="bold"))
    yield from _field("Date", date_label(event.date))
    yield from _field("When", event.display_date)
    if event.date is not None and event.date.earliest > briefing.as_of.latest:
        yield Row(Text("After the briefing's as-of date", style="italic"))
    yield from _field("Likelihood", event.likelihood)
    yield from _field("Kind", event.kind)
    yield from _field("Place", event.place)
    if event.reported_on:
        yield from _field("Reported on", date_label(event.reported_on))
    yield from _summary(event.summary)
    yield from _summary_links(event.summary, briefing)
    yield _heading("Sources")
    yield from _citations(event.sources, indent=2)
    yield from _sourcing(event.sources)
    yield from _refs("Threads", event.threads)
    yield from _refs("People", event.actors)
    yield from _refs("Quotes", event.quotes)


def _actor(actor: Actor, briefing: Briefing) -> Iterator[Row]:
    if actor.role:
        yield from _field("Role", actor.role)
    else:
        yield _missing("Role")
    if actor.party:
        yield _ref(actor.party, actor.party.name, indent=0)
    if actor.aliases:
        yield from _field("Also", ", ".join(actor.aliases))
    yield from _refs("Threads", actor.threads)
    yield from _refs("Events", actor.events)
    yield from _refs("Quotes", actor.quotes)


def _party(party: Party, briefing: Briefing) -> Iterator[Row]:
    yield from _field("Short", party.short)
    yield from _refs("People", [a for a in briefing.actors if a.party is party])
    yield from _refs("Threads", [t for t in briefing.threads if party in t.parties])
    stances = [(t, p) for t in briefing.threads for p in t.positions if p.party is party]
    if stances:
        yield _heading("Positions")
        for thread, position in stances:
            line = Text(f"  {position.leaning or 'unknown'} on ", style="bold")
            line.append_text(text(thread.title, one_line=True))
            yield Row(line, target=thread)
            yield Row(_indented(text(position.stance), 5))


def _source(source: Source, briefing: Briefing) -> Iterator[Row]:
    yield from _field("Kind", source.kind)
    yield from _field("Grade", source_grade(source))
    if source.url:
        yield Row(text(f"URL: {source.url}", one_line=True), url=source.url)
    if source.via:
        yield _ref(source.via, Text("via ") + text(source.via.name, one_line=True), indent=0)
    yield from _field("Note", source.note)
    if source.anonymous:
        yield Row(Text("An anonymous source: claims resting on it alone are marked so.", style="italic"))
    yield from _refs("Cited for", _citing(source, briefing))


def _citing(source: Source, briefing: Briefing) -> Iterator[Shown]:
    def cites(citations: list[Citation]) -> bool:
        return any(c.source is source for c in citations)

    for thread in briefing.threads:
        if any(cites(p.sources) for p in thread.positions) or any(cites(s.sources) for s in thread.status_history):
            yield thread
    yield from (e for e in briefing.events if cites(e.sources))
    yield from (q for q in briefing.quotes if cites(q.sources))
    for document in briefing.documents:
        yield from (v for v in document.versions if cites(v.sources) or any(cites(p.sources) for p in v.parts))
    yield from (s for s in briefing.sources if s.via is source)


def _quote(quote: Quote, briefing: Briefing) -> Iterator[Row]:
    yield Row(text(f"“{quote.text}”", style="italic"))
    if quote.speaker:
        yield _ref(quote.speaker, Text("— ") + _label(quote.speaker), indent=0)
    else:
        yield Row(Text("— ") + text(quote.attribution or "unattributed"))
    if quote.date:
        yield from _field("Date", date_label(quote.date))
    if quote.event:
        yield _ref(quote.event, Text("at ") + _event_line(quote.event), indent=0)
    yield _heading("Sources")
    yield from _citations(quote.sources, indent=2)
    yield from _sourcing(quote.sources)
    yield from _refs("Threads", quote.threads)


def _document(document: Document, briefing: Briefing) -> Iterator[Row]:
    if document.versions:
        yield _heading("Versions side by side")
        yield Row(_versions_table(document.versions))
    yield from _refs("Versions", document.versions)
    yield from _refs("Threads", document.threads)


def _versions_table(versions: list[Version]) -> Table:
    from rich.table import Table  # only documents need it; kept off the start-up path

    table = Table(box=None, padding=(0, 1), show_header=True, header_style="bold", expand=True)
    for version in versions:
        table.add_column(text(version.name, one_line=True), ratio=1, overflow="fold")
    cells: list[list[Text]] = [[] for _ in versions]
    for cell, version in zip(cells, versions, strict=True):
        cell.append(text(date_label(version.date) if version.date else "date not given", style="dim"))
        cell.append(Text(f"{version.points} points" if version.points is not None else "points not given"))
        if version.authors:
            cell.append(text("by " + ", ".join(a.name for a in version.authors)))
        for part in version.parts:
            cell.append(Text("• ") + text(part.title))
        sources = ", ".join(c.source.name for c in version.sources)
        cell.append(text(f"per {sources}" if sources else "unsourced", style="italic"))
    table.add_row(*(Text("\n").join(cell) for cell in cells))
    return table


def _version(version: Version, briefing: Briefing) -> Iterator[Row]:
    if version.document:
        yield _ref(version.document, Text("of ") + text(version.document.title, one_line=True), indent=0)
    yield from _field("Date", date_label(version.date) if version.date else None)
    yield from _field("Points", str(version.points) if version.points is not None else None)
    yield from _refs("Authors", version.authors)
    yield from _summary(version.summary)
    if version.parts:
        yield _heading("Parts")
        for part in version.parts:
            yield Row(Text("  • ", style="bold") + text(part.title, style="bold"))
            if part.summary:
                for block in render_markdown(part.summary).blocks:
                    yield Row(_indented(block, 4))
            for thread in part.threads:
                yield _ref(thread, _thread_line(thread), indent=4)
            yield from _citations(part.sources, indent=4)
    yield _heading("Sources")
    yield from _citations(version.sources, indent=2)
    yield from _sourcing(version.sources)
