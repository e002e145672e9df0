"""A briefing as JSON: a faithful, deterministic dump of what the file says, references as ids.

Keys come in a fixed order, items in the order written, dates as written; fields the
briefing leaves out are left out. C1 controls and bidi overrides are written as
``\\uXXXX`` escapes so the output is safe to print to a terminal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from brief_tui.model import (
    Actor,
    BriefDate,
    Briefing,
    Citation,
    Document,
    Event,
    KeyPoint,
    OpenQuestion,
    Party,
    Position,
    Quote,
    Source,
    StatusChange,
    Thread,
    Version,
)
from brief_tui.model.vocab import FORMAT_VERSION

__all__ = ["FORMAT_VERSION", "briefing_data", "dump", "export_json"]

# json.dumps(ensure_ascii=False) already escapes C0 controls; these it leaves raw.
_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]")

Data = dict[str, Any]


def dump(data: object) -> str:
    """JSON text, indented, keys in the order given, terminal-safe; ends with a newline."""
    out = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", out) + "\n"


def _compact(pairs: Sequence[tuple[str, object]]) -> Data:
    """A mapping without the fields left out (None or empty)."""
    return {key: value for key, value in pairs if value is not None and value != []}


def _date(date: BriefDate | None) -> str | None:
    return date.text if date else None


def _ids(items: Sequence[Party | Actor | Source | Thread | Event | Quote | Document | Version]) -> list[str]:
    return [item.id for item in items]


def _citations(citations: Sequence[Citation]) -> list[object]:
    out: list[object] = []
    for citation in citations:
        pairs = [
            ("source", citation.source.id),
            ("credibility", citation.credibility),
            ("note", citation.note),
            ("url", citation.url),
            ("locator", citation.locator),
            ("accessed", _date(citation.accessed)),
        ]
        mapping = _compact(pairs)
        out.append(mapping if len(mapping) > 1 else citation.source.id)
    return out


def _claims(claims: Sequence[KeyPoint | OpenQuestion]) -> list[Data]:
    """Key points or open questions, each as ``{text, sources}`` (sources left out when none given)."""
    return [_compact([("text", claim.text), ("sources", _citations(claim.sources))]) for claim in claims]


def _position(position: Position) -> Data:
    return _compact(
        [
            ("party", position.party.id if position.party else None),
            ("actor", position.actor.id if position.actor else None),
            ("stance", position.stance),
            ("leaning", position.leaning),
            ("as_of", _date(position.as_of)),
            ("sources", _citations(position.sources)),
        ]
    )


def _change(change: StatusChange) -> Data:
    pairs = [("date", change.date.text), ("status", change.status), ("note", change.note)]
    return _compact([*pairs, ("sources", _citations(change.sources))])


def _thread(thread: Thread) -> Data:
    return _compact(
        [
            ("id", thread.id),
            ("title", thread.title),
            ("short_title", thread.short_title),
            ("group", thread.group),
            ("status", thread.status),
            ("confidence", thread.confidence),
            ("summary", thread.summary),
            ("parties", _ids(thread.parties)),
            ("actors", _ids(thread.actors)),
            ("positions", [_position(p) for p in thread.positions]),
            ("status_history", [_change(c) for c in thread.status_history]),
            ("open_questions", _claims(thread.open_questions)),
            ("related", _ids(thread.related)),
        ]
    )


def _event(event: Event) -> Data:
    return _compact(
        [
            ("id", event.id),
            ("date", _date(event.date)),
            ("title", event.title),
            ("kind", event.kind),
            ("status", event.status),
            ("threads", _ids(event.threads)),
            ("actors", _ids(event.actors)),
            ("place", event.place),
            ("summary", event.summary),
            ("sources", _citations(event.sources)),
            ("reported_on", _date(event.reported_on)),
            ("display_date", event.display_date),
            ("likelihood", event.likelihood),
        ]
    )


def _quote(quote: Quote) -> Data:
    return _compact(
        [
            ("id", quote.id),
            ("text", quote.text),
            ("speaker", quote.speaker.id if quote.speaker else None),
            ("attribution", quote.attribution),
            ("date", _date(quote.date)),
            ("event", quote.event.id if quote.event else None),
            ("threads", _ids(quote.threads)),
            ("sources", _citations(quote.sources)),
            ("language", quote.language),
            ("same_as", quote.same_as.id if quote.same_as else None),
        ]
    )


def _version(version: Version) -> Data:
    parts = [
        _compact(
            [
                ("title", part.title),
                ("number", part.number),
                ("status", part.status),
                ("summary", part.summary),
                ("threads", _ids(part.threads)),
                ("sources", _citations(part.sources)),
            ]
        )
        for part in version.parts
    ]
    return _compact(
        [
            ("id", version.id),
            ("label", version.label),
            ("date", _date(version.date)),
            ("state", version.state),
            ("points", version.points),
            ("authors", _ids(version.authors)),
            ("signatories", _ids(version.signatories)),
            ("summary", version.summary),
            ("parts", parts),
            ("sources", _citations(version.sources)),
        ]
    )


def briefing_data(briefing: Briefing) -> Data:
    """The briefing as plain data in format 1's shape."""
    parties = [
        _compact([("id", p.id), ("name", p.name), ("short", p.short), ("color", p.color)]) for p in briefing.parties
    ]
    actors = [
        _compact(
            [
                ("id", a.id),
                ("name", a.name),
                ("role", a.role),
                ("party", a.party.id if a.party else None),
                ("aliases", list(a.aliases)),
            ]
        )
        for a in briefing.actors
    ]
    sources = [
        _compact(
            [
                ("id", s.id),
                ("name", s.name),
                ("kind", s.kind),
                ("url", s.url),
                ("via", s.via.id if s.via else None),
                ("reliability", s.reliability),
                ("note", s.note),
            ]
        )
        for s in briefing.sources
    ]
    documents = [
        _compact(
            [
                ("id", d.id),
                ("title", d.title),
                ("threads", _ids(d.threads)),
                ("versions", [_version(v) for v in d.versions]),
            ]
        )
        for d in briefing.documents
    ]
    return _compact(
        [
            ("brief", FORMAT_VERSION),
            ("id", briefing.id),
            ("title", briefing.title),
            ("as_of", briefing.as_of.text),
            ("based_on", briefing.based_on),
            ("timezone", briefing.timezone),
            ("subtitle", briefing.subtitle),
            ("summary", briefing.summary),
            ("key_points", _claims(briefing.key_points)),
            ("updated", _date(briefing.updated)),
            ("language", briefing.language),
            ("marking", briefing.marking),
            ("parties", parties),
            ("actors", actors),
            ("sources", sources),
            ("threads", [_thread(t) for t in briefing.threads]),
            ("events", [_event(e) for e in briefing.events]),
            ("quotes", [_quote(q) for q in briefing.quotes]),
            ("documents", documents),
        ]
    )


def export_json(briefing: Briefing) -> str:
    """The briefing as JSON text."""
    return dump(briefing_data(briefing))
