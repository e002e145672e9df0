"""What a reader types to find text: words, quoted phrases, smart case; and where they occur.

A query is read literally: no character of it (``[bold]``, ``*``, ``\\``) means more than
itself. Words must all occur within one item, in any of its fields and any order; a
``"quoted phrase"`` is one word, spaces included. A query without capitals ignores case;
one capital anywhere makes the whole query match case exactly (smart case, as in vim).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Query", "Snippet", "fold", "make_snippet", "normal", "parse_query"]

SNIPPET_WIDTH = 72
_SNIPPET_BEFORE = 24
_WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
# The controls and bidi characters render/safe.py blanks out (whitespace is kept apart).
_UNSAFE = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in _WHITESPACE)
_UNSAFE += "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_NORMAL = str.maketrans({c: "\ufffd" for c in _UNSAFE} | {c: " " for c in _WHITESPACE})
ODD = re.compile("[" + re.escape(_UNSAFE + _WHITESPACE) + "]")
"""Any character :func:`normal` changes."""
_QUERY_WORD = re.compile(r'"([^"]*)(?:"|$)|([^\s"]+)')


def normal(text: str) -> str:
    """The text on one line, character for character: whitespace as spaces, controls as U+FFFD."""
    text = text.replace("\n", " ")  # the common case, far faster than translate
    return text.translate(_NORMAL) if ODD.search(text) else text


def fold(text: str) -> str:
    """:func:`normal`, lower-cased without changing the length (so offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):  # 'İ' lowers to two characters: keep such ones as written
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return normal(low)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: its words (a phrase is one word) and whether case matters."""

    text: str
    words: tuple[str, ...]
    case_sensitive: bool
    keys: tuple[bytes, ...] = field(init=False, repr=False, compare=False)
    """The words as the search index stores text: folded, UTF-8."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(fold(w).encode() for w in self.words))

    @property
    def empty(self) -> bool:
        """Whether the query has nothing to look for."""
        return not self.words

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the words occur in ``text``: sorted, overlaps merged, offsets into ``text``."""
        if self.empty or not text:
            return []
        folded_text = fold(text)
        found: list[tuple[int, int]] = []
        for word in self.words:
            key = fold(word)
            at = folded_text.find(key)
            while at >= 0:
                if self.same(text, at, word):
                    found.append((at, at + len(key)))
                at = folded_text.find(key, at + 1)
        return _merged(found)

    def matches(self, texts: Iterable[str]) -> bool:
        """Whether every word occurs in one or another of the texts (an item's fields)."""
        missing = list(self.words)
        for text in texts:
            missing = [w for w in missing if not self._occurs(text, w)]
            if not missing:
                return True
        return not missing

    def _occurs(self, text: str, word: str) -> bool:
        if not self.case_sensitive:
            return fold(word) in fold(text)
        return normal(word) in normal(text)

    def same(self, text: str, at: int, word: str) -> bool:
        """Whether a folded match of ``word`` at ``at`` in ``text`` still matches once case counts."""
        return not self.case_sensitive or normal(text[at : at + len(word)]) == normal(word)


def parse_query(text: str) -> Query:
    """Read a query: words split on spaces, ``"quoted phrases"`` kept whole; never fails."""
    words: list[str] = []
    for match in _QUERY_WORD.finditer(text):
        word = match.group(1) if match.group(1) is not None else match.group(2)
        if word and word.strip() and word not in words:
            words.append(word)
    return Query(text, tuple(words), any(c.isupper() for c in text))


@dataclass(frozen=True, slots=True)
class Snippet:
    """One line of a field around a match, safe to show, with where the words are in it."""

    text: str
    spans: tuple[tuple[int, int], ...]


def make_snippet(text: str, at: int, query: Query, width: int = SNIPPET_WIDTH, length: int = 0) -> Snippet:
    """A one-line window of ``text``, about ``width`` characters, showing ``length`` from ``at``.

    The snippet holds no control or bidi character (each became U+FFFD, each line break a
    space), so it can be shown as it is; ``…`` marks where the field was cut, and the
    query's words are marked wherever they fall in the window.
    """
    width = max(8, width)
    spare = max(0, width - length - 2)
    start = max(0, at - min(_SNIPPET_BEFORE, spare // 3))
    # A match near the field's end: the window takes in more before it rather than end short.
    start = max(0, min(start, len(text) - width + 1))
    if start:  # begin at the next word rather than inside one
        space = normal(text[start:at]).find(" ")
        start = start + space + 1 if space >= 0 else start
    end = min(len(text), start + width - (1 if start else 0))
    if end < len(text):
        end = max(end - 1, min(len(text), at + length))
    window = text[start:end]
    head = "…" if start else ""
    tail = "…" if end < len(text) else ""
    spans = tuple((s + len(head), e + len(head)) for s, e in query.spans(window))
    return Snippet(head + normal(window) + tail, spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
