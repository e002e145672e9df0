"""Waiting in Pilot tests for a condition, not for a fixed time."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

__all__ = ["until"]


async def until(pilot: Pilot[object], condition: Callable[[], object], *, steps: int = 400) -> None:
    """Let the app run until ``condition()`` holds; fail (not hang) when it never does."""
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the condition never held")
