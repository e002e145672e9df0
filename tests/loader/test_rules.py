"""Format 1's rules one by one, on small texts, with both YAML composers."""

from __future__ import annotations

import pytest

from brief_tui.loader import BriefingError, Problem
from brief_tui.loader.build import build_briefing
from brief_tui.loader.load import check_bytes
from brief_tui.model import Briefing

from .conftest import HEAD

pytestmark = pytest.mark.usefixtures("composer")


def load(text: str, head: bool = True) -> Briefing:
    plain, _warnings = check_bytes(((HEAD if head else "") + text).encode(), "t.yaml")
    return build_briefing(plain, "t.yaml")


def problems(text: str, head: bool = True) -> list[Problem]:
    data = ((HEAD if head else "") + text).encode()
    try:
        return check_bytes(data, "t.yaml")[1]
    except BriefingError as error:
        return error.problems


def messages(text: str, head: bool = True) -> list[str]:
    return [f"{p.line}:{p.column} {p.severity}: {p.message}" for p in problems(text, head)]


def test_scalars_are_typed_by_the_schema_not_by_yaml() -> None:
    briefing = load("subtitle: no\nmarking: 2025-12-06\nkey_points: [yes, 1.5, null-ish, '~']\n")
    assert briefing.subtitle == "no"
    assert briefing.marking == "2025-12-06"
    assert [p.text for p in briefing.key_points] == ["yes", "1.5", "null-ish", "~"]


def test_null_optional_fields_are_omitted() -> None:
    briefing = load("subtitle:\nmarking: ~\nparties:\n  - {id: us, name: US, color: null}\n")
    assert briefing.subtitle is None
    assert briefing.marking is None
    assert briefing.parties[0].color is None


def test_extension_keys_are_ignored_everywhere() -> None:
    briefing = load("x-editor: {name: Ann}\nparties:\n  - {id: us, name: US, x-note: [a, {b: c}]}\n")
    assert briefing.parties[0].id == "us"


def test_explicit_core_tags_and_anchors_are_allowed() -> None:
    briefing = load(
        "subtitle: !!str 2025\nx-src: &src [axios]\nsources: [{id: axios, name: Axios}]\n"
        "events:\n  - {id: a, date: 2025-12-01, sources: *src}\n  - {id: b, date: 2025-12-02, sources: *src}\n"
    )
    assert briefing.subtitle == "2025"
    assert [c.source.id for c in briefing.events[1].sources] == ["axios"]


def test_crlf_and_bom_are_accepted() -> None:
    data = ("\ufeff" + HEAD + "subtitle: ok\n").replace("\n", "\r\n").encode()
    plain, _ = check_bytes(data, "t.yaml")
    assert plain["subtitle"] == "ok"


def test_timezone_applies_to_dates_written_before_it() -> None:
    briefing = load("events:\n  - {id: a, date: 2025-12-06T12:00}\ntimezone: Europe/Kyiv\n")
    assert briefing.events[0].date.earliest.hour == 10
    assert briefing.timezone == "Europe/Kyiv"


def test_all_problems_are_reported_in_file_order() -> None:
    found = messages("titel: x\nevents:\n  - id: Bad\n    date: 2025-02-30\n  - {id: ok, date: 2025, status: done}\n")
    assert [m.split(" ")[0] for m in found] == ["5:1", "7:9", "8:11", "9:34"]


def test_problem_cap() -> None:
    text = "events:\n" + "".join(f"  - {{id: e{i}, date: 2025-02-30}}\n" for i in range(150))
    found = problems(text)
    assert len(found) == 101
    assert found[-1].message.startswith("too many problems")


def test_non_scalar_key() -> None:
    assert messages("? [a, b]\n: c\n")[0].startswith("5:3 error: a key must be a plain word")


def test_brief_must_be_the_number_one() -> None:
    assert "the number `1`" in messages('brief: "1"\nid: x\ntitle: T\nas_of: 2025\n', head=False)[0]
    assert "format version is `1`" in messages("brief: 0\nid: x\ntitle: T\nas_of: 2025\n", head=False)[0]


def test_a_file_that_is_not_a_briefing_gets_one_message() -> None:
    assert messages("services:\n  web: {image: nginx}\n", head=False) == [
        "1:1 error: this is not a briefing: `brief: 1` (the format version) is missing at the top"
    ]


def test_ids_are_one_space_across_kinds_and_references_check_kind() -> None:
    found = messages(
        "parties: [{id: us, name: US}]\nactors: [{id: us, name: Someone, party: witkoff}]\n"
        "threads: [{id: t, title: T, parties: [t]}]\n"
    )
    assert any("the id `us` is already used by a party" in m for m in found)
    assert any("`party` names `witkoff`, but there is no such party" in m for m in found)
    assert any("`parties` names `t`, which is a thread; it needs a party" in m for m in found)


