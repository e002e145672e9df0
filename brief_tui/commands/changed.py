"""``brief show --changed``: the digest of what changed since the reader last read, as text.

It only reads state: printing the digest marks nothing read, and a briefing never opened
in the reader has nothing to compare with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief_tui.model.changes import Changes, compare, digest_title

if TYPE_CHECKING:
    from brief_tui.commands.resolve import Found
    from brief_tui.model import Briefing
    from brief_tui.state import Store

__all__ = ["changes_since_read", "digest_lines", "show_changed"]


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


def show_changed(prog: str, found: Found, address: str | None) -> int:
    """Print the digest of the briefing an address names (of every briefing found, with none)."""
    from brief_tui.commands import print_broken, say
    from brief_tui.commands.resolve import AddressError, resolve
    from brief_tui.render.safe import clean
    from brief_tui.state import open_store

    print_broken(prog, found.broken)
    briefings = found.briefings
    if address or len(briefings) == 1:
        try:
            briefings = [resolve(address, found)[0]]
        except AddressError as error:
            say(prog, str(error))
            return 1
    store = open_store()
    blocks = [digest_lines(briefing, changes_since_read(briefing, store)) for briefing in briefings]
    for notice in store.take_notices():
        say(prog, notice)
    print(clean("\n\n".join("\n".join(lines) for lines in blocks)))
    return 0
