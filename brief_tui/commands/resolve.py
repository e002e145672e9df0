"""Finding briefings for the text commands, and resolving an address to an item.

An address is ``BRIEFING/ITEM`` (FORMAT.md), or ``ITEM`` alone when it names one
item in the briefings found, or a briefing's id (its overview). Anything else is an
:class:`AddressError` naming the nearest ids.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brief_tui.loader import BriefingError
    from brief_tui.model import Briefing, Item

__all__ = ["AddressError", "Found", "UsageError", "find_briefings", "looks_like_path", "nearest", "resolve"]


class UsageError(Exception):
    """A command line that cannot be run as given (exit status 2)."""


class AddressError(Exception):
    """An address that names nothing, or more than one thing (exit status 1)."""


@dataclass(slots=True)
class Found:
    """The briefings read from some paths, and the files that could not be read."""

    briefings: list[Briefing] = field(default_factory=list)
    broken: list[BriefingError] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """What was wrong with the reader's library settings (``config.yaml``, ``$BRIEF_LIBRARY``)."""

    def by_id(self, briefing_id: str) -> Briefing | None:
        """The briefing with this id, or None."""
        return next((b for b in self.briefings if b.id == briefing_id), None)


def cache_wanted(no_cache: bool = False) -> bool:
    """Whether to use the parse cache (``--no-cache`` or ``BRIEF_NO_CACHE`` turn it off).

    ``BRIEF_NO_CACHE`` is read in one place, the loader's ``cache_disabled``, so ``0`` means
    the same (cache on) everywhere.
    """
    from brief_tui.loader.cache import cache_disabled

    return not (no_cache or cache_disabled())


def find_briefings(paths: Sequence[str], *, cache: bool = True) -> Found:
    """Load briefing files and library directories; none given, the library ``brief`` opens
    (the built-in one and the reader's folders from ``config.yaml`` or ``$BRIEF_LIBRARY``)."""
    from brief_tui.loader import load_library

    targets = [Path(p) for p in paths]
    problems: list[str] = []
    if not targets:
        from brief_tui.library_config import reader_library

        reader = reader_library()
        targets, problems = [root for root, _ in reader.roots], reader.problems
    for target in targets:
        if not target.exists():
            raise UsageError(f"no such file or directory: {target}")
    library = load_library(targets, cache=cache)
    return Found([result.briefing for result in library.results], list(library.broken), problems)


def looks_like_path(value: str) -> bool:
    """Whether a command-line word names a briefing file or a folder rather than an address."""
    path = Path(value)
    return path.exists() and (path.is_dir() or path.suffix.lower() in (".yaml", ".yml"))


CLOSE_ENOUGH = 0.72
"""How alike (difflib's ratio) a suggestion must be: at 0.5, ``nosuch`` suggested ``one-source``."""


def nearest(word: str, candidates: Sequence[str], count: int = 3) -> list[str]:
    """The candidates most like ``word``, best first.

    Addresses are compared by their item part (after the briefing's ``id/``): a shared
    briefing prefix would make every item of the briefing look alike.
    """
    briefings = [c for c in candidates if "/" not in c] if "/" not in word else []
    close = difflib.get_close_matches(word, briefings, n=count, cutoff=CLOSE_ENOUGH)
    tail = word.rsplit("/", 1)[-1]
    by_tail: dict[str, list[str]] = {}
    for candidate in candidates:
        by_tail.setdefault(candidate.rsplit("/", 1)[-1], []).append(candidate)
    for match in difflib.get_close_matches(tail, list(by_tail), n=count, cutoff=CLOSE_ENOUGH):
        close += [c for c in by_tail[match] if c not in close]
    return close[:count]


def _candidates(found: Found, *, full: bool) -> list[str]:
    names: list[str] = []
    for briefing in found.briefings:
        names.append(briefing.id)
        names += [f"{briefing.id}/{item_id}" if full else item_id for item_id in briefing.by_id]
    return names


def _unknown(address: str, found: Found) -> AddressError:
    # Suggest in the form asked: full addresses for BRIEFING/ITEM or several briefings, else bare ids.
    full = "/" in address or len(found.briefings) > 1
    close = nearest(address, _candidates(found, full=full))
    hint = f"; nearest: {', '.join(close)}" if close else ""
    return AddressError(f"no item {address!r}{hint}")


def resolve(address: str | None, found: Found) -> tuple[Briefing, Item | None]:
    """The briefing and item an address names; the item is None for a briefing's overview."""
    briefings = found.briefings
    if not briefings:
        raise AddressError("no briefings found")
    if not address:
        if len(briefings) == 1:
            return briefings[0], None
        ids = ", ".join(b.id for b in briefings)
        raise AddressError(f"{len(briefings)} briefings found; name one: {ids}")
    address = address.strip().strip("/")
    briefing = found.by_id(address)
    if briefing:
        return briefing, None
    if "/" in address:
        briefing_id, _, item_id = address.partition("/")
        briefing = found.by_id(briefing_id)
        if briefing is None:
            raise _unknown(address, found)
        item = briefing.get(item_id)
        if item is None:
            raise _unknown(address, found)
        return briefing, item
    holders = [b for b in briefings if b.get(address) is not None]
    if len(holders) == 1:
        item = holders[0].get(address)
        return holders[0], item
    if len(holders) > 1:
        names = ", ".join(f"{b.id}/{address}" for b in holders)
        raise AddressError(f"{address!r} is in {len(holders)} briefings; name one: {names}")
    raise _unknown(address, found)
