"""The texts of each item a reader may search for, named by field.

Search and the filter's bare words read items through :func:`item_fields`, so both see
the same texts: titles, summaries, stances, quotes, names and aliases, roles, source
names and notes, document versions and parts, open questions, key points and places.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from brief_tui.model.items import (
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

__all__ = ["MARKDOWN_FIELDS", "item_fields"]

Fields = Iterator[tuple[str, str]]
MARKDOWN_FIELDS = frozenset({"summary", "part summary"})
"""The fields written in Markdown (FORMAT.md's summaries): the reader sees their words, not their marks."""


def item_fields(owner: Item | Briefing) -> Fields:
    """``(field, text)`` for every non-empty text of an item (or a briefing's overview)."""
    # By the nearest kind: a briefing as known on a date (time travel) is a Briefing too.
    kind = next(k for k in type(owner).__mro__ if k in _BY_KIND)
    for name, text in _BY_KIND[kind](owner):
        if text:
            yield name, text


def _notes(citations: Iterable[Citation]) -> Fields:
    for citation in citations:
        if citation.note:
            yield "source note", citation.note


def _briefing(briefing: Briefing) -> Fields:
    yield "title", briefing.title
    yield "subtitle", briefing.subtitle or ""
    yield "summary", briefing.summary or ""
    for point in briefing.key_points:
        yield "key point", point.text
        yield from _notes(point.sources)


def _thread(thread: Thread) -> Fields:
    yield "title", thread.title
    yield "summary", thread.summary or ""
    for position in thread.positions:
        holder = position.holder
        yield (f"stance of {holder.label}" if holder else "stance"), position.stance
        yield from _notes(position.sources)
    for change in thread.status_history:
        yield "status note", change.note or ""
        yield from _notes(change.sources)
    for question in thread.open_questions:
        yield "open question", question.text
        yield from _notes(question.sources)


def _event(event: Event) -> Fields:
    yield "title", event.title or ""
    yield "summary", event.summary or ""
    yield "place", event.place or ""
    yield from _notes(event.sources)


def _actor(actor: Actor) -> Fields:
    yield "name", actor.name
    for alias in actor.aliases:
        yield "alias", alias
    yield "role", actor.role or ""


def _party(party: Party) -> Fields:
    yield "name", party.name
    yield "short name", party.short or ""


def _source(source: Source) -> Fields:
    yield "name", source.name
    yield "note", source.note or ""


def _quote(quote: Quote) -> Fields:
    yield "quote", quote.text
    yield "attribution", quote.attribution or ""
    yield from _notes(quote.sources)


def _document(document: Document) -> Fields:
    yield "title", document.title


def _version(version: Version) -> Fields:
    yield "version", version.label or ""
    yield "summary", version.summary or ""
    for part in version.parts:
        yield "part", part.title
        yield "part summary", part.summary or ""
        yield from _notes(part.sources)
    yield from _notes(version.sources)


_BY_KIND: dict[type, Callable[[Any], Fields]] = {
    Briefing: _briefing,
    Thread: _thread,
    Event: _event,
    Actor: _actor,
    Party: _party,
    Source: _source,
    Quote: _quote,
    Document: _document,
    Version: _version,
}
