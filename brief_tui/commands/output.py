"""Blocks written to a stream: plain text when piped, Rich when a terminal reads it.

Plain mode wraps to ``COLUMNS`` (80 when unknown) by display cells and imports no
console; terminal mode imports Rich only when it is used, and pages output longer than
the screen through ``$PAGER`` (``less -R`` when unset; none when it is empty or ``cat``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, TextIO

from brief_tui.render.blocks import Block, Heading, Line, Prose, Span, Table
from brief_tui.render.cells import cells
from brief_tui.render.lens import Lens, Matcher, focus, highlight
from brief_tui.render.unbroken import KEEP, held

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from brief_tui.model import Briefing

__all__ = [
    "PlainLine",
    "cells",
    "emit",
    "markdown_plain",
    "page",
    "pager_command",
    "plain_lines",
    "spans_plain",
    "to_plain",
    "to_rich",
    "width_from_env",
    "write",
]

MIN_WIDTH = 20
# Wider than any screen; a bigger COLUMNS would only pad tables with air (or exhaust memory).
MAX_WIDTH = 1000


class PlainLine(NamedTuple):
    """A line of plain text, the ids of the items it refers to in order, and whether it is a heading."""

    text: str
    refs: tuple[str, ...] = ()
    heading: bool = False


def width_from_env() -> int:
    """The width to wrap to: ``COLUMNS``, else the terminal's, else 80."""
    return min(MAX_WIDTH, max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns))


def _wrap(words: str, width: int, first: str, rest: str) -> list[str]:
    """Greedy word wrap by cells, keeping runs of spaces inside a line and breaking over-long words;
    words joined by ``KEEP`` stay on one line when they fit (:mod:`brief_tui.render.unbroken`)."""
    words = held(words, width - max(cells(first), cells(rest)))  # only spaces break: a kept join stays KEEP
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
    return [entry.rstrip().replace(KEEP, " ") for entry in lines]


def spans_plain(spans: Iterable[Span]) -> str:
    """Spans as one plain string; references get ``[id]`` so a reader can ``brief show`` them,
    links their address."""
    out: list[str] = []
    for item in spans:
        out.append(f"[{item.text}]" if "banner" in item.style.split() else item.text)
        if item.ref and item.show_ref and (item.ref != item.text or "link" in item.style.split()):
            out.append(f" [{item.ref}]")
        elif item.url and item.url != item.text:
            out.append(f" <{item.url}>")
    return "".join(out)


def _refs(spans: Iterable[Span]) -> tuple[str, ...]:
    return tuple(s.ref for s in spans if s.ref and "mark" not in s.style.split())


def markdown_plain(source: str, width: int, indent: str = "", match: Matcher | None = None) -> list[PlainLine]:
    """A Markdown summary as plain lines: ``[text](#id)`` as ``text [id]``, lists hanging under their markers."""
    from brief_tui.render.markdown import parse_markdown

    lines: list[PlainLine] = []
    for paragraph in parse_markdown(source):
        if paragraph.gap:
            lines.append(PlainLine(""))
        spans = highlight(paragraph.spans, match)
        first = indent + "  " * paragraph.depth + paragraph.lead
        if paragraph.kind == "code":
            lines += [PlainLine(indent + code) for code in spans_plain(spans).split("\n")]
            continue
        wrapped = _wrap(spans_plain(spans), width, first, " " * cells(first))
        lines += [PlainLine(text, _refs(spans) if number == 0 else ()) for number, text in enumerate(wrapped)]
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


def plain_lines(blocks: Sequence[Block], width: int, match: Matcher | None = None) -> list[PlainLine]:
    """Blocks as plain lines wrapped to ``width`` cells, each with the items it refers to."""
    width = min(MAX_WIDTH, max(MIN_WIDTH, width))
    lines: list[PlainLine] = []
    for block in blocks:
        if isinstance(block, Heading):
            if lines:
                lines.append(PlainLine(""))
            title = _wrap(block.text, width, "", "")
            # A section heading that names an item (a version on its document's page) refers to it.
            refs = (block.anchor,) if block.anchor and block.level > 1 else ()
            lines += [PlainLine(t, refs if n == 0 else (), heading=True) for n, t in enumerate(title)]
            rule = "=" if block.level <= 1 else "-"
            lines.append(PlainLine(rule * min(width, max(cells(t) for t in title))))
        elif isinstance(block, Line):
            first = "  " * block.indent + ("- " if block.bullet else "")
            rest = "  " * block.indent + ("  " if block.bullet else "")
            wrapped = _wrap(spans_plain(block.spans), width, first, rest)
            lines += [PlainLine(text, _refs(block.spans) if n == 0 else ()) for n, text in enumerate(wrapped)]
        elif isinstance(block, Prose):
            lines += markdown_plain(block.source, width, "  " * block.indent, match)
        else:
            lines += [PlainLine(text) for text in _table_plain(block, width)]
    return lines


