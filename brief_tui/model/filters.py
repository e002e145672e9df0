"""The filter language: what the ``f`` input, ``brief show --filter`` and ``brief search --filter`` read.

::

    party:ru,ua actor:witkoff status:open,stalled leaning:rejects grade:A-C
    after:2025-11 before:2025-12-07 kind:meeting group:"Core issues" changed bookmarked

Terms are ANDed, the comma-separated values of one term ORed. ``party:`` and ``actor:``
take ids or case-insensitive prefixes of a name (or of a word of it, or of an alias);
``status:``, ``leaning:`` and ``kind:`` take their vocabulary's words or prefixes of them;
``grade:`` takes source reliability letters (A best) or a range ``A-C``; ``after:`` and
``before:`` take a date and keep what *can* overlap it; ``group:`` a prefix of a sidebar
heading. Bare words (and ``"quoted phrases"``) search the items' own text as ``/`` does.

A filter narrows threads and events, each term by what it means for each:

- ``party``/``actor``: a thread's parties, actors and stance holders; an event's actors
  (and for actors, the speakers of its quotes).
- ``status``: a thread status keeps threads with it and the events of such threads; an
  event status keeps events with it and the threads that have such events.
- ``leaning``: threads with a stance of that leaning (held by the ``party``/``actor`` of
  the filter, when it names any: ``party:ru leaning:rejects`` is "what Russia rejects"),
  and their events. ``group``: threads under that heading and their events.
- ``kind``, ``after``, ``before``: events, and the threads that have such events (a
  thread's status history and stance dates count for the dates too).
- ``grade``: events citing such a source, threads citing one or having such events.
- ``changed``, ``bookmarked``: what the caller's predicates say (the reader's state store
  supplies them: items new or changed since last read, items bookmarked), and the threads
  of such events. Without a predicate a flag keeps nothing.

Other items are kept unless a term speaks of them directly: ``party``/``actor`` of an
actor, a party, a quote's speaker or a version's authors; ``grade`` of a source, a quote
or a version; dates of a quote or a version; words of any item; the flags of any item.

Reading never raises: a term brief cannot read becomes a message in
:attr:`Filter.problems` naming it, with a did-you-mean and the terms brief knows.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from brief_tui.model.dates import DateError, parse_date
from brief_tui.model.items import Briefing
from brief_tui.model.query import Query, parse_query
from brief_tui.model.vocab import EVENT_KINDS, EVENT_STATUSES, LEANINGS, RELIABILITY, THREAD_STATUSES

if TYPE_CHECKING:
    from brief_tui.model.filter_view import FilterView
    from brief_tui.model.search import Owner, SearchIndex

__all__ = ["FLAGS", "TERMS", "Filter", "Term", "parse_filter"]

TERMS = ("party", "actor", "status", "leaning", "grade", "after", "before", "kind", "group")
FLAGS = ("changed", "bookmarked")
EXAMPLES = {
    "party": "party:ru,ua",
    "actor": "actor:witkoff",
    "status": "status:open,stalled",
    "leaning": "leaning:rejects",
    "grade": "grade:A-C",
    "after": "after:2025-11",
    "before": "before:2025-12-07",
    "kind": "kind:meeting",
    "group": 'group:"Core issues"',
}
_VOCABULARY = {
    "status": (*THREAD_STATUSES, *EVENT_STATUSES),
    "leaning": LEANINGS,
    "kind": EVENT_KINDS,
}
_TOKEN = re.compile(r'(?:[^\s"]+|"[^"]*(?:"|$))+')
_NAMED = re.compile(r"([A-Za-z][A-Za-z_-]*):(.*)", re.DOTALL)
_VALUE = re.compile(r'(?:[^,"]+|"[^"]*(?:"|$))+')
_GRADE = re.compile(r"([A-Fa-f])(?:\s*-\s*([A-Fa-f]))?")
_MAX_SHOWN = 40


@dataclass(frozen=True, slots=True)
class Term:
    """One term as read: its name (``text`` for bare words), its values, and how it was written."""

    name: str
    values: tuple[str, ...]
    written: str


@dataclass(frozen=True, slots=True)
class Filter:
    """A read filter: its terms, and the problems of what could not be read (none when ``ok``)."""

    text: str
    terms: tuple[Term, ...] = ()
    problems: tuple[str, ...] = ()
    words: Query = field(default_factory=lambda: parse_query(""))

    @property
    def ok(self) -> bool:
        """Whether every term could be read."""
        return not self.problems

    @property
    def empty(self) -> bool:
        """Whether the filter keeps everything (no terms, no words)."""
        return not self.terms

    @property
    def chips(self) -> list[str]:
        """Each term as written, for the bar that shows the active filter."""
        return [term.written for term in self.terms]

    @property
    def flags(self) -> frozenset[str]:
        """The flags the filter uses (``changed``, ``bookmarked``): what the caller must ask the state for."""
        return frozenset(term.name for term in self.terms if term.name in FLAGS)

    def values(self, name: str) -> list[tuple[str, ...]]:
        """The values of each term of that name (several terms of one name are ANDed)."""
        return [term.values for term in self.terms if term.name == name]

    def apply(
        self,
        briefings: Sequence[Briefing],
        *,
        changed: Callable[[Owner], bool] | None = None,
        bookmarked: Callable[[Owner], bool] | None = None,
        index: SearchIndex | None = None,
    ) -> FilterView:
        """What this filter keeps of the briefings (see :func:`~brief_tui.model.filter_view.apply_filter`)."""
        from brief_tui.model.filter_view import apply_filter

        return apply_filter(self, briefings, changed=changed, bookmarked=bookmarked, index=index)


def parse_filter(text: str, briefings: Sequence[Briefing] = ()) -> Filter:
    """Read a filter; with briefings, also check that ``party``, ``actor`` and ``group`` name something."""
    terms: list[Term] = []
    problems: list[str] = []
    bare: list[str] = []
    for token in _TOKEN.findall(text):
        named = _NAMED.fullmatch(token)
        if named is None:
            if token.lower() in FLAGS:
                terms.append(Term(token.lower(), (), token.lower()))
            else:
                bare.append(token)
            continue
        name, raw = named.group(1).lower(), named.group(2)
        if name not in TERMS:
            problems.append(_unknown_term(name))
            continue
        values = tuple(v for v in (_unquote(v).strip() for v in _VALUE.findall(raw)) if v)
        problem = _check(name, values, briefings)
        if problem:
            problems.append(problem)
        else:
            terms.append(Term(name, _normalised(name, values), f"{name}:{raw}"))
    words = parse_query(" ".join(bare))
    if not words.empty:
        terms.append(Term("text", words.words, " ".join(bare)))
    return Filter(text, tuple(terms), tuple(problems), words)


def _unquote(value: str) -> str:
    return value.replace('"', "")


def _shown(value: str) -> str:
    """A value for a message: quoted, cut short (the message is cleaned where it is shown)."""
    cut = value if len(value) <= _MAX_SHOWN else value[: _MAX_SHOWN - 1] + "…"
    return f"'{cut}'"


def _did_you_mean(word: str, choices: Iterable[str], suffix: str = "") -> str:
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}{suffix}'?" if close else ""


def _unknown_term(name: str) -> str:
    known = ", ".join(f"{t}:" for t in TERMS)
    hint = _did_you_mean(name, TERMS, ":") or _did_you_mean(name, FLAGS)
    return f"unknown term {_shown(name + ':')}{hint} (terms: {known}, {', '.join(FLAGS)}, or words to search for)"


def _check(name: str, values: tuple[str, ...], briefings: Sequence[Briefing]) -> str | None:
    """Why a term's values cannot be read, or None."""
    if not values:
        return f"{name}: needs a value, as in {EXAMPLES[name]}"
    if name in _VOCABULARY:
        return _check_vocabulary(name, values)
    if name == "grade":
        bad = [v for v in values if _GRADE.fullmatch(v) is None]
        if bad:
            letters = "".join(RELIABILITY)
            value = _shown(bad[0])[1:-1]
            return f"grade:{value} is not a grade: give {letters[0]} to {letters[-1]} (A best) or a range, as in A-C"
        return None
    if name in ("after", "before"):
        if len(values) > 1:
            return f"{name}: takes one date, as in {EXAMPLES[name]}"
        try:
            parse_date(values[0])
        except DateError as error:
            return f"{name}: {error}"
        return None
    if briefings:
        return _check_names(name, values, briefings)
    return None


