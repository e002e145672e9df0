"""The rows of "What changed since you last read": one per thing a returning reader should see."""

from __future__ import annotations

from brief_tui.model.changes import (
    EDITED,
    NEW_EVENTS,
    NEW_ITEMS,
    QUOTES,
    SECTIONS,
    SOURCES,
    STANCES,
    STATUS,
    VERSIONS,
    DigestRow,
    ItemSnapshot,
    Mark,
)
from brief_tui.model.items import Briefing, Event, Item, Quote, Source, Version

__all__ = ["digest_rows"]

QUOTE_CHARS = 70


def digest_rows(
    briefing: Briefing,
    now: dict[str, ItemSnapshot],
    marks: dict[str, Mark],
    before: dict[str, ItemSnapshot | None],
) -> list[DigestRow]:
    """The digest of the marked items, by section, events in date order, the rest as written."""
    rows: list[tuple[int, tuple[object, ...], int, DigestRow]] = []
    order = {item_id: n for n, item_id in enumerate(briefing.by_id)}
    for item_id, mark in marks.items():
        item = briefing.by_id[item_id]
        old = before.get(item_id)
        found = _new(item) if mark is Mark.NEW else _changed(item_id, now[item_id], old, briefing)
        for row in found:
            when = item.sort_key if isinstance(item, Event) else ()
            rows.append((SECTIONS.index(row.section), when, order[item_id], row))
    rows.sort(key=lambda entry: entry[:3])
    return [row for *_, row in rows]


def _new(item: Item) -> list[DigestRow]:
    """What to say of an item that was not there before."""
    if isinstance(item, Event):
        status = f" ({item.status})" if item.status else ""
        return [DigestRow(NEW_EVENTS, item.id, f"{item.shown_date} · {item.label}{status}")]
    if isinstance(item, Version):
        document = item.document.title if item.document else "A document"
        return [DigestRow(VERSIONS, item.id, f"{document}: new version {item.name}")]
    if isinstance(item, Quote):
        return [DigestRow(QUOTES, item.id, f"{item.said_by}: “{_shorten(item.text)}”")]
    if isinstance(item, Source):
        return [DigestRow(SOURCES, item.id, item.name)]
    return [DigestRow(NEW_ITEMS, item.id, f"New {item.KIND}: {item.label}")]


def _changed(item_id: str, now: ItemSnapshot, before: ItemSnapshot | None, briefing: Briefing) -> list[DigestRow]:
    """What to say of an item that was read before and has changed since."""
    if before is None:
        return [DigestRow(EDITED, item_id, f"{now.label}: edited")]
    rows: list[DigestRow] = []
    if now.status != before.status:
        rows.append(DigestRow(STATUS, item_id, f"{now.label}: {before.status or 'none'} → {now.status or 'none'}"))
    if now.date != before.date:
        rows.append(DigestRow(STATUS, item_id, f"{now.label}: moved {before.date or 'undated'} → {now.date}"))
    rows += _stance_rows(item_id, now, before)
    for source in sorted(set(now.sources) - set(before.sources)):
        cited = briefing.get(source)
        rows.append(DigestRow(SOURCES, item_id, f"{now.label}: now cites {cited.label if cited else source}"))
    if now.label != before.label:
        rows.append(DigestRow(EDITED, item_id, f"{now.label}: renamed from {before.label}"))
    explained = rows or set(now.versions) - set(before.versions)  # a new version has its own row
    if not explained:
        rows.append(DigestRow(EDITED, item_id, f"{now.label}: edited"))
    return rows


def _stance_rows(item_id: str, now: ItemSnapshot, before: ItemSnapshot) -> list[DigestRow]:
    """``Territory — RU: conditional → rejects``, per holder whose latest position changed."""
    rows = []
    for holder in [*now.stances, *(h for h in before.stances if h not in now.stances)]:
        new, old = now.stances.get(holder), before.stances.get(holder)
        if new == old:
            continue
        if new is None:
            assert old is not None
            text = f"{old[0]}: position withdrawn (was {old[1]})"
        elif old is None:
            text = f"{new[0]}: takes a position: {new[1]}"
        elif new[1] != old[1]:
            text = f"{new[0]}: {old[1]} → {new[1]}"
        else:
            text = f"{new[0]}: position reworded (still {new[1]})"
        rows.append(DigestRow(STANCES, item_id, f"{now.label} — {text}"))
    return rows


def _shorten(text: str) -> str:
    """A quote's first words on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1].rstrip() + "…"