def test_did_you_mean_for_references() -> None:
    found = messages("threads: [{id: territory, title: T}]\nquotes: [{id: q, text: x, threads: [teritory]}]\n")
    assert found[-1].endswith("(did you mean `territory`?)")


def test_id_syntax() -> None:
    assert not problems("parties: [{id: a-1, name: A}, {id: 9b, name: B}]\n")
    for bad in ("-a", "a_b", "A", "a" * 65, "a b"):
        assert "is not valid" in messages(f"parties: [{{id: '{bad}', name: A}}]\n")[0]


def test_sources_with_credibility_and_note() -> None:
    briefing = load(
        "sources: [{id: axios, name: Axios, kind: outlet, reliability: B}, {id: anon, name: An official, "
        "kind: anonymous, via: axios}]\nevents:\n  - id: e\n    date: 2025-12-01\n    sources:\n"
        "      - anon\n      - {source: axios, credibility: 2, note: confirmed by two}\n"
    )
    first, second = briefing.events[0].sources
    assert first.source.anonymous
    assert first.source.via is second.source
    assert (second.credibility, second.note) == (2, "confirmed by two")


def test_document_versions_and_parts() -> None:
    briefing = load(
        "actors: [{id: witkoff, name: Steve Witkoff}]\nthreads: [{id: t, title: T}]\ndocuments:\n"
        "  - id: plan\n    title: Plan\n    versions:\n      - {id: v20, date: 2025-11, points: 20}\n"
        "      - id: v27\n        date: '2025-12-05~'\n        points: 27\n        authors: [witkoff]\n"
        "        parts: [{title: Sovereignty, threads: [t]}]\n"
    )
    plan = briefing.by_id["plan"]
    assert [v.id for v in plan.versions] == ["v20", "v27"]  # type: ignore[union-attr]
    assert briefing.by_id["t"].documents == [plan]  # type: ignore[union-attr]
    assert (
        "versions` is listed oldest first"
        in messages(
            "documents:\n  - id: plan\n    title: Plan\n    versions:\n      - {id: b, date: 2025-12}\n"
            "      - {id: a, date: 2025-11}\n"
        )[0]
    )


def test_points_must_be_a_whole_number() -> None:
    assert (
        "`points` should be a whole number"
        in messages("documents: [{id: d, title: D, versions: [{id: v, points: twenty}]}]\n")[0]
    )


def test_position_as_of_and_holder() -> None:
    briefing = load(
        "actors: [{id: a, name: A}]\nthreads:\n  - id: t\n    title: T\n    positions:\n"
        "      - {actor: a, stance: Against, leaning: opposes, as_of: '2025-12-01?'}\n"
    )
    position = briefing.threads[0].positions[0]
    assert position.holder is briefing.by_id["a"]
    assert position.as_of is not None
    assert position.as_of.uncertain
    assert briefing.by_id["a"].threads == [briefing.threads[0]]  # type: ignore[union-attr]


def test_expected_and_scheduled_before_as_of_warn() -> None:
    found = problems(
        "events:\n  - {id: a, date: 2025-12-05, status: expected}\n"
        "  - {id: b, date: 2025-12-05/.., status: expected}\n  - {id: c, date: 2025-12, status: scheduled}\n"
        "  - {id: d, date: 2025-11, status: occurred}\n"
    )
    assert [(p.severity, p.line) for p in found] == [("warning", 6)]


def test_updated_is_one_date() -> None:
    assert load("updated: 2025-12-06T18:00\n").updated is not None
    assert "must be one date" in messages("updated: 2025-12-01/2025-12-06\n")[0]


def test_event_back_references_and_order() -> None:
    briefing = load(
        "actors: [{id: a, name: A}]\nthreads: [{id: t, title: T}]\nevents:\n"
        "  - {id: late, date: 2025-12-06, threads: [t], actors: [a]}\n  - {id: month, date: 2025-12, threads: [t]}\n"
        "  - {id: same-day, date: 2025-12-06, threads: [t]}\n"
        "quotes: [{id: q, text: hi, speaker: a, event: late, threads: [t]}]\n"
    )
    assert [e.id for e in briefing.events] == ["month", "late", "same-day"]
    thread = briefing.threads[0]
    assert [e.id for e in thread.events] == ["month", "late", "same-day"]
    assert thread.quotes[0].event is briefing.by_id["late"]
    assert briefing.by_id["late"].quotes == thread.quotes  # type: ignore[union-attr]
    assert briefing.by_id["a"].quotes == thread.quotes  # type: ignore[union-attr]
    assert [e.id for e in briefing.by_id["a"].events] == ["late"]  # type: ignore[union-attr]
