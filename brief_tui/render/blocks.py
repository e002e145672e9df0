"""Text blocks: what every text output of a briefing is made of.

The layout (:mod:`brief_tui.render.layout`) turns items into blocks: headings, lines of
styled spans that carry their reference targets, Markdown prose and tables. Writers turn
blocks into detail-pane rows, plain text, Rich renderables, Markdown or HTML, so every
output says the same thing; a :class:`~brief_tui.render.lens.Lens` adjusts blocks for
all of them at once. Every content string is cleaned (:mod:`brief_tui.render.safe`)
when a block is built; styles are semantic names that each writer maps to its own look.
Nothing here imports Rich or Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple, TypeAlias

from brief_tui.model import Briefing, Citation, Event, Item, Party, Position, Quote, Thread, Version
from brief_tui.render.labels import (
    citation_label,
    claim_sourcing,
    date_label,
    event_status_label,
    leaning_label,
    thread_status_label,
)
from brief_tui.render.safe import clean_line
from brief_tui.render.unbroken import KEEP, kept

__all__ = [
    "Block",
    "Heading",
    "Line",
    "Prose",
    "Span",
    "Table",
    "address",
    "attribution",
    "badge",
    "citation_rows",
    "citation_spans",
    "citation_where",
    "citations_line",
    "cite",
    "comma",
    "event_line",
    "field_line",
    "header",
    "is_web_url",
    "item_ref",
    "language_tag",
    "line",
    "listed",
    "missing",
    "names",
    "position_row",
    "quote_lines",
    "remarks",
    "section",
    "span",
    "thread_line",
]

KEPT_NAME = 30
"""A quote's attribution no longer than this (characters) stays on one line."""

# Semantic style names; each writer maps them to its own look.
# A span's style may name several, space-separated (``em strong``); summaries add ``em``,
# ``strong`` and ``code``, a lens ``match`` and ``mark``.
STYLES = ("title", "label", "dim", "status", "grade", "anon", "quote", "banner", "missing", "ref", "cite", "link")


class Span(NamedTuple):
    """A run of text with one style; ``ref`` names an item id, ``url`` an external address."""

    text: str
    style: str = ""
    ref: str | None = None
    url: str | None = None
    show_ref: bool = True
    """Whether a plain writer appends ``[ref]`` so the reader can ``brief show`` it."""


class Heading(NamedTuple):
    """A heading; ``level`` 1 is an item's title, 2 a section; ``anchor`` an item id."""

    text: str
    level: int = 2
    anchor: str | None = None


class Line(NamedTuple):
    """One logical line of spans, wrapped by the writer; ``indent`` counts levels."""

    spans: tuple[Span, ...]
    indent: int = 0
    bullet: bool = False


class Prose(NamedTuple):
    """A Markdown summary, cleaned of control characters but otherwise as written."""

    source: str
    indent: int = 0


class Table(NamedTuple):
    """Rows of labelled cells under column headers (a document's versions side by side)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[tuple[Span, ...], ...]], ...] = ()


Block: TypeAlias = Heading | Line | Prose | Table


def is_web_url(url: str) -> bool:
    """Whether a URL may become a link: http or https, with a host, and nothing odd in it."""
    from urllib.parse import urlsplit

    if any(char.isspace() or ord(char) < 32 or char in "<>\"'\\`" for char in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def span(value: str, style: str = "", *, ref: str | None = None, url: str | None = None) -> Span:
    """A span of content text, folded onto one line and made safe (an outer space is kept as one)."""
    folded = clean_line(value)
    if folded:
        folded = (" " if value[:1] == " " else "") + folded + (" " if value[-1:] == " " else "")
    return Span(folded, style, ref=ref, url=clean_line(url) if url else None)


def badge(label: str, after: str = "") -> Span:
    """A status or leaning as glyph and word (``◌ expected``), never split at a line's end."""
    return Span(kept(label) + after, "status")


def line(*spans: Span | None, indent: int = 0, bullet: bool = False) -> Line:
    """A line from spans, skipping the ``None`` ones."""
    return Line(tuple(s for s in spans if s is not None), indent, bullet)


