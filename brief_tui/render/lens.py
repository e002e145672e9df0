"""What a reader asks the blocks to show: highlights of a query, marks on references, a filter.

Every writer takes an optional :class:`Lens`; with none, the blocks pass untouched and
nothing is paid. The lens works on blocks, so a new feature (search, "what changed",
bookmarks, time travel) sets a lens instead of touching a writer. Rich-free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from brief_tui.render.blocks import Block, Heading, Line, Span

if TYPE_CHECKING:
    from brief_tui.model import Briefing, Item

__all__ = ["Lens", "Matcher", "focus", "highlight", "literal"]

Matcher = Callable[[str], Iterable[tuple[int, int]]]
"""Where a query matches a text: ``(start, end)`` offsets, in order, not overlapping."""


class Lens(NamedTuple):
    """Optional views over blocks.

    ``match`` finds spans to highlight (style ``match``); ``mark_for`` gives a reference's
    mark (``"● new"``), written before it with style ``mark``; ``keep`` says whether a
    list row about an item stays (rows led by a reference to a dropped item go, with the
    rows indented under them, and sections left empty).
    """

    match: Matcher | None = None
    mark_for: Callable[[Item], str | None] | None = None
    keep: Callable[[Item], bool] | None = None


def literal(query: str) -> Matcher:
    """A matcher for a query taken literally, ignoring case (never a pattern, never markup)."""
    needle = query.casefold()

    def find(value: str) -> Iterable[tuple[int, int]]:
        if not needle:
            return
        # casefold can change lengths (ß -> ss); match on lower() where it keeps them.
        hay = value.casefold() if len(value.casefold()) == len(value) else value.lower()
        key = needle if len(value.casefold()) == len(value) else query.lower()
        start = hay.find(key)
        while start >= 0:
            yield start, start + len(key)
            start = hay.find(key, start + len(key))

    return find


def highlight(spans: Sequence[Span], match: Matcher | None) -> tuple[Span, ...]:
    """Spans cut where ``match`` finds the query, the found parts styled ``match`` as well."""
    if match is None:
        return tuple(spans)
    out: list[Span] = []
    for item in spans:
        position = 0
        for start, end in match(item.text):
            if start > position:
                out.append(item._replace(text=item.text[position:start]))
            out.append(item._replace(text=item.text[start:end], style=f"{item.style} match".strip()))
            position = end
        if position < len(item.text) or not item.text:
            out.append(item._replace(text=item.text[position:]))
    return tuple(out)


def focus(blocks: Sequence[Block], lens: Lens | None, briefing: Briefing) -> list[Block]:
    """The blocks as the lens shows them (the same list when there is no lens)."""
    if lens is None:
        return list(blocks)
    if lens.keep is not None:
        blocks = _kept(blocks, lens.keep, briefing)
    if lens.match is None and lens.mark_for is None:
        return list(blocks)
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Line):
            spans = _marked(block.spans, lens.mark_for, briefing) if lens.mark_for else block.spans
            block = block._replace(spans=highlight(spans, lens.match))
        out.append(block)
    return out


def _marked(spans: Sequence[Span], mark_for: Callable[[Item], str | None], briefing: Briefing) -> tuple[Span, ...]:
    out: list[Span] = []
    for item in spans:
        target = briefing.get(item.ref) if item.ref else None
        mark = mark_for(target) if target is not None else None
        if mark:
            out.append(Span(f"{mark} ", "mark"))
        out.append(item)
    return tuple(out)


def _kept(blocks: Sequence[Block], keep: Callable[[Item], bool], briefing: Briefing) -> list[Block]:
    out: list[Block] = []
    dropping: int | None = None  # the indent of a dropped row, while rows under it go too
    for block in blocks:
        if isinstance(block, Line):
            if dropping is not None and block.indent > dropping:
                continue
            dropping = None
            lead = next((s.ref for s in block.spans if s.ref), None) if block.bullet else None
            target = briefing.get(lead) if lead else None
            if target is not None and not keep(target):
                dropping = block.indent
                continue
        else:
            dropping = None
        out.append(block)
    return _without_empty_sections(out)


def _without_empty_sections(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level > 1:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is None or (isinstance(following, Heading) and following.level <= block.level):
                continue
        out.append(block)
    return out
