"""The benchmark never rots: its smoke mode runs, and its generator writes valid briefings."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from brief_tui.model import parse_date

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"


def _generator() -> ModuleType:
    """benchmarks/generate.py, imported by path (benchmarks/ is scripts, not a package)."""
    return _module("generate")


def _module(stem: str) -> ModuleType:
    """A module of benchmarks/, imported by path."""
    name = f"brief_benchmarks_{stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{stem}.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def small() -> str:
    """A small generated briefing, the same for every test here."""
    text: str = _generator().generate(events=400, threads=20, seed=7)
    return text


def _items(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for kind in ("parties", "actors", "sources", "threads", "events", "quotes", "documents"):
        for item in data.get(kind) or []:
            yield kind, item
            if kind == "documents":
                for version in item.get("versions") or []:
                    yield "versions", version


def test_generator_writes_a_library_of_distinct_briefings(tmp_path: Path) -> None:
    paths = _generator().generate_library(tmp_path / "library", 3, events=20)
    ids = {yaml.safe_load(path.read_text(encoding="utf-8"))["id"] for path in paths}
    assert len(paths) == len(ids) == 3


def test_a_target_not_built_yet_says_so() -> None:
    targets = _module("targets")
    rows = [targets.Target("search", "built-in", "search_next", "ms", 50)]
    probed = {"built-in": [{"search_next": {"na": targets.NOT_BUILT}}]}
    assert targets.judge_all(rows, probed, smoke=False)[0].result == targets.NOT_BUILT
    measured = {"built-in": [{"search_next": {"ms": 30.0, "first_ms": 5.0, "bytes": 900}}]}
    assert targets.judge_all(rows, measured, smoke=False)[0].result == "pass"
    assert targets.judge_all(rows, {"built-in": [{}]}, smoke=False)[0].result == "n/a (not measured)"


def test_generator_is_reproducible_for_a_seed() -> None:
    generate = _generator().generate
    assert generate(events=200, threads=10, seed=3) == generate(events=200, threads=10, seed=3)
    assert generate(events=200, threads=10, seed=3) != generate(events=200, threads=10, seed=4)


def test_generated_yaml_parses_alike_with_and_without_libyaml(small: str) -> None:
    pure = yaml.load(small, Loader=yaml.SafeLoader)
    if getattr(yaml, "CSafeLoader", None) is not None:
        assert yaml.load(small, Loader=yaml.CSafeLoader) == pure
    assert pure["brief"] == 1
    assert len(pure["events"]) == 400
    assert len(pure["threads"]) == 20


def test_generated_ids_are_unique_and_references_resolve(small: str) -> None:
    data = yaml.safe_load(small)
    ids = [item["id"] for _, item in _items(data)]
    assert len(ids) == len(set(ids)), "ids must be unique across the whole briefing"
    kinds = {item["id"]: kind for kind, item in _items(data)}
    for event in data["events"]:
        assert all(kinds[t] == "threads" for t in event.get("threads", []))
        assert all(kinds[a] == "actors" for a in event.get("actors", []))
    for quote in data["quotes"]:
        assert quote.get("speaker") is None or kinds[quote["speaker"]] == "actors"
        assert quote.get("event") is None or kinds[quote["event"]] == "events"
    for thread in data["threads"]:
        assert all(kinds[t] == "threads" for t in thread.get("related", []))


def test_generated_dates_are_valid_and_future_statuses_are_not_in_the_past(small: str) -> None:
    data = yaml.safe_load(small)
    as_of = parse_date(data["as_of"])
    statuses, forms = set(), set()
    for event in data["events"]:
        assert isinstance(event["date"], str), "dates are always written as quoted strings"
        when = parse_date(event["date"])
        statuses.add(event["status"])
        if event["status"] in ("scheduled", "expected"):
            assert not when.wholly_before(as_of), event
        if "likelihood" in event:
            assert event["status"] == "expected"
        forms.add("interval" if when.interval else "point")
        forms.update(q for q in "?~%" if q in event["date"])
        if event["date"].endswith("/.."):
            forms.add("open")
    assert statuses == {"occurred", "reported", "scheduled", "expected", "postponed", "cancelled"}
    assert forms >= {"interval", "point", "open", "?", "~"}
    for quote in data["quotes"]:
        if "date" in quote:
            parse_date(quote["date"])
    for document in data["documents"]:
        dates = [parse_date(v["date"]) for v in document["versions"]]
        assert [d.sort_key() for d in dates] == sorted(d.sort_key() for d in dates), "versions oldest first"


def test_generated_text_has_non_latin_scripts(small: str) -> None:
    assert any("\u0400" <= c <= "\u04ff" for c in small), "Cyrillic"
    assert any("\u4e00" <= c <= "\u9fff" for c in small), "CJK"
    assert any("\u0600" <= c <= "\u06ff" for c in small), "Arabic"
    assert any(ord(c) > 0xFFFF for c in small), "emoji"


def test_ten_thousand_events_come_to_about_six_megabytes() -> None:
    size = len(_generator().generate(events=10_000, threads=500, seed=1).encode())
    assert 4_500_000 < size < 8_000_000


def test_generated_briefing_loads_without_problems(small: str, tmp_path: Path) -> None:
    from brief_tui.loader import load_briefing  # a missing loader is a failure, not a skip

    path = tmp_path / "generated.yaml"
    path.write_text(small, encoding="utf-8")
    try:
        result = load_briefing(path, cache=False)
    except Exception as error:  # a BriefingError carries every problem
        problems = getattr(error, "problems", [error])
        pytest.fail("the generated briefing does not load:\n" + "\n".join(str(p) for p in problems[:20]))
    assert result.briefing is not None
    problems = list(getattr(result, "problems", []) or [])
    problems += list(getattr(result, "warnings", []) or [])
    assert not problems, "\n".join(str(p) for p in problems[:20])
    assert len(result.briefing.events) == 400


def test_smoke_mode_runs() -> None:
    # pyte is a test dependency and the app exists: neither missing is a reason to skip.
    assert importlib.util.find_spec("pyte") is not None, "pyte is not installed (pip install -e '.[test]')"
    assert importlib.util.find_spec("brief_tui.__main__") is not None
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr[-3000:]}"
    assert "| figure | measured | target | result |" in proc.stdout
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| ")]
    for needle in (
        "| bytes per `3` focus the timeline, 80x24, built-in | ",
        "| bytes per `]` next thread, 1,000 events, cached, 160x48 | ",
        "| time per `end` last event, 1,000 events, cached, 160x48 | ",
        "| first frame (the list), library of 20 x 50 events, cached | ",
        "| memory once ready, library of 20 x 50 events, cached | ",
        "| `brief list`, library of 20 x 50 events, cached | ",
    ):
        row = next((line for line in rows if line.startswith(needle)), None)
        assert row is not None, f"no row {needle!r} in:\n{proc.stdout}"
        assert "n/a" not in row, row  # measured, even if not judged
