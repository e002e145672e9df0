"""Where a YAML syntax slip was made, and what it looks like, in plain words.

The parser stops where it notices a slip, often many lines after it: a quote left open
swallows the lines below it, a key indented one space too far reads as part of a
value. These checks look at the lines themselves, up to the parser's stop, for the
slips authors make: an unclosed quote, a missing colon, a tab, a line out of step.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = ["find_slip"]

Slip = tuple[int, int, str]

_DASHES = re.compile(r"(?:-(?: +|$))*")
_KEY = re.compile(r"[^\s'\"#\[\]{},&*!|>%@`-][^:#]*?:(?: +|$)|-[^\s:#][^:#]*?:(?: +|$)")
_CLOSED = {'"': re.compile(r'(?:[^"\\]|\\.)*"'), "'": re.compile(r"(?:[^']|'')*'(?!')")}
# Parser messages that say only "the structure broke here": the slip is to be found in the lines.
_STRUCTURAL = (
    "did not find expected key",
    "did not find expected '-' indicator",
    "mapping values are not allowed",
    "expected <block end>",
    "could not find expected ':'",
)


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the file as indentation sees it."""

    number: int  # from 1
    text: str
    indent: int  # leading spaces
    key_column: int  # where the key starts, after any `- `
    key: str | None  # the key written on the line, if any
    rest: str  # what follows the key (or the dashes)

    @property
    def dash(self) -> bool:
        """Whether the line starts a list entry."""
        return self.key_column > self.indent

    @property
    def opens_value(self) -> bool:
        """Whether the line is a key whose value follows on the lines below."""
        return self.key is not None and self.rest.strip() in ("", "|", ">", "|-", ">-", "|+", ">+")


def _read(number: int, text: str) -> _Line | None:
    stripped = text.lstrip(" ")
    if not stripped.strip() or stripped.startswith("#"):
        return None
    indent = len(text) - len(stripped)
    dashes = _DASHES.match(stripped)
    after = stripped[dashes.end() if dashes else 0 :]
    key_column = len(text) - len(after)
    key = _KEY.match(after)
    if key:
        return _Line(number, text, indent, key_column, key.group().rstrip().rstrip(":"), after[key.end() :])
    return _Line(number, text, indent, key_column, None, after)


def find_slip(text: str, line: int, problem: str) -> Slip | None:
    """The slip behind a parser error at ``line`` (from 1): (line, column, message), or None."""
    raw = text.split("\n")
    lines = [found for n, t in enumerate(raw[: min(line, len(raw))], 1) if (found := _read(n, t.rstrip("\r")))]
    quote = _open_quote(lines)
    if quote is not None:
        return quote
    if not any(needle in problem for needle in _STRUCTURAL) or not lines:
        return None
    return (
        _closed_early(lines, line)
        or _missing_colon(lines, line)
        or _block_line(lines, line)
        or _out_of_step(lines, line)
    )


_OTHER_QUOTE = {"'": '"', '"': "'"}
_INNER = {"'": "write an apostrophe inside '...' as two ('')", '"': 'write a quote inside "..." as \\"'}


def _closed_early(lines: list[_Line], line: int) -> Slip | None:
    """A quoted value whose quote closes before the value ends: `'Russia's demand'`."""
    here = lines[-1]
    value = here.rest.lstrip(" ")
    if here.number != line or not value or value[0] not in _CLOSED:
        return None
    closed = _CLOSED[value[0]].match(value, 1)
    after = value[closed.end() :].strip() if closed else ""
    if not closed or not after or after.startswith("#"):
        return None
    mark = value[0]
    column = len(here.text) - len(value) + closed.end()
    return (
        here.number,
        column,
        f"the quote (`{mark}`) closes here, before the value ends; {_INNER[mark]}, "
        f"or quote the whole value with {_OTHER_QUOTE[mark]}...{_OTHER_QUOTE[mark]}",
    )


