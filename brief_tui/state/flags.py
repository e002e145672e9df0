"""What the state store says for the filter's flags: the items changed since last read, the items bookmarked.

``brief show --filter changed`` / ``brief search --filter bookmarked`` and the reader's ``f``
read them here, so the command line and the reader agree. Reading marks nothing read.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from brief_tui.model.changes import compare

if TYPE_CHECKING:
    from brief_tui.model import Briefing
    from brief_tui.state.store import Store

__all__ = ["Flags", "read_flags"]


@dataclass(slots=True)
class Flags:
    """Item ids by briefing id, for each flag; and the briefings never read (nothing in them is "changed")."""

    changed: dict[str, set[str]] = field(default_factory=dict)
    bookmarked: dict[str, set[str]] = field(default_factory=dict)
    never_read: list[str] = field(default_factory=list)


def read_flags(store: Store, briefings: Iterable[Briefing], wanted: Collection[str]) -> Flags:
    """The ids the ``wanted`` flags keep in each briefing (only those asked for are read)."""
    flags = Flags()
    for briefing in briefings:
        if "bookmarked" in wanted:
            flags.bookmarked[briefing.id] = store.bookmarked(briefing.id)
        if "changed" in wanted:
            if store.known(briefing.id):
                changes = compare(briefing, store.seen(briefing.id), store.last_read(briefing.id))
                flags.changed[briefing.id] = set(changes.marks)
            else:
                flags.never_read.append(briefing.id)
    return flags
