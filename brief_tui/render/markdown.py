"""Markdown summaries as Rich ``Text`` blocks, with ``[text](#id)`` links collected.

A small renderer over markdown-it's tokens (already installed with Rich) rather than
Textual's ``Markdown`` widget: it is cheaper to import, draws no widget per block, and
lets the detail pane turn in-briefing links into followable rows. Raw HTML is shown as
text, never interpreted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.text import Text

from brief_tui.render.safe import clean

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["Link", "RenderedMarkdown", "render_markdown"]


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


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def render_markdown(source: str) -> RenderedMarkdown:
    """Render a Markdown summary; content is never read as Rich markup."""
    out = RenderedMarkdown()
    markers: list[str] = []  # "•" or "#" per open list
    ordinals: list[int] = []
    item_started = False
    heading = False
    for token in _parser().parse(source):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            markers.append("•" if kind == "bullet_list_open" else "#")
            ordinals.append(int(token.attrGet("start") or 1) - 1)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            markers.pop()
            ordinals.pop()
        elif kind == "list_item_open":
            ordinals[-1] += 1
            item_started = True
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "inline":
            block = _inline(token, out.links)
            if heading:
                block.stylize("bold")
            if markers:
                indent = "  " * (len(markers) - 1)
                bullet = "• " if markers[-1] == "•" else f"{ordinals[-1]}. "
                lead = indent + (bullet if item_started else " " * len(bullet))
                block = Text(lead) + block
                item_started = False
            out.blocks.append(block)
        elif kind in ("fence", "code_block"):
            out.blocks.append(Text(clean(token.content.rstrip("\n")), style="dim"))
        elif kind == "hr":
            out.blocks.append(Text("─" * 8, style="dim"))
    return out


def _inline(token: Token, links: list[Link]) -> Text:
    text = Text()
    styles: list[str] = []
    link_start: int | None = None
    href = ""
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "html_inline"):
            text.append(clean(child.content), style=" ".join(styles))
        elif kind == "code_inline":
            text.append(clean(child.content), style="reverse")
        elif kind in ("softbreak", "hardbreak"):
            text.append(" " if kind == "softbreak" else "\n")
        elif kind == "strong_open":
            styles.append("bold")
        elif kind == "em_open":
            styles.append("italic")
        elif kind in ("strong_close", "em_close") and styles:
            styles.pop()
        elif kind == "link_open":
            href = str(child.attrGet("href") or "")
            link_start = len(text)
            styles.append("underline")
        elif kind == "link_close" and link_start is not None:
            styles.pop()
            label = text.plain[link_start:]
            if href.startswith("#") or href.startswith(("http://", "https://")):
                links.append(Link(label, href))
            link_start = None
        elif kind == "image":
            text.append(clean(child.content or ""), style="italic")
    return text
