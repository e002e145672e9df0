"""The reader's library: folders named in ``config.yaml`` or ``$BRIEF_LIBRARY``, opened with the built-in one.

``config.yaml`` lives in the config directory (``$BRIEF_CONFIG_DIR``, else the platform's)::

    library: [~/briefings, /srv/briefings]

``$BRIEF_LIBRARY`` (folders separated by ``:``), when set, is used instead. A config file that
cannot be read or has the wrong shape gives one message and the built-in library; it never
stops the reader.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from brief_tui.paths import builtin_content
from brief_tui.settings import settings_path

__all__ = ["BUILTIN", "COMMAND_LINE", "ENVIRONMENT", "ReaderLibrary", "config_path", "reader_library"]

BUILTIN = "built-in"
COMMAND_LINE = "command line"
ENVIRONMENT = "$BRIEF_LIBRARY"
_CONFIG = "config.yaml"


def config_path() -> Path:
    """Where ``config.yaml`` lives: beside the settings, in ``$BRIEF_CONFIG_DIR`` or the platform's directory."""
    return settings_path().parent / _CONFIG


@dataclass(slots=True)
class ReaderLibrary:
    """The folders to open, each with where it comes from, and what was wrong with the config."""

    roots: list[tuple[Path, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def reader_library(environ: dict[str, str] | None = None) -> ReaderLibrary:
    """The built-in library, then the reader's folders from ``$BRIEF_LIBRARY`` or ``config.yaml``."""
    environ = dict(os.environ) if environ is None else environ
    library = ReaderLibrary([(builtin_content(), BUILTIN)])
    named = environ.get("BRIEF_LIBRARY", "")
    if named.strip():
        folders, origin = [part for part in named.split(os.pathsep) if part.strip()], ENVIRONMENT
    else:
        folders, origin = _configured(config_path(), library.problems), _CONFIG
    for folder in folders:
        path = Path(folder.strip()).expanduser()
        if not path.exists():
            library.problems.append(f"{origin}: no such folder: {path}")
            continue
        if all(path.resolve() != known.resolve() for known, _ in library.roots):
            library.roots.append((path, origin))
    return library


def _configured(path: Path, problems: list[str]) -> list[str]:
    """The folders ``config.yaml`` names; a problem is noted once and gives none."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        problems.append(f"{path}: cannot be read: {error.strerror or error}; using the built-in library only")
        return []
    import yaml  # only paid for when a config file exists

    try:
        document = yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        reason = getattr(error, "problem", None) or "not valid YAML"
        problems.append(f"{path}{where}: {reason}; using the built-in library only")
        return []
    if document is None:
        return []
    folders = document.get("library", []) if isinstance(document, dict) else None
    if isinstance(folders, str):
        folders = [folders]
    if not isinstance(folders, list) or not all(isinstance(f, str) and f.strip() for f in folders):
        problems.append(
            f"{path}: `library` must be a list of folders, like `library: [~/briefings]`;"
            " using the built-in library only"
        )
        return []
    return list(folders)
