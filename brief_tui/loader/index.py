"""The library index: one small record per briefing file, so a library of thousands lists at once.

A record holds what a list of briefings shows (id, title, as-of date, counts, thread
statuses), or a broken file's first error, keyed by the file's path, size and modification
time. All records live in one marshal file beside the parse cache: reading the index is one
file read, checking it is one ``stat`` per file, and only a file whose size or time changed
is loaded again (through the parse cache). A damaged index is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief_tui.loader.library import briefing_files

if TYPE_CHECKING:
    from brief_tui.model import Briefing

__all__ = ["Record", "Shelf", "open_shelf", "record_of", "refresh"]

INDEX_VERSION = 1
_SUFFIX = ".index"
_MAGIC = b"BRIEFINDEX\n"

Progress = Callable[[int, int], bool]  # (done, total) -> whether to go on
Origin = str  # why a folder is in the library: "built-in", "config.yaml", "$BRIEF_LIBRARY", "command line"


@dataclass(frozen=True, slots=True)
class Record:
    """What a list of briefings shows of one file, or its first error when it cannot be read."""

    path: str
    size: int = -1
    mtime_ns: int = -1
    id: str = ""
    title: str = ""
    as_of: str = ""
    as_of_order: tuple[str, int] = ("", 0)  # the earliest moment (ISO) and precision: newest first sorts on it
    threads: int = 0
    events: int = 0
    actors: int = 0
    sources: int = 0
    statuses: tuple[tuple[str, int], ...] = ()  # threads per status, in order of first use
    warnings: int = 0
    id_position: tuple[int, int] = (1, 1)
    problem: tuple[int, int, str] | None = None  # line, column, message of the first error

    @property
    def broken(self) -> bool:
        """Whether the file cannot be read as a briefing."""
        return self.problem is not None

    def counts(self) -> dict[str, int]:
        """How many threads, events, actors and sources the briefing holds."""
        return {"threads": self.threads, "events": self.events, "actors": self.actors, "sources": self.sources}

    def first_error(self) -> str:
        """The first error as ``path:line:col: error: message``."""
        line, column, message = self.problem or (1, 1, "cannot be read")
        return f"{self.path}:{line}:{column}: error: {message}"

    def plain(self) -> tuple[Any, ...]:
        """The record as plain data for marshal."""
        return tuple(getattr(self, name) for name in _FIELDS)


_FIELDS = tuple(Record.__dataclass_fields__)


def record_of(briefing: Briefing, warnings: int = 0, id_position: tuple[int, int] = (1, 1)) -> Record:
    """The record of a loaded briefing (size and time unknown)."""
    statuses: dict[str, int] = {}
    for thread in briefing.threads:
        statuses[thread.status] = statuses.get(thread.status, 0) + 1
    earliest, precision = briefing.as_of.sort_key()
    return Record(
        path=briefing.path,
        id=briefing.id,
        title=briefing.title,
        as_of=briefing.as_of.text,
        as_of_order=(earliest.isoformat(), precision),
        threads=len(briefing.threads),
        events=briefing.event_count,  # without building the event graph
        actors=len(briefing.actors),
        sources=len(briefing.sources),
        statuses=tuple(statuses.items()),
        warnings=warnings,
        id_position=id_position,
    )


@dataclass(slots=True)
class Shelf:
    """The briefing files found under some folders, with what the index knows of each.

    ``records`` may be stale (from the index as stored) until :func:`refresh` has checked it.
    """

    roots: list[tuple[Path, Origin]]
    files: list[tuple[str, Origin]] = field(default_factory=list)
    records: dict[str, Record] = field(default_factory=dict)
    checked: bool = False

    def origin(self, path: str) -> Origin | None:
        """Where a file was found (the folder and why it is in the library)."""
        return next((origin for file, origin in self.files if file == path), None)

    def briefings(self) -> list[Record]:
        """The good records, in file order, a repeated briefing id turned into a problem."""
        return [r for r in self._resolved() if not r.broken]

    def broken(self) -> list[Record]:
        """The records of files that cannot be read (a repeated id included)."""
        return [r for r in self._resolved() if r.broken]

    def unknown(self) -> list[str]:
        """Files the index has no record of yet."""
        return [path for path, _ in self.files if path not in self.records]

    def _resolved(self) -> list[Record]:
        owners: dict[str, str] = {}
        resolved = []
        for path, _ in self.files:
            record = self.records.get(path)
            if record is None:
                continue
            if not record.broken:
                if record.id in owners:
                    message = f"the briefing id `{record.id}` is already used by {owners[record.id]}"
                    record = Record(path, record.size, record.mtime_ns, problem=(*record.id_position, message))
                else:
                    owners[record.id] = path
            resolved.append(record)
        return resolved


def _index_path(root: Path) -> Path | None:
    """Where one folder's index lives: a file of its own, so opening one folder reads only its records."""
    from brief_tui.loader import cache as parse_cache

    if parse_cache.cache_disabled():
        return None
    name = hashlib.blake2b(str(root.absolute()).encode(), digest_size=12).hexdigest()
    return parse_cache.cache_dir() / f"library-{name}{_SUFFIX}"


