"""The filter language: reading it (and failing politely), and what each term keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Actor, Briefing, Citation, Event, Party, Position, Quote, Source, Thread, parse_date
from brief_tui.model.filter_view import FilterView, flagged
from brief_tui.model.filters import TERMS, parse_filter
from brief_tui.model.search import SearchIndex

BUILTIN = Path(__file__).resolve().parents[2] / "content" / "ukraine-peace-talks.yaml"


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


def view(text: str, briefing: Briefing, **kwargs: object) -> FilterView:
    filter_ = parse_filter(text, [briefing])
    assert filter_.ok, filter_.problems
    return filter_.apply([briefing], **kwargs)  # type: ignore[arg-type]


def thread_ids(text: str, briefing: Briefing) -> list[str]:
    return [t.id for t in view(text, briefing).threads]


def event_ids(text: str, briefing: Briefing) -> list[str]:
    return [e.id for e in view(text, briefing).events]


@pytest.fixture
def made() -> Briefing:
    """A briefing made by hand: two parties, three threads, four events, graded sources."""
    ru, ua = Party("russia", "Russia", short="RU"), Party("ukraine", "Ukraine", short="UA")
    lavrov = Actor("lavrov", "Sergei Lavrov", party=ru, aliases=["S. Lavrov"])
    umerov = Actor("umerov", "Rustem Umerov", party=ua)
    good = Source("reuters", "Reuters", reliability="B")
    poor = Source("blog", "A blog", reliability="E")
    unnamed = Source("unnamed", "An official", kind="anonymous", via=good)
    land = Thread("land", "Territory", group="Core issues", status="open")
    land.positions = [
        Position("Keeps the land", party=ru, leaning="rejects", as_of=parse_date("2025-11-20")),
        Position("Wants it back", party=ua, leaning="proposes"),
    ]
    guarantees = Thread("guarantees", "Security guarantees", group="Core issues", status="near-agreement")
    guarantees.positions = [Position("Drafting", actor=umerov, leaning="supports", sources=[Citation(good)])]
    prisoners = Thread("prisoners", "Prisoner exchange", group="Humanitarian", status="stalled")
    meeting = Event("meeting", parse_date("2025-12-02"), title="Moscow meeting", kind="meeting", status="occurred")
    meeting.threads, meeting.actors, meeting.sources = [land], [lavrov], [Citation(poor)]
    call = Event("call", parse_date("2025-12-05?"), title="A call", kind="call", status="reported")
    call.threads, call.actors, call.sources = [guarantees], [umerov], [Citation(unnamed)]
    talks = Event("talks", parse_date("2025-12-08/2025-12-10"), title="Talks", kind="meeting", status="scheduled")
    talks.threads = [land, guarantees]
    swap = Event("swap", parse_date("2025-10"), title="Swap", kind="other", status="occurred")
    swap.threads = [prisoners]
    land.events, guarantees.events, prisoners.events = [meeting, talks], [call, talks], [swap]
    quote = Quote("q", "Not an inch.", speaker=lavrov, sources=[Citation(poor)])
    briefing = Briefing("b", "Talks", parse_date("2025-12-06"))
    briefing.parties, briefing.actors = [ru, ua], [lavrov, umerov]
    briefing.sources = [good, poor, unnamed]
    briefing.threads = [land, guarantees, prisoners]
    briefing.events = [swap, meeting, call, talks]
    briefing.quotes = [quote]
    items = (ru, ua, lavrov, umerov, good, poor, unnamed, quote)
    briefing.by_id = {i.id: i for i in (*items, *briefing.threads, *briefing.events)}
    return briefing


# -- reading --------------------------------------------------------------------------------


def test_the_example_of_the_product_reads() -> None:
    text = (
        "party:ru,ua actor:witkoff status:open,stalled leaning:rejects grade:A-C after:2025-11 "
        'before:2025-12-07 kind:meeting group:"Core issues" changed bookmarked'
    )
    filter_ = parse_filter(text)
    assert filter_.ok, filter_.problems
    assert [t.name for t in filter_.terms] == [*TERMS, "changed", "bookmarked"]
    assert filter_.values("group") == [("Core issues",)]
    assert filter_.values("grade") == [("A", "B", "C")]
    assert filter_.chips[-3] == 'group:"Core issues"'


def test_a_misspelt_term_gets_a_did_you_mean_and_the_known_terms() -> None:
    filter_ = parse_filter("statsu:open")
    assert not filter_.ok
    (problem,) = filter_.problems
    assert "'statsu:'" in problem
    assert "did you mean 'status:'" in problem
    for term in TERMS:
        assert f"{term}:" in problem


def test_a_flag_written_as_a_term_suggests_the_flag() -> None:
    (problem,) = parse_filter("bookmarks:yes").problems
    assert "did you mean 'bookmarked'" in problem


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("status:opne", "did you mean 'open'"),
        ("status:", "needs a value"),
        ("leaning:maybe", "is not a leaning"),
        ("kind:party", "is not a kind"),
        ("grade:G", "is not a grade"),
        ("grade:A-", "is not a grade"),
        ("after:2025-13", "no month 13"),
        ("before:yesterday", "is not a date"),
        ("after:2025-11,2025-12", "takes one date"),
    ],
)
def test_unreadable_values_name_the_term(text: str, says: str) -> None:
    (problem,) = parse_filter(text).problems
    assert says in problem
    assert problem.startswith(text.split(":")[0] + ":")


def test_names_are_checked_against_the_briefings(made: Briefing) -> None:
    (problem,) = parse_filter("party:france", [made]).problems
    assert "names no party" in problem
    assert "russia" in problem
    assert parse_filter("party:france").ok  # nothing to check against
    (problem,) = parse_filter("actor:lavorv", [made]).problems
    assert "did you mean 'lavrov'" in problem


def test_several_problems_are_all_reported_and_the_rest_still_reads() -> None:
    filter_ = parse_filter("statsu:open kind:meeting grade:Q ceasefire")
    assert len(filter_.problems) == 2
    assert [t.name for t in filter_.terms] == ["kind", "text"]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        'group:"',
        "::::",
        ":x",
        "a:b:c",
        "party:,,,",
        "\x00\x1b[31m:\u202e",
        "[bold]x[/]:y",
        "x" * 100_000,
        "status:" + "o" * 10_000,
        'group:"a,b" "x',
        "ünïcödé:ü",
    ],
)
def test_hostile_input_never_raises(text: str, made: Briefing) -> None:
    filter_ = parse_filter(text, [made])
    filter_.apply([made])
    for problem in filter_.problems:
        assert len(problem) < 400


def test_values_are_case_insensitive_and_prefixes(made: Briefing) -> None:
    assert thread_ids("STATUS:Near", made) == ["guarantees"]
    assert thread_ids("party:RUS", made) == ["land"]


def test_quotes_keep_commas_and_spaces_in_a_value(made: Briefing) -> None:
    assert parse_filter('group:"Core issues, and more",Human').values("group") == [("Core issues, and more", "Human")]
    assert thread_ids('group:"core iss"', made) == ["land", "guarantees"]


def test_bare_words_and_phrases_search_text(made: Briefing) -> None:
    assert thread_ids("security", made) == ["guarantees"]
    assert thread_ids('"prisoner exchange"', made) == ["prisoners"]
    assert event_ids("moscow", made) == ["meeting"]
    assert parse_filter('"changed"').terms[0].name == "text"


# -- what each term keeps -------------------------------------------------------------------


def test_an_empty_filter_keeps_everything(made: Briefing) -> None:
    shown = view("", made)
    assert not shown.active
    assert shown.counts().describe() == "3 of 3 threads, 4 of 4 events"


def test_status_keeps_threads_and_their_events(made: Briefing) -> None:
    assert thread_ids("status:open", made) == ["land"]
    assert event_ids("status:open", made) == ["meeting", "talks"]
    assert thread_ids("status:open,stalled", made) == ["land", "prisoners"]


def test_an_event_status_keeps_events_and_threads_that_have_them(made: Briefing) -> None:
    assert event_ids("status:scheduled", made) == ["talks"]
    assert thread_ids("status:scheduled", made) == ["land", "guarantees"]


def test_party_takes_ids_short_names_and_name_prefixes(made: Briefing) -> None:
    for text in ("party:russia", "party:ru", "party:Rus"):
        assert thread_ids(text, made) == ["land"], text
        assert event_ids(text, made) == ["meeting"], text
    assert thread_ids("party:ru,ua", made) == ["land", "guarantees"]


def test_actor_takes_ids_name_words_and_aliases(made: Briefing) -> None:
    for text in ("actor:umerov", "actor:rustem", "actor:umer"):
        assert event_ids(text, made) == ["call"], text
    assert event_ids('actor:"s. lav"', made) == ["meeting"]


def test_terms_are_anded(made: Briefing) -> None:
    assert thread_ids("group:core status:near", made) == ["guarantees"]
    assert thread_ids("party:ru party:ua", made) == ["land"]
    assert thread_ids("status:stalled party:ru", made) == []


def test_leaning_reads_the_stances_of_the_named_party(made: Briefing) -> None:
    assert thread_ids("leaning:rejects", made) == ["land"]
    assert thread_ids("party:ru leaning:rejects", made) == ["land"]
    assert thread_ids("party:ua leaning:rejects", made) == []
    assert thread_ids("actor:umerov leaning:supports", made) == ["guarantees"]


def test_kind_keeps_events_and_the_threads_that_have_them(made: Briefing) -> None:
    assert event_ids("kind:meeting", made) == ["meeting", "talks"]
    assert thread_ids("kind:meeting", made) == ["land", "guarantees"]
    assert thread_ids("kind:other", made) == ["prisoners"]


def test_dates_keep_what_can_overlap(made: Briefing) -> None:
    assert event_ids("after:2025-12-05", made) == ["call", "talks"]
    assert event_ids("after:2025-12", made) == ["meeting", "call", "talks"]
    assert event_ids("before:2025-12-02", made) == ["swap", "meeting"]
    assert event_ids("after:2025-12-03 before:2025-12-08", made) == ["call", "talks"]
    assert event_ids("after:2025-12-09", made) == ["talks"]  # the interval runs to the 10th
    assert thread_ids("after:2025-12-06", made) == ["land", "guarantees"]


def test_grade_reads_source_reliability_and_ranges(made: Briefing) -> None:
    assert event_ids("grade:A-C", made) == ["call"]  # unnamed, via Reuters (B)
    assert event_ids("grade:C-A", made) == ["call"]
    assert event_ids("grade:E", made) == ["meeting"]
    assert event_ids("grade:A", made) == []
    assert thread_ids("grade:b", made) == ["guarantees"]


def test_group_keeps_threads_under_the_heading_and_their_events(made: Briefing) -> None:
    assert thread_ids("group:human", made) == ["prisoners"]
    assert event_ids("group:human", made) == ["swap"]


def test_flags_apply_when_the_caller_gives_a_predicate(made: Briefing) -> None:
    marked = {made.get("prisoners"), made.get("swap")}
    shown = view("bookmarked", made, bookmarked=marked.__contains__)
    assert [t.id for t in shown.threads] == ["prisoners"]
    assert [e.id for e in shown.events] == ["swap"]


def test_a_flag_without_state_keeps_nothing(made: Briefing) -> None:
    assert view("changed", made).counts().describe() == "0 of 3 threads, 0 of 4 events"
    assert not view("bookmarked", made).keeps(made.get("lavrov"))  # type: ignore[arg-type]


def test_a_flagged_event_keeps_its_threads_and_not_their_other_events(made: Briefing) -> None:
    shown = view("changed", made, changed=flagged([made], {made.id: {"talks"}}))
    assert [t.id for t in shown.threads] == ["land", "guarantees"]
    assert [e.id for e in shown.events] == ["talks"]


def test_flagged_reads_ids_by_briefing_and_skips_ids_it_does_not_know(made: Briefing) -> None:
    keeps = flagged([made], {made.id: {"lavrov", "gone"}, "another": {"umerov"}})
    assert keeps(made.get("lavrov"))  # type: ignore[arg-type]
    assert not keeps(made.get("umerov"))  # type: ignore[arg-type]
    shown = view("bookmarked party:ru", made, bookmarked=keeps)
    assert shown.keeps(made.get("lavrov"))  # type: ignore[arg-type]
    assert not shown.keeps(made.get("reuters"))  # type: ignore[arg-type]
    assert parse_filter("bookmarked party:ru changed").flags == {"bookmarked", "changed"}
    assert parse_filter("party:ru").flags == frozenset()


def test_other_items_are_kept_unless_a_term_speaks_of_them(made: Briefing) -> None:
    shown = view("party:ru status:open", made)
    assert shown.keeps(made.get("lavrov"))  # type: ignore[arg-type]
    assert not shown.keeps(made.get("umerov"))  # type: ignore[arg-type]
    assert shown.keeps(made.get("q"))  # type: ignore[arg-type]
    assert not shown.keeps(made.get("ukraine"))  # type: ignore[arg-type]
    assert shown.keeps(made.get("reuters"))  # type: ignore[arg-type]
    assert shown.keeps(made)
    graded = view("grade:A-B", made)
    assert graded.keeps(made.get("reuters"))  # type: ignore[arg-type]
    assert not graded.keeps(made.get("blog"))  # type: ignore[arg-type]
    assert not graded.keeps(made.get("q"))  # type: ignore[arg-type]


def test_counts_describe_what_is_left(made: Briefing) -> None:
    counts = view("status:open", made).counts()
    assert counts.describe() == "1 of 3 threads, 2 of 4 events"
    assert counts.filtered() == "filtered: 1 of 3 threads"


def test_the_search_index_answers_bare_words_alike(made: Briefing) -> None:
    index = SearchIndex([made])
    for text in ("security", "moscow talks", '"a call"', "Territory", "zzz"):
        plain = view(text, made)
        fast = view(text, made, index=index)
        assert plain.threads == fast.threads, text
        assert plain.events == fast.events, text


# -- the built-in briefing ------------------------------------------------------------------


def test_status_near_agreement_leaves_security_guarantees(builtin: Briefing) -> None:
    shown = view("status:near-agreement", builtin)
    assert [t.id for t in shown.threads] == ["security-guarantees"]
    assert shown.counts().threads == 1
    assert shown.counts().all_threads == 6


def test_status_open_leaves_only_open_threads(builtin: Briefing) -> None:
    shown = view("status:open", builtin)
    assert {t.status for t in shown.threads} == {"open"}
    assert all(any(t.status == "open" for t in e.threads) for e in shown.events)


def test_several_briefings_count_together(builtin: Briefing, made: Briefing) -> None:
    shown = parse_filter("status:open").apply([builtin, made])
    counts = shown.counts()
    assert counts.all_threads == 9
    assert counts.threads == len(view("status:open", builtin).threads) + 1
    assert shown.counts(made).describe() == "1 of 3 threads, 2 of 4 events"
    assert [t.id for t in shown.threads_of(made)] == ["land"]


def test_a_relayed_source_is_as_good_as_its_worst_graded_link(made: Briefing) -> None:
    weak = Source("weak", "A weak relay", reliability="D", via=made.get("reuters"))  # type: ignore[arg-type]
    made.events[0].sources = [Citation(weak)]  # the swap
    assert "swap" not in event_ids("grade:A-C", made)
    assert "swap" in event_ids("grade:A-D", made)


def test_an_undated_event_is_left_out_by_dates_only(made: Briefing) -> None:
    undated = Event("someday", None, title="Someday", kind="meeting", status="expected")
    undated.threads = [made.threads[0]]
    made.events.append(undated)
    assert "someday" not in event_ids("after:2020", made)
    assert "someday" in event_ids("kind:meeting", made)
