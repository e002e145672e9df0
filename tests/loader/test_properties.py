"""Property tests: any input gives the loader's own error or a briefing; events come out in date order."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief_tui.loader import BriefingError
from brief_tui.loader.build import build_briefing
from brief_tui.loader.load import check_bytes

from .conftest import HEAD

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only_briefing_error(data: bytes) -> None:
    problems = []
    try:
        check_bytes(data, "p.yaml")
    except BriefingError as error:  # any other exception fails the test
        problems = error.problems
        assert problems, "a BriefingError must carry its problems"
    assert all(p.line >= 1 and p.column >= 1 for p in problems)


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    only_briefing_error(data)


@SETTINGS
@given(st.binary(max_size=200))
def test_arbitrary_bytes_after_a_valid_head(data: bytes) -> None:
    only_briefing_error(HEAD.encode() + data)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab:-?[]{},&*!|>'\"#\n \t%@`~<x1\\")), max_size=120))
def test_yaml_punctuation_soup(text: str) -> None:
    only_briefing_error(text.encode())
    only_briefing_error((HEAD + text).encode())


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_keys = st.sampled_from(["brief", "id", "title", "as_of", "events", "threads", "parties", "sources", "x-a", "zz"])


@SETTINGS
@given(st.dictionaries(_keys, _values, max_size=6))
def test_arbitrary_yaml_documents(document: dict[str, Any]) -> None:
    only_briefing_error(yaml.safe_dump(document, allow_unicode=True).encode())


@SETTINGS
@given(st.data())
def test_edits_of_a_valid_briefing(data: st.DataObject) -> None:
    text = HEAD + "threads: [{id: t, title: T}]\nevents:\n  - {id: e, date: '2025-12-06?', threads: [t]}\n"
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 5)))
    insert = data.draw(st.text(max_size=5))
    only_briefing_error((text[:start] + insert + text[end:]).encode())


_days = st.dates(min_value=__import__("datetime").date(2020, 1, 1), max_value=__import__("datetime").date(2030, 12, 31))


@st.composite
def _date_text(draw: st.DrawFn) -> str:
    day = draw(_days)
    form = draw(st.sampled_from(["year", "month", "day", "time", "interval", "open-start", "open-end"]))
    qualifier = draw(st.sampled_from(["", "", "?", "~", "%"]))
    if form == "year":
        return f"{day.year}{qualifier}"
    if form == "month":
        return f"{day:%Y-%m}{qualifier}"
    if form == "time":
        return f"{day:%Y-%m-%d}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
    if form == "interval":
        return f"{day:%Y-%m-%d}/{day.year + 1}"
    if form == "open-start":
        return f"../{day:%Y-%m-%d}"
    if form == "open-end":
        return f"{day:%Y-%m}/.."
    return f"{day:%Y-%m-%d}{qualifier}"


@SETTINGS
@given(st.lists(_date_text(), min_size=1, max_size=25), st.sampled_from(["UTC", "Europe/Kyiv", "-05:00"]))
def test_generated_briefings_load_with_events_in_date_order(dates: list[str], zone: str) -> None:
    document = {
        "brief": 1,
        "id": "generated",
        "title": "Generated",
        "as_of": "2025-12-06",
        "timezone": zone,
        "threads": [{"id": "t", "title": "T"}],
        "events": [{"id": f"e{i}", "date": d, "threads": ["t"]} for i, d in enumerate(dates)],
    }
    plain, _warnings = check_bytes(yaml.safe_dump(document).encode(), "g.yaml")
    briefing = build_briefing(plain, "g.yaml")
    keys = [e.sort_key for e in briefing.events]
    assert keys == sorted(keys)
    assert sorted(e.order for e in briefing.events) == list(range(len(dates)))
    assert [e.date.text for e in sorted(briefing.events, key=lambda e: e.order) if e.date] == dates
    assert briefing.threads[0].events == briefing.events


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab:-?[]{},&*!|>'\"#\n \t%@`~<x1\\")), max_size=120))
def test_yaml_punctuation_soup_without_libyaml(text: str) -> None:
    from brief_tui.loader.yaml_nodes import use_libyaml

    use_libyaml(False)
    try:
        only_briefing_error((HEAD + text).encode())
    finally:
        use_libyaml(True)
