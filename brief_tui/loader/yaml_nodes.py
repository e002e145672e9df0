"""Bytes to a YAML node graph, refusing hostile input before and while composing.

Scalars are left untyped: a resolver of our own tags each one only as plain or quoted,
so the schema (not YAML 1.1's implicit types) decides what ``no`` or ``2025-12-06`` is.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    NodeEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from brief_tui.loader.limits import DEFAULT_LIMITS, Limits
from brief_tui.loader.problems import ProblemLog

__all__ = [
    "MAX_ALIASES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "PLAIN",
    "QUOTED",
    "compose_document",
    "position",
    "use_libyaml",
]

MAX_BYTES = DEFAULT_LIMITS.max_bytes
MAX_DEPTH = DEFAULT_LIMITS.max_depth
MAX_ALIASES = DEFAULT_LIMITS.max_aliases

PLAIN = "brief:plain"  # an untagged plain scalar: `no`, `2025`, `Kyiv`
QUOTED = "brief:quoted"  # an untagged quoted or block scalar: always text
_CORE = "tag:yaml.org,2002:"
_CORE_TAGS = frozenset(_CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq"))

# C0 and C1 controls and DEL, except tab and newline; a CR only as part of CRLF.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
# Bytes that may start a control-character problem: C0 (but tab and LF), DEL, and 0xC2,
# the lead byte of every C1 character in UTF-8 (and of harmless ones such as `°`).
_SUSPECT = bytes([*range(0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), 0x7F, 0xC2])
_NOT_SUSPECT = bytes(b for b in range(256) if b not in _SUSPECT)
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
# What may come right before an anchor `&a` or a tag `!t`: nothing, a space, or an indicator.
_BEFORE_PROPERTY = frozenset(b" \t\r\n[{,:?-")


def _libyaml_limits_nesting() -> bool:
    # libyaml 0.2.5 refuses nesting past 1000 levels; older ones recurse without bound in C.
    try:
        from yaml import _yaml

        version = tuple(int(n) for n in _yaml.get_version())
    except (ImportError, AttributeError, ValueError, TypeError):
        return False
    return version >= (0, 2, 5)


class _Untyped:
    """A resolver that tags scalars only as plain or quoted, and collections by kind."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Path resolvers are not used."""

    def ascend_resolver(self) -> None:
        """Path resolvers are not used."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of an untagged node."""
        if kind is ScalarNode:
            return PLAIN if implicit[0] else QUOTED
        return _CORE + ("seq" if kind is SequenceNode else "map")


class _PyComposer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _Untyped):
    """The pure-Python composer, for where libyaml is missing."""

    def __init__(self, stream: bytes) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)


_LIBYAML: Any = None
if getattr(yaml, "__with_libyaml__", False) and _libyaml_limits_nesting():
    from yaml._yaml import CParser

    class _CComposer(_Untyped, CParser):
        """libyaml's composer with our resolver."""

    _LIBYAML = _CComposer
_Composer: Any = _LIBYAML or _PyComposer


def use_libyaml(enabled: bool) -> bool:
    """Choose libyaml (when present) or the pure-Python composer; whether libyaml is now used."""
    global _Composer
    _Composer = (_LIBYAML if enabled else None) or _PyComposer
    return _Composer is not _PyComposer


def position(node: Node | Any) -> tuple[int, int]:
    """A node's (or event's) 1-based line and column."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def compose_document(data: bytes, log: ProblemLog, limits: Limits = DEFAULT_LIMITS) -> MappingNode | None:
    """The top-level mapping of a briefing, or None with problems logged."""
    if len(data) > limits.max_bytes:
        log.error(
            1,
            1,
            f"the file is {len(data) / 2**20:.1f} MiB; the limit is {limits.max_bytes / 2**20:g} MiB",
            code="too-large",
        )
        return None
    if not data.strip():
        log.error(1, 1, "the file is empty; a briefing starts with `brief: 1`", code="empty-file")
        return None
    if not _check_text(data, log):
        return None
    if _may_have_property(data) and not _prescan(data, log, limits):
        return None
    composer = _Composer(data)
    try:
        node = composer.get_single_node()
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in str(error.problem):
            # libyaml reads ahead, so it stops at its own limit of 1000 before any event shows level 65.
            mark = error.problem_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            log.error(
                line, column, f"the YAML nests 1000 levels deep here; the limit is {limits.max_depth}", code="too-deep"
            )
        else:
            _syntax_problem(error, data, log)
        return None
    except yaml.YAMLError as error:
        log.error(1, 1, f"the YAML cannot be read: {error}", code="yaml-syntax")
        return None
    except RecursionError:
        # The pure-Python composer recurses; its parser does not, so the pre-scan finds the place.
        if _prescan(data, log, limits):
            log.error(1, 1, f"the YAML nests too deeply (the limit is {limits.max_depth} levels)", code="too-deep")
        return None
    finally:
        composer.dispose()
    if node is None:
        log.error(1, 1, "the file holds only comments; a briefing starts with `brief: 1`", code="empty-file")
        return None
    if not isinstance(node, MappingNode):
        found = "a list" if isinstance(node, SequenceNode) else "a single value"
        line, column = position(node)
        log.error(
            line,
            column,
            f"the top level must be keys and values (`brief: 1`, `id: ...`), not {found}",
            code="not-a-mapping",
        )
        return None
    return node


def _may_have_property(data: bytes) -> bool:
    """Whether the file may hold an anchor or a tag: only such a file pays for the pre-scan.

    Prose can match ("Tom &Jerry", "wow !"); then the scan runs and finds nothing.
    """
    for mark in b"&!":
        at = data.find(mark)
        while at != -1:
            before = data[at - 1] if at else 0x20
            after = data[at + 1 : at + 2]
            if before in _BEFORE_PROPERTY and after and not after.isspace():
                return True
            at = data.find(mark, at + 1)
    return False


def _may_have_controls(data: bytes) -> bool:
    """A fast test on the bytes; only a file that may hold a control character is searched."""
    suspects = data.translate(None, _NOT_SUSPECT)
    if not suspects:
        return False
    if suspects.count(b"\r") + suspects.count(b"\xc2") < len(suspects):
        return True
    return data.count(b"\r") != data.count(b"\r\n") or _C1.search(data) is not None


def _check_text(data: bytes, log: ProblemLog) -> bool:
    """Whether the bytes are UTF-8 with no control characters; problems logged."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        log.error(line, column, f"the file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8", code="not-utf8")
        return False
    if not _may_have_controls(data):
        return True
    if text.startswith("\ufeff"):
        text = text[1:]
    found = False
    for match in _CONTROL.finditer(text):
        found = True
        line, column = _offset_position(text, match.start())
        char = match.group()[0]
        if char == "\r":
            log.error(
                line,
                column,
                "a carriage return without a newline; save the file with LF or CRLF line ends",
                code="line-ends",
            )
        else:
            log.error(
                line,
                column,
                f"a control character (U+{ord(char):04X}) is not allowed in a briefing",
                code="control-character",
            )
        if log.error_count >= 10:
            break
    return not found


