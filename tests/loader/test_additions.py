"""Format 1's additions from real material: each one loads into the model, and its misuse is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief_tui.loader import BriefingError, Problem, load_briefing
from brief_tui.loader.build import build_briefing
from brief_tui.loader.load import check_bytes
from brief_tui.model import Briefing

from .conftest import HEAD

pytestmark = pytest.mark.usefixtures("composer")


def load(text: str) -> Briefing:
    plain, _warnings = check_bytes((HEAD + text).encode(), "t.yaml")
    return build_briefing(plain, "t.yaml")


def problems(text: str) -> list[str]:
    try:
        found = check_bytes((HEAD + text).encode(), "t.yaml")[1]
    except BriefingError as error:
        found = error.problems
    return [f"{p.line}:{p.column} {p.severity}: {p.message}" for p in found]


def errors(text: str) -> list[Problem]:
    try:
        check_bytes((HEAD + text).encode(), "t.yaml")
    except BriefingError as error:
        return error.errors
    return []


UNDATED = """events:
  - {id: talks, status: expected, display_date: not yet set}
  - {id: deadline, date: ../2028-12, status: expected}
  - {id: later, date: 2026-01, status: scheduled}
  - {id: held, date: 2025-12-01}
"""


def test_undated_events_load_and_list_after_the_dated_ones() -> None:
    briefing = load(UNDATED)
    assert [e.id for e in briefing.events] == ["held", "later", "deadline", "talks"]
    assert briefing.events[-1].date is None
    assert [e.id for e in briefing.upcoming()] == ["later", "deadline", "talks"]


def test_an_undated_event_without_display_date_reads_no_date_yet() -> None:
    briefing = load("events:\n  - {id: talks, status: postponed}\n")
    assert briefing.events[0].shown_date == "no date yet"


def test_an_open_start_deadline_sorts_at_its_end() -> None:
    briefing = load("events:\n  - {id: by, date: ../2026-01}\n  - {id: mid, date: 2026-01-15}\n")
    assert [e.id for e in briefing.events] == ["mid", "by"]


@pytest.mark.parametrize("status", ["occurred", "reported", "cancelled", None])
def test_only_events_not_yet_set_may_leave_out_the_date(status: str | None) -> None:
    written = f", status: {status}" if status else ""
    found = problems(f"events:\n  - {{id: talks{written}}}\n")
    assert found == [
        "6:5 error: an event needs `date`, which is missing here; only a scheduled, expected or postponed "
        "event may leave it out (no date yet)"
    ]


@pytest.mark.parametrize("short", ["E3", "G7", "P5+1", "IAEA", "U"])
def test_short_names_take_digits_and_plus(short: str) -> None:
    assert load(f"parties:\n  - {{id: p, name: P, short: '{short}'}}\n").parties[0].label == short


@pytest.mark.parametrize("short", ["USA-1", "EUROPE", "U S"])
def test_other_short_names_are_refused(short: str) -> None:
    assert (
        "expected 1 to 5 letters, digits or `+`" in problems(f"parties:\n  - {{id: p, name: P, short: '{short}'}}\n")[0]
    )


QUOTES = """actors: [{id: ze, name: Zelensky}]
quotes:
  - {id: uk, text: "Мир", speaker: ze, language: uk}
  - {id: en, text: Peace, speaker: ze, language: en, same_as: uk}
  - {id: de, text: Frieden, speaker: ze, language: de-DE, same_as: en}
  - {id: other, text: Other}
"""


def test_renderings_of_one_remark_are_grouped() -> None:
    uk, en, de, other = load(QUOTES).quotes
    assert (en.same_as, de.same_as, uk.same_as) == (uk, en, None)
    assert uk.renderings == [en, de]
    assert de.renderings == [uk, en]
    assert other.renderings == []
    assert (uk.language, de.language) == ("uk", "de-DE")


def test_same_as_names_another_quote() -> None:
    assert "names the quote itself" in problems("quotes:\n  - {id: q, text: T, same_as: q}\n")[0]
    found = problems("actors: [{id: a, name: A}]\nquotes:\n  - {id: q, text: T, same_as: a}\n")
    assert "which is an actor; it needs a quote" in found[0]


def test_citations_carry_url_locator_and_accessed() -> None:
    briefing = load(
        "sources: [{id: s, name: S}]\nevents:\n  - id: e\n    date: 2025-12-01\n    sources:\n"
        "      - {source: s, url: 'https://example.org/a', locator: p. 4, accessed: 2025-12-02}\n"
    )
    citation = briefing.events[0].sources[0]
    assert (citation.url, citation.locator) == ("https://example.org/a", "p. 4")
    assert citation.accessed is not None
    assert citation.accessed.text == "2025-12-02"


def test_a_relayed_source_shows_every_grade_of_its_chain() -> None:
    briefing = load(
        "sources:\n  - {id: axios, name: Axios, reliability: C}\n"
        "  - {id: anon, name: An official, kind: anonymous, reliability: D, via: axios}\n"
        "  - {id: anon2, name: Another, via: axios}\n  - {id: plain, name: Plain}\n"
        "  - {id: relayed, name: Relayed, reliability: F, via: plain}\n"
    )
    axios, anon, anon2, plain, relayed = briefing.sources
    assert anon.chain == [anon, axios]
    assert (anon.grade, anon2.grade, axios.grade, plain.grade) == ("D via C", "ungraded via C", "C", None)
    assert relayed.grade == "F"  # an ungraded relay at the end hides no grade


def test_threads_have_short_titles() -> None:
    thread = load("threads:\n  - {id: t, title: Security guarantees, short_title: Guarantees}\n").threads[0]
    assert (thread.short_title, thread.short_label) == ("Guarantees", "Guarantees")


DOCUMENT = """parties: [{id: us, name: United States}, {id: ru, name: Russia}]
actors: [{id: wi, name: Witkoff}]
documents:
  - id: plan
    title: The plan
    versions:
      - id: v1
        date: 2025-11
        state: proposed
        authors: [us, ru, wi]
        signatories: [us]
      - id: v2
        state: draft
        points: 20
        parts:
          - {title: Security, number: Article 15, status: disputed}
          - {title: Sanctions}
