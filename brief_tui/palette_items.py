"""The command palette over every item: threads, events, actors, parties, sources, quotes,
documents and their versions, and the briefings of a library, ranked by Textual's fuzzy matcher.

Labels are built once per set of briefings (a 10,000-event briefing has some 13,000) and
are literal text: a title is content and is never read as markup. Choosing one asks the
screen to open it (``open_item``), in its own briefing when a library is open.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit
from textual.content import Content

from brief_tui.model import Actor, Briefing, Document, Event, Party, Quote, Source, Thread, Version
from brief_tui.render.safe import clean_line

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from textual.fuzzy import Matcher
    from textual.screen import Screen

    from brief_tui.model.search import Owner

__all__ = ["Jump", "item_hits", "jumps"]

QUOTE_CHARS = 48
_YIELD_EVERY = 500  # give the event loop a turn while matching thousands of labels
# The labels of the last briefings asked for: the palette opens again and again on the same ones.
_LAST: list[tuple[list[Briefing], list[Jump]]] = []


@dataclass(frozen=True, slots=True)
class Jump:
    """One palette entry: what it reads, the line under it, and where it goes."""

    label: str
    help: str
    briefing: Briefing
    item: Owner


def jumps(briefings: Sequence[Briefing]) -> list[Jump]:
    """Every item of the briefings as a palette entry, threads first (the likeliest jump)."""
    several = len(briefings) > 1
    out: list[Jump] = []
    for briefing in briefings:
        where = f" · {briefing.id}" if several else ""
        if several:
            out.append(Jump(f"Briefing: {clean_line(briefing.title)}", f"briefing · {briefing.id}", briefing, briefing))
        for item, label, help_text in _entries(briefing):
            out.append(
                Jump(f"{item.KIND.capitalize()}: {clean_line(label)}", clean_line(help_text) + where, briefing, item)
            )
    return out


def _entries(
    briefing: Briefing,
) -> Iterator[tuple[Thread | Event | Actor | Party | Source | Quote | Document | Version, str, str]]:
    for thread in briefing.threads:
        yield thread, thread.title, f"thread · {thread.status}" + (f" · {thread.group}" if thread.group else "")
    for actor in briefing.actors:
        yield actor, actor.name, "actor" + (f" · {actor.role}" if actor.role else "")
    for party in briefing.parties:
        yield party, party.name, "party" + (f" · {party.short}" if party.short else "")
    for event in briefing.events:
        when = event.date.text if event.date is not None else event.shown_date  # a date, not "Monday"
        yield event, event.label, f"event · {when}" + (f" · {event.kind}" if event.kind else "")
    for document in briefing.documents:
        yield document, document.title, "document"
        for version in document.versions:
            yield version, f"{document.title}, {version.name}", "version"
    for source in briefing.sources:
        yield source, source.name, "source" + (f" · {source.reliability}" if source.reliability else "")
    for quote in briefing.quotes:
        words = quote.text if len(quote.text) <= QUOTE_CHARS else quote.text[: QUOTE_CHARS - 1] + "…"
        yield quote, f"{quote.said_by}: “{words}”", "quote"


def _jumps_of(screen: Screen[object]) -> list[Jump]:
    found = getattr(screen, "search_briefings", None)
    briefings = list(found()) if callable(found) else []
    # Identity, not equality: the held list keeps the old briefings alive, so ids are not reused.
    if not _LAST or [id(b) for b in _LAST[0][0]] != [id(b) for b in briefings]:
        _LAST[:] = [(briefings, jumps(briefings))]
    return _LAST[0][1]


async def item_hits(screen: Screen[object], matcher: Matcher) -> AsyncIterator[Hit]:
    """A palette hit for every item whose label matches; choosing one calls ``screen.open_item``."""
    opener = getattr(screen, "open_item", None)
    for number, jump in enumerate(_jumps_of(screen)):
        if number % _YIELD_EVERY == _YIELD_EVERY - 1:
            await asyncio.sleep(0)
        score = matcher.match(jump.label)
        if score > 0:
            prompt = Content.assemble(_highlight(matcher, jump.label), "\n", Content(jump.help).stylize("dim"))
            callback = partial(opener, jump.briefing, jump.item) if opener is not None else _nothing
            yield Hit(score, prompt, callback, text=jump.label)


def _nothing() -> None:
    return None


def _highlight(matcher: Matcher, label: str) -> Content:
    """The label with the matched letters marked (never read as markup)."""
    content = Content(label)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
