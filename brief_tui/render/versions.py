"""A document's versions as text blocks: the list, one version, and two compared part by part.

Rich-free. The screen lays :func:`version_blocks` side by side (wide) or one above the
other (narrow) over :func:`parts_blocks`; ``brief show DOC --compare V1 V2`` prints
:func:`comparison_blocks`. Each version keeps its own sources and grades, so rival
accounts of one text stay visibly rival.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief_tui.render.blocks import (
    Block,
    Heading,
    Line,
    Prose,
    Span,
    citations_line,
    field_line,
    item_ref,
    line,
    missing,
    names,
    span,
)
from brief_tui.render.labels import date_label

if TYPE_CHECKING:
    from brief_tui.model import Document, Version
    from brief_tui.model.compare import Comparison, PartChange

__all__ = ["CHANGE_MARKS", "comparison_blocks", "parts_blocks", "version_blocks", "versions_list"]

CHANGE_MARKS = {"added": "+", "dropped": "-", "changed": "~", "same": "="}
"""A mark per kind of change, read with its word, never by colour alone."""


def _facts(version: Version) -> list[Span]:
    spans: list[Span] = [Span(date_label(version.date), "label") if version.date else missing("undated")]
    if version.points is not None:
        spans.append(Span(f" · {version.points} points", "dim"))
    state = getattr(version, "state", None)
    if isinstance(state, str):
        spans.append(span(f" · {state}", "status"))
    return spans


def versions_list(document: Document) -> list[Block]:
    """Every version: label, date, points, authors, and its sources with their grades."""
    blocks: list[Block] = []
    for version in document.versions:
        blocks.append(line(item_ref(version), Span("  "), *_facts(version), bullet=True))
        authors = names(version.authors, indent=1, label="authors")
        if authors is not None:
            blocks.append(authors)
        blocks.append(citations_line(version.sources, 1))
    return blocks


def version_blocks(version: Version) -> list[Block]:
    """One side of a comparison: the version's name, facts, authors, sources and summary."""
    blocks: list[Block] = [Heading(version.name, 2, anchor=version.id), line(*_facts(version))]
    authors = names(version.authors, label="authors")
    if authors is not None:
        blocks.append(authors)
    blocks.append(citations_line(version.sources, 0))
    blocks.append(Prose(version.summary) if version.summary else line(missing("no summary")))
    return blocks


def _part_line(change: PartChange, *, compared: bool = True) -> list[Block]:
    mark = CHANGE_MARKS[change.change] if compared else "·"
    what = change.change if not change.fields else f"changed: {', '.join(change.fields)}"
    what = what if compared else "in one version only"
    blocks: list[Block] = [line(Span(f"{mark} ", "status"), span(change.title, "label"), Span(f"  ({what})", "dim"))]
    before, after = change.before, change.after
    if change.change == "changed" and before is not None and after is not None and "summary" in change.fields:
        blocks.append(field_line("was", span(before.summary) if before.summary else missing("no summary"), indent=1))
        blocks.append(field_line("now", span(after.summary) if after.summary else missing("no summary"), indent=1))
    else:
        part = after or before
        if part is not None and part.summary:
            blocks.append(line(span(part.summary), indent=1))
    part = after or before
    if part is not None and part.sources:
        blocks.append(citations_line(part.sources, 1))
    return blocks


def parts_blocks(comparison: Comparison) -> list[Block]:
    """The parts compared: added, dropped, changed (with both summaries) and the same, each marked."""
    blocks: list[Block] = [Heading("Parts compared", 2)]
    counts = [
        f"{len(group)} {word}"
        for word, group in (
            ("added", comparison.added),
            ("dropped", comparison.dropped),
            ("changed", comparison.changed),
            ("the same", comparison.same),
        )
        if group
    ]
    if not comparison.parts:
        return [*blocks, line(missing("neither version lists its parts"))]
    silent = next((v for v in (comparison.before, comparison.after) if not v.parts), None)
    if silent is not None:
        # One account lists no parts: its silence is not a change, so nothing is "added" or "dropped".
        blocks.append(line(missing(f"{silent.name} lists no parts; the other's are shown, not compared")))
        for change in comparison.parts:
            blocks += _part_line(change, compared=False)
        return blocks
    blocks.append(line(Span(", ".join(counts), "dim")))
    for change in comparison.parts:
        blocks += _part_line(change)
    return blocks


def _rivalry(comparison: Comparison) -> Line | None:
    before, after = comparison.before.sources, comparison.after.sources
    if before and after and not comparison.shared_sources:
        return line(Span("Separate accounts: the two versions share no source; each stands on its own.", "anon"))
    return None


def comparison_blocks(comparison: Comparison) -> list[Block]:
    """Two versions compared, for ``brief show DOC --compare V1 V2``: each version, then the parts."""
    blocks: list[Block] = [
        Heading(f"{comparison.document.title}: two versions compared", 1, anchor=comparison.document.id),
        line(item_ref(comparison.before), Span("  →  ", "dim"), item_ref(comparison.after)),
    ]
    rivalry = _rivalry(comparison)
    if rivalry is not None:
        blocks.append(rivalry)
    blocks += version_blocks(comparison.before)
    blocks += version_blocks(comparison.after)
    blocks += parts_blocks(comparison)
    return blocks