"""


def test_versions_have_states_party_authors_and_numbered_parts() -> None:
    v1, v2 = load(DOCUMENT).documents[0].versions
    assert (v1.state, [a.id for a in v1.authors], [s.id for s in v1.signatories]) == (
        "proposed",
        ["us", "ru", "wi"],
        ["us"],
    )
    assert v2.date is None
    assert [(p.number, p.status) for p in v2.parts] == [("Article 15", "disputed"), (None, None)]


def test_version_state_and_part_status_are_closed_vocabularies() -> None:
    found = problems(DOCUMENT.replace("state: draft", "state: final").replace("status: disputed", "status: open-ish"))
    assert any("`state` is `final`; expected one of: draft" in p for p in found)
    assert any("`status` is `open-ish`; expected one of: agreed, open" in p for p in found)


def test_key_points_and_open_questions_may_carry_sources() -> None:
    briefing = load(
        "sources: [{id: s, name: S}]\nkey_points:\n  - Plain point\n  - {text: Sourced point, sources: [s]}\n"
        "threads:\n  - id: t\n    title: T\n    open_questions:\n      - Who signs?\n"
        "      - text: When?\n        sources: [{source: s, credibility: 2}]\n"
    )
    plain_point, sourced = briefing.key_points
    assert (plain_point.text, plain_point.sources) == ("Plain point", [])
    assert (sourced.text, [c.source.id for c in sourced.sources]) == ("Sourced point", ["s"])
    who, when = briefing.threads[0].open_questions
    assert (who.text, when.text, when.sources[0].credibility) == ("Who signs?", "When?", 2)


def test_a_key_point_needs_text() -> None:
    assert "a key point needs `text`" in problems("key_points:\n  - {sources: []}\n")[0]
    assert "`key_points` should be text, or a key point with" in problems("key_points:\n  - [a, b]\n")[0]


HELD_OUT = Path(__file__).parent / "fixtures" / "held-out.yaml"


def test_a_held_out_briefing_with_every_addition_validates_clean_and_reads_right() -> None:
    result = load_briefing(HELD_OUT, cache=False)
    assert result.warnings == []
    b = result.briefing
    assert [p.label for p in b.parties] == ["E3", "P5+1", "IR", "IAEA", "G7"]
    assert [e.id for e in b.events] == ["vienna-round", "deadline", "next-round", "ratification"]
    assert [e.shown_date for e in b.events[2:]] == ["not yet set", "no date yet"]
    original, english, _unnamed = b.quotes
    assert (english.same_as, original.renderings, original.language) == (original, [english], "fr")
    draft, undated, initialled = b.documents[0].versions
    assert (draft.state, undated.state, initialled.state) == ("draft", "proposed", "initialled")
    assert [type(a).__name__ for a in draft.authors] == ["Party", "Actor"]
    assert [s.id for s in initialled.signatories] == ["envoy", "minister"]
    assert undated.date is None
    assert [(p.number, p.status) for p in draft.parts][:2] == [("Article 1", "agreed"), ("Article 2", "disputed")]
    enrichment = b.threads[0]
    assert enrichment.short_label == "Enrichment"
    assert enrichment.open_questions[1].sources[0].source.grade == "D via C"
    citation = enrichment.positions[1].sources[0]
    assert (citation.url, citation.locator) == ("https://example.org/statement", "paragraph 4")
    assert b.key_points[1].sources[1].credibility == 3


def test_threads_without_a_group_come_first_under_no_heading() -> None:
    briefing = load(
        "threads:\n  - {id: a, title: A, group: G}\n  - {id: b, title: B}\n"
        "  - {id: c, title: C, group: H}\n  - {id: d, title: D, group: G}\n  - {id: e, title: E}\n"
    )
    groups = [(heading, [t.id for t in threads]) for heading, threads in briefing.sidebar_groups()]
    assert groups == [(None, ["b", "e"]), ("G", ["a", "d"]), ("H", ["c"])]