def _prescan(data: bytes, log: ProblemLog, limits: Limits) -> bool:
    """Check tags, aliases and depth on the event stream; False if the file is refused."""
    parser = _Composer(data)
    depth = 0
    aliases = 0
    ok = True
    try:
        while True:
            event = parser.get_event()
            if event is None:
                break
            if isinstance(event, NodeEvent):
                if isinstance(event, AliasEvent):
                    aliases += 1
                    if aliases > limits.max_aliases:
                        line, column = position(event)
                        log.error(
                            line,
                            column,
                            f"more than {limits.max_aliases} aliases (`*name`) in one file",
                            code="too-many-aliases",
                        )
                        return False
                    continue
                tag = event.tag  # type: ignore[attr-defined]
                if tag is not None and tag != "!" and tag not in _CORE_TAGS:
                    line, column = position(event)
                    log.error(line, column, _tag_message(tag), code="refused-tag")
                    ok = False
                if isinstance(event, CollectionStartEvent):
                    depth += 1
                    if depth > limits.max_depth:
                        line, column = position(event)
                        log.error(
                            line, column, f"the YAML nests more than {limits.max_depth} levels deep", code="too-deep"
                        )
                        return False
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return ok  # composing again reports the syntax error with its position
    except RecursionError:
        log.error(1, 1, f"the YAML nests too deeply (the limit is {limits.max_depth} levels)", code="too-deep")
        return False
    finally:
        parser.dispose()
    return ok


def _tag_message(tag: str) -> str:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    if "python" in tag:
        return f"the Python-specific tag `{shown}` is refused"
    return f"the tag `{shown}` is not allowed: a briefing uses plain YAML values only"


_SYNTAX = (
    ("tab character", "a tab character here: YAML indents with spaces only"),
    ("mapping values are not allowed", "a `: ` here is not allowed; if the value itself holds `: `, quote it"),
    ("could not find expected ':'", "expected `key: value` here; is a `:` missing, or a quote left open above?"),
    ("but found another document", "the file holds more than one YAML document; a briefing is one"),
    ("found undefined alias", "this alias (`*name`) names no anchor (`&name`) above it"),
    ("did not find expected ',' or ']'", "a `[` list is not closed with `]`, or a `,` is missing between items"),
    ("did not find expected ',' or '}'", "a `{` mapping is not closed with `}`, or a `,` is missing between items"),
    ("found unexpected end of stream", "the file ends inside an unfinished quote or bracket"),
    (
        "found unknown escape character",
        "an unknown escape (`\\`) in a double-quoted string; use `\\\\` for a backslash",
    ),
)


def _syntax_problem(error: yaml.MarkedYAMLError, data: bytes, log: ProblemLog) -> None:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    from brief_tui.loader.syntax import find_slip

    slip = find_slip(data.decode("utf-8", "replace"), line, f"{error.problem} {error.context}")
    if slip is not None:
        log.error(*slip, code="yaml-syntax")
        return
    message = _syntax_message(error, data, line, column)
    if error.context_mark and error.context_mark.line + 1 != line and "unfinished" in message:
        message += f" (it starts at line {error.context_mark.line + 1})"
    log.error(line, column, message, code="yaml-syntax")


def _syntax_message(error: yaml.MarkedYAMLError, data: bytes, line: int, column: int) -> str:
    problem = error.problem or ""
    if "cannot start any token" in problem:
        lines = data.decode("utf-8", "replace").split("\n")
        found = lines[line - 1][column - 1 : column] if line <= len(lines) else ""
        if found == "\t":
            return "a tab character here: YAML indents with spaces only"
        return f"`{found}` cannot start a value here; put the value in quotes"
    both = f"{problem} {error.context or ''}"
    for needle, friendly in _SYNTAX:
        if needle in both:
            return friendly
    message = f"YAML syntax error: {problem}"
    if error.context:
        message += f" ({error.context}"
        if error.context_mark:
            message += f" at line {error.context_mark.line + 1}"
        message += ")"
    return message
