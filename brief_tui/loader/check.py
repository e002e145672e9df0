"""A whole briefing checked: the version first, then every key, then references and warnings."""

from __future__ import annotations

import bisect
import re
from typing import Any

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from brief_tui.loader.build import EVENT_FIELDS
from brief_tui.loader.problems import ProblemLog, did_you_mean
from brief_tui.loader.schema import FORMAT_VERSION, AliasExpansion, Walker
from brief_tui.loader.slips import warn_slips
from brief_tui.loader.specs import value_node
from brief_tui.loader.yaml_nodes import PLAIN, position

__all__ = ["walk_briefing"]


def walk_briefing(
    root: MappingNode, log: ProblemLog, budget: int, max_depth: int, escapes: bool = True, data: bytes = b""
) -> dict[str, Any] | None:
    """Check a whole briefing (``data``: its bytes, to place problems inside a text); plain data, or None."""
    w = Walker(log, budget, max_depth, escapes)
    try:
        return _walk(w, root, log, data)
    finally:
        w.close()


def _walk(w: Walker, root: MappingNode, log: ProblemLog, data: bytes) -> dict[str, Any] | None:
    if not _version_ok(w, root, FORMAT_VERSION):
        return None
    # Dates anywhere in the file are read in the timezone, wherever it is written.
    zone = value_node(root, "timezone")
    if zone is not root:
        w.set_timezone(zone)
    try:
        plain = w.mapping(root, "briefing", "the briefing")
    except AliasExpansion as expansion:
        line, column = position(expansion.node)
        log.error(line, column, "aliases (`*name`) make this file expand far past its own size", code="alias-expansion")
        return None
    assert plain is not None  # the root is a mapping
    w.check_refs()
    if "events" in plain:
        plain["events"] = [tuple(map(event.get, EVENT_FIELDS)) for event in plain["events"]]
    if "id" in plain:
        plain["_id_position"] = position(value_node(root, "id"))
    as_of = plain.get("as_of")
    if as_of is not None:
        warn_slips(w, as_of)
    _warn_dangling_links(w, root, data)
    return None if log.failed else plain


_ITEM_LINK = re.compile(r"\]\(#([^)\s]*)\)")


def _warn_dangling_links(w: Walker, root: MappingNode, data: bytes) -> None:
    """A Markdown summary's `[text](#id)` link that names no item: a warning (the text still reads)."""
    text = _FileText(data)
    stack: list[object] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias points back at a node already visited
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value == "summary" and isinstance(value, ScalarNode):
                    _warn_links_in(w, value, text)
                else:
                    stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def _warn_links_in(w: Walker, summary: ScalarNode, text: _FileText) -> None:
    after = text.offset(*position(summary))
    for match in _ITEM_LINK.finditer(summary.value):
        target = match.group(1)
        found = text.find(f"](#{target})", after)
        if found >= 0:
            after = found + 1
        if target not in w.ids and target not in w.refused:  # a refused id's error says enough
            line, column = text.position(text.link_start(found)) if found >= 0 else position(summary)
            hint = did_you_mean(target, list(w.ids))
            w.log.warning(
                line,
                column,
                f"the summary links to `#{target}`, but there is no item with that id{hint}",
                code="broken-link",
            )


class _FileText:
    """The file's text, decoded only when a problem needs a place inside a scalar."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._text: str | None = None
        self._starts: list[int] = []

    @property
    def text(self) -> str:
        """The decoded text."""
        return self._decoded()[0]

    def _decoded(self) -> tuple[str, list[int]]:
        if self._text is None:
            self._text = self._data.decode("utf-8", "replace").removeprefix("\ufeff")
            self._starts = [0, *(m.end() for m in re.finditer("\n", self._text))]
        return self._text, self._starts

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based line and column."""
        text, starts = self._decoded()
        return starts[line - 1] + column - 1 if text and line <= len(starts) else 0

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset."""
        starts = self._decoded()[1]
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def find(self, needle: str, start: int) -> int:
        """Where ``needle`` next occurs from ``start``, or -1."""
        return self.text.find(needle, start)

    def link_start(self, close: int) -> int:
        """The `[` that opens the link whose `](` is at ``close``, if it is on the same line."""
        opening = self.text.rfind("[", self.text.rfind("\n", 0, close) + 1, close)
        return opening if opening >= 0 else close


def _version_ok(w: Walker, root: MappingNode, supported: int) -> bool:
    node = value_node(root, "brief")
    if node is root:
        w.error(
            root, "this is not a briefing: `brief: 1` (the format version) is missing at the top", code="not-a-briefing"
        )
        # Report the rest too if it looks like a briefing: the author may just have left the line out.
        return any(value_node(root, key) is not root for key in ("id", "title", "as_of"))
    if node.__class__ is ScalarNode and node.tag == PLAIN and node.value.isdigit():
        version = int(node.value)
        if version > supported:
            w.error(
                node,
                f"this briefing is written in format {version}, but this brief reads format {supported}: "
                "update brief to read it",
                code="format-version",
            )
            return False
        if version < 1:
            w.error(node, f"`brief` is {version}; the format version is `1`", code="format-version")
            return False
        return True
    w.error(node, f"`brief` should be the format version, the number `{supported}`", code="format-version")
    return False
