"""The detail-pane writer: an item's blocks as rows of text and followable references.

The layout of every item is :mod:`brief_tui.render.layout` (the same as ``brief show`` and
the exports); this module only writes it for the pane. A row with a ``target`` is a
reference the reader can follow; a line naming several items becomes one row per item,
the later ones hanging under the first, so every reference can be followed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from brief_tui.model import Briefing, Item, Quote, Version
from brief_tui.render.blocks import Block, Heading, Line, Prose, Span
from brief_tui.render.cells import cells
from brief_tui.render.lens import Lens, Matcher, focus
from brief_tui.render.markdown import parse_markdown
from brief_tui.render.rich_text import Hanging, hanging, paragraph_rich, spans_rich, table_rich
from brief_tui.render.safe import text
from brief_tui.render.unbroken import KEEP

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["Overview", "Row", "Shown", "rows_for", "title_of"]


class Overview:
    """Stands for the briefing's overview in the sidebar and the detail pane."""

    KIND = "overview"

    def __init__(self, briefing: Briefing, whole: Briefing | None = None) -> None:
        self.briefing = briefing
        self.id = briefing.id
        self.whole = whole
        """The briefing before a filter narrowed it to ``briefing`` (None: not filtered)."""


Shown = Item | Overview


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the detail pane: text, and what following it opens (if anything)."""

    content: RenderableType
    target: Shown | None = None
    url: str | None = None


def blocks_for(item: Shown, briefing: Briefing) -> list[Block]:
    """The blocks that lay ``item`` out (its title heading included)."""
    from brief_tui.render.layout import render_item, render_overview

    if isinstance(item, Overview):
        # A filter's overview stands for the briefing as it leaves it (and says what it hides).
        return render_overview(item.briefing, whole=item.whole)
    return render_item(item, briefing)


def rows_for(item: Shown, briefing: Briefing, *, lens: Lens | None = None) -> list[Row]:
    """The rows that show ``item``; the pane's title shows its title, so no row repeats it."""
    blocks = focus(blocks_for(item, briefing), lens, briefing)
    match = lens.match if lens else None
    rows: list[Row] = []
    for block in blocks:
        if isinstance(block, Heading):
            if block.level > 1:
                target = briefing.get(block.anchor) if block.anchor else None
                rows.append(Row(Text(block.text, "bold underline"), target=target))
        elif isinstance(block, Line):
            rows += _line_rows(block, briefing)
        elif isinstance(block, Prose):
            rows += _prose_rows(block, briefing, match)
        else:
            rows.append(Row(table_rich(block)))
    return rows


def title_of(item: Shown) -> Text:
    """The pane title for an item."""
    if isinstance(item, Overview):
        return text(item.briefing.title, one_line=True)
    if isinstance(item, Version):
        return text(item.name, one_line=True)
    if isinstance(item, Quote):
        return text(f"Quote: {item.said_by}", one_line=True)
    return text(item.label, one_line=True)


def _line_rows(block: Line, briefing: Briefing) -> Iterator[Row]:
    """A line as rows: one per reference it holds, each row from its reference to the next."""
    pad = "  " * max(0, block.indent - 1)
    pieces = _split_at_refs(block.spans)
    first_target = briefing.get(pieces[0][1]) if pieces[0][1] else None
    lead = pad + (("→ " if first_target is not None else "• ") if block.bullet else "")
    hang = ""
    if len(pieces) > 1:
        # Later references of the line hang under its first one.
        before = "".join(s.text for s in pieces[0][0][: next((n for n, s in enumerate(pieces[0][0]) if s.ref), 0)])
        hang = " " * (cells(lead) + cells(before))
    for number, (spans, ref) in enumerate(pieces):
        body = spans_rich(spans, show_refs=False)
        target = briefing.get(ref) if ref else None
        prefix = hang if number else lead
        yield Row(hanging(prefix, body), target=target)


def _split_at_refs(spans: Sequence[Span]) -> list[tuple[list[Span], str | None]]:
    pieces: list[tuple[list[Span], str | None]] = [([], None)]
    for item in spans:
        # A reference cut into pieces (a search match marked inside it) stays one reference.
        continuing = bool(pieces[-1][0]) and pieces[-1][0][-1].ref == item.ref
        if item.ref and item.style != "mark" and not continuing:
            if pieces[-1][1] is not None:
                # The separator before this reference ends the previous row, unless it is joined
                # to the reference (``— Olha Stefanishyna``): then it opens the reference's row.
                pieces.append((_joined_to_next(pieces[-1][0]), None))
            pieces[-1] = (pieces[-1][0], item.ref)
        pieces[-1][0].append(item)
    out: list[tuple[list[Span], str | None]] = []
    for spans_of, ref in pieces:
        leading = list(spans_of)
        while leading and ref is not None and not leading[0].text.strip():
            leading.pop(0)
        out.append((leading, ref))
    return out or [([], None)]


def _joined_to_next(spans: list[Span]) -> list[Span]:
    """The spans without a reference that close ``spans`` joined to what follows (ending in
    ``KEEP``), taken off ``spans``; a row does not start with a space."""
    joined: list[Span] = []
    while spans and not spans[-1].ref and spans[-1].text.endswith(KEEP):
        joined.insert(0, spans.pop())
    if joined:
        joined[0] = joined[0]._replace(text=joined[0].text.lstrip())
    return joined


def _prose_rows(block: Prose, briefing: Briefing, match: Matcher | None) -> Iterator[Row]:
    """A summary as paragraphs, then a row for each item or address it links to."""
    prefix = "  " * max(0, block.indent - 1)
    linked: dict[str, Row] = {}
    paragraphs = parse_markdown(block.source)
    for paragraph in paragraphs:
        if paragraph.gap:
            yield Row(Text(""))
        yield Row(paragraph_rich(paragraph, prefix, match=match, show_refs=False))
        for item in paragraph.spans:
            target = briefing.get(item.ref) if item.ref else None
            if target is not None and item.ref not in linked:
                linked[item.ref or ""] = Row(Hanging(prefix + "→ ", text(item.text, one_line=True)), target=target)
            elif item.url and item.url not in linked:
                shown = Text(f"{item.text}: {item.url}", "underline")
                linked[item.url] = Row(Hanging(prefix + "  ", shown), url=item.url)
    yield from linked.values()
