"""The briefing model: plain Python, no Textual, no Rich."""

from __future__ import annotations

from brief_tui.model.dates import BriefDate, DateError, DatePoint, Precision, parse_date, parse_timezone
from brief_tui.model.items import (
    Actor,
    Briefing,
    Citation,
    Document,
    Event,
    Item,
    Part,
    Party,
    Position,
    Quote,
    Source,
    StatusChange,
    Thread,
    Version,
)
from brief_tui.model.vocab import (
    CONFIDENCES,
    CREDIBILITY,
    EVENT_KINDS,
    EVENT_STATUSES,
    LEANINGS,
    LIKELIHOODS,
    RELIABILITY,
    SOURCE_KINDS,
    THREAD_STATUSES,
)

__all__ = [
    "CONFIDENCES",
    "CREDIBILITY",
    "EVENT_KINDS",
    "EVENT_STATUSES",
    "LEANINGS",
    "LIKELIHOODS",
    "RELIABILITY",
    "SOURCE_KINDS",
    "THREAD_STATUSES",
    "Actor",
    "BriefDate",
    "Briefing",
    "Citation",
    "DateError",
    "DatePoint",
    "Document",
    "Event",
    "Item",
    "Part",
    "Party",
    "Position",
    "Precision",
    "Quote",
    "Source",
    "StatusChange",
    "Thread",
    "Version",
    "parse_date",
    "parse_timezone",
]
