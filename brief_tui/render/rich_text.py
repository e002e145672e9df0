"""Spans, summaries and tables as Rich renderables: shared by the detail pane and ``brief show``.

Content goes in as ``Text`` built from literal strings, never as markup. Wrapped lines
hang under the text after a bullet or marker (:class:`Hanging`), not at column 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from brief_tui.render.blocks import Span, Table, is_web_url
from brief_tui.render.lens import Matcher, highlight
from brief_tui.render.markdown import Paragraph, parse_markdown
from brief_tui.render.unbroken import held, joins

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.containers import Lines
    from rich.measure import Measurement

__all__ = ["RICH_STYLES", "Hanging", "hanging", "paragraphs_rich", "spans_rich", "table_rich", "wrap", "wrapped_lines"]

# Semantic styles; colours drop out under NO_COLOR, bold and dim stay. Built from keywords,
# not parsed from strings: parsing a dozen style strings costs milliseconds on the first frame.
RICH_STYLES: dict[str, dict[str, bool | str]] = {
    "title": {"bold": True},
    "label": {"bold": True},
    "dim": {"dim": True},
    "status": {"bold": True},
    "grade": {"color": "yellow"},
    "anon": {"color": "magenta"},
    "quote": {"italic": True},
    "banner": {"bold": True, "reverse": True},
    "missing": {"dim": True, "italic": True},
    "ref": {"color": "cyan"},
    "cite": {},
    "link": {"underline": True},
    "em": {"italic": True},
    "strong": {"bold": True},
    "code": {"reverse": True},
    "match": {"reverse": True},
    "mark": {"bold": True},
}
_CACHE: dict[str, Style] = {}


def _style(names: str) -> Style:
    style = _CACHE.get(names)
    if style is None:
        keywords: dict[str, bool | str] = {}
        for name in names.split():
            keywords.update(RICH_STYLES.get(name, {}))
        style = _CACHE[names] = Style(**keywords)  # type: ignore[arg-type]
    return style


def spans_rich(spans: Iterable[Span], *, show_refs: bool = True) -> Text:
    """Spans as ``Text``: literal content, styled by name; only http(s) URLs become links."""
    out = Text()
    for item in spans:
        style = _style(item.style) if item.style else None
        if item.url and is_web_url(item.url):
            style = (style or Style()) + Style(link=item.url)
        out.append(item.text, style)
        if show_refs and item.ref and item.show_ref and item.ref != item.text:
            out.append(f" [{item.ref}]", "dim")
    return out


# Stand-ins for the joins kept while Rich wraps: not whitespace, one cell wide (private use).
_HOLDS = tuple(chr(code) for code in range(0xE000, 0xE100))


def wrap(body: Text, console: Console, width: int) -> Lines:
    """``body`` wrapped to ``width`` cells, each run of words joined by ``KEEP`` on one line
    when it fits (:mod:`brief_tui.render.unbroken`); the joins show as plain spaces."""
    plain = body.plain
    hold = _hold_for(plain)
    if hold is None:
        return body.wrap(console, width)
    joined = body.copy()
    joined.plain = held(plain, width, hold)  # the same length: the spans stay where they were
    lines = joined.wrap(console, width)
    for line in lines:
        line.plain = line.plain.replace(hold, " ")
    return lines


def wrapped_lines(body: Text, width: int) -> int | None:
    """How many lines :func:`wrap` makes of ``body`` at ``width``, from its plain text (None with a tab,
    which Rich expands as it wraps)."""
    from brief_tui.render.heights import text_lines

    plain = body.plain
    if "\t" in plain:
        return None
    hold = _hold_for(plain)
    if hold is not None:
        plain = held(plain, width, hold)
    return text_lines(plain, width, no_wrap=bool(body.no_wrap), fold=(body.overflow or "fold") == "fold")


def _hold_for(plain: str) -> str | None:
    """A character to hold joined words together while Rich wraps ``plain`` (None: nothing is joined)."""
    return next((char for char in _HOLDS if char not in plain), None) if joins(plain) else None


def hanging(lead: str, body: Text) -> RenderableType:
    """``body`` after ``lead``, its wrapped lines under its start; the ``Text`` itself when there is
    no lead and no words to keep together (Rich wraps it as well)."""
    return Hanging(lead, body) if lead or joins(body.plain) else body


class Hanging:
    """``lead`` then ``body``, the body's wrapped lines indented to where it started."""

    def __init__(self, lead: str, body: Text) -> None:
        self.lead = lead
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len

        indent = cell_len(self.lead)
        lines = wrap(self.body, console, max(1, options.max_width - indent))
        out = Text()
        for number, line in enumerate(lines):
            if number:
                out.append("\n")
            out.append(self.lead if number == 0 else " " * indent)
            out.append_text(line)
        out.end = "\n"
        out.no_wrap = True
        yield out

    def lines_needed(self, width: int) -> int | None:
        """How many lines this renders to at ``width`` (None where only a render can tell)."""
        from rich.cells import cell_len

        return wrapped_lines(self.body, max(1, width - cell_len(self.lead)))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        from brief_tui.render.cells import cells

        return Measurement(1, min(options.max_width, cells(self.lead) + self.body.cell_len))


def paragraphs_rich(
    source: str, prefix: str = "", *, match: Matcher | None = None, show_refs: bool = True
) -> Iterator[RenderableType | None]:
    """A Markdown summary as renderables; ``None`` stands for a blank line between paragraphs."""
    for paragraph in parse_markdown(source):
        if paragraph.gap:
            yield None
        yield paragraph_rich(paragraph, prefix, match=match, show_refs=show_refs)


def paragraph_rich(
    paragraph: Paragraph, prefix: str = "", *, match: Matcher | None = None, show_refs: bool = True
) -> RenderableType:
    """One paragraph of a summary, hanging under its marker."""
    body = spans_rich(highlight(paragraph.spans, match), show_refs=show_refs)
    if paragraph.kind == "heading":
        body.stylize("bold")
    if paragraph.kind == "code":
        body.stylize("dim")
        body.no_wrap = True
        return Text(prefix) + body if not prefix else _indent_lines(body, prefix)
    return Hanging(prefix + "  " * paragraph.depth + paragraph.lead, body)


def _indent_lines(body: Text, prefix: str) -> Text:
    return Text("\n").join(Text(prefix) + line for line in body.split("\n"))


def table_rich(table: Table) -> RenderableType:
    """Rows of labelled cells under their column headers."""
    from rich.table import Table as RichTable

    out = RichTable(show_edge=False, show_lines=True, header_style="bold", expand=True)
    out.add_column("")
    for header in table.columns:
        out.add_column(Text(header), ratio=1, overflow="fold")
    for label, row in table.rows:
        out.add_row(Text(label, "bold"), *(spans_rich(cell, show_refs=False) for cell in row))
    return out


def blank_lines(items: Sequence[RenderableType | None]) -> list[RenderableType]:
    """``None`` entries as empty lines."""
    return [Text() if item is None else item for item in items]
