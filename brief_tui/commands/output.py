"""Blocks written to a stream: plain text when piped, Rich when a terminal reads it.

Plain mode wraps to ``COLUMNS`` (80 when unknown) by display cells and imports
neither Rich nor Textual; terminal mode imports Rich only when it is used.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from brief_tui.render.blocks import Block, Heading, Line, Prose, Span, Table, is_web_url

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

__all__ = ["cells", "emit", "markdown_plain", "spans_plain", "to_plain", "width_from_env", "write"]

# ``[text](#id)`` links inside Markdown summaries.
ID_LINK = re.compile(r"\[([^\]\n]*)\]\(#([A-Za-z0-9_-]+)\)")
_MARKER = re.compile(r"(\s*)([-*+]|\d{1,9}[.)]|#{1,6}|>)(\s+)")
_FENCE = re.compile(r"\s*(```|~~~)")
MIN_WIDTH = 20
# Wider than any screen; a bigger COLUMNS would only pad tables with air (or exhaust memory).
MAX_WIDTH = 1000


def cells(value: str) -> int:
    """How many terminal cells a string takes: wide (CJK) characters two, combining marks none."""
    total = 0
    for char in value:
        if unicodedata.combining(char) or char == "\u200d":
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def width_from_env() -> int:
    """The width to wrap to: ``COLUMNS``, else the terminal's, else 80."""
    return min(MAX_WIDTH, max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns))


def _wrap(words: str, width: int, first: str, rest: str) -> list[str]:
    """Greedy word wrap by cells, keeping runs of spaces inside a line and breaking over-long words."""
    lines: list[str] = []
    current, used = first, cells(first)
    empty = True
    gap = ""
    for token in re.split(r"( +)", " ".join(words.split("\n"))):
        if not token:
            continue
        if token.startswith(" "):
            gap = token
            continue
        size = cells(token)
        if not empty and used + len(gap) + size > width:
            lines.append(current)
            current, used, empty = rest, cells(rest), True
        if not empty:
            current, used = current + gap, used + len(gap)
        gap = ""
        while used + size > width:
            # A word longer than the room left: cut it by cells.
            room = max(1, width - used)
            head, taken = "", 0
            for char in token:
                w = cells(char)
                if taken + w > room and head:
                    break
                head, taken = head + char, taken + w
            lines.append(current + head)
            token, size = token[len(head) :], size - taken
            current, used = rest, cells(rest)
        current, used, empty = current + token, used + size, False
    lines.append(current)
    return [entry.rstrip() for entry in lines]


def spans_plain(spans: Iterable[Span]) -> str:
    """Spans as one plain string; references get ``[id]`` so a reader can ``brief show`` them."""
    out: list[str] = []
    for item in spans:
        out.append(f"[{item.text}]" if item.style == "banner" else item.text)
        if item.ref and item.show_ref and item.ref != item.text:
            out.append(f" [{item.ref}]")
    return "".join(out)


def markdown_plain(source: str, width: int, indent: str = "") -> list[str]:
    """A Markdown summary kept as its source, ``[text](#id)`` as ``text [id]``, rewrapped to width."""
    source = ID_LINK.sub(lambda m: f"{m.group(1)} [{m.group(2)}]", source)
    lines: list[str] = []
    logical: list[tuple[str, str, str]] = []  # (first prefix, hanging prefix, words)
    in_fence = False
    for raw in source.splitlines():
        if _FENCE.match(raw):
            in_fence = not in_fence
            logical.append(("", "", "\0" + raw))
            continue
        if in_fence or raw.startswith(("    ", "|")):
            logical.append(("", "", "\0" + raw))  # code and tables stay as written
            continue
        if not raw.strip():
            logical.append(("", "", ""))
            continue
        marker = _MARKER.match(raw)
        if marker:
            lead = marker.group(0)
            logical.append((lead, " " * cells(lead), raw[len(lead) :]))
        elif logical and logical[-1][2] and not logical[-1][2].startswith("\0"):
            first, hang, words = logical[-1]
            logical[-1] = (first, hang, f"{words} {raw.strip()}")
        else:
            logical.append(("", "", raw.strip()))
    for first, hang, words in logical:
        if words.startswith("\0"):
            lines.append(indent + words[1:])
        elif not words:
            lines.append("")
        else:
            lines += _wrap(words, width, indent + first, indent + hang)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _label_width(table: Table) -> int:
    return max((cells(label) for label, _ in table.rows), default=0) + 2


def _too_narrow(table: Table, width: int) -> bool:
    """Whether the columns would be too narrow to read side by side."""
    return (width - _label_width(table)) // max(1, len(table.columns)) - 2 < 14


def _table_plain(table: Table, width: int) -> list[str]:
    label_width = _label_width(table)
    count = max(1, len(table.columns))
    column = (width - label_width) // count - 2
    if _too_narrow(table, width):
        # Too narrow to stand side by side: one column after another.
        listed: list[str] = []
        for number, header in enumerate(table.columns):
            listed += _wrap(header, width, "- ", "  ")
            for label, row in table.rows:
                listed += _wrap(spans_plain(row[number]), width, f"    {label}: ", "      ")
        return listed
    # Each column as wide as its longest cell when all fit, else an equal share.
    natural = [
        max([cells(header)] + [cells(spans_plain(row[number])) for _, row in table.rows])
        for number, header in enumerate(table.columns)
    ]
    widths = natural if sum(natural) + 2 * count <= width - label_width else [column] * count
    out: list[str] = []
    rows: list[tuple[str, tuple[tuple[Span, ...], ...]]] = [
        ("", tuple((Span(h),) for h in table.columns)),
        ("", tuple((Span("-" * w),) for w in widths)),
        *table.rows,
    ]
    for label, row in rows:
        wrapped = [_wrap(spans_plain(cell), w, "", "") for cell, w in zip(row, widths, strict=True)]
        for depth in range(max(len(w) for w in wrapped)):
            head = label if depth == 0 else ""
            parts = [_pad(w[depth] if depth < len(w) else "", size) for w, size in zip(wrapped, widths, strict=True)]
            out.append((head.ljust(label_width) + "  ".join(parts)).rstrip())
    return out