def _tag() -> str:
    from brief_tui.loader import cache as parse_cache

    return f"{parse_cache._VERSION_TAG}-index-{INDEX_VERSION}"


def read_index(path: Path | None) -> tuple[list[str] | None, dict[str, Record]]:
    """A folder's files as last found, and their records; (None, {}) when missing or damaged."""
    if path is None:
        return None, {}
    try:
        blob = path.read_bytes()
        head = len(_MAGIC)
        checksum, payload = blob[head : head + 32], blob[head + 32 :]
        if blob[:head] != _MAGIC or hashlib.blake2b(payload, digest_size=32).digest() != checksum:
            return None, {}
        tag, files, plain_records = marshal.loads(payload)
        if tag != _tag():
            return None, {}
        records = {}
        for plain in plain_records:
            record = Record(*plain)
            records[record.path] = record
        return [str(f) for f in files], records
    except (OSError, EOFError, ValueError, TypeError):
        return None, {}


def write_index(path: Path | None, files: list[str], records: Iterable[Record]) -> None:
    """Store a folder's files and records atomically; a read-only or full disk just means no index."""
    if path is None:
        return
    payload = marshal.dumps((_tag(), files, [r.plain() for r in records]))
    blob = _MAGIC + hashlib.blake2b(payload, digest_size=32).digest() + payload
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only paid for when writing

        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=_SUFFIX)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _walk(root: Path) -> list[str]:
    """The briefing files a folder holds (names only, no file read), or the file itself."""
    return [str(p) for p in briefing_files(root)] if root.is_dir() else [str(root)]


def _files(roots: Sequence[tuple[Path, Origin]], found: Sequence[list[str]]) -> list[tuple[str, Origin]]:
    """Each file once, with the origin of the first folder it was found under."""
    files: list[tuple[str, Origin]] = []
    seen: set[str] = set()
    for (_, origin), paths in zip(roots, found, strict=True):
        for path in paths:
            if path not in seen:
                seen.add(path)
                files.append((path, origin))
    return files


def open_shelf(roots: Sequence[tuple[Path, Origin]], *, index: bool = True) -> Shelf:
    """The library as the index last saw it: no file is read or checked (that is :func:`refresh`).

    A folder the index has never seen (or every folder, without ``index``) is walked (names
    only); its files have no record yet.
    """
    found, records = [], {}
    for root, _ in roots:
        files, stored = read_index(_index_path(root) if index else None)
        found.append(files if files is not None else _walk(root))
        records.update(stored)
    files_found = _files(roots, found)
    return Shelf(list(roots), files_found, {path: records[path] for path, _ in files_found if path in records})


def refresh(shelf: Shelf, *, cache: bool = True, progress: Progress | None = None) -> Shelf:
    """The shelf checked against the disk: folders walked, one ``stat`` per file, changed files loaded.

    Only files whose size or modification time differ from their record are loaded; each
    folder's index is written back when anything in it changed. ``progress`` returning False
    stops the check (the shelf returned is then not ``checked``).
    """
    found = [_walk(root) for root, _ in shelf.roots]
    files = _files(shelf.roots, found)
    total, done = len(files), 0
    records: dict[str, Record] = {}
    for (root, _), paths in zip(shelf.roots, found, strict=True):
        index_path = _index_path(root) if cache else None
        stored_files, stored = read_index(index_path)
        changed = stored_files != paths
        for path in paths:
            if path in records:
                continue
            record = _fresh(stored.get(path), path, cache=cache)
            changed = changed or record is not stored.get(path)
            records[path] = record
            done += 1
            if progress is not None and not progress(done, total):
                # Stopped (the reader quit): what was checked is still worth keeping.
                write_index(index_path, paths, [records[p] for p in paths if p in records])
                return Shelf(shelf.roots, files, records)
        if changed:
            write_index(index_path, paths, [records[p] for p in paths if p in records])
    return Shelf(shelf.roots, files, records, checked=True)


def _fresh(record: Record | None, path: str, *, cache: bool) -> Record:
    """The record when the file is unchanged, else a new one from loading it."""
    try:
        info = os.stat(path)
    except OSError as error:
        return Record(path, problem=(1, 1, f"the file cannot be read: {error.strerror or error}"))
    if record is not None and record.size == info.st_size and record.mtime_ns == info.st_mtime_ns:
        return record
    from brief_tui.loader.load import load_briefing
    from brief_tui.loader.problems import BriefingError

    try:
        result = load_briefing(path, cache=cache)
    except BriefingError as error:
        problems = error.errors or error.problems
        first = problems[0] if problems else None
        problem = (first.line, first.column, first.message) if first else (1, 1, "cannot be read")
        return Record(path, info.st_size, info.st_mtime_ns, problem=problem)
    loaded = record_of(result.briefing, len(result.warnings), result.id_position)
    return Record(*(path, info.st_size, info.st_mtime_ns, *loaded.plain()[3:]))
