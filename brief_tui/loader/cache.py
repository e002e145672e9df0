"""The parse cache: a checked briefing's plain data, keyed by the hash of its bytes.

An entry holds the briefing in two parts (``loader.later``): the head the first frame is
built from, and the tail (the event graph) as marshal bytes, unmarshalled only when used.

Stored with ``marshal``: it loads plain dicts, lists, tuples, strings and ints many times
faster than JSON and, unlike pickle, never imports or calls anything while loading. The
directory is the user's own; each file also carries a CRC-32 of its payload, so a
damaged or truncated file is noticed and rebuilt rather than trusted.

The cache is bounded by size and age, not by a count: a library of a thousand briefings
must stay cached. Pruning walks the directory, so it runs at most once per
``PRUNE_EVERY`` seconds (a stamp file's modification time says when it last ran).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from brief_tui.loader.limits import DEFAULT_LIMITS, Limits
from brief_tui.model.vocab import FORMAT_VERSION

__all__ = ["LOADER_VERSION", "Cache", "cache_dir", "cache_key", "open_cache", "prune"]

# Bump when the plain data's shape or any rule changes: old entries then simply miss.
LOADER_VERSION = 7
_VERSION_TAG = f"brief-format-{FORMAT_VERSION}-loader-{LOADER_VERSION}-py{sys.version_info[0]}.{sys.version_info[1]}"
_MAGIC = b"BRIEFCACHE\n"
_SUFFIX = ".cache"
MAX_BYTES = 512 * 1024 * 1024  # the least recently used entries go first beyond this
MAX_AGE = 60 * 24 * 3600  # seconds an entry may go unused before it is removed
PRUNE_EVERY = 3600  # seconds between prunes
_STAMP = ".pruned"
_STAT_PREFIX = "stat-"  # a file's key by size and modification time (see Cache.key_of_file)

# A warning as stored: line, column, message, code.
StoredWarning = tuple[int, int, str, str]
# The head, the warnings, the tail (marshal bytes).
Entry = tuple[dict[str, Any], list[StoredWarning], bytes]


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


def _checksum(payload: bytes | memoryview) -> bytes:
    """A CRC-32 of an entry: it finds a damaged or cut file, and costs 1 ms where BLAKE2 took 6 ms
    on a 4 MB entry (a cache hit pays it before the first frame)."""
    return zlib.crc32(payload).to_bytes(4, "big")


class Cache:
    """A directory of cache files; every failure to read or write is a miss, never an error."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}{_SUFFIX}"

    def has(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (it may still turn out damaged)."""
        return self._path(key).is_file()

    def key_of_file(self, path: Path) -> str:
        """A file's key, remembered by its size and modification time so an unchanged file is not hashed.

        Reading and hashing a 6 MB file takes about 15 ms; deciding before the first frame
        whether it is cached should not pay that. Raises OSError when the file cannot be read.
        """
        info = os.stat(path)
        stamp = f"{info.st_size} {info.st_mtime_ns} "
        remembered = (
            self.directory
            / f"{_STAT_PREFIX}{hashlib.blake2b(str(Path(path).absolute()).encode(), digest_size=12).hexdigest()}"
        )
        with contextlib.suppress(OSError, UnicodeDecodeError):
            text = remembered.read_text(encoding="ascii")
            if text.startswith(stamp) and len(text) == len(stamp) + 40:
                return text[len(stamp) :]
        key = cache_key(Path(path).read_bytes())
        with contextlib.suppress(OSError):
            self.directory.mkdir(parents=True, exist_ok=True)
            remembered.write_text(stamp + key, encoding="ascii")
        return key

    def get(self, key: str) -> Entry | None:
        """The entry stored under ``key``, or None when missing, stale or damaged."""
        path = self._path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        head = len(_MAGIC)
        checksum, payload = blob[head : head + 4], memoryview(blob)[head + 4 :]  # not a copy of 4 MB
        if blob[:head] != _MAGIC or _checksum(payload) != checksum:
            return None
        try:
            entry = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        if not (isinstance(entry, tuple) and len(entry) == 4 and entry[0] == _VERSION_TAG):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used entries are kept longest
        return entry[1], entry[2], entry[3]

    def put(self, key: str, head: dict[str, Any], warnings: list[StoredWarning], tail: bytes = b"") -> None:
        """Store an entry atomically; a read-only or full disk just means no cache."""
        try:
            payload = marshal.dumps((_VERSION_TAG, head, warnings, tail))
        except ValueError:
            return
        blob = _MAGIC + _checksum(payload) + payload
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
        """Remove entries beyond the size budget or unused too long, at most once per PRUNE_EVERY."""
        stamp = self.directory / _STAMP
        now = time.time()
        try:
            if now - stamp.stat().st_mtime < PRUNE_EVERY:
                return
        except OSError:
            pass  # never pruned here yet
        try:
            stamp.touch()
            prune(self.directory, now)
        except OSError:
            return


def prune(directory: Path, now: float, max_bytes: int | None = None, max_age: float | None = None) -> int:
    """Remove entries unused for ``max_age`` seconds, then the oldest beyond ``max_bytes``; how many went."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    max_age = MAX_AGE if max_age is None else max_age
    entries: list[tuple[float, int, str]] = []
    with os.scandir(directory) as scan:
        for entry in scan:
            if entry.name.endswith(_SUFFIX) and not entry.name.startswith("."):
                with contextlib.suppress(OSError):
                    info = entry.stat()
                    entries.append((info.st_mtime, info.st_size, entry.path))
    entries.sort(reverse=True)  # most recently used first
    kept_bytes, removed = 0, 0
    for mtime, size, path in entries:
        if now - mtime <= max_age and kept_bytes + size <= max_bytes:
            kept_bytes += size
            continue
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed += 1
    return removed


def open_cache() -> Cache | None:
    """The parse cache, or None when $BRIEF_NO_CACHE turns it off."""
    if cache_disabled():
        return None
    return Cache(cache_dir())