def _pad(value: str, width: int) -> str:
    return value + " " * max(0, width - cells(value))


def to_plain(blocks: Sequence[Block], width: int) -> str:
    """Blocks as plain text wrapped to ``width`` cells, ending with a newline."""
    width = min(MAX_WIDTH, max(MIN_WIDTH, width))
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            if lines:
                lines.append("")
            title = _wrap(block.text, width, "", "")
            lines += title
            rule = "=" if block.level <= 1 else "-"
            lines.append(rule * min(width, max(cells(t) for t in title)))
        elif isinstance(block, Line):
            first = "  " * block.indent + ("- " if block.bullet else "")
            rest = "  " * block.indent + ("  " if block.bullet else "")
            lines += _wrap(spans_plain(block.spans), width, first, rest)
        elif isinstance(block, Prose):
            lines += markdown_plain(block.source, width, "  " * block.indent)
        else:
            lines += _table_plain(block, width)
    return "\n".join(lines) + "\n"


# Semantic styles in terminal mode; colours drop out under NO_COLOR, bold and dim stay.
RICH_STYLES = {
    "title": "bold",
    "label": "bold",
    "dim": "dim",
    "status": "bold",
    "grade": "yellow",
    "anon": "magenta",
    "quote": "italic",
    "banner": "bold reverse",
    "missing": "dim italic",
    "ref": "cyan",
    "cite": "",
    "link": "underline",
}


def spans_rich(spans: Iterable[Span]) -> Text:
    """Spans as a Rich ``Text``: literal content, styled by name; only http(s) URLs become links."""
    from rich.style import Style
    from rich.text import Text

    out = Text()
    for item in spans:
        name = RICH_STYLES.get(item.style, "")
        style = Style.parse(name) if name else Style()
        if item.url and is_web_url(item.url):
            style += Style(link=item.url)
        out.append(item.text, style)
        if item.ref and item.show_ref and item.ref != item.text:
            out.append(f" [{item.ref}]", "dim")
    return out


def to_rich(blocks: Sequence[Block], width: int = 80) -> list[RenderableType]:
    """Blocks as Rich renderables for a terminal ``width`` cells wide."""
    from rich.padding import Padding
    from rich.table import Table as RichTable
    from rich.text import Text

    from brief_tui.render.markdown import render_markdown

    out: list[RenderableType] = []
    for block in blocks:
        if isinstance(block, Heading):
            if out:
                out.append(Text())
            out.append(Text(block.text, "bold underline" if block.level <= 1 else "bold cyan"))
        elif isinstance(block, Line):
            content = spans_rich(block.spans)
            if block.bullet:
                grid = RichTable.grid(padding=0)
                grid.add_column(width=2 * block.indent + 2, no_wrap=True)
                grid.add_column(ratio=1)
                grid.add_row(Text(" " * 2 * block.indent + "• "), content)
                out.append(grid)
            elif block.indent:
                out.append(Padding(content, (0, 0, 0, 2 * block.indent), expand=False))
            else:
                out.append(content)
        elif isinstance(block, Prose):
            source = ID_LINK.sub(lambda m: f"[{m.group(1)}](#{m.group(2)}) \\[{m.group(2)}\\]", block.source)
            paragraphs = render_markdown(source).blocks
            for number, paragraph in enumerate(paragraphs):
                if number:
                    out.append(Text())
                out.append(Padding(paragraph, (0, 0, 0, 2 * block.indent), expand=False))
        elif _too_narrow(block, width):
            out += [Text(text) for text in _table_plain(block, width)]
        else:
            table = RichTable(show_edge=False, show_lines=True, header_style="bold")
            table.add_column("")
            for header in block.columns:
                table.add_column(Text(header), ratio=1, overflow="fold")
            for label, row in block.rows:
                table.add_row(Text(label, "bold"), *(spans_rich(cell) for cell in row))
            out.append(table)
    return out


def write(blocks: Sequence[Block], stream: TextIO | None = None, *, plain: bool | None = None) -> None:
    """Write blocks: formatted when the stream is a terminal (and not ``plain``), else plain text."""
    stream = stream or sys.stdout
    if plain is None:
        plain = not stream.isatty() or os.environ.get("TERM") == "dumb"
    if plain:
        stream.write(to_plain(blocks, width_from_env()))
        return
    console = terminal_console(stream)
    for renderable in to_rich(blocks, console.width):
        console.print(renderable)


def terminal_console(stream: TextIO) -> Console:
    """A Rich console that never reads content as markup or guesses highlights."""
    from rich.console import Console

    # Only called once the stream is known to be a terminal (or a test says to treat it as one).
    return Console(file=stream, force_terminal=True, markup=False, highlight=False, emoji=False, soft_wrap=False)


def emit(blocks: Sequence[Block], *, plain: bool = False) -> int:
    """Write blocks to stdout (``plain`` forces plain text); exit status 0, even when the reader hangs up."""
    try:
        write(blocks, sys.stdout, plain=True if plain else None)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped reading (`brief show | head`): not worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0
