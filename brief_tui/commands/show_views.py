"""``brief show`` for the views of issue 13: ``--as-of DATE``, ``--matrix``, ``--compare [V1 V2]``.

Each prints through the same blocks as the reader's screens, so the two agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief_tui.commands import say

if TYPE_CHECKING:
    import argparse

    from brief_tui.model import Briefing, Item
    from brief_tui.render.blocks import Block

__all__ = ["add_arguments", "travelled", "view_blocks"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The views' options."""
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="the briefing as known on DATE (2025-11-30): later events and versions hidden, statuses and "
        "stances as they were; uncertain dates count by their earliest possible moment",
    )
    parser.add_argument(
        "--matrix", action="store_true", help="the stance matrix: each party's latest leaning by thread"
    )
    parser.add_argument(
        "--compare",
        nargs="*",
        metavar="VERSION",
        help="on a document: compare two versions (ids; default: the last two), part by part",
    )


def travelled(prog: str, briefing: Briefing, date: str | None) -> Briefing | None:
    """The briefing as known on ``date`` (itself when None); None after saying what is wrong with the date."""
    if date is None:
        return briefing
    from brief_tui.model.as_of import as_known, known_on
    from brief_tui.model.dates import DateError

    try:
        return as_known(known_on(briefing, date))
    except DateError as error:
        say(prog, f"--as-of: {error}")
        return None


def view_blocks(prog: str, args: argparse.Namespace, briefing: Briefing, item: Item | None) -> list[Block] | int | None:
    """The blocks of ``--matrix`` or ``--compare``; an exit status after an error; None when neither was asked."""
    if args.matrix:
        from brief_tui.commands.output import width_from_env
        from brief_tui.model.as_of import known_of
        from brief_tui.render.stances import matrix_blocks

        known = known_of(briefing)
        return matrix_blocks(known.briefing, width_from_env(), known)
    if args.compare is not None:
        return _comparison(prog, args.compare, briefing, item)
    return None


def _comparison(prog: str, ids: list[str], briefing: Briefing, item: Item | None) -> list[Block] | int:
    from brief_tui.model import Document, Version
    from brief_tui.model.as_of import known_of
    from brief_tui.model.compare import compare_versions
    from brief_tui.render.versions import comparison_blocks

    document = item.document if isinstance(item, Version) else item
    if not isinstance(document, Document):
        say(prog, "--compare needs a document: brief show DOCUMENT --compare [V1 V2]")
        return 2
    if len(ids) not in (0, 2):
        say(prog, f"--compare takes two version ids or none (the last two), not {len(ids)}")
        return 2
    versions = known_of(briefing).versions(document)
    chosen = [next((v for v in versions if v.id == wanted), None) for wanted in ids]
    missing = [wanted for wanted, version in zip(ids, chosen, strict=True) if version is None]
    if missing:
        names = ", ".join(v.id for v in versions) or "none"
        say(prog, f"{', '.join(missing)}: not a version of {document.id} (its versions: {names})")
        return 1
    if len(versions) < 2:
        say(prog, f"{document.id} has {len(versions)} version(s): nothing to compare")
        return 1
    before, after = (chosen[0], chosen[1]) if ids else (versions[-2], versions[-1])
    return comparison_blocks(compare_versions(document, before, after))
