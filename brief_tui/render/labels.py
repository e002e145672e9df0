"""Glyphs and words for statuses, leanings and grades: one table for every view.

Every status reads by glyph and word, never by colour alone. The glyphs are chosen
from characters that common terminal fonts draw at one cell wide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief_tui.model.items import NO_DATE
from brief_tui.model.vocab import CREDIBILITY, RELIABILITY

if TYPE_CHECKING:
    from collections.abc import Sequence

    from brief_tui.model import BriefDate, Citation, Source

__all__ = [
    "EVENT_STATUS_GLYPHS",
    "LEANING_GLYPHS",
    "THREAD_STATUS_GLYPHS",
    "THREAD_STATUS_LETTERS",
    "citation_label",
    "claim_sourcing",
    "date_label",
    "event_status_label",
    "grade_chip",
    "leaning_label",
    "source_grade",
    "thread_status_label",
]

THREAD_STATUS_GLYPHS = {
    "open": "○",
    "progressing": "◔",
    "near-agreement": "◕",
    "agreed": "●",
    "stalled": "‖",
    "rejected": "✕",
    "closed": "■",
    "unknown": "?",
}
# One letter for the narrowest sidebar, distinct per status.
THREAD_STATUS_LETTERS = {
    "open": "O",
    "progressing": "P",
    "near-agreement": "N",
    "agreed": "A",
    "stalled": "S",
    "rejected": "R",
    "closed": "C",
    "unknown": " ",  # the glyph already says it: "??" read as broken text
}
EVENT_STATUS_GLYPHS = {
    "occurred": "●",
    "reported": "◉",
    "scheduled": "◇",
    "expected": "◌",
    "postponed": "»",
    "cancelled": "×",  # noqa: RUF001
}
LEANING_GLYPHS = {
    "proposes": "++",
    "supports": "+",
    "conditional": "±",
    "undecided": "~",
    "opposes": "-",
    "rejects": "--",
    "unknown": "?",
}


def thread_status_label(status: str) -> str:
    """``◕ near-agreement``: glyph and word."""
    return f"{THREAD_STATUS_GLYPHS.get(status, '?')} {status}"


def event_status_label(status: str | None) -> str:
    """``◇ scheduled``; events with no status read as occurred."""
    status = status or "occurred"
    return f"{EVENT_STATUS_GLYPHS.get(status, '●')} {status}"


def date_label(date: BriefDate | None, *, words: bool = True) -> str:
    """The date for a reader, with a word for its qualifier: ``2025-12-06? (uncertain)``;
    an interval reads ``2025-11 to 2025-12-06?``, an open end ``from 2025-11``, an open start
    (a deadline) ``by 2025-12``;
    an event's date not set yet reads "no date yet".
    ``words=False`` leaves the qualifier to its mark (``?``, ``~``), for narrow lists."""
    if date is None:
        return NO_DATE
    shown = date.text
    if date.interval:
        start = date.start.text if date.start else None
        end = date.end.text if date.end else None
        shown = f"{start} to {end}" if start and end else f"from {start}" if start else f"by {end}"
    if not words:
        return shown
    if date.uncertain and date.approximate:
        return f"{shown} (uncertain, approximate)"
    if date.uncertain:
        return f"{shown} (uncertain)"
    if date.approximate:
        return f"{shown} (approximate)"
    return shown


def source_grade(source: Source) -> str:
    """``B (usually reliable)``; a relayed source every grade of its chain,
    ``D (not usually reliable) via C (fairly reliable)``; or ``ungraded``."""
    words = [f"{grade} ({RELIABILITY.get(grade, '?')})" if grade else "ungraded" for grade in source.grades]
    return " via ".join(words) or "ungraded"


def grade_chip(source: Source) -> str:
    """The grade as a short chip, every grade of the relay chain: ``[C]``, ``[D via C]``, ``[ungraded]``."""
    return f"[{source.grade or 'ungraded'}]"


def citation_label(citation: Citation) -> str:
    """``Axios [B]`` or ``a second source, anonymous, via Axios [F via B] 2 probably true``:
    a relayed source shows every grade of its chain, never only the better one."""
    source = citation.source
    parts = [source.name]
    if source.anonymous:
        parts.append("anonymous")
    if source.via:
        parts.append(f"via {source.via.name}")
    label = ", ".join(parts)
    if source.grade:
        label += f" {grade_chip(source)}"
    if citation.credibility:
        label += f" {citation.credibility} {CREDIBILITY.get(citation.credibility, '')}".rstrip()
    return label


def leaning_label(leaning: str | None) -> str:
    """``++ proposes``: glyph and word; a missing leaning reads as unknown."""
    leaning = leaning or "unknown"
    return f"{LEANING_GLYPHS.get(leaning, '?')} {leaning}"


def claim_sourcing(citations: Sequence[Citation]) -> str | None:
    """A warning about how a claim is sourced: ``no source given``, ``anonymous sources only``, or None."""
    if not citations:
        return "no source given"
    if all(c.source.anonymous for c in citations):
        return "anonymous source only" if len(citations) == 1 else "anonymous sources only"
    return None