def to_plain(blocks: Sequence[Block], width: int, match: Matcher | None = None) -> str:
    """Blocks as plain text wrapped to ``width`` cells, ending with a newline."""
    return "\n".join(entry.text for entry in plain_lines(blocks, width, match)) + "\n"


def to_rich(blocks: Sequence[Block], width: int = 80, match: Matcher | None = None) -> list[RenderableType]:
    """Blocks as Rich renderables for a terminal ``width`` cells wide."""
    from rich.text import Text

    from brief_tui.render.rich_text import blank_lines, hanging, paragraphs_rich, spans_rich, table_rich

    out: list[RenderableType] = []
    for block in blocks:
        if isinstance(block, Heading):
            if out:
                out.append(Text())
            out.append(Text(block.text, "bold underline" if block.level <= 1 else "bold cyan"))
        elif isinstance(block, Line):
            lead = "  " * block.indent + ("• " if block.bullet else "")
            content = spans_rich(block.spans)
            out.append(hanging(lead, content))
        elif isinstance(block, Prose):
            out += blank_lines(list(paragraphs_rich(block.source, "  " * block.indent, match=match)))
        elif _too_narrow(block, width):
            out += [Text(text) for text in _table_plain(block, width)]
        else:
            out.append(table_rich(block))
    return out


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The pager to use: ``$PAGER``, else ``less -R``; None when it is empty or ``cat``."""
    command = environ.get("PAGER", "less -R").strip()
    return None if command in ("", "cat") else command


def _spawn(command: str, output: str) -> None:
    """Run a pager on the output through the shell, as git does, with git's ``LESS=FRX`` default."""
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env, encoding="utf-8")
    except OSError:
        sys.stdout.write(output)
        return
    assert pager.stdin is not None
    with contextlib.suppress(BrokenPipeError):  # the reader quit the pager before the end
        pager.stdin.write(output)
        pager.stdin.close()
    pager.wait()


def page(
    output: str,
    stream: TextIO,
    *,
    environ: Mapping[str, str] | None = None,
    height: int | None = None,
    spawn: Callable[[str, str], None] | None = None,
) -> None:
    """Output for a terminal: through the pager when it is longer than the screen, else written."""
    environ = os.environ if environ is None else environ
    command = pager_command(environ)
    rows = height if height is not None else shutil.get_terminal_size((80, 24)).lines
    if command is None or output.count("\n") < rows:
        stream.write(output)
        return
    stream.flush()
    (spawn or _spawn)(command, output)


def render_terminal(blocks: Sequence[Block], width: int, match: Matcher | None = None) -> str:
    """Blocks as text with terminal styles, ``width`` cells wide."""
    from io import StringIO

    buffer = StringIO()
    console = terminal_console(buffer, width)
    for renderable in to_rich(blocks, width, match):
        console.print(renderable)
    return buffer.getvalue()


def write(
    blocks: Sequence[Block],
    stream: TextIO | None = None,
    *,
    plain: bool | None = None,
    lens: Lens | None = None,
    briefing: Briefing | None = None,
    pager: bool = False,
) -> None:
    """Write blocks: formatted when the stream is a terminal (and not ``plain``), else plain text;
    ``pager`` pages them when the stream is a terminal. A ``lens`` needs the ``briefing``."""
    stream = stream or sys.stdout
    terminal = stream.isatty()
    if plain is None:
        plain = not terminal or os.environ.get("TERM") == "dumb"
    if lens is not None and briefing is not None:
        blocks = focus(blocks, lens, briefing)
    match = lens.match if lens else None
    width = width_from_env()
    output = to_plain(blocks, width, match) if plain else render_terminal(blocks, width, match)
    if pager and terminal:
        page(output, stream)
    else:
        stream.write(output)


def terminal_console(stream: TextIO, width: int | None = None) -> Console:
    """A Rich console that never reads content as markup or guesses highlights."""
    from rich.console import Console

    # Only used once the output is known to go to a terminal (or a test says to treat it as one).
    return Console(
        file=stream, force_terminal=True, markup=False, highlight=False, emoji=False, soft_wrap=False, width=width
    )


def emit(
    blocks: Sequence[Block], *, plain: bool = False, lens: Lens | None = None, briefing: Briefing | None = None
) -> int:
    """Write blocks to stdout, paged on a terminal (``plain`` forces plain text); exit status 0,
    even when the reader hangs up."""
    try:
        write(blocks, sys.stdout, plain=True if plain else None, lens=lens, briefing=briefing, pager=True)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped reading (`brief show | head`): not worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0
