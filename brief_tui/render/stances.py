"""Stances as text blocks: the stance matrix, each party's positions over time, status steps.

Rich-free, like the rest of the presentation layer: blocks that every writer (the
screens, ``brief show --matrix``, exports) turns into its own look. A leaning reads by
a glyph and a letter, never by colour alone; a change over time is marked ``*``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief_tui.model.matrix import positions_over_time, stance_matrix, status_steps
from brief_tui.model.vocab import LEANINGS
from brief_tui.render.blocks import Block, Heading, Line, Span, badge, citations_line, item_ref, line, missing, span
from brief_tui.render.cells import cells
from brief_tui.render.labels import LEANING_GLYPHS, date_label, thread_status_label
from brief_tui.render.safe import clean_line

if TYPE_CHECKING:
    from brief_tui.model import Briefing, Thread
    from brief_tui.model.as_of import KnownOn
    from brief_tui.model.matrix import Cell, StanceMatrix

__all__ = [
    "CHANGED_MARK",
    "GRID_FROM",
    "LEANING_LETTERS",
    "cell_text",
    "history_blocks",
    "leaning_key",
    "matrix_blocks",
]

LEANING_LETTERS = {
    "proposes": "P",
    "supports": "S",
    "conditional": "C",
    "undecided": "U",
    "opposes": "O",
    "rejects": "R",
    "unknown": "?",  # the glyph already says it; a second letter would read as a leaning
}
CHANGED_MARK = "*"
GRID_FROM = 70
"""Columns from which the matrix is a grid; below, a list per thread."""
_CELL = 5  # "++P* " : glyph (two cells), letter, change mark, a gap
_TITLE_MAX = 32


def cell_text(cell: Cell | None) -> str:
    """A cell as four characters: ``++P*``, `` +S ``, or blank where the briefing says nothing."""
    if cell is None:
        return "    "
    leaning = cell.leaning if cell.leaning in LEANING_LETTERS else "unknown"
    mark = CHANGED_MARK if cell.changed else " "
    return f"{LEANING_GLYPHS[leaning]:>2}{LEANING_LETTERS[leaning]}{mark}"


def leaning_key() -> Line:
    """What the glyphs and letters mean, on one line."""
    spans: list[Span] = [Span("key: ", "label")]
    for leaning in LEANINGS:
        spans.append(Span(f"{LEANING_GLYPHS[leaning]}{LEANING_LETTERS[leaning]} {leaning}  ", "dim"))
    spans.append(Span(f"{CHANGED_MARK} changed over time  (blank: the briefing says nothing)", "dim"))
    return Line(tuple(spans))


def matrix_blocks(briefing: Briefing, width: int, known: KnownOn | None = None) -> list[Block]:
    """The stance matrix for ``brief show --matrix``: a grid from GRID_FROM columns, else a list per thread."""
    matrix = stance_matrix(briefing, known)
    blocks: list[Block] = [Heading("Stances", 1)]
    if known is not None and known.travelling:
        blocks.append(line(Span(known.label, "banner")))
    if not matrix.parties or matrix.empty:
        return [*blocks, line(missing("no party holds a position in this briefing"))]
    blocks += _grid(matrix, width) if width >= GRID_FROM else _list(matrix)
    blocks += [leaning_key()]
    return blocks


def _fit(text: str, width: int) -> str:
    """Text cut with an ellipsis, or padded, to ``width`` terminal cells."""
    if cells(text) > width:
        out, used = [], 0
        for char in text:
            if used + cells(char) > width - 1:
                break
            out.append(char)
            used += cells(char)
        text = "".join(out).rstrip() + "…"
    return text + " " * max(0, width - cells(text))


def _grid(matrix: StanceMatrix, width: int) -> list[Block]:
    label = min(_TITLE_MAX, max(10, width - _CELL * len(matrix.parties) - 2))
    head = _fit("Thread", label) + "".join(f"{_fit(clean_line(p.label), 4)} " for p in matrix.parties)
    rows: list[Block] = [line(Span(head.rstrip(), "label"))]
    for thread in matrix.threads:
        cells = "".join(f"{cell_text(cell)} " for cell in matrix.row(thread))
        rows.append(line(Span(_fit(clean_line(thread.title), label - 1) + " "), Span(cells.rstrip(), "status")))
    return rows


def _list(matrix: StanceMatrix) -> list[Block]:
    rows: list[Block] = []
    for thread in matrix.threads:
        rows.append(line(item_ref(thread), bullet=True))
        for party, cell in zip(matrix.parties, matrix.row(thread), strict=True):
            if cell is not None:
                rows.append(
                    line(
                        span(party.label, "label"),
                        Span(f"  {cell_text(cell).strip()}  ", "status"),
                        span(cell.stance),
                        indent=1,
                    )
                )
    return rows


def history_blocks(thread: Thread, known: KnownOn | None = None) -> list[Block]:
    """A thread's stances over time, party by party, and its status history as dated steps."""
    blocks: list[Block] = []
    for holder, positions in positions_over_time(thread, known):
        blocks.append(line(item_ref(holder), bullet=True))
        previous: str | None = None
        for position in positions:
            leaning = position.leaning or "unknown"
            when = Span(date_label(position.as_of), "label") if position.as_of else missing("undated")
            changed = Span(f" {CHANGED_MARK}", "status") if previous is not None and leaning != previous else None
            blocks.append(
                line(
                    when,
                    Span("  "),
                    badge(f"{LEANING_GLYPHS.get(leaning, '?')} {leaning}"),
                    changed,
                    Span("  "),
                    span(position.stance),
                    indent=1,
                )
            )
            blocks.append(citations_line(position.sources, 2))
            previous = leaning
    steps = status_steps(thread, known)
    if steps:
        spans: list[Span] = []
        for step in steps:
            if spans:
                spans.append(Span(" → ", "dim"))
            spans.append(Span(f"{date_label(step.date)} ", "label"))
            spans.append(badge(thread_status_label(step.status), "" if step.changed else " (again)"))
        blocks.append(Line(tuple(spans), 1))
    return blocks
