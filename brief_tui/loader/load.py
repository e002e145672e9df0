"""Loading one briefing file: read, check, cache, build."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from brief_tui.loader.build import build_briefing
from brief_tui.loader.collector import collector_paused
from brief_tui.loader.later import build_cached, split
from brief_tui.loader.limits import DEFAULT_LIMITS, Limits
from brief_tui.loader.problems import BriefingError, Problem, ProblemLog, TooManyProblems
from brief_tui.model.items import Briefing

if TYPE_CHECKING:
    from brief_tui.loader.cache import StoredWarning

__all__ = ["LoadResult", "check_bytes", "load_briefing"]

Progress = Callable[[float], None]


@dataclass(slots=True)
class LoadResult:
    """A loaded briefing and the warnings found in it."""

    briefing: Briefing
    warnings: list[Problem] = field(default_factory=list)
    id_position: tuple[int, int] = (1, 1)  # where the briefing's id is written, for library messages


def _read(path: Path, shown: str, max_bytes: int) -> bytes:
    log = ProblemLog(shown)
    try:
        with path.open("rb") as handle:
            asked = _read_size(handle, max_bytes + 1)
            data = handle.read(asked)  # enough to know it is too big
            if len(data) == asked <= max_bytes:
                data += handle.read(max_bytes + 1 - asked)  # it grew since it was measured
    except IsADirectoryError:
        log.error(1, 1, "this is a folder, not a briefing file", code="unreadable")
    except FileNotFoundError:
        log.error(1, 1, "no such file", code="unreadable")
    except OSError as error:
        log.error(1, 1, f"the file cannot be read: {error.strerror or error}", code="unreadable")
    else:
        return data
    raise BriefingError(shown, log.sorted())


def _read_size(handle: BinaryIO, limit: int) -> int:
    """How much to ask ``read`` for: a regular file's size and a byte (never the whole limit).

    ``read(n)`` sets aside ``n`` bytes before it reads: asked for the 32 MB limit, it takes
    32 MB for a moment, which also makes the C allocator keep later large blocks in its heap
    rather than give them back, so the process stays larger for as long as it runs.
    """
    info = os.fstat(handle.fileno())
    return min(limit, info.st_size + 1) if stat.S_ISREG(info.st_mode) else limit


def check_bytes(
    data: bytes, shown: str, progress: Progress | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[dict[str, Any], list[Problem]]:
    """Check a briefing's bytes: its plain data and warnings, or BriefingError."""
    # Imported here: a cache hit needs neither YAML nor the checks.
    from brief_tui.loader.check import walk_briefing
    from brief_tui.loader.yaml_nodes import compose_document

    log = ProblemLog(shown, limits.max_problems)
    plain = None
    try:
        with collector_paused():
            root = compose_document(data, log, limits)
            if progress is not None:
                progress(0.6)
            if root is not None:
                plain = walk_briefing(root, log, len(data) + 1000, limits.max_depth, b"\\" in data, data)
                if progress is not None:
                    progress(0.9)
            del root
    except TooManyProblems:
        pass
    except (RecursionError, MemoryError):
        log.problems.append(Problem(shown, 1, 1, "error", "the file is too complex to read", code="too-complex"))
        log.error_count += 1
    log.raise_if_failed()
    assert plain is not None
    return plain, log.sorted()


def _stored(
    plain: dict[str, Any], briefing: Briefing, warnings: list[Problem]
) -> tuple[dict[str, Any], list[StoredWarning], bytes]:
    """What the parse cache keeps of a briefing: its head, warnings and tail."""
    head, tail = split(plain, briefing)
    return head, [(w.line, w.column, w.message, w.code) for w in warnings], tail


def load_briefing(
    path: str | Path,
    *,
    cache: bool = True,
    progress: Progress | None = None,
    limits: Limits | None = None,
    kept: bool = True,
) -> LoadResult:
    """Load and check one briefing file; raise BriefingError listing every problem.

    ``kept=False``: the briefing is read once and dropped (see ``later.build_cached``).
    """
    from brief_tui.loader import cache as parse_cache

    limits = limits or DEFAULT_LIMITS
    shown = str(path)
    data = _read(Path(path), shown, limits.max_bytes)
    if progress is not None:
        progress(0.0)
    store = parse_cache.open_cache() if cache else None
    key = parse_cache.cache_key(data, limits) if store is not None else ""
    with collector_paused():
        cached = store.get(key) if store is not None else None
        if cached is not None:
            del data  # it gave the key: freed before the model is built (a lower peak, a smaller process)
            head, raw_warnings, tail = cached
            warnings = [
                Problem(shown, line, column, "warning", message, code) for line, column, message, code in raw_warnings
            ]
            briefing = build_cached(head, tail, shown, kept=kept)
            line, column = head.get("_id_position", (1, 1))
            del head, tail
        else:
            plain, warnings = check_bytes(data, shown, progress, limits)
            briefing = build_briefing(plain, shown)
            if store is not None:
                store.put(key, *_stored(plain, briefing, warnings))
            line, column = plain.get("_id_position", (1, 1))
            del plain
        # Freed while the collector still sleeps, so its first pass scans only the model.
        del cached
    if progress is not None:
        progress(1.0)
    return LoadResult(briefing, warnings, (line, column))
