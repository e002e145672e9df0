"""The safety limits of format 1: defaults from FORMAT.md, each one a setting."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]


@dataclass(frozen=True, slots=True)
class Limits:
    """How large, deep and aliased a file may be, and how many errors are worth listing."""

    max_bytes: int = 32 * 1024 * 1024
    max_depth: int = 64  # libyaml itself stops at 1000
    max_aliases: int = 100
    max_problems: int = 100


DEFAULT_LIMITS = Limits()
