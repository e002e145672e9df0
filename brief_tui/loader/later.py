"""The parse cache's form of a briefing, in two parts: what the first frame shows, and the rest.

Unmarshalling and building a big briefing's events takes most of its cached open (about
100 ms at 10,000 events), yet the first frame shows only its threads and the overview. So
the cache keeps a briefing as a *head* (every item but the events and quotes, plus the
overview's upcoming events, the event count and a filter of the ids left) and a *tail* (the
other events, the quotes, and the events' order, as marshal bytes). A cached open builds
the head only; the tail is unmarshalled and built after the first frame, or as soon as
anything reads the event graph (``model.items.Later``).
"""

from __future__ import annotations

import gc
import marshal
import zlib
from collections.abc import Callable
from typing import Any

from brief_tui.loader.build import Builder, build_head, build_quotes, link_events, make_events
from brief_tui.loader.collector import collector_paused
from brief_tui.model.items import Briefing, Event, Later

__all__ = ["build_cached", "id_filter", "may_be_in", "split"]

_LATER = ("events", "quotes")
_BITS_PER_ID = 16
_HASHES = 4  # with 16 bits an id, about 1 in 400 other ids is taken for one of them


def id_filter(ids: list[str]) -> bytes:
    """A Bloom filter of ``ids``: about 2 bytes an id, where a set of them takes about 100.

    ``Briefing.get`` asks it whether an id may be among the items not built yet; a wrong
    "maybe" only builds the event graph early.
    """
    bits = max(64, len(ids) * _BITS_PER_ID)
    field = bytearray(bits // 8)
    for item_id in ids:
        for bit in _bits(item_id, bits):
            field[bit >> 3] |= 1 << (bit & 7)
    return bytes(field)


def may_be_in(field: bytes) -> Callable[[str], bool]:
    """Whether an id may be one of those ``field`` (from :func:`id_filter`) was made of."""
    bits = len(field) * 8

    def test(item_id: str) -> bool:
        return all(field[bit >> 3] & (1 << (bit & 7)) for bit in _bits(item_id, bits))

    return test


def _bits(item_id: str, bits: int) -> list[int]:
    data = item_id.encode()
    first, step = zlib.crc32(data), zlib.adler32(data) | 1
    return [(first + n * step) % bits for n in range(_HASHES)]


def split(plain: dict[str, Any], briefing: Briefing) -> tuple[dict[str, Any], bytes]:
    """The head and tail of a checked briefing's plain data (``briefing`` is built from it)."""
    events: list[Any] = plain.get("events", [])
    early = {event.order for event in briefing.upcoming()}
    head = {key: value for key, value in plain.items() if key not in _LATER}
    head["_upcoming"] = [(event.order, events[event.order]) for event in briefing.upcoming()]
    head["_event_count"] = len(events)
    later_ids = [fields[0] for order, fields in enumerate(events) if order not in early]
    head["_later_ids"] = id_filter([*later_ids, *(quote.id for quote in briefing.quotes)])
    tail = {
        "events": [None if order in early else fields for order, fields in enumerate(events)],
        "order": [event.order for event in briefing.events],
        "quotes": plain.get("quotes", []),
    }
    return head, marshal.dumps(tail)


def build_cached(head: dict[str, Any], tail: bytes, path: str, *, kept: bool = True) -> Briefing:
    """A briefing from its head; its event graph is built from ``tail`` when first asked for.

    ``kept``: the briefing lives as long as the process, so the graph joins the objects kept
    out of the collector's passes when the process has frozen any (a briefing read once, for a
    library's search index, must stay collectable).
    """
    b = Builder()
    briefing = build_head(b, head, path)
    upcoming = make_events(b, head["_upcoming"])
    briefing.by_id = b.by_id
    owners: list[Briefing | Any] = [briefing, *briefing.threads, *briefing.actors, *upcoming]

    def build_rest() -> None:
        with collector_paused():
            _build_tail(b, briefing, upcoming, marshal.loads(tail))
            for owner in owners:
                owner.later = None
            owners.clear()
        if kept and gc.get_freeze_count():
            gc.freeze()  # the process keeps its long-lived objects out of the collector's passes: these too

    later = Later(build_rest, head["_event_count"], may_be_in(head["_later_ids"]), upcoming)
    for owner in owners:
        owner.later = later
    return briefing


def _build_tail(b: Builder, briefing: Briefing, upcoming: list[Event], tail: dict[str, Any]) -> None:
    plain = tail["events"]
    rest = make_events(b, ((order, fields) for order, fields in enumerate(plain) if fields is not None))
    written: list[Event] = [None] * len(plain)  # type: ignore[list-item]
    for event in upcoming:
        written[event.order] = event
    for event in rest:
        written[event.order] = event
    link_events(briefing, [written[order] for order in tail["order"]])
    build_quotes(b, briefing, tail["quotes"])
    briefing.by_id = b.ordered(written, briefing.quotes)
