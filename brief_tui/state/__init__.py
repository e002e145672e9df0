"""The reader's state (read marks, places, bookmarks, history) in SQLite; no UI.

:func:`open_store` never raises: a damaged or foreign file is set aside and a new one made,
and a directory that cannot be written gives a store that keeps nothing; either way with
one message in :attr:`Store.notices` for the app to show.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from brief_tui.state.schema import ForeignFile, NewerFile, file_version, migrate
from brief_tui.state.store import OFF_NOTICE, Bookmark, HistoryEntry, Place, Seen, Store

__all__ = ["Bookmark", "HistoryEntry", "Place", "Seen", "Store", "open_store", "state_path"]

FILE_NAME = "state.sqlite3"
# How long a write waits for another brief process holding the file.
BUSY_SECONDS = 5.0

Connect = Callable[..., sqlite3.Connection]


def state_path() -> Path:
    """Where state lives: ``$BRIEF_STATE_DIR`` or the platform's user state directory."""
    override = os.environ.get("BRIEF_STATE_DIR")
    if override:
        return Path(override) / FILE_NAME
    from platformdirs import user_state_dir

    return Path(user_state_dir("brief", appauthor=False)) / FILE_NAME


def open_store(
    path: Path | None = None,
    *,
    connect: Connect = sqlite3.connect,
    clock: Callable[[], float] = time.time,
) -> Store:
    """Open (or make) the state file; on any problem, a store that says why and still works."""
    path = path or state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return Store.null(OFF_NOTICE.format(reason=f"cannot make {path.parent}: {error.strerror or error}"))
    notices: list[str] = []
    for attempt in range(2):
        try:
            return Store(_connect(path, connect), path, notices=notices, clock=clock)
        except NewerFile as error:
            return Store.null(OFF_NOTICE.format(reason=f"{path} is {error}"))
        except ForeignFile as error:
            reason = str(error)
        except sqlite3.OperationalError as error:
            # Locked, read-only, full, or cannot be opened: not the file's fault, so never set aside.
            return Store.null(OFF_NOTICE.format(reason=str(error)))
        except sqlite3.DatabaseError as error:
            reason = f"damaged: {error}"
        if attempt:
            break
        try:
            aside = _set_aside(path)
        except OSError as error:
            return Store.null(OFF_NOTICE.format(reason=f"cannot set aside {path}: {error.strerror or error}"))
        notices.append(f"the state file {path} was {reason}; moved it to {aside.name} and started a new one")
    return Store.null(OFF_NOTICE.format(reason=f"{path} could not be made"))


def _connect(path: Path, connect: Connect) -> sqlite3.Connection:
    """Open, check it is ours (before writing anything to it), switch to WAL, migrate."""
    db: Any = connect(str(path), timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        file_version(db)  # reads the header ("file is not a database") and refuses another program's file
        db.execute("PRAGMA journal_mode = WAL").fetchone()
        db.execute("PRAGMA synchronous = NORMAL")
        migrate(db)
    except BaseException:
        db.close()
        raise
    connection: sqlite3.Connection = db
    return connection


def _set_aside(path: Path) -> Path:
    """Rename a bad state file (and its WAL and shared-memory files) out of the way."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.bad-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.bad-{stamp}-{number}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    path.replace(aside)
    return aside