def missing(what: str = "not given") -> Span:
    """What the material does not give, shown as missing."""
    return Span(what, "missing")


def item_ref(item: Item, text: str | None = None, style: str = "ref") -> Span:
    """A reference to an item, labelled with its title or name."""
    label = item.name if isinstance(item, (Version, Party)) else item.label
    return span(text if text is not None else label, style, ref=item.id)


def field_line(label: str, *spans: Span | None, indent: int = 0) -> Line:
    """``Label: value`` on one line."""
    return line(Span(f"{label}: ", "label"), *spans, indent=indent)


def cite(citation: Citation) -> Span:
    """One citation: the source's name, anonymous and via marks, grade (or ``ungraded``), credibility."""
    source_only = citation_label(Citation(citation.source))
    label = source_only + ("" if citation.source.grade else " [ungraded]")
    label += citation_label(citation)[len(source_only) :]  # the credibility, when given
    style = "anon" if citation.source.anonymous else "cite"
    return Span(clean_line(label), style, ref=citation.source.id, show_ref=False)


def citation_where(citation: Citation) -> list[Span]:
    """Where in the source a claim is: ``, paragraph 4, https://…, accessed 2026-03-14`` (the address
    shown to copy, never opened by brief), or nothing when the citation does not say."""
    spans: list[Span] = []
    if citation.locator:
        spans.append(span(f", {citation.locator}", "dim"))
    if citation.url:
        spans += [Span(", ", "dim"), span(citation.url, "link", url=citation.url)]
    if citation.accessed:
        spans.append(Span(f", accessed {date_label(citation.accessed)}", "dim"))
    return spans


def citation_spans(citations: Sequence[Citation]) -> list[Span]:
    """Citations as spans, without separators."""
    return [cite(c) for c in citations]


def citations_line(citations: Sequence[Citation], indent: int = 1) -> Line:
    """``sources: Axios; A second source, anonymous, via Axios [F]``, every claim's provenance."""
    spans: list[Span] = [Span("sources: ", "label")]
    if not citations:
        spans.append(missing("none given"))
    for number, citation in enumerate(citations):
        if number:
            spans.append(Span("; ", "dim"))
        spans.append(cite(citation))
        spans += citation_where(citation)
        if citation.note:
            spans.append(span(f" ({citation.note})", "dim"))
    note = claim_sourcing(citations)
    if note and citations:
        spans.append(Span(f" — {note}", "anon"))
    return Line(tuple(spans), indent)


def citation_rows(citations: Sequence[Citation], indent: int = 1) -> list[Line]:
    """Citations one a row, with their notes, and a warning when all are anonymous or none given."""
    rows = [
        line(cite(c), *citation_where(c), span(f" — {c.note}", "dim") if c.note else None, indent=indent, bullet=True)
        for c in citations
    ]
    note = claim_sourcing(citations)
    if note:
        rows.append(line(Span(note, "anon"), indent=indent))
    return rows


def comma(spans: list[Span]) -> list[Span]:
    """Spans with ``; `` between them."""
    out: list[Span] = []
    for item in spans:
        if out:
            out.append(Span("; "))
        out.append(item)
    return out


def names(items: Iterable[Item], indent: int = 0, label: str = "") -> Line | None:
    """Items as comma-separated references, optionally after a label; None when there are none."""
    spans: list[Span] = []
    for item in items:
        if spans:
            spans.append(Span(", "))
        spans.append(item_ref(item))
    if not spans:
        return None
    return field_line(label, *spans, indent=indent) if label else Line(tuple(spans), indent)


def section(title: str, body: Sequence[Block], base: int) -> list[Block]:
    """A section heading one level below ``base`` over ``body``; nothing when the body is empty."""
    return [Heading(title, base + 1), *body] if body else []


