"""How many terminal cells a string takes: the one measure every writer uses.

It is Rich's own (``rich.cells.cell_len``: emoji with modifiers two, zero-width
characters none), so plain text wraps where the terminal and the detail pane do.
``rich.cells`` is a small module that pulls in no console.
"""

from __future__ import annotations

from rich.cells import cell_len

__all__ = ["cells"]


def cells(value: str) -> int:
    """Terminal cells ``value`` takes."""
    return cell_len(value)
