"""``brief show --changed``: the digest of what changed since the reader last read, as text.

It only reads state: printing the digest marks nothing read, and a briefing never opened
in the reader has nothing to compare with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief_tui.model.changes import Changes, compare, digest_title

if TYPE_CHECKING:
    from brief_tui.model import Briefing
    from brief_tui.state import Store

__all__ = ["changes_since_read", "digest_lines"]


def changes_since_read(briefing: Briefing, store: Store) -> Changes | None:
    """The briefing set against what was last read, or None when it was never opened."""
    if not store.known(briefing.id):
        return None
    return compare(briefing, store.seen(briefing.id), store.last_read(briefing.id))


def digest_lines(briefing: Briefing, changes: Changes | None) -> list[str]:
    """The digest as lines of plain text (content still to be made safe by the writer)."""
    if changes is None:
        return [
            f"{briefing.title}: not read in brief yet, so there is nothing to compare.",
            "Open it once (brief or brief open); later edits are listed here.",
        ]
    lines = [digest_title(changes.since), briefing.title]
    if not changes.digest:
        return [*lines, "", "Nothing has changed since you last read."]
    section = None
    for row in changes.digest:
        if row.section != section:
            section = row.section
            lines += ["", section]
        mark = changes.marks.get(row.item_id)
        sign = mark.label if mark else ""
        lines.append(f"  {sign:<10} {row.text} [{briefing.id}/{row.item_id}]")
    return lines
