"""Markdown summaries as blocks of spans: the one Markdown front end of every writer.

markdown-it-py (CommonMark, installed with Rich) parses; raw HTML and images stay off, so
they read as the text they are. A summary becomes :class:`Paragraph` blocks of
:class:`~brief_tui.render.blocks.Span` (``em``, ``strong``, ``code`` and ``link`` styles);
``[text](#id)`` carries the item id as ``ref``, an http(s) link its ``url``, any other
link is text. Summaries that use no Markdown at all (most do not) skip the parser, so
the first screen does not pay for importing it. Nothing here imports Rich or Textual,
and nothing is ever read as Rich markup.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from brief_tui.render.blocks import Span, is_web_url
from brief_tui.render.safe import clean

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["Paragraph", "parse_markdown"]

# Text with none of these characters, and no line that opens a block, is plain paragraphs.
_SPECIAL = re.compile(
    r"[\\`*_\[\]<>!&#~|=\x00-\x08\x0e-\x1f\x7f]"  # inline Markdown, entities, controls
    r"|[^\S \n]"  # whitespace other than space and newline (tabs, form feeds, no-break spaces)
    r"|^ {0,3}(?:[-+]|\d{1,9}[.)])(?:\s|$)|^ {4}",  # list items, code blocks
    re.M,
)
# ``[plain words](#id)``: the quick path understands this piece of Markdown...
_ID_LINK = re.compile(r"\[([^\\`*_\[\]<>!&#~|=\n]+)\]\(#([a-z0-9][a-z0-9-]{0,63})\)")
# ...and ``**strong**`` or ``*em*`` words, set off from the words around them (``a**b**``
# and emphasis holding a link or running over a line take the parser), as in
# "talks were **complex**". (U+FFFC stands for a link's brackets while checking.)
_EMPHASIS = re.compile(r"(?<![\w*\\])(?P<marks>\*\*?)(?=\w)(?P<words>[^*\n\[\]\ufffc]*?\w)(?P=marks)(?![\w*])")
_QUICK = re.compile(f"{_ID_LINK.pattern}|{_EMPHASIS.pattern}")


class Paragraph(NamedTuple):
    """One block of a summary: a paragraph, heading, list item, quoted line, code or rule.

    ``lead`` opens its first line (``• ``, ``1. ``, ``│ ``) and wrapped lines hang under
    the text after it; ``depth`` counts list levels; ``gap`` asks for a blank line before.
    """

    spans: tuple[Span, ...]
    kind: str = "paragraph"
    lead: str = ""
    depth: int = 0
    gap: bool = False


def parse_markdown(source: str) -> list[Paragraph]:
    """A Markdown summary as paragraphs of literal, cleaned spans."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    if not _SPECIAL.search(_EMPHASIS.sub(r"\g<words>", _ID_LINK.sub("\ufffc\\1\ufffc", source))):
        return _quick(source)
    return _Walk().run(_parser().parse(source))


def _quick(source: str) -> list[Paragraph]:
    """Paragraphs without the parser: exactly what CommonMark makes of text with no Markdown."""
    out: list[Paragraph] = []
    for number, chunk in enumerate(c for c in re.split(r"\n[ \t]*\n", source) if c.strip()):
        # CommonMark strips each line's outer spaces and keeps the inner ones.
        words = " ".join(part.strip(" \t") for part in chunk.split("\n") if part.strip(" \t"))
        spans: list[Span] = []
        position = 0
        for match in _QUICK.finditer(words):
            spans.append(Span(clean(words[position : match.start()])))
            if match.group(1) is not None:
                spans.append(Span(clean(match.group(1)), "link", ref=match.group(2)))
            else:
                style = "strong" if match.group("marks") == "**" else "em"
                spans.append(Span(clean(match.group("words")), style))
            position = match.end()
        spans.append(Span(clean(words[position:])))
        out.append(Paragraph(tuple(s for s in spans if s.text), gap=number > 0))
    return out


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable("image")


class _Walk:
    """Block tokens to paragraphs: tracks lists, quotes and the marker waiting for its item."""

    def __init__(self) -> None:
        self.out: list[Paragraph] = []
        self.lists: list[list[int]] = []  # per open list: [next number] (-1 when bulleted)
        self.tight: list[bool] = []
        self.quotes = 0
        self.lead: str | None = None
        self.heading = False
        self.fresh = False

    def run(self, tokens: list[Token]) -> list[Paragraph]:
        for token in tokens:
            self.step(token)
        return self.out

    def step(self, token: Token) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else -1
            self.fresh = not self.lists  # a new top-level list is set off from what came before
            self.lists.append([start])
            self.tight.append(True)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
            self.tight.pop()
        elif kind == "list_item_open":
            counter = self.lists[-1]
            self.lead = "• " if counter[0] < 0 else f"{counter[0]}. "
            if counter[0] >= 0:
                counter[0] += 1
        elif kind == "blockquote_open":
            self.quotes += 1
        elif kind == "blockquote_close":
            self.quotes -= 1
        elif kind == "paragraph_open" and self.tight and not token.hidden:
            self.tight[-1] = False
        elif kind in ("heading_open", "heading_close"):
            self.heading = kind == "heading_open"
        elif kind == "inline":
            self.add(_spans(token.children or []), "heading" if self.heading else "paragraph")
        elif kind in ("fence", "code_block"):
            self.add((Span(clean(token.content.rstrip("\n")), "code"),), "code")
        elif kind == "hr":
            self.add((Span("─" * 8, "dim"),), "rule")

    def add(self, spans: tuple[Span, ...], kind: str) -> None:
        lead = "│ " * self.quotes
        if self.lead is not None:
            lead += self.lead
        elif self.lists:
            lead += "  "  # a later paragraph of the same item sits under its text
        in_tight_list = bool(self.lists) and self.tight[-1] and self.lead is not None
        gap = bool(self.out) and (self.fresh or not in_tight_list)
        self.lead = None
        self.fresh = False
        self.out.append(Paragraph(spans, kind, lead, max(0, len(self.lists) - 1), gap))


def _spans(children: list[Token]) -> tuple[Span, ...]:
    """Inline tokens to spans: emphasis nests as space-separated style names."""
    out: list[Span] = []
    styles: list[str] = []
    ref: str | None = None
    url: str | None = None
    for token in children:
        kind = token.type
        if kind in ("em_open", "strong_open"):
            styles.append(kind[:-5] if kind == "strong_open" else "em")
        elif kind in ("em_close", "strong_close") and styles:
            styles.pop()
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
            ref = href[1:] if href.startswith("#") and len(href) > 1 else None
            url = href if ref is None and is_web_url(href) else None
        elif kind == "link_close":
            ref = url = None
        elif kind == "code_inline":
            out.append(Span(clean(token.content), " ".join([*styles, "code"])))
        elif kind in ("softbreak", "hardbreak"):
            out.append(Span(" "))
        elif token.content:
            linked = ref is not None or url is not None
            style = " ".join([*styles, "link"] if linked else styles)
            out.append(Span(clean(token.content), style, ref=ref, url=url))
    return tuple(_merge(out))


def _merge(spans: list[Span]) -> list[Span]:
    """Neighbouring spans of one style as one (the parser splits text at every ``*``); links stay apart."""
    out: list[Span] = []
    for item in spans:
        last = out[-1] if out else None
        if last and last.style == item.style and not (last.ref or last.url or item.ref or item.url):
            out[-1] = last._replace(text=last.text + item.text)
        else:
            out.append(item)
    return out
