"""Slips of logic: a file that is valid but says something it cannot mean (warnings).

They compare dates, as plain tuples: ``(text, interval, start, end)``, each end
``(text, earliest, latest, ...)`` in microseconds, or None for an open end.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import Node

from brief_tui.loader.schema import Walker
from brief_tui.loader.specs import value_node
from brief_tui.loader.yaml_nodes import position

__all__ = ["warn_slips"]

_PAST = ("occurred", "reported")
_NOT_YET = ("scheduled", "expected")
_NEVER = 2**62


def _earliest(date: Any) -> int:
    return date[2][1] if date[2] else -_NEVER


def _latest(date: Any) -> int:
    return date[3][2] if date[3] else _NEVER


def _warn(w: Walker, node: Node, key: str, message: str, *, code: str) -> None:
    line, column = position(value_node(node, key))
    w.log.warning(line, column, message, code=code)


def warn_slips(w: Walker, as_of: Any) -> None:
    """Warn of every date that contradicts the briefing's as_of or another date of the file."""
    event_dates: dict[str, Any] = {}
    for event, node in w.timed["event"]:
        event_dates[event.get("id", "")] = event["date"]
        _event_slips(w, event, node, as_of)
    for position_, node in w.timed["position"]:
        if _earliest(position_["as_of"]) > _latest(as_of):
            _warn(
                w,
                node,
                "as_of",
                f"this position is as of {position_['as_of'][0]}, wholly after the briefing's as_of ({as_of[0]})",
                code="position-after-as-of",
            )
    for quote, node in w.timed["quote"]:
        said, held = quote["date"], event_dates.get(quote["event"])
        if held is not None and (_latest(said) < _earliest(held) or _earliest(said) > _latest(held)):
            _warn(
                w,
                node,
                "date",
                f"quote `{quote.get('id', '?')}` is dated {said[0]}, which cannot overlap the date of its "
                f"event `{quote['event']}` ({held[0]})",
                code="quote-outside-event",
            )


def _event_slips(w: Walker, event: dict[str, Any], node: Node, as_of: Any) -> None:
    status, date, name = event.get("status"), event["date"], event.get("id", "?")
    if status in _NOT_YET and _latest(date) < _earliest(as_of):
        message = f"event `{name}` is {status} but dated {date[0]}, wholly before as_of ({as_of[0]})"
        _warn(w, node, "date", message, code="scheduled-in-past")
    if status in _PAST and _earliest(date) > _latest(as_of):
        _warn(
            w,
            node,
            "date",
            f"event `{name}` is {status} but dated {date[0]}, wholly after as_of ({as_of[0]}); "
            "is it `expected` or `scheduled`, or is the date wrong?",
            code="past-after-as-of",
        )
    reported = event.get("reported_on")
    if status in _PAST and reported is not None and _latest(reported) < _earliest(date):
        _warn(
            w,
            node,
            "reported_on",
            f"event `{name}` is {status}, but reported on {reported[0]}, wholly before its date ({date[0]}); "
            "news of an event before it happens fits `expected` or `scheduled`",
            code="reported-before-date",
        )
