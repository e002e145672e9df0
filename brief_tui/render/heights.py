"""How many lines a row takes at a width, told from its plain text, without rendering it.

The detail pane must know every row's height to size its scrollbar and to page by whole
lines, but it renders only the rows in view. Rendering a row with Rich (wrapping, dividing
styled text, making segments and strips) costs ten times what finding its line breaks
does, so the height comes from the same break finder Rich's ``Text.wrap`` uses
(``rich._wrap.divide_line``, behind :func:`breaks`) on the plain text: the count is Rich's
own, not an estimate. A renderable this module cannot read (a table) gets ``None``: it is
rendered to be measured. ``tests/render/test_heights.py`` checks the count against a
render for every row of every item, at many widths.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, RenderableType

__all__ = ["breaks", "lines_needed", "text_lines"]


def breaks(line: str, width: int, *, fold: bool = True) -> int:
    """How many times Rich breaks one line of text (no newline in it) to fit ``width`` cells."""
    if cell_len(line) <= width:  # every word fits: Rich breaks nowhere
        return 0
    from rich._wrap import divide_line

    return len(divide_line(line, width, fold=fold))


def text_lines(plain: str, width: int, *, no_wrap: bool = False, fold: bool = True) -> int:
    """Lines Rich's ``Text.wrap`` makes of ``plain`` at ``width`` (one per newline-separated line,
    plus one per break)."""
    parts = plain.split("\n")
    if no_wrap:
        return len(parts)
    return len(parts) + sum(breaks(part, width, fold=fold) for part in parts)


def lines_needed(content: RenderableType, options: ConsoleOptions) -> int | None:
    """Lines ``content`` renders to with ``options`` (as ``Console.render_lines`` makes them), or
    None where only a render can tell."""
    measure = getattr(content, "lines_needed", None)
    if measure is not None:
        needed: int | None = measure(options.max_width)
        return needed
    if type(content) is not Text or content.end != "\n" or "\t" in content.plain:
        return None  # a table, or text whose layout changes as it renders (tabs expand)
    overflow = content.overflow or options.overflow or "fold"
    no_wrap = bool(content.no_wrap if content.no_wrap is not None else options.no_wrap) or overflow == "ignore"
    return text_lines(content.plain, options.max_width, no_wrap=no_wrap, fold=overflow == "fold")
