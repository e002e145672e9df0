"""Noticing that a briefing file was edited: one ``stat`` a file per poll, no threads, no UI.

The app polls about once a second from a timer. A file counts as changed when its size,
modification time, inode or device differ from the last poll, so an editor that saves in
place and one that writes a new file and renames it over the old one are both seen. A file
that disappears (an editor mid-save) is reported once it comes back.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["FileWatch"]

Signature = tuple[int, int, int, int] | None


def _signature(path: Path) -> Signature:
    """What one ``stat`` says of a file (None when it is missing)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_dev)


class FileWatch:
    """A few files, and what each looked like at the last poll."""

    def __init__(self, paths: Iterable[str | Path] = ()) -> None:
        self._seen: dict[Path, Signature] = {}
        self.watch(paths)

    @property
    def paths(self) -> list[Path]:
        """The files watched."""
        return list(self._seen)

    def watch(self, paths: Iterable[str | Path]) -> None:
        """Watch these files (too), starting from how they look now."""
        for path in paths:
            self._seen[Path(path)] = _signature(Path(path))

    def forget(self, path: str | Path) -> None:
        """Stop watching a file."""
        self._seen.pop(Path(path), None)

    def poll(self) -> list[Path]:
        """The files that changed since the last poll and exist now (one ``stat`` each)."""
        changed = []
        for path, before in self._seen.items():
            now = _signature(path)
            if now != before:
                self._seen[path] = now
                if now is not None:
                    changed.append(path)
        return changed