def header(item: Item, briefing: Briefing, kind: str, base: int, *extra: Span | None) -> list[Block]:
    """An item's title heading and a line with its kind (its address closes the page: :func:`address`)."""
    title = item.name if isinstance(item, (Version, Party)) else item.label
    if isinstance(item, Quote):
        title = f"Quote: {item.said_by}"
    return [Heading(clean_line(title), base, anchor=item.id), line(Span(kind, "dim"), *extra)]


def address(item: Item, briefing: Briefing) -> Line:
    """``Address: briefing/item``, what ``brief show`` takes."""
    return field_line("Address", span(briefing.address(item), "dim"))


def listed(title: str, items: Iterable[Item], base: int) -> list[Block]:
    """A section listing items one a row, as references."""
    return section(title, [line(item_ref(i), indent=1, bullet=True) for i in items], base)


def thread_line(thread: Thread, indent: int = 1, status: str | None = None) -> Line:
    """A thread as a list row: status glyph and word (``status``: as known on a date), title, confidence."""
    confidence = Span(f" (confidence {thread.confidence})", "dim") if thread.confidence else None
    return line(
        badge(thread_status_label(status or thread.status)),
        Span("  "),
        item_ref(thread),
        confidence,
        indent=indent,
        bullet=True,
    )


def event_line(event: Event, indent: int = 1) -> Line:
    """An event as a list row: date, status glyph and word, title."""
    # The date alone, its qualifier by mark: the author's own words for it are on the event's page;
    # an event with no date yet shows those words (its display date) or "no date yet".
    when = date_label(event.date, words=False) if event.date else event.shown_date
    shown = span(when, "label")
    likelihood = Span(f" ({event.likelihood.replace('-', ' ')})", "dim") if event.likelihood else None
    return line(
        shown,
        Span("  "),
        badge(event_status_label(event.status)),
        Span("  "),
        item_ref(event),
        likelihood,
        indent=indent,
        bullet=True,
    )


def language_tag(quote: Quote) -> Span | None:
    """The quote's language as a small tag, `` [uk]``; None when the file does not say."""
    return span(f" [{quote.language}]", "dim") if quote.language else None


def attribution(quote: Quote) -> tuple[Span, Span]:
    """`` — Name``: the dash joined to the quote's last word and to the name, and a name this
    short joined whole, so the name is never left alone on a line when it can share one."""
    said = item_ref(quote.speaker) if quote.speaker else span(quote.said_by, "anon")
    if len(said.text) <= KEPT_NAME:
        said = said._replace(text=kept(said.text))
    return Span(f"{KEEP}—{KEEP}"), said


def quote_lines(quote: Quote, indent: int = 1) -> list[Block]:
    """A quote with its language, who said it, when, and its sources."""
    when = Span(f", {date_label(quote.date)}", "dim") if quote.date else None
    return [
        line(
            span(f"“{quote.text}”", "quote", ref=quote.id),
            language_tag(quote),
            *attribution(quote),
            when,
            indent=indent,
            bullet=True,
        ),
        citations_line(quote.sources, indent + 1),
    ]


def remarks(quotes: Sequence[Quote], indent: int = 1) -> list[Block]:
    """Quotes one remark at a time: each remark's first quote in the list, then its other renderings
    (``same_as``: translations, other wordings) under it, each a reference of its own."""
    blocks: list[Block] = []
    placed: set[int] = set()
    for quote in quotes:
        if id(quote) in placed:
            continue
        placed.update(id(q) for q in (quote, *quote.renderings))
        blocks += quote_lines(quote, indent)
        for rendering in quote.renderings:
            blocks += quote_lines(rendering, indent + 1)
    return blocks


def position_row(thread: Thread, position: Position) -> list[Block]:
    """A position as a row under another heading (an actor's or a party's page), with its sources."""
    when = Span(date_label(position.as_of), "label") if position.as_of else missing("undated")
    leaning = badge(leaning_label(position.leaning or "unknown"))
    return [
        line(item_ref(thread), Span("  "), leaning, Span("  "), when, indent=1, bullet=True),
        line(span(position.stance), indent=2),
        citations_line(position.sources, 2),
    ]
