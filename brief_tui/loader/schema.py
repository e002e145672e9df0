"""Format 1's rules, checked on the node graph: nodes in, plain data and problems out.

The plain data (dicts, lists, strings, ints and date tuples) is what the cache stores and
what ``build`` turns into model objects; it holds only what passed every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone, tzinfo
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from brief_tui.loader.problems import ProblemLog, did_you_mean
from brief_tui.loader.specs import after_item, make_specs
from brief_tui.loader.yaml_nodes import PLAIN, position
from brief_tui.model.dates import BriefDate, DateError, DatePoint, parse_date, parse_timezone
from brief_tui.model.vocab import FORMAT_VERSION

__all__ = ["FORMAT_VERSION", "ID_PATTERN", "LANGUAGE_PATTERN", "Walker", "date_to_plain"]

Handler = Callable[[Node, str], Any]
PlainDate = tuple[str, bool, Any, Any]

ID_PATTERN = r"[a-z0-9][a-z0-9-]{0,63}"
LANGUAGE_PATTERN = r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*"
_ID = re.compile(ID_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_MARKDOWN = re.compile(r"\*\*[^*\n]+\*\*|\[[^\]\n]*\]\([^)\s]*\)")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_ARTICLE = {"actor": "an", "event": "an"}


class AliasExpansion(Exception):
    """Aliases make the file expand far past its own size."""

    def __init__(self, node: Node) -> None:
        super().__init__("aliases expand too far")
        self.node = node


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


_MICROSECOND = datetime(1970, 1, 1, 0, 0, 0, 1, tzinfo=timezone.utc) - _EPOCH


def _point_to_plain(point: DatePoint | None) -> Any:
    if point is None:
        return None
    return (
        point.text,
        _micros(point.earliest),
        _micros(point.latest),
        int(point.precision),
        point.uncertain,
        point.approximate,
    )


def date_to_plain(date: BriefDate) -> PlainDate:
    """A parsed date as the plain tuple the cache stores."""
    start = _point_to_plain(date.start)
    end = start if date.end is date.start else _point_to_plain(date.end)
    return (date.text, date.interval, start, end)


def _earliest(date: PlainDate) -> int:
    return date[2][1] if date[2] else -(2**62)


def _latest(date: PlainDate) -> int:
    return date[3][2] if date[3] else 2**62


def _a(kind: str) -> str:
    return f"{_ARTICLE.get(kind, 'a')} {kind}"


def _describe(node: Node) -> str:
    if isinstance(node, ScalarNode):
        text = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        return f"`{text}`" if text else "nothing"
    return "a list" if isinstance(node, SequenceNode) else "keys and values"


class Walker:
    """Walks one briefing's node graph once, collecting plain data and problems."""

    def __init__(self, log: ProblemLog, budget: int, max_depth: int, escapes: bool = True) -> None:
        self.log = log
        self.escapes = escapes  # whether the file has a `\` at all: else no escape can make a control character
        self.max_depth = max_depth
        self.tz: tzinfo = timezone.utc
        self.zone: str | None = None
        self.ids: dict[str, tuple[str, Node]] = {}
        self.refs: list[tuple[str, tuple[str, ...], Node, str]] = []
        self.dates: dict[str, PlainDate | None] = {}
        # Dated items by kind (event, position, quote), for the slips of logic checked at the end.
        self.timed: dict[str, list[tuple[dict[str, Any], Node]]] = {"event": [], "position": [], "quote": []}
        self.item_nodes: dict[int, Node] = {}
        self.depth = 0
        self.checked: set[int] = set()
        # Each list item costs one visit; aliases can repeat items, never past the file's size.
        self.budget = budget
        self._specs = self._make_specs()
        self._handlers = {
            kind: {name: (name, handler) for name, handler in spec.items()}
            for kind, (spec, _req) in self._specs.items()
        }
        self._ref_ids: dict[str, str] = {}
        # Ids refused (badly formed, or written twice): where their error is logged, and the kind
        # written, so the references they break fold into that one error.
        self.refused: dict[str, tuple[int, str]] = {}

    def close(self) -> None:
        """Drop every node held, and the handlers that refer back to the walker.

        Handlers are closures over the walker, a reference cycle: without this, the nodes
        it holds would wait for the cyclic collector, which then takes longer than the parse.
        """
        self.ids.clear()
        self.refs.clear()
        self.timed = {}
        self.item_nodes.clear()
        self.checked.clear()
        self._specs.clear()
        self._handlers.clear()

    # -- problems ----------------------------------------------------------------------
    def error(self, node: Node, message: str, *, code: str) -> None:
        """Log an error at a node, with its stable code (see ``problems.CODES``)."""
        line, column = position(node)
        self.log.error(line, column, message, code=code)

    def expected(self, node: Node, key: str, wanted: str) -> None:
        """Log that a value is of the wrong shape."""
        self.error(node, f"`{key}` should be {wanted}, not {_describe(node)}", code="wrong-shape")

    # -- collections -------------------------------------------------------------------
    def mapping(self, node: Node, kind: str, key: str) -> dict[str, Any] | None:
        """Walk an item's keys by its spec; None if the node is not a mapping."""
        if node.__class__ is not MappingNode:
            self.expected(node, key, f"{_a(kind)} (`key: value` lines)")
            return None
        if self.depth >= self.max_depth:  # only a recursive alias gets here
            self.error(node, f"the YAML nests more than {self.max_depth} levels deep", code="too-deep")
            return None
        spec, required = self._specs[kind]
        handlers = self._handlers[kind]
        out: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        self.depth += 1
        flow = node.flow_style
        log = self.log
        for key_node, value_node in node.value:
            # The common case inline: a known key, first time written. `name` is the spec's
            # own string object, so the cache stores each key name once.
            entry = handlers.get(key_node.value) if key_node.__class__ is ScalarNode else None
            if entry is None or entry[0] in seen:
                self._odd_key(key_node, value_node, seen, spec, kind)
                continue
            name, handler = entry
            seen[name] = key_node
            if flow:
                self._flow_question(value_node)
            before = log.error_count
            value = handler(value_node, name)
            if value is not None:
                out[name] = value
            elif name in required and log.error_count == before:
                self.error(value_node, f"`{name}` is empty; {_a(kind)} needs one", code="empty-value")
        self.depth -= 1
        for name in required:
            if name not in seen:
                self.error(node, f"{_a(kind)} needs `{name}`, which is missing here", code="missing-key")
        return out

    def _odd_key(
        self, key_node: Node, value_node: Node, seen: dict[str, Node], spec: dict[str, Handler], kind: str
    ) -> None:
        """A key that is not a known, first-written one: an extension, a repeat or a mistake."""
        if key_node.__class__ is not ScalarNode:
            self.error(
                key_node, "a key must be a plain word such as `title`, not a list or mapping", code="wrong-shape"
            )
            return
        name: str = key_node.value
        if name in seen:
            line = position(seen[name])[0]
            self.error(
                key_node,
                f"the key `{name}` is written twice in one mapping (first at line {line})",
                code="duplicate-key",
            )
            return
        seen[name] = key_node
        if name.startswith("x-"):
            self.extension(value_node)
        elif name == "<<" and key_node.tag == PLAIN:
            self.error(key_node, "merge keys (`<<`) are not allowed; write the keys out", code="merge-key")
        else:
            hint = did_you_mean(name, spec)
            self.error(
                key_node, f"unknown key `{name}` in {_a(kind)}{hint}; extensions start with `x-`", code="unknown-key"
            )

    def sequence(self, node: Node, key: str, each: Handler, wanted: str) -> list[Any] | None:
        """Walk a list, each entry through ``each``; entries that fail are dropped."""
        if node.__class__ is not SequenceNode:
            self.expected(node, key, f"a list of {wanted}")
            return None
        items = node.value
        self.budget -= len(items)
        if self.budget < 0:
            raise AliasExpansion(node)
        self.depth += 1
        if node.flow_style:
            for item in items:
                self._flow_question(item)
        out = [value for value in (each(item, key) for item in items) if value is not None]
        self.depth -= 1
        return out

    def _flow_question(self, node: Node) -> None:
        # PyYAML without libyaml ends a plain scalar at `?` inside [...] and {...}.
        if node.__class__ is ScalarNode and node.tag == PLAIN and "?" in node.value:
            self.error(
                node,
                f"quote `{node.value}` ('...'): a plain `?` inside [...] or {{...}} is ambiguous",
                code="flow-question-mark",
            )

    def extension(self, node: Node) -> None:
        """Check an ignored `x-` value only for the rules every part of a file obeys."""
        if node.__class__ is ScalarNode:
            self._control(node)
            return
        # An aliased collection is checked once, so an alias bomb here costs nothing.
        if id(node) in self.checked:
            return
        self.checked.add(id(node))
        self.depth += 1
        try:
            if self.depth > self.max_depth:
                self.error(node, f"the YAML nests more than {self.max_depth} levels deep", code="too-deep")
                return
            if node.__class__ is SequenceNode:
                for item in node.value:
                    self.extension(item)
                return
            seen: set[str] = set()
            for key_node, value_node in node.value:
                if key_node.__class__ is ScalarNode:
                    if key_node.value in seen:
                        self.error(
                            key_node,
                            f"the key `{key_node.value}` is written twice in one mapping",
                            code="duplicate-key",
                        )
                    elif key_node.value == "<<" and key_node.tag == PLAIN:
                        self.error(key_node, "merge keys (`<<`) are not allowed; write the keys out", code="merge-key")
                    seen.add(key_node.value)
                else:
                    self.extension(key_node)
                self.extension(value_node)
        finally:
            self.depth -= 1

    def _control(self, node: ScalarNode) -> None:
        # Raw control characters were refused before parsing; escapes can still make them.
        if self.escapes and node.style == '"' and _CONTROL.search(node.value):
            self.error(
                node, "a control character (from a `\\` escape) is not allowed in a briefing", code="control-character"
            )

    # -- scalars -----------------------------------------------------------------------
    def markdown(self, node: Node, key: str) -> str | None:
        """Markdown text (a `summary`); None when empty or null."""
        if node.__class__ is not ScalarNode:
            self.expected(node, key, "text")
            return None
        value: str = node.value
        if node.tag == PLAIN and value in _NULLS:
            return None
        if self.escapes and node.style == '"':
            self._control(node)
        return value

    def text(self, node: Node, key: str) -> str | None:
        """Plain text; None when empty or null. Markdown in it is a warning: it will show as typed."""
        value = self.markdown(node, key)
        if value is not None and ("**" in value or "](" in value):
            found = _MARKDOWN.search(value)
            if found:
                line, column = position(node)
                self.log.warning(
                    line,
                    column,
                    f"`{key}` is plain text, but holds Markdown (`{found.group()[:40]}`): it will show as typed",
                    code="markdown-in-plain-text",
                )
        return value

    def texts(self, node: Node, key: str) -> list[str] | None:
        """A list of plain strings."""
        return self.sequence(node, key, self.text, "text")

    def statements(self, kind: str) -> Handler:
        """A handler for a list of plain strings or ``{text, sources}``: plain as a str or [text, sources]."""

        def one(node: Node, key: str) -> Any:
            if node.__class__ is ScalarNode:
                return self.text(node, key)
            if node.__class__ is not MappingNode:
                self.expected(node, key, f"text, or {_a(kind)} with `text` and `sources`")
                return None
            out = self.mapping(node, kind, key)
            if out is None or "text" not in out:
                return None
            return [out["text"], out.get("sources")]

        return lambda node, key: self.sequence(node, key, one, "text")

    def integer(self, low: int, high: int) -> Handler:
        """A handler for a whole number in a range."""

        def handle(node: Node, key: str) -> int | None:
            if node.__class__ is not ScalarNode or not node.value.lstrip("+-").isdigit():
                self.expected(node, key, f"a whole number from {low} to {high}")
                return None
            number = int(node.value)
            if not low <= number <= high:
                self.error(
                    node, f"`{key}` is {number}; expected a whole number from {low} to {high}", code="out-of-range"
                )
                return None
            return number

        return handle

    def format_version(self, node: Node, key: str) -> int | None:
        """`brief`, checked first of all by ``check``; here only read."""
        return self.integer(1, 10**6)(node, key)  # type: ignore[no-any-return]

    def matching(self, pattern: str, wanted: str, *, code: str) -> Handler:
        """A handler for text of a form: ``pattern`` (a regular expression) matches it whole."""
        form = re.compile(pattern)

        def handle(node: Node, key: str) -> str | None:
            value = self.text(node, key)
            if value is not None and not form.fullmatch(value):
                self.error(node, f"`{key}` is `{value}`; expected {wanted}", code=code)
                return None
            return value

        return handle

    def choice(self, allowed: tuple[str, ...]) -> Handler:
        """A handler for one word of a vocabulary."""

        def handle(node: Node, key: str) -> str | None:
            value = self.text(node, key)
            if value is None or value in allowed:
                return value
            listed = ", ".join(allowed)
            self.error(
                node,
                f"`{key}` is `{value}`; expected one of: {listed}{did_you_mean(value, allowed)}",
                code="not-in-vocabulary",
            )
            return None

        return handle

    def date(self, node: Node, key: str) -> PlainDate | None:
        """A date or interval in the briefing's timezone."""
        if node.__class__ is not ScalarNode:
            self.expected(node, key, "a date such as 2025-12-06")
            return None
        text: str = node.value
        if text in self.dates:
            cached = self.dates[text]
            if cached is None:
                self.error(node, f"`{key}`: `{text}` is not a valid date", code="bad-date")
            return cached
        try:
            plain: PlainDate | None = date_to_plain(parse_date(text, self.tz))
        except DateError as error:
            plain = None
            self.error(node, f"`{key}`: {error}", code="bad-date")
        self.dates[text] = plain
        return plain

    def point_date(self, node: Node, key: str) -> PlainDate | None:
        """A date that is not an interval."""
        plain = self.date(node, key)
        if plain is not None and plain[1]:
            self.error(node, f"`{key}` must be one date, not an interval", code="bad-date")
            return None
        return plain

    # -- identity and references -------------------------------------------------------
    def identifier(self, kind: str) -> Handler:
        """A handler for an item's own id, registering it in the briefing's one id space."""

        def handle(node: Node, key: str) -> str | None:
            value = self.text(node, key)
            if value is None:
                return None
            if not _ID.fullmatch(value):
                self.refused.setdefault(value, (len(self.log.problems), kind))
                self.error(
                    node,
                    f"the id `{value}` is not valid: use lowercase letters, digits and `-`, "
                    "starting with a letter or digit, at most 64 characters",
                    code="bad-id",
                )
                return None
            if value in self.ids:
                other_kind, other = self.ids[value]
                line = position(other)[0]
                self.refused.setdefault(value, (len(self.log.problems), kind))
                self.error(
                    node, f"the id `{value}` is already used by {_a(other_kind)} at line {line}", code="duplicate-id"
                )
                return None
            value = self._ref_ids.setdefault(value, value)
            self.ids[value] = (kind, node)
            return value

        return handle

    def ref(self, *kinds: str) -> Handler:
        """A handler for a reference to an item of one of ``kinds``."""

        def handle(node: Node, key: str) -> str | None:
            value = self.text(node, key)
            if value is not None:
                # One string object per id: the cache stores it once, lookups compare by identity.
                value = self._ref_ids.setdefault(value, value)
                self.refs.append((value, kinds, node, key))
            return value

        return handle

    def refs_list(self, *kinds: str) -> Handler:
        """A handler for a list of references."""
        one = self.ref(*kinds)
        wanted = " or ".join(f"{kind} ids" for kind in kinds)
        return lambda node, key: self.sequence(node, key, one, wanted)

    def check_refs(self) -> None:
        """Log every reference to a missing id or to an item of the wrong kind."""
        by_kind: dict[str, list[str]] = {}
        for ident, (kind, _node) in self.ids.items():
            by_kind.setdefault(kind, []).append(ident)
        ids = self.ids
        broken: dict[str, int] = {}
        for ident, kinds, node, key in self.refs:
            entry = ids.get(ident)
            if entry is not None and entry[0] in kinds:
                continue
            refused = self.refused.get(ident)
            if refused is not None and (entry is None or refused[1] in kinds):
                broken[ident] = broken.get(ident, 0) + 1  # a consequence of the refused id, told there
                continue
            wanted = " or ".join(_a(kind) for kind in kinds)
            if entry is None:
                candidates = [i for kind in kinds for i in by_kind.get(kind, ())]
                hint = did_you_mean(ident, candidates)
                self.error(
                    node,
                    f"`{key}` names `{ident}`, but there is no such {' or '.join(kinds)}{hint}",
                    code="bad-reference",
                )
            elif entry[0] not in kinds:
                self.error(
                    node, f"`{key}` names `{ident}`, which is {_a(entry[0])}; it needs {wanted}", code="wrong-kind"
                )
        for ident, count in broken.items():
            self.log.amend(self.refused[ident][0], f" (and {count} reference{'s' if count > 1 else ''} to it)")

    # -- sources on claims -------------------------------------------------------------
    def citation(self, node: Node, key: str) -> Any:
        """A source id, or {source, credibility, note, url, locator, accessed}: plain as an id or a list."""
        if node.__class__ is ScalarNode:
            return self._source_ref(node, key)
        item = self.mapping(node, "citation", key)
        if item is None or "source" not in item:
            return None
        g = item.get
        return [item["source"], g("credibility"), g("note"), g("url"), g("locator"), g("accessed")]

    def sources(self, node: Node, key: str) -> list[Any] | None:
        """The `sources` of a claim."""
        return self.sequence(node, key, self.citation, "source ids")

    # -- the specs ---------------------------------------------------------------------
    def _make_specs(self) -> dict[str, tuple[dict[str, Handler], tuple[str, ...]]]:
        self._source_ref = self.ref("source")
        return make_specs(self)

    def item(self, kind: str) -> Handler:
        """A handler for one item of ``kind``, checked by the rules of its kind."""

        def handle(node: Node, key: str) -> dict[str, Any] | None:
            out = self.mapping(node, kind, key)
            if out is not None:
                after_item(self, kind, out, node)
            return out

        return handle

    def items(self, kind: str) -> Handler:
        """A handler for a list of items of ``kind``."""
        one = self.item(kind)
        return lambda node, key: self.sequence(node, key, one, f"{kind} entries")

    def set_timezone(self, node: Node) -> None:
        """Read the briefing's timezone before any date, which is read in it."""
        value = self.text(node, "timezone")
        if value is None:
            return
        try:
            self.tz = parse_timezone(value)
        except DateError as error:
            self.error(node, f"`timezone`: {error}", code="bad-timezone")
            return
        self.zone = value

    def timezone(self, node: Node, key: str) -> str | None:
        """The timezone checked by ``set_timezone``."""
        return self.zone

    def language(self, node: Node, key: str) -> str | None:
        """A BCP 47 language tag."""
        value = self.text(node, key)
        if value is not None and not _LANGUAGE.fullmatch(value):
            self.error(
                node, f"`{key}` is `{value}`; expected a language tag such as `en` or `uk-UA`", code="bad-language"
            )
            return None
        return value
