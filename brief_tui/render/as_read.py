"""A field's text as the reader sees it, on one line: what search snippets are cut from.

Markdown summaries go through the one Markdown front end (:mod:`brief_tui.render.markdown`),
so a snippet shows a link's text and no ``**``, ``#`` or backslash, as the detail pane
does; other fields are shown as written. Rich-free.
"""

from __future__ import annotations

from functools import lru_cache

from brief_tui.model.fields import MARKDOWN_FIELDS

__all__ = ["as_read"]


def as_read(field: str, text: str) -> str:
    """The text of a field as the reader sees it: a Markdown field's words, its paragraphs joined by spaces."""
    if field not in MARKDOWN_FIELDS:
        return text
    return _markdown_words(text)


@lru_cache(maxsize=512)  # each key of a search lists mostly the results the last key did
def _markdown_words(text: str) -> str:
    from brief_tui.render.markdown import parse_markdown

    paragraphs = parse_markdown(text)
    return " ".join(paragraph.lead + "".join(span.text for span in paragraph.spans) for paragraph in paragraphs)
