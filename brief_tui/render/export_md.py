"""A whole briefing as one Markdown document, every claim with its sources and grades.

Content strings are escaped so they read literally; summaries stay Markdown but lose
raw HTML, images (an export loads nothing from elsewhere) and links other than
``#id`` (to an item of the export) and http(s) URLs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from brief_tui.model import Briefing
from brief_tui.render.blocks import Block, Heading, Line, Prose, Span, Table, is_web_url
from brief_tui.render.layout import render_briefing

__all__ = ["ANCHOR", "export_markdown", "safe_summary", "to_markdown"]

# Ids that are safe to write into an anchor as they are (format 1's id rule).
ANCHOR = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_ESCAPES = str.maketrans({char: "\\" + char for char in "\\`*_[]<>|~&"})
_LINE_START = re.compile(r"^(\s*)(\d+(?=[.)])|)([.)#>+=-])")
# An inline link or image; the target may hold one level of balanced parentheses.
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)")
_DEFINITION = re.compile(r"^(\s{0,3})\[([^\]\n]+)\]:\s*(\S+)(.*)$", re.M)
_STRONG = {"title", "label", "status", "banner", "match", "mark"}
_EMPHASIS = {"quote", "missing", "anon"}


def escape(value: str, *, line_start: bool = False) -> str:
    """Content text that Markdown shows literally."""
    value = value.translate(_ESCAPES)
    if line_start:
        # A block marker at the start of a line: `#`, `>`, `-`, `+`, `=`, or `1.` / `1)`.
        value = _LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), value)
    return value


def safe_summary(source: str, anchors: set[str]) -> str:
    """A Markdown summary with only in-export and http(s) links, no images, no raw HTML."""

    def link(match: re.Match[str]) -> str:
        image, label, target = match.groups()
        if image:
            return label
        if (target.startswith("#") and target[1:] in anchors) or is_web_url(target):
            return f"[{label}]({target})"
        return label

    def definition(match: re.Match[str]) -> str:
        indent, label, target, rest = match.groups()
        if is_web_url(target.strip("<>")):
            return match.group(0)
        return f"{indent}\\[{label}\\]: {escape(target)}{rest}"

    source = source.replace("<", "&lt;")
    source = _LINK.sub(link, source)
    return _DEFINITION.sub(definition, source)


def _inline(spans: Iterable[Span], anchors: set[str], *, line_start: bool = True) -> str:
    out: list[str] = []
    for item in spans:
        text = escape(item.text, line_start=line_start and not out)
        core = text.strip()
        if core:
            if item.url and is_web_url(item.url):
                core = f"[{core}](<{item.url}>)"
            elif item.ref and item.ref in anchors:
                core = f"[{core}](#{item.ref})"
            names = set(item.style.split())
            if names & _STRONG:
                core = f"**{core}**"
            elif names & _EMPHASIS:
                core = f"*{core}*"
            text = text[: len(text) - len(text.lstrip())] + core + text[len(text.rstrip()) :]
        out.append(text)
    return "".join(out)


def _table(table: Table, anchors: set[str]) -> list[str]:
    def cell(spans: Sequence[Span]) -> str:
        return _inline(spans, anchors, line_start=False).replace("\n", " ") or " "

    header = "| | " + " | ".join(escape(c) for c in table.columns) + " |"
    rule = "|---|" + "---|" * len(table.columns)
    rows = [f"| **{escape(label)}** | " + " | ".join(cell(c) for c in cells) + " |" for label, cells in table.rows]
    return [header, rule, *rows]


def to_markdown(blocks: Iterable[Block], anchors: set[str]) -> str:
    """Blocks as Markdown; references become links to the anchors given (a lens's highlights in bold)."""
    out: list[str] = []
    depth = -1  # list nesting of the previous line; -1 outside a list

    def gap() -> None:
        if out and out[-1] != "":
            out.append("")

    for block in blocks:
        if isinstance(block, Heading):
            gap()
            anchor = f'<a id="{block.anchor}"></a>\n' if block.anchor and ANCHOR.fullmatch(block.anchor) else ""
            out.append(f"{anchor}{'#' * min(6, block.level)} {escape(block.text, line_start=True)}")
            out.append("")
            depth = -1
        elif isinstance(block, Line):
            if block.indent == 0 and not block.bullet:
                gap()
                out.append(_inline(block.spans, anchors).strip())
                out.append("")
                depth = -1
                continue
            level = min(max(block.indent - 1, 0), depth + 1)
            out.append("  " * level + "- " + _inline(block.spans, anchors))
            depth = level
        elif isinstance(block, Prose):
            gap()
            pad = "  " * (depth + 1) if depth >= 0 else ""
            summary = safe_summary(block.source.strip("\n"), anchors)
            out += [pad + text if text else "" for text in summary.splitlines()]
            out.append("")
        else:
            gap()
            out += _table(block, anchors)
            out.append("")
            depth = -1
    while out and out[-1] == "":
        out.pop()
    return "\n".join(text.rstrip() for text in out) + "\n"


def anchors_of(briefing: Briefing) -> set[str]:
    """The ids an export of the briefing has anchors for."""
    ids = {briefing.id, *briefing.by_id}
    return {i for i in ids if ANCHOR.fullmatch(i)}


def export_markdown(briefing: Briefing) -> str:
    """The whole briefing as Markdown."""
    return to_markdown(render_briefing(briefing), anchors_of(briefing))