def _block_line(lines: list[_Line], line: int) -> Slip | None:
    """A line of a `|` or `>` text block indented less than the block's first line."""
    here = lines[-1]
    if here.number != line or len(lines) < 3:
        return None
    for index in range(len(lines) - 2, 0, -1):
        opener, first = lines[index - 1], lines[index]
        if opener.opens_value and opener.rest.strip()[:1] in ("|", ">"):
            inside = all(found.indent >= first.indent for found in lines[index:-1])
            if inside and opener.key_column < here.indent < first.indent:
                return (
                    here.number,
                    here.indent + 1,
                    f"indentation: this line of the `{opener.key}:` text (line {opener.number}) starts after "
                    f"{_spaces(here.indent)}, less than the text's first line ({_spaces(first.indent)})",
                )
            return None
        if lines[index].indent <= here.indent:
            return None
    return None


def _open_quote(lines: list[_Line]) -> Slip | None:
    """The last quote opened at the start of a value and not closed before the next key."""
    found = None
    for here, below in itertools.pairwise(lines):
        value = here.rest.lstrip(" ")
        if not value or value[0] not in _CLOSED or _CLOSED[value[0]].match(value, 1):
            continue
        # A quoted value may go on over the lines below, but only deeper than its key.
        if (below.key is not None or below.dash) and below.key_column <= here.key_column:
            column = len(here.text) - len(value) + 1
            mark = value[0]
            found = (here.number, column, f"a quote (`{mark}`) opened here is never closed; end the value with {mark}")
    return found


def _missing_colon(lines: list[_Line], line: int) -> Slip | None:
    """A line in a run of keys that has no `:` (the parser notices on the line after)."""
    for above, here in reversed(list(itertools.pairwise(lines[-3:]))):
        if (
            here.number <= line
            and here.key is None
            and not here.rest.startswith(("'", '"', "[", "{"))
            and above.key is not None
            and above.key_column == here.key_column
            and not above.opens_value
        ):
            return (
                here.number,
                here.key_column + 1,
                "this line has no `:` after its key; write `key: value` "
                "(or, if it goes on with the value above, indent it further)",
            )
    return None


def _out_of_step(lines: list[_Line], line: int) -> Slip | None:
    """A key indented further than a value allows, or lined up with nothing above it."""
    here = lines[-1]
    if here.number != line or len(lines) < 2:
        return None
    above = lines[-2]
    if here.key is not None and above.key is not None and here.key_column > above.key_column and not above.opens_value:
        return (
            here.number,
            here.indent + 1,
            f"indentation: `{here.key}:` is indented further than `{above.key}:` on the line above, "
            f"so it reads as part of that value; line it up with `{above.key}:` ({above.key_column} spaces)",
        )
    if above.opens_value and here.key_column > above.key_column:
        return None  # the first line of the value above
    keys, dashes = _columns(lines[:-1])
    if (here.dash and here.indent in dashes) or (not here.dash and here.key_column in keys):
        return None
    if here.dash:
        near = next((found for found in reversed(lines[:-1]) if found.dash), None)
        what = "this list entry"
        hint = f"; the list above it (line {near.number}) starts after {_spaces(near.indent)}" if near else ""
    else:
        what = f"`{here.key}:`" if here.key else "this line"
        hint = f"; the keys above it start after {_spaces(above.key_column)} (`{above.key}:`)" if above.key else ""
    return (
        here.number,
        here.indent + 1,
        f"indentation: {what} starts after {_spaces(here.indent)}, in line with nothing above it{hint}",
    )


def _spaces(count: int) -> str:
    return f"{count} space{'' if count == 1 else 's'}"


def _columns(lines: list[_Line]) -> tuple[set[int], set[int]]:
    """The key and list-entry columns a next line may line up with: the last line's and its parents'."""
    keys: set[int] = set()
    dashes: set[int] = set()
    limit = 1 << 30
    for found in reversed(lines):
        if found.indent >= limit:
            continue  # a line nested deeper than one already seen: not a parent
        if found.key is not None:
            keys.add(found.key_column)
        if found.dash:
            dashes.add(found.indent)
        if found.opens_value:
            dashes.add(found.key_column)  # `key:` then `- item` at the key's own column
        limit = found.indent
        if limit == 0:
            break
    return keys, dashes
