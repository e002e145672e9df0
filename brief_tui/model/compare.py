"""Two versions of a document compared part by part.

Plain Python, no Textual, no Rich. Parts are matched by ``number`` where both have one,
then by title (case and spacing ignored); what is left is added or dropped. Each side
keeps its own sourcing: rival accounts of one text (20 points by one report, 27 by
another) stay two accounts, each with its sources, never merged into one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from brief_tui.model.items import Citation, Document, Part, Source, Version

__all__ = ["Change", "Comparison", "PartChange", "compare_versions", "default_pair", "part_fields"]

Change = Literal["added", "dropped", "changed", "same"]

_FIELDS = ("number", "status", "summary", "threads", "sources")


def part_fields(part: Part) -> dict[str, object]:
    """The fields a comparison looks at (``number`` and ``status`` only where the model has them)."""
    return {
        "number": getattr(part, "number", None),
        "status": getattr(part, "status", None),
        "summary": " ".join((part.summary or "").split()),
        "threads": tuple(t.id for t in part.threads),
        "sources": tuple((c.source.id, c.credibility) for c in part.sources),
    }


@dataclass(frozen=True, slots=True)
class PartChange:
    """One part across the two versions: added, dropped, changed (which fields) or the same."""

    change: Change
    before: Part | None
    after: Part | None
    fields: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The part's title (the newer one's when both have it)."""
        part = self.after or self.before
        return part.title if part is not None else ""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two versions of a document, ``before`` the older in the list, and their parts compared."""

    document: Document
    before: Version
    after: Version
    parts: tuple[PartChange, ...]

    def _of(self, change: Change) -> list[PartChange]:
        return [p for p in self.parts if p.change == change]

    @property
    def added(self) -> list[PartChange]:
        """Parts only the newer version has."""
        return self._of("added")

    @property
    def dropped(self) -> list[PartChange]:
        """Parts only the older version has."""
        return self._of("dropped")

    @property
    def changed(self) -> list[PartChange]:
        """Parts both have, with a difference."""
        return self._of("changed")

    @property
    def same(self) -> list[PartChange]:
        """Parts both have, alike."""
        return self._of("same")

    @property
    def shared_sources(self) -> list[Source]:
        """Sources both versions cite; none means the two are separate accounts, each on its own sources."""
        after = {c.source for c in self.after.sources}
        return [c.source for c in self.before.sources if c.source in after]

    @staticmethod
    def sourcing(version: Version) -> list[Citation]:
        """A version's own sources, as given."""
        return version.sources


def default_pair(document: Document) -> tuple[Version, Version] | None:
    """The versions compared first: the last two; None when there are fewer than two."""
    if len(document.versions) < 2:
        return None
    return document.versions[-2], document.versions[-1]


def _key(title: str) -> str:
    return " ".join(title.casefold().split())


def _match(before: list[Part], after: list[Part]) -> list[tuple[Part | None, Part | None]]:
    """Pairs of parts, in the newer version's order, then the older's leftovers."""
    unmatched = list(before)
    pairs: list[tuple[Part | None, Part | None]] = []
    for part in after:
        number = getattr(part, "number", None)
        found = next((p for p in unmatched if number and getattr(p, "number", None) == number), None)
        if found is None:
            found = next((p for p in unmatched if _key(p.title) == _key(part.title)), None)
        if found is not None:
            unmatched.remove(found)
        pairs.append((found, part))
    pairs.extend((p, None) for p in unmatched)
    return pairs


def _part_change(before: Part | None, after: Part | None) -> PartChange:
    if before is None:
        return PartChange("added", None, after)
    if after is None:
        return PartChange("dropped", before, None)
    old, new = part_fields(before), part_fields(after)
    fields = tuple(name for name in _FIELDS if old[name] != new[name])
    if _key(before.title) != _key(after.title):
        fields = ("title", *fields)
    return PartChange("changed" if fields else "same", before, after, fields)


def _pair(document: Document, before: Version | None, after: Version | None) -> tuple[Version, Version]:
    """The two versions to compare; one given alone is compared with the one before it (or after)."""
    versions = document.versions
    given = before or after
    if given is None:
        return versions[-2], versions[-1]
    if before is not None and after is not None:
        return before, after
    if given not in versions:
        return given, given  # refused by the caller, naming the version
    at = versions.index(given)
    return (versions[at - 1], given) if at > 0 else (given, versions[1])


def compare_versions(document: Document, before: Version | None = None, after: Version | None = None) -> Comparison:
    """Compare two of a document's versions (default: the last two), the older in the list first.

    ValueError when the document has fewer than two versions or a version is not its own.
    """
    if len(document.versions) < 2:
        raise ValueError(f"{document.title!r} has {len(document.versions)} version(s); comparing needs two")
    first, second = _pair(document, before, after)
    versions = document.versions
    for version in (first, second):
        if version not in versions:
            raise ValueError(f"{version.id!r} is not a version of {document.id!r}")
    if versions.index(first) > versions.index(second):
        first, second = second, first
    parts = tuple(_part_change(old, new) for old, new in _match(first.parts, second.parts))
    return Comparison(document, first, second, parts)
