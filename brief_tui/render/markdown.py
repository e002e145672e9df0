"""Markdown summaries as Rich ``Text`` blocks, with ``[text](#id)`` links collected.

Summaries use a small part of Markdown: paragraphs, headings, bullet and numbered lists
(nested by indent), block quotes, fenced code, emphasis, inline code and links. This
renderer handles exactly that part; anything else shows as the text it is. It is ours
rather than markdown-it's because importing and building markdown-it costs about 15 ms,
paid on every launch since the first screen shows the overview's summary. Raw HTML and
Rich markup are never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rich.text import Text

from brief_tui.render.safe import clean

__all__ = ["Link", "RenderedMarkdown", "render_markdown"]

_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"( *)([-*+])\s+(.*)$")
_ORDERED = re.compile(r"( *)(\d{1,9})[.)]\s+(.*)$")
_QUOTE = re.compile(r" {0,3}>\s?(.*)$")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_RULE = re.compile(r" {0,3}([-*_])( *\1){2,}\s*$")
_INLINE = re.compile(
    r"\\(?P<escaped>[\\`*_{}\[\]()#+\-.!<>|~])"
    r"|`(?P<code>[^`]+)`"
    r"|\*\*(?P<strong>\S(?:.*?\S)?)\*\*"
    r"|(?<!\w)__(?P<strong2>\S(?:.*?\S)?)__(?!\w)"
    r"|\*(?P<em>[^\s*](?:.*?[^\s*])?)\*"
    r"|(?<!\w)_(?P<em2>[^\s_](?:.*?[^\s_])?)_(?!\w)"
    r"|\[(?P<label>[^\]]*)\]\((?P<href>[^()\s]*)(?:\s+\"[^\"]*\")?\)"
    r"|<(?P<auto>https?://[^>\s]+)>"
)


@dataclass(frozen=True, slots=True)
class Link:
    """A link found in a summary: an in-briefing id (``#id``) or an http(s) URL."""

    label: str
    target: str

    @property
    def item_id(self) -> str | None:
        """The id a ``#id`` link names, else None."""
        return self.target[1:] if self.target.startswith("#") else None


@dataclass(slots=True)
class RenderedMarkdown:
    """Blocks of text (paragraphs, list items, headings) and the links they hold."""

    blocks: list[Text] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def render_markdown(source: str) -> RenderedMarkdown:
    """Render a Markdown summary; content is never read as Rich markup."""
    out = RenderedMarkdown()
    paragraph: list[str] = []
    lead = ""  # the list marker or quote bar that starts the current block
    lines = source.replace("\r\n", "\n").split("\n")
    index = 0

    def flush() -> None:
        nonlocal lead
        if paragraph:
            block = Text(lead) + _inline(" ".join(part.strip() for part in paragraph), out.links)
            out.blocks.append(block)
            paragraph.clear()
        lead = ""

    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            flush()
            continue
        if _FENCE.match(line):
            flush()
            code: list[str] = []
            while index < len(lines) and not _FENCE.match(lines[index]):
                code.append(lines[index])
                index += 1
            index += 1
            out.blocks.append(Text(clean("\n".join(code)), style="dim"))
            continue
        if _RULE.match(line):
            flush()
            out.blocks.append(Text("─" * 8, style="dim"))
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            out.blocks.append(_inline(heading.group(2), out.links, "bold"))
            continue
        item = _BULLET.match(line) or _ORDERED.match(line)
        if item:
            flush()
            indent, marker, rest = item.groups()
            marker = "•" if marker in "-*+" else f"{marker}."
            lead = "  " * (len(indent) // 2) + marker + " "
            paragraph.append(rest)
            continue
        quote = _QUOTE.match(line)
        if quote:
            if lead != "│ ":
                flush()
                lead = "│ "
            paragraph.append(quote.group(1))
            continue
        paragraph.append(line)
    flush()
    return out


def _inline(source: str, links: list[Link], style: str = "") -> Text:
    """Emphasis, code and links in one line of text."""
    text = Text(style=style)
    position = 0
    for match in _INLINE.finditer(source):
        text.append(clean(source[position : match.start()]))
        position = match.end()
        kind = match.lastgroup
        if kind == "escaped":
            text.append(match.group("escaped"))
        elif kind == "code":
            text.append(clean(match.group("code")), style="reverse")
        elif kind in ("strong", "strong2"):
            text.append_text(_inline(match.group(kind), links, "bold"))
        elif kind in ("em", "em2"):
            text.append_text(_inline(match.group(kind), links, "italic"))
        elif kind == "auto":
            url = match.group("auto")
            text.append(clean(url), style="underline")
            links.append(Link(clean(url), url))
        else:
            label = _inline(match.group("label"), links, "underline")
            text.append_text(label)
            href = match.group("href")
            if href.startswith("#") or href.startswith(("http://", "https://")):
                links.append(Link(label.plain, href))
    text.append(clean(source[position:]))
    return text
