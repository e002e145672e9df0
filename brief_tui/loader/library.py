"""A library: several briefing files and folders, loaded together."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from brief_tui.loader.limits import Limits
from brief_tui.loader.load import LoadResult, load_briefing
from brief_tui.loader.problems import BriefingError, Problem

__all__ = [
    "Library",
    "all_cached",
    "briefing_files",
    "load_library",
]

_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class Library:
    """The briefings that loaded, and the files that did not."""

    results: list[LoadResult] = field(default_factory=list)
    broken: list[BriefingError] = field(default_factory=list)


def _hidden(name: str) -> bool:
    return name.startswith((".", "_"))


def briefing_files(folder: Path) -> Iterator[Path]:
    """Every briefing file below a folder, skipping names that start with `.` or `_`, sorted.

    ``os.scandir`` tells files from folders without a ``stat`` per entry on most systems,
    which matters for a library of thousands.
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from briefing_files(Path(entry.path))
        elif is_file and os.path.splitext(entry.name)[1].lower() in _SUFFIXES:
            yield Path(entry.path)


def _expand(paths: Sequence[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from briefing_files(path)
        else:
            yield path


def all_cached(paths: Sequence[str | Path]) -> bool:
    """Whether every briefing the paths name has a parse-cache entry (so it loads quickly)."""
    from brief_tui.loader import cache as parse_cache

    store = parse_cache.open_cache()
    if store is None:
        return False
    try:
        return all(store.has(store.key_of_file(path)) for path in _expand(paths))
    except OSError:
        return False


def load_library(paths: Sequence[str | Path], *, cache: bool = True, limits: Limits | None = None) -> Library:
    """Load every briefing named or found below the given paths; broken ones are listed."""
    library = Library()
    owners: dict[str, str] = {}
    for path in _expand(paths):
        try:
            result = load_briefing(path, cache=cache, limits=limits)
        except BriefingError as error:
            library.broken.append(error)
            continue
        briefing = result.briefing
        if briefing.id in owners:
            line, column = result.id_position
            message = f"the briefing id `{briefing.id}` is already used by {owners[briefing.id]}"
            library.broken.append(
                BriefingError(
                    str(path), [Problem(str(path), line, column, "error", message, code="duplicate-briefing")]
                )
            )
            continue
        owners[briefing.id] = str(path)
        library.results.append(result)
    return library
