"""A whole briefing as one self-contained HTML page, every claim with its sources and grades.

All content is escaped (``html.escape``); summaries go through markdown-it with raw
HTML and images off and only ``#id`` and http(s) links allowed. The page has inline
CSS, no scripts and no external resources, and a Content-Security-Policy that would
block them if any slipped in.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

from brief_tui.model import Briefing
from brief_tui.render.blocks import Block, Heading, Line, Prose, Span, Table, is_web_url
from brief_tui.render.export_md import ANCHOR, anchors_of
from brief_tui.render.layout import render_briefing
from brief_tui.render.safe import clean_line

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["export_html", "to_html"]

CSS = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
main { max-width: 50rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.8rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
h3 { margin-top: 2rem; } h4, h5, h6 { margin: 1.2rem 0 .4rem; }
p.line { margin: .2rem 0; } .bullet::before { content: "• "; }
.i1 { margin-left: 1.5rem; } .i2 { margin-left: 3rem; } .i3 { margin-left: 4.5rem; } .i4 { margin-left: 6rem; }
.prose { margin: .5rem 0; } .label, .title, .status { font-weight: 600; }
.dim, .missing { color: #5f5f5f; } .missing, .quote { font-style: italic; }
.anon { color: #7a2e8e; } .grade { color: #8a5a00; }
.banner { display: inline-block; font-weight: 700; background: #1b1b1b; color: #fff; padding: 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; vertical-align: top; text-align: left; }
a { color: #0b57a4; } .em { font-style: italic; } .strong, .mark { font-weight: 700; }
.code { font-family: ui-monospace, monospace; } .match { background: #ffe58a; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6e6; background: #161616; } .dim, .missing { color: #a8a8a8; }
  .anon { color: #d49ae6; } .grade { color: #e0b050; } .banner { background: #e6e6e6; color: #161616; }
  a { color: #8ab8f0; } th, td, h2 { border-color: #444; } .match { background: #6b5800; }
}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")

    def allowed(url: str) -> bool:
        return (url.startswith("#") and ANCHOR.fullmatch(url[1:]) is not None) or is_web_url(url)

    parser.validateLink = allowed  # type: ignore[method-assign]
    return parser


def _spans(spans: Iterable[Span], anchors: set[str]) -> str:
    out: list[str] = []
    for item in spans:
        text = escape(item.text)
        if item.url and is_web_url(item.url):
            text = f'<a href="{escape(item.url)}" rel="noopener noreferrer">{text}</a>'
        elif item.ref and item.ref in anchors:
            text = f'<a href="#{escape(item.ref)}">{text}</a>'
        if item.style:
            text = f'<span class="{escape(item.style)}">{text}</span>'
        out.append(text)
    return "".join(out)


def _table(table: Table, anchors: set[str]) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    rows = "".join(
        f"<tr><th>{escape(label)}</th>" + "".join(f"<td>{_spans(c, anchors)}</td>" for c in cells) + "</tr>"
        for label, cells in table.rows
    )
    return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table>"


def to_html(blocks: Iterable[Block], anchors: set[str]) -> str:
    """Blocks as an HTML fragment; references become links to the anchors given."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = min(6, max(1, block.level))
            anchor = f' id="{escape(block.anchor)}"' if block.anchor and ANCHOR.fullmatch(block.anchor) else ""
            out.append(f"<h{level}{anchor}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Line):
            classes = ["line"] + ([f"i{min(block.indent, 4)}"] if block.indent else [])
            classes += ["bullet"] if block.bullet else []
            out.append(f'<p class="{" ".join(classes)}">{_spans(block.spans, anchors)}</p>')
        elif isinstance(block, Prose):
            indent = f" i{min(block.indent, 4)}" if block.indent else ""
            out.append(f'<div class="prose{indent}">{_markdown().render(block.source)}</div>')
        else:
            out.append(_table(block, anchors))
    return "\n".join(out) + "\n"


def export_html(briefing: Briefing) -> str:
    """The whole briefing as a self-contained HTML page."""
    body = to_html(render_briefing(briefing), anchors_of(briefing))
    language = escape(briefing.language or "en")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(clean_line(briefing.title))}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