def _check_vocabulary(name: str, values: tuple[str, ...]) -> str | None:
    words = _VOCABULARY[name]
    for value in values:
        if not any(w.startswith(value.lower()) for w in words):
            hint = _did_you_mean(value, words)
            return f"{name}:{_shown(value)[1:-1]} is not a {name}{hint} ({name}: {', '.join(words)})"
    return None


def _check_names(name: str, values: tuple[str, ...], briefings: Sequence[Briefing]) -> str | None:
    """Whether each party, actor or group value names something in one of the briefings."""
    from brief_tui.model.filter_view import matches_name, names_of

    choices = names_of(name, briefings)
    for value in values:
        if not any(matches_name(value, id_, names) for id_, names in choices):
            ids = [id_ for id_, _ in choices]
            hint = _did_you_mean(value, ids)
            shown = ", ".join(ids[:8]) + (", …" if len(ids) > 8 else "")
            return f"{name}:{_shown(value)[1:-1]} names no {name}{hint} ({name}: {shown})"
    return None


def _normalised(name: str, values: tuple[str, ...]) -> tuple[str, ...]:
    """Vocabulary words expanded from their prefixes; grades as the letters they cover."""
    if name in _VOCABULARY:
        words = _VOCABULARY[name]
        return tuple(dict.fromkeys(w for v in values for w in words if w.startswith(v.lower())))
    if name == "grade":
        return tuple(sorted({letter for v in values for letter in _grade_letters(v)}))
    return values


def _grade_letters(value: str) -> str:
    match = _GRADE.fullmatch(value)
    assert match is not None  # checked before
    first, last = sorted((match.group(1).upper(), (match.group(2) or match.group(1)).upper()))
    return "".join(chr(c) for c in range(ord(first), ord(last) + 1))
