"""The parse cache: a checked briefing's plain data, keyed by the hash of its bytes.

Stored with ``marshal``: it loads plain dicts, lists, tuples, strings and ints many times
faster than JSON and, unlike pickle, never imports or calls anything while loading. The
directory is the user's own; each file also carries a BLAKE2 checksum of its payload, so a
damaged or truncated file is noticed and rebuilt rather than trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from brief_tui.loader.limits import DEFAULT_LIMITS, Limits
from brief_tui.model.vocab import FORMAT_VERSION

__all__ = ["LOADER_VERSION", "Cache", "cache_dir", "cache_key", "open_cache"]

# Bump when the plain data's shape or any rule changes: old entries then simply miss.
LOADER_VERSION = 5
_VERSION_TAG = f"brief-format-{FORMAT_VERSION}-loader-{LOADER_VERSION}-py{sys.version_info[0]}.{sys.version_info[1]}"
_MAGIC = b"BRIEFCACHE\n"
_SUFFIX = ".cache"
_KEEP = 32  # entries kept; the oldest go first

# A warning as stored: line, column, message, code.
StoredWarning = tuple[int, int, str, str]
Entry = tuple[dict[str, Any], list[StoredWarning]]


def cache_dir() -> Path:
    """Where cache files live: $BRIEF_CACHE_DIR, or the user's cache directory."""
    override = os.environ.get("BRIEF_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs  # only paid for when caching

    return Path(platformdirs.user_cache_dir("brief")) / "parsed"


def cache_disabled() -> bool:
    """Whether $BRIEF_NO_CACHE turns the cache off."""
    return os.environ.get("BRIEF_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")


def cache_key(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """The key of a file's bytes under this format and loader version (and limits)."""
    digest = hashlib.blake2b(_VERSION_TAG.encode(), digest_size=20)
    if limits != DEFAULT_LIMITS:  # a file within wide limits is not thereby within narrow ones
        digest.update(repr(limits).encode())
    digest.update(data)
    return digest.hexdigest()


class Cache:
    """A directory of cache files; every failure to read or write is a miss, never an error."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}{_SUFFIX}"

    def has(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (it may still turn out damaged)."""
        return self._path(key).is_file()

    def get(self, key: str) -> Entry | None:
        """The entry stored under ``key``, or None when missing, stale or damaged."""
        path = self._path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        head = len(_MAGIC)
        checksum, payload = blob[head : head + 32], blob[head + 32 :]
        if blob[:head] != _MAGIC or hashlib.blake2b(payload, digest_size=32).digest() != checksum:
            return None
        try:
            entry = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        if not (isinstance(entry, tuple) and len(entry) == 3 and entry[0] == _VERSION_TAG):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used entries are kept longest
        return entry[1], entry[2]

    def put(self, key: str, plain: dict[str, Any], warnings: list[StoredWarning]) -> None:
        """Store an entry atomically; a read-only or full disk just means no cache."""
        try:
            payload = marshal.dumps((_VERSION_TAG, plain, warnings))
        except ValueError:
            return
        blob = _MAGIC + hashlib.blake2b(payload, digest_size=32).digest() + payload
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            import tempfile  # only paid for when writing

            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=_SUFFIX)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temporary, self._path(key))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return
        self._prune()

    def _prune(self) -> None:
        try:
            entries = [(p.stat().st_mtime, p) for p in self.directory.glob(f"*{_SUFFIX}") if not p.name.startswith(".")]
        except OSError:
            return
        entries.sort(reverse=True)
        for _mtime, path in entries[_KEEP:]:
            with contextlib.suppress(OSError):
                path.unlink()


def open_cache() -> Cache | None:
    """The parse cache, or None when $BRIEF_NO_CACHE turns it off."""
    if cache_disabled():
        return None
    return Cache(cache_dir())
