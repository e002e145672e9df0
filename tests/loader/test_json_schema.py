"""`brief schema`: a valid draft 2020-12 schema that agrees with the loader on the corpus."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from check_jsonschema.parsers.yaml import ParseError, construct_yaml_implementation, impl2loader
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from brief_tui.loader import BriefingError, load_briefing
from brief_tui.loader.json_schema import briefing_schema
from brief_tui.loader.load import check_bytes

ROOT = Path(__file__).parents[2]
CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))
VALID = [*sorted((ROOT / "content").glob("*.yaml")), *sorted((Path(__file__).parent / "fixtures").glob("*.yaml"))]
# What a schema cannot see: references, dates that cannot exist, ids used twice, limits, the bytes.
BEYOND_A_SCHEMA = {
    "bad-reference",
    "wrong-kind",
    "duplicate-id",
    "bad-date",
    "bad-timezone",
    "order",
    "control-character",
    "flow-question-mark",
    "merge-key",
    "duplicate-key",
    "too-deep",
    "too-many-aliases",
    "alias-expansion",
    "refused-tag",
    "yaml-syntax",
    "not-utf8",
    "line-ends",
    "empty-file",
    "too-large",
}
_load_yaml = impl2loader(construct_yaml_implementation(), construct_yaml_implementation(pure=True))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = briefing_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(validator: Draft202012Validator, path: Path) -> list[str] | None:
    """The schema's complaints about a file, or None when the file is not YAML a schema can see."""
    try:
        data: Any = _load_yaml(io.BytesIO(path.read_bytes()))
    except (ParseError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    return [error.message for error in validator.iter_errors(data)]


def loader_codes(path: Path) -> set[str]:
    try:
        load_briefing(path, cache=False)
    except BriefingError as error:
        return {problem.code for problem in error.errors}
    return set()


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_the_schema_accepts_valid_briefings(validator: Draft202012Validator, path: Path) -> None:
    assert loader_codes(path) == set()
    assert schema_errors(validator, path) == []


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_the_schema_and_the_loader_agree_on_the_corpus(validator: Draft202012Validator, path: Path) -> None:
    codes = loader_codes(path)
    found = schema_errors(validator, path)
    if found is None:  # not YAML a schema sees: the loader refuses it too
        assert codes
        return
    if not codes:
        assert found == [], "the schema refuses a file the loader reads"
    elif not codes <= BEYOND_A_SCHEMA:
        assert found, f"the loader refuses it ({sorted(codes)}); the schema accepts it"


def verdicts(validator: Draft202012Validator, text: str) -> tuple[bool, bool]:
    """Whether the loader and the schema (through check-jsonschema's YAML parser) accept a file."""
    try:
        check_bytes(text.encode(), "g.yaml")
        loader_accepts = True
    except BriefingError:
        loader_accepts = False
    return loader_accepts, not list(validator.iter_errors(_load_yaml(io.BytesIO(text.encode()))))


@pytest.mark.parametrize(("short", "valid"), [("9", True), ("12345", True), ("123456", False), ("E3", True)])
def test_an_unquoted_number_as_a_short_name_is_judged_as_the_loader_judges_it(
    validator: Draft202012Validator, short: str, valid: bool
) -> None:
    text = f'brief: 1\nid: g\ntitle: G\nas_of: "2026-01-01"\nparties:\n  - {{id: p, name: P, short: {short}}}\n'
    assert verdicts(validator, text) == (valid, valid)


def test_the_corpus_has_structural_errors_for_the_schema_to_catch(validator: Draft202012Validator) -> None:
    caught = [p.name for p in CORPUS if (codes := loader_codes(p)) and not codes <= BEYOND_A_SCHEMA]
    assert len(caught) >= 10


def test_the_schema_knows_every_key_the_loader_knows() -> None:
    from brief_tui.loader.json_schema import SchemaWriter
    from brief_tui.loader.specs import make_specs

    schema = briefing_schema()
    for kind, (keys, required) in make_specs(SchemaWriter()).items():
        found = schema if kind == "briefing" else schema["$defs"][kind.replace(" ", "_")]
        assert set(found["properties"]) == set(keys)
        assert set(required) <= set(found["required"])


def test_brief_schema_prints_it() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "brief_tui", "schema"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(json.dumps(briefing_schema()))


def test_check_jsonschema_passes_the_built_in_content(tmp_path: Path) -> None:
    schema = tmp_path / "briefing.schema.json"
    schema.write_text(json.dumps(briefing_schema()), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, VALID)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


_STATUSES = st.sampled_from([None, "occurred", "reported", "scheduled", "expected", "postponed", "cancelled"])
# No "_": ruamel (check-jsonschema's YAML parser) reads "-_" as a YAML 1.1 int and crashes on it,
# while PyYAML's dump leaves it unquoted; that is a parser quarrel, not the schema's.
# Nor digits after a leading 0 ("09"): YAML 1.2 (ruamel) reads them as a number, YAML 1.1 (PyYAML,
# the loader's) as text, so the two parsers hand over different values of one file.
_SHORTS = st.text(alphabet="ABCZ019+- a", min_size=0, max_size=7).filter(lambda s: not re.fullmatch(r"\+?0[0-9]+", s))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_STATUSES, st.booleans(), st.booleans()), max_size=6), _SHORTS)
def test_the_schema_and_the_loader_agree_on_generated_briefings(
    validator: Draft202012Validator, events: list[tuple[str | None, bool, bool]], short: str
) -> None:
    document: dict[str, Any] = {
        "brief": 1,
        "id": "generated",
        "title": "Generated",
        "as_of": "2026-01-01",
        "parties": [{"id": "p", "name": "P", "short": short}],
        "events": [],
    }
    for n, (status, dated, likely) in enumerate(events):
        event: dict[str, Any] = {"id": f"e{n}"}
        if status:
            event["status"] = status
        if dated:
            event["date"] = "2026-01-01"
        if likely:
            event["likelihood"] = "likely"
        document["events"].append(event)
    text = yaml.safe_dump(document)
    loader_accepts, schema_accepts = verdicts(validator, text)
    assert schema_accepts == loader_accepts
