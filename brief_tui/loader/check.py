"""A whole briefing checked: the version first, then every key, then references and warnings."""

from __future__ import annotations

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
    root: MappingNode, log: ProblemLog, budget: int, max_depth: int, escapes: bool = True
) -> dict[str, Any] | None:
    """Check a whole briefing; its plain data, or None when it has errors."""
    w = Walker(log, budget, max_depth, escapes)
    try:
        return _walk(w, root, log)
    finally:
        w.close()


def _walk(w: Walker, root: MappingNode, log: ProblemLog) -> dict[str, Any] | None:
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
        log.error(line, column, "aliases (`*name`) make this file expand far past its own size")
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
    _warn_dangling_links(w, root)
    return None if log.failed else plain


_ITEM_LINK = re.compile(r"\]\(#([^)\s]*)\)")


def _warn_dangling_links(w: Walker, root: MappingNode) -> None:
    """A Markdown summary's `[text](#id)` link that names no item: a warning (the text still reads)."""
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
                    _warn_links_in(w, value)
                else:
                    stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def _warn_links_in(w: Walker, summary: ScalarNode) -> None:
    for match in _ITEM_LINK.finditer(summary.value):
        target = match.group(1)
        if target not in w.ids:
            line, column = position(summary)
            hint = did_you_mean(target, list(w.ids))
            w.log.warning(line, column, f"the summary links to `#{target}`, but there is no item with that id{hint}")


def _version_ok(w: Walker, root: MappingNode, supported: int) -> bool:
    node = value_node(root, "brief")
    if node is root:
        w.error(root, "this is not a briefing: `brief: 1` (the format version) is missing at the top")
        # Report the rest too if it looks like a briefing: the author may just have left the line out.
        return any(value_node(root, key) is not root for key in ("id", "title", "as_of"))
    if node.__class__ is ScalarNode and node.tag == PLAIN and node.value.isdigit():
        version = int(node.value)
        if version > supported:
            w.error(
                node,
                f"this briefing is written in format {version}, but this brief reads format {supported}: "
                "update brief to read it",
            )
            return False
        if version < 1:
            w.error(node, f"`brief` is {version}; the format version is `1`")
            return False
        return True
    w.error(node, f"`brief` should be the format version, the number `{supported}`")
    return False
