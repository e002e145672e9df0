"""Words kept on one line: a status glyph and its word (``◌ expected``), a quote's attribution.

The layout joins such words with a no-break space (:data:`KEEP`). The writers that wrap
(the detail pane and ``brief show``, plain or styled) keep each joined run on one line when
it fits, and print a plain space. A run wider than a line gives up its joins from the left
until the rest fits (``brainstorm.” — a Ukrainian official`` lets ``brainstorm.”`` go
first), so a join never makes a word be cut.

Rich breaks lines at whatever Python's ``\\s`` matches, and that includes U+00A0: a no-break
space alone does not stop ``Text.wrap``. :func:`held` swaps each join that can be kept for a
character that is not whitespace before the wrap; the writer swaps it back after.
"""

from __future__ import annotations

import re

__all__ = ["DASH", "KEEP", "held", "joins", "kept"]

KEEP = "\u00a0"
"""Joins two words that no wrapped writer separates (where the line is wide enough)."""
DASH = " — "
"""A dash that sets a note off (``○ open — a note``): kept with the word after it."""
JOINED_DASH = f" —{KEEP}"

# A run of words joined by KEEP (at least one join; a lone word has nothing to keep).
_RUN = re.compile(r"\S*\u00a0(?:\S|\u00a0)*")


def joins(plain: str) -> bool:
    """Whether ``plain`` holds words a wrapping writer must keep together (:func:`held` changes it)."""
    return KEEP in plain or DASH in plain


def kept(words: str) -> str:
    """``words`` joined into one unbreakable run: each space a :data:`KEEP`."""
    return words.replace(" ", KEEP)


def held(plain: str, room: int, hold: str = KEEP) -> str:
    """``plain`` ready for a wrapper that breaks at whitespace, the same length: each join of a run
    that fits ``room`` cells becomes ``hold``, the joins a run too wide gives up (from its left)
    plain spaces. A dash set off by spaces (``Monday — 2025-12-08?``, ``[F] — anonymous``) is
    joined to the word after it: it may open a line, never end one."""
    if DASH in plain:
        plain = plain.replace(DASH, JOINED_DASH)
    if KEEP not in plain:
        return plain
    from brief_tui.render.cells import cells

    def fit(run: re.Match[str]) -> str:
        words = run.group().split(KEEP)
        first = 0
        while first < len(words) - 1 and cells(KEEP.join(words[first:])) > room:
            first += 1
        return " ".join([*words[:first], hold.join(words[first:])])

    return _RUN.sub(fit, plain)
