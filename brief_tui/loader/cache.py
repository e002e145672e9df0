"""The parse cache (placeholder until the real one lands)."""

from __future__ import annotations

from typing import Any

__all__ = ["Cache", "cache_key", "open_cache"]


class Cache:
    """No-op cache."""

    def get(self, key: str) -> tuple[dict[str, Any], list[tuple[int, int, str]]] | None:
        """Nothing is cached yet."""
        return None

    def put(self, key: str, plain: dict[str, Any], warnings: list[tuple[int, int, str]]) -> None:
        """Nothing is cached yet."""


def cache_key(data: bytes) -> str:
    """Key of a file's bytes."""
    return ""


def open_cache() -> Cache | None:
    """The cache, or None when disabled."""
    return None
