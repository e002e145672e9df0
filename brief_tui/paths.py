"""Where the built-in content and styles live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

__all__ = ["builtin_content", "styles_dir"]

_PACKAGE = Path(__file__).resolve().parent


def _data(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def builtin_content() -> Path:
    """The built-in library (``content/``)."""
    return _data("content")


def styles_dir() -> Path:
    """The folder of ``.tcss`` files (``styles/``)."""
    return _data("styles")
