"""Which keys each kind of item has, and the rules that span several keys."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, Node

from brief_tui.model import vocab

if TYPE_CHECKING:
    from brief_tui.loader.json_schema import SchemaWriter
    from brief_tui.loader.schema import Walker

__all__ = ["after_item", "make_specs", "value_node"]

_SHORT = r"[A-Za-z0-9+]{1,5}"
_TOP_LISTS = ("parties", "actors", "sources", "threads", "events", "quotes", "documents")
_SINGULAR = {
    "parties": "party",
    "actors": "actor",
    "sources": "source",
    "threads": "thread",
    "events": "event",
    "quotes": "quote",
    "documents": "document",
}


# Each kind: its keys, each with what checks it, and the keys it requires.
Specs = dict[str, tuple[dict[str, Any], tuple[str, ...]]]


def make_specs(w: Walker | SchemaWriter) -> Specs:
    """Every kind's keys and the keys it requires: the one declaration of format 1's structure.

    With the loader's Walker, each key gets the handler that checks it; with a SchemaWriter,
    the JSON Schema of its value (see ``json_schema``), so the two cannot drift apart.
    """
    text, date, srcs, markdown = w.text, w.date, w.sources, w.markdown
    threads = w.refs_list("thread")
    specs: Specs = {
        "briefing": (
            {
                "brief": w.format_version,
                "id": w.identifier("briefing"),
                "title": text,
                "as_of": w.point_date,
                "based_on": text,
                "timezone": w.timezone,
                "subtitle": text,
                "summary": markdown,
                "key_points": w.statements("key point"),
                "updated": w.point_date,
                "language": w.language,
                "marking": text,
                **{key: w.items(_SINGULAR[key]) for key in _TOP_LISTS},
            },
            ("id", "title", "as_of"),  # a missing `brief` has its own message
        ),
        "party": (
            {
                "id": w.identifier("party"),
                "name": text,
                "short": w.matching(
                    _SHORT, "1 to 5 letters, digits or `+`, such as `UA`, `E3` or `P5+1`", code="bad-short"
                ),
                "color": text,
            },
            ("id", "name"),
        ),
        "actor": (
            {
                "id": w.identifier("actor"),
                "name": text,
                "role": text,
                "party": w.ref("party"),
                "aliases": w.texts,
            },
            ("id", "name"),
        ),
        "source": (
            {
                "id": w.identifier("source"),
                "name": text,
                "kind": w.choice(vocab.SOURCE_KINDS),
                "url": text,
                "via": w.ref("source"),
                "reliability": w.choice(tuple(vocab.RELIABILITY)),
                "note": text,
            },
            ("id", "name"),
        ),
        "citation": (
            {
                "source": w.ref("source"),
                "credibility": w.integer(1, 6),
                "note": text,
                "url": text,
                "locator": text,
                "accessed": w.point_date,
            },
            ("source",),
        ),
        "thread": (
            {
                "id": w.identifier("thread"),
                "title": text,
                "short_title": text,
                "group": text,
                "status": w.choice(vocab.THREAD_STATUSES),
                "confidence": w.choice(vocab.CONFIDENCES),
                "summary": markdown,
                "parties": w.refs_list("party"),
                "actors": w.refs_list("actor"),
                "positions": w.items("position"),
                "status_history": w.items("status change"),
                "open_questions": w.statements("open question"),
                "related": threads,
            },
            ("id", "title"),
        ),
        "position": (
            {
                "party": w.ref("party"),
                "actor": w.ref("actor"),
                "stance": text,
                "leaning": w.choice(vocab.LEANINGS),
                "as_of": date,
                "sources": srcs,
            },
            ("stance",),
        ),
        "status change": (
            {"date": date, "status": w.choice(vocab.THREAD_STATUSES), "note": text, "sources": srcs},
            ("date", "status"),
        ),
        "event": (
            {
                "id": w.identifier("event"),
                "date": date,
                "title": text,
                "kind": w.choice(vocab.EVENT_KINDS),
                "status": w.choice(vocab.EVENT_STATUSES),
                "threads": threads,
                "actors": w.refs_list("actor"),
                "place": text,
                "summary": markdown,
                "sources": srcs,
                "reported_on": date,
                "display_date": text,
                "likelihood": w.choice(vocab.LIKELIHOODS),
            },
            ("id",),  # `date` too, except on an event whose date is not set yet: see after_item
        ),
        "quote": (
            {
                "id": w.identifier("quote"),
                "text": text,
                "speaker": w.ref("actor"),
                "attribution": text,
                "date": date,
                "event": w.ref("event"),
                "threads": threads,
                "sources": srcs,
                "language": w.language,
                "same_as": w.ref("quote"),
            },
            ("id", "text"),
        ),
        "key point": ({"text": text, "sources": srcs}, ("text",)),
        "open question": ({"text": text, "sources": srcs}, ("text",)),
        "document": (
            {"id": w.identifier("document"), "title": text, "threads": threads, "versions": w.items("version")},
            ("id", "title"),
        ),
        "version": (
            {
                "id": w.identifier("version"),
                "label": text,
                "date": date,
                "points": w.integer(0, 10**6),
                "state": w.choice(vocab.VERSION_STATES),
                "authors": w.refs_list("actor", "party"),
                "signatories": w.refs_list("actor", "party"),
                "summary": markdown,
                "parts": w.items("part"),
                "sources": srcs,
            },
            ("id",),
        ),
        "part": (
            {
                "title": text,
                "number": text,
                "status": w.choice(vocab.PART_STATUSES),
                "summary": markdown,
                "threads": threads,
                "sources": srcs,
            },
            ("title",),
        ),
    }
    return specs


def value_node(node: Node, key: str) -> Node:
    """The value written under ``key`` in a mapping, or the mapping itself when absent."""
    if isinstance(node, MappingNode):
        for key_node, written in node.value:
            if key_node.value == key:
                return written  # type: ignore[no-any-return]
    return node


def after_item(w: Walker, kind: str, out: dict[str, Any], node: Node) -> None:
    """Rules that involve more than one key of an item."""
    if kind in ("status change", "version"):
        w.item_nodes[id(out)] = node
    elif kind == "event":
        status = out.get("status")
        if "date" not in out and status not in vocab.UNDATED_STATUSES and value_node(node, "date") is node:
            w.error(
                node,
                "an event needs `date`, which is missing here; only a scheduled, expected or postponed "
                "event may leave it out (no date yet)",
                code="missing-key",
            )
        if "likelihood" in out and status != "expected":
            w.error(
                value_node(node, "likelihood"),
                "`likelihood` is only for events with `status: expected`",
                code="likelihood-not-expected",
            )
        if "date" in out:
            w.timed["event"].append((out, node))
    elif kind == "position":
        if ("party" in out) == ("actor" in out):
            w.error(node, "a position needs either `party` or `actor` (one of them, not both)", code="position-holder")
        if "as_of" in out:
            w.timed["position"].append((out, node))
    elif kind == "quote":
        if "speaker" in out and "attribution" in out:
            w.error(node, "a quote has either `speaker` or `attribution`, not both", code="speaker-and-attribution")
        if "same_as" in out and out["same_as"] == out.get("id"):
            w.error(
                value_node(node, "same_as"),
                "`same_as` names the quote itself; it names another rendering",
                code="same-as-itself",
            )
        if "date" in out and "event" in out:
            w.timed["quote"].append((out, node))
    elif kind == "thread":
        _oldest_first(w, out.get("status_history", ()), node, "status_history", "entry")
    elif kind == "document":
        _oldest_first(w, out.get("versions", ()), node, "versions", "version")


def _oldest_first(w: Walker, entries: Any, node: Node, key: str, noun: str) -> None:
    dated = [entry for entry in entries if entry.get("date")]
    for previous, entry in itertools.pairwise(dated):
        if entry["date"][3] and previous["date"][2] and entry["date"][3][2] < previous["date"][2][1]:
            entry_node = w.item_nodes.get(id(entry), node)
            w.error(
                value_node(entry_node, "date") if entry_node is not node else node,
                f"`{key}` is listed oldest first, but this {noun} ({entry['date'][0]}) is dated before "
                f"the one above it ({previous['date'][0]})",
                code="order",
            )
            return
