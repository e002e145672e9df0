"""Format 1 as a JSON Schema (draft 2020-12), written from the loader's own declarations.

``specs.make_specs`` declares every kind's keys once. Given the loader's Walker it yields
the handlers that check a file; given a SchemaWriter, which offers the same names, it
yields each value's schema instead. The rules that span keys (``specs.after_item``) are
restated here as schema conditions; references, dates that cannot exist, duplicate ids
and the slips of logic are beyond a schema: ``brief validate`` checks those.
"""

from __future__ import annotations

import re
from typing import Any

from brief_tui.loader.schema import ID_PATTERN, LANGUAGE_PATTERN
from brief_tui.loader.specs import make_specs
from brief_tui.model import vocab
from brief_tui.model.dates import POINT_PATTERN

__all__ = ["SCHEMA_ID", "SchemaWriter", "briefing_schema"]

Schema = dict[str, Any]

SCHEMA_ID = "https://brief.invalid/schema/briefing-format-1.json"
# A plain YAML scalar may read as a number or a boolean (`2025`, `no`); the loader reads it as text.
_TEXT: Schema = {"type": ["string", "number", "boolean", "null"]}
_POINT = re.sub(r"\(\?P<\w+>", "(", POINT_PATTERN)
_DATE_TEXT = f"^(?:{_POINT}|(?:{_POINT}|\\.\\.)/(?:{_POINT}|\\.\\.))$"


def _whole(pattern: str) -> str:
    return f"^(?:{pattern})$"


class SchemaWriter:
    """Stands in for the loader's Walker in ``make_specs``: each 'handler' is a schema."""

    def __init__(self) -> None:
        """The schemas of the values that take no parameters, named as the Walker names their handlers."""
        self.text: Schema = {**_TEXT, "description": "plain text"}
        self.markdown: Schema = {**_TEXT, "description": "Markdown; link items as [text](#id)"}
        self.date: Schema = {
            "anyOf": [{"type": "string", "pattern": _DATE_TEXT}, {"type": "integer", "minimum": 1, "maximum": 9999}],
            "description": "a date (2025-12-06, 2025-12, 2025-12-06T14:30, 2025-12-06?, 2025-12~) or START/END",
        }
        self.point_date: Schema = {
            "anyOf": [
                {"type": "string", "pattern": _whole(_POINT)},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
            "description": "one date, not an interval",
        }
        self.format_version: Schema = {"const": 1, "description": "the format version"}
        self.timezone: Schema = {**_TEXT, "description": "an IANA name (Europe/Kyiv) or an offset (+02:00)"}
        self.language: Schema = {
            "anyOf": [{"type": "string", "pattern": _whole(LANGUAGE_PATTERN)}, {"type": "null"}],
            "description": "a BCP 47 language tag",
        }
        self.texts: Schema = {"type": "array", "items": _TEXT}
        self.sources: Schema = {
            "type": "array",
            "items": {"anyOf": [{**_TEXT, "description": "a source id"}, {"$ref": "#/$defs/citation"}]},
        }

    @staticmethod
    def integer(low: int, high: int) -> Schema:
        """A whole number in a range."""
        return {"type": "integer", "minimum": low, "maximum": high}

    @staticmethod
    def matching(pattern: str, wanted: str, *, code: str) -> Schema:
        """Text of a form; a form that digits alone can take also takes an unquoted number (`short: 9`),
        which the loader reads as written and a YAML parser as a number."""
        forms: list[Schema] = [{"type": "string", "pattern": _whole(pattern)}, {"type": "null"}]
        digits = next((n for n in range(9, 0, -1) if re.fullmatch(pattern, "9" * n)), 0)
        if digits:
            forms.insert(1, {"type": "integer", "minimum": 0, "maximum": 10**digits - 1})
        return {"anyOf": forms, "description": wanted}

    @staticmethod
    def choice(allowed: tuple[str, ...]) -> Schema:
        """One word of a vocabulary."""
        return {"enum": [*allowed, None]}

    @staticmethod
    def identifier(kind: str) -> Schema:
        """An item's own id."""
        return {
            "anyOf": [{"type": "string", "pattern": _whole(ID_PATTERN)}, {"type": "integer", "minimum": 0}],
            "description": f"the {kind}'s id: lowercase letters, digits and -",
        }

    @staticmethod
    def ref(*kinds: str) -> Schema:
        """A reference to an item."""
        return {**_TEXT, "description": " or ".join(f"a {kind} id" for kind in kinds)}

    def refs_list(self, *kinds: str) -> Schema:
        """A list of references."""
        return {"type": "array", "items": self.ref(*kinds)}

    @staticmethod
    def items(kind: str) -> Schema:
        """A list of items of a kind."""
        return {"type": "array", "items": {"$ref": f"#/$defs/{_name(kind)}"}}

    @staticmethod
    def statements(kind: str) -> Schema:
        """A list of plain strings or ``{text, sources}``."""
        return {"type": "array", "items": {"anyOf": [_TEXT, {"$ref": f"#/$defs/{_name(kind)}"}]}}


def _name(kind: str) -> str:
    return kind.replace(" ", "_")


# The rules across keys of ``specs.after_item``, as schema conditions.
_RULES: dict[str, list[Schema]] = {
    "event": [
        {
            "if": {"properties": {"status": {"enum": list(vocab.UNDATED_STATUSES)}}, "required": ["status"]},
            "else": {"required": ["date"]},
        },
        {
            "if": {"properties": {"likelihood": {"not": {"type": "null"}}}, "required": ["likelihood"]},
            "then": {"properties": {"status": {"const": "expected"}}, "required": ["status"]},
        },
    ],
    "position": [{"oneOf": [{"required": ["party"]}, {"required": ["actor"]}]}],
    "quote": [{"not": {"required": ["speaker", "attribution"]}}],
}


def _object(keys: dict[str, Schema], required: tuple[str, ...], kind: str) -> Schema:
    properties = {
        key: {"allOf": [schema, {"not": {"type": "null"}}]} if key in required else schema
        for key, schema in keys.items()
    }
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }
    if kind in _RULES:
        schema["allOf"] = _RULES[kind]
    return schema


def briefing_schema() -> Schema:
    """The JSON Schema of a briefing file."""
    specs = make_specs(SchemaWriter())
    keys, required = specs.pop("briefing")
    root = _object(keys, ("brief", *required), "briefing")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "brief briefing, format 1",
        "description": "A negotiation briefing for the brief reader. `brief validate` checks what a schema cannot: "
        "references, impossible dates, duplicate ids and slips of logic.",
        **root,
        "$defs": {_name(kind): _object(k, r, kind) for kind, (k, r) in specs.items()},
    }
