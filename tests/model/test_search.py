"""The search index and queries: what matches, where, in what order; literal and safe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Actor, Briefing, Event, KeyPoint, OpenQuestion, Party, Quote, Thread, parse_date
from brief_tui.model import search as search_module
from brief_tui.model.query import fold, make_snippet, normal, parse_query
from brief_tui.model.search import SearchIndex, kind_of, narrows

BUILTIN = Path(__file__).resolve().parents[2] / "content" / "ukraine-peace-talks.yaml"


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


@pytest.fixture(scope="module")
def index(builtin: Briefing) -> SearchIndex:
    return SearchIndex([builtin])


def small(*threads: Thread, events: tuple[Event, ...] = (), briefing_id: str = "b") -> Briefing:
    """A briefing made by hand, for texts the loader would not let through as easily."""
    briefing = Briefing(briefing_id, "A briefing", parse_date("2025-12-06"))
    briefing.threads = list(threads)
    briefing.events = list(events)
    briefing.by_id = {item.id: item for item in (*threads, *events)}
    return briefing


def addresses(index: SearchIndex, query: str) -> list[str]:
    return [r.address for r in index.search(query)]


# -- queries --------------------------------------------------------------------------------


def test_a_query_splits_words_and_keeps_quoted_phrases() -> None:
    query = parse_query('peace  "security guarantees" plan')
    assert query.words == ("peace", "security guarantees", "plan")
    assert not query.case_sensitive


def test_an_unclosed_quote_runs_to_the_end_and_empty_phrases_vanish() -> None:
    assert parse_query('"end of the').words == ("end of the",)
    assert parse_query('"" x ""').words == ("x",)
    assert parse_query("   ").empty


def test_a_capital_makes_the_whole_query_match_case() -> None:
    assert parse_query("Dmitriev").case_sensitive
    assert parse_query("plan Witkoff").case_sensitive
    assert not parse_query("dmitriev").case_sensitive


def test_fold_keeps_the_length_so_offsets_stay_valid() -> None:
    for text in ("İstanbul", "ẞ straße", "a\nb\tc\x00d\u202e", "🕊️ peace", "ΣΑΣ"):
        assert len(fold(text)) == len(text)
        assert len(normal(text)) == len(text)
    assert normal("a\nb\x1b[31m\u202ec") == "a b\ufffd[31m\ufffdc"


# -- what matches ---------------------------------------------------------------------------


def test_dmitriev_finds_the_actor_and_the_peace_plan(index: SearchIndex) -> None:
    results = index.search("Dmitriev")
    found = {(r.kind, r.address) for r in results}
    assert ("actor", "ukraine-peace-talks/dmitriev") in found
    assert ("thread", "ukraine-peace-talks/peace-plan") in found
    assert any(kind in ("document", "version") for kind, _ in found)
    for result in results:
        snippet = result.snippet()
        marked = [snippet.text[s:e] for s, e in snippet.spans]
        assert "Dmitriev" in marked, (result.address, snippet)


def test_smart_case(index: SearchIndex) -> None:
    lower = addresses(index, "umerov")
    assert addresses(index, "Umerov") == lower
    assert addresses(index, "UMEROV") == []


def test_every_word_must_occur_in_one_item_in_any_order(index: SearchIndex) -> None:
    both = set(addresses(index, "witkoff dmitriev"))
    assert both == set(addresses(index, "dmitriev witkoff"))
    assert both <= set(addresses(index, "witkoff")) & set(addresses(index, "dmitriev"))
    assert "ukraine-peace-talks/witkoff" not in both  # the actor's own fields never name Dmitriev


def test_words_may_match_in_different_fields_of_one_item() -> None:
    thread = Thread("t", "Ceasefire lines", summary="Monitors along the front.")
    index = SearchIndex([small(thread)])
    assert addresses(index, "ceasefire monitors") == ["b/t"]


def test_a_phrase_matches_as_written_and_across_a_line_break() -> None:
    thread = Thread("t", "Talks", summary="The plan would end\nthe war. War the end.")
    index = SearchIndex([small(thread)])
    assert addresses(index, '"end the war"') == ["b/t"]
    assert addresses(index, '"the end war"') == []
    assert addresses(index, "war end the") == ["b/t"]


def test_markup_and_escapes_in_a_query_are_literal() -> None:
    marked = Thread("m", "Plain [bold]x[/] text")
    bold_x = Thread("x", "a bold x")
    escaped = Thread("e", "before \x1b[31mred after")
    index = SearchIndex([small(marked, bold_x, escaped)])
    assert addresses(index, "[bold]x[/]") == ["b/m"]
    assert addresses(index, "\x1b[31m") == ["b/e"]
    assert addresses(index, ".*") == []


def test_the_search_covers_the_texts_the_issue_names(index: SearchIndex) -> None:
    fields = {r.field for q in ("envoy", "umerov", "axios", "guarantee", "london", "?") for r in index.search(q)}
    assert {"role", "name", "summary", "title"} <= fields
    stances = index.search('"working on new ideas"')
    hit_fields = {index.field_of(h.entry)[0] for n in range(len(stances)) for h in stances.hits(n)}
    assert "stance of US" in hit_fields


def test_aliases_roles_places_and_open_questions_are_searched() -> None:
    actor = Actor("a", "Rustem Umerov", role="chief negotiator", aliases=["R. Umerov"])
    event = Event("e", parse_date("2025-12-02"), title="Talks", place="Miami")
    thread = Thread("t", "Plan", open_questions=[OpenQuestion("Who signs first?")])
    briefing = small(thread, events=(event,))
    briefing.actors = [actor]
    briefing.by_id["a"] = actor
    index = SearchIndex([briefing])
    assert [r.field for r in index.search('"r. umerov"')] == ["alias"]
    assert [r.field for r in index.search("negotiator")] == ["role"]
    assert [r.field for r in index.search("miami")] == ["place"]
    assert [r.field for r in index.search("signs")] == ["open question"]


def test_quotes_parties_and_a_briefing_overview_are_results() -> None:
    party = Party("ua", "Ukraine", short="UA")
    quote = Quote("q", "We will not give up land.", attribution="a spokesperson")
    briefing = small()
    briefing.summary = "Where the land talks stand."
    briefing.key_points = [KeyPoint("Land is the hard part.")]
    briefing.parties, briefing.quotes = [party], [quote]
    briefing.by_id.update(ua=party, q=quote)
    index = SearchIndex([briefing])
    assert [(r.kind, r.address) for r in index.search("land")] == [("briefing", "b"), ("quote", "b/q")]
    assert [r.kind for r in index.search("ukraine")] == ["party"]
    assert kind_of(briefing) == "briefing"


def test_several_briefings_are_searched_in_order() -> None:
    first = small(Thread("t", "Grain corridor"), briefing_id="one")
    second = small(Thread("t", "Grain deal"), briefing_id="two")
    index = SearchIndex([first, second])
    assert addresses(index, "grain") == ["one/t", "two/t"]


def test_keep_drops_what_a_filter_leaves_out(index: SearchIndex) -> None:
    everything = index.search("dmitriev")
    threads_only = index.search("dmitriev", keep=lambda owner: isinstance(owner, Thread))
    assert 0 < len(threads_only) < len(everything)
    assert all(r.kind == "thread" for r in threads_only)


def test_an_empty_query_finds_nothing(index: SearchIndex) -> None:
    assert len(index.search("")) == 0
    assert len(index.search('""')) == 0
    assert index.search("").next_hit() is None


def test_the_index_is_built_lazily(builtin: Briefing) -> None:
    index = SearchIndex([builtin])
    assert not index.built
    index.search("x")
    assert index.built
    assert index.build() is index


def test_many_chunks_give_the_same_results() -> None:
    threads = [Thread(f"t{n}", f"Thread {n} " + "padding " * 400 + ("needle" if n % 7 == 0 else "")) for n in range(60)]
    index = SearchIndex([small(*threads)]).build()
    assert len(index._chunks) > 1  # the test means nothing if everything fits in one chunk
    assert addresses(index, "needle") == [f"b/t{n}" for n in range(0, 60, 7)]
    assert addresses(index, "Needle") == []


# -- unicode and case -----------------------------------------------------------------------


def test_non_latin_text_and_emoji() -> None:
    thread = Thread("t", "Переговоры в Стамбуле 🕊️ 和平谈判")
    index = SearchIndex([small(thread)])
    assert addresses(index, "переговоры") == ["b/t"]
    assert addresses(index, "Переговоры") == ["b/t"]
    assert addresses(index, "ПЕРЕГОВОРЫ") == []
    assert addresses(index, "谈判") == ["b/t"]
    result = index.search("谈判")[0]
    assert result.text[result.first.start : result.first.end] == "谈判"


def test_a_character_that_lowers_to_two_still_has_the_right_offsets() -> None:
    thread = Thread("t", "İİİ meeting in İstanbul")
    index = SearchIndex([small(thread)])
    result = index.search("istanbul")
    assert len(result) == 0 or result[0].text[result[0].first.start :].startswith("İstanbul")
    hit = index.search("meeting")[0]
    assert hit.text[hit.first.start : hit.first.end] == "meeting"


# -- snippets -------------------------------------------------------------------------------


def test_a_snippet_is_one_safe_line_with_the_word_marked() -> None:
    text = "First line\nsecond \x1b]8;;http://x\x07line with \u202ethe word Dmitriev in it\tand more " + "x" * 100
    query = parse_query("dmitriev")
    snippet = make_snippet(text, text.index("Dmitriev"), query)
    assert "\n" not in snippet.text
    assert "\x1b" not in snippet.text
    assert "\u202e" not in snippet.text
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["Dmitriev"]
    assert snippet.text.startswith("…")
    assert snippet.text.endswith("…")


def test_a_short_field_is_its_own_snippet() -> None:
    snippet = make_snippet("Kirill Dmitriev", 7, parse_query("dmitriev"))
    assert snippet.text == "Kirill Dmitriev"
    assert snippet.spans == ((7, 15),)


def test_query_spans_mark_every_word_merged(index: SearchIndex) -> None:
    query = parse_query("plan pla")
    assert query.spans("The plan, the plan.") == [(4, 8), (14, 18)]
    assert parse_query("Plan").spans("plan Plan") == [(5, 9)]
    assert parse_query("[b]").spans("a [b] c") == [(2, 5)]


# -- n / N ----------------------------------------------------------------------------------


def test_next_and_previous_hit_walk_every_occurrence_in_document_order() -> None:
    one = Thread("one", "war and war", summary="no war")
    two = Thread("two", "peace")
    three = Thread("three", "war")
    index = SearchIndex([small(one, two, three)])
    results = index.search("war")
    walked = []
    hit = results.next_hit()
    for _ in range(5):
        assert hit is not None
        walked.append((results[hit.result].address, index.field_of(hit.entry)[0], hit.start))
        hit = results.next_hit(hit)
    assert walked == [
        ("b/one", "title", 0),
        ("b/one", "title", 8),
        ("b/one", "summary", 3),
        ("b/three", "title", 0),
        ("b/one", "title", 0),  # wraps around
    ]
    backwards = []
    hit = results.previous_hit()
    for _ in range(5):
        assert hit is not None
        backwards.append((results[hit.result].address, hit.start))
        hit = results.previous_hit(hit)
    assert backwards == [("b/three", 0), ("b/one", 3), ("b/one", 8), ("b/one", 0), ("b/three", 0)]


def test_hits_of_a_result_cover_all_words(index: SearchIndex) -> None:
    results = index.search("witkoff dmitriev")
    position = results.position_of(index.briefings[0].get("peace-plan"))  # type: ignore[arg-type]
    assert position is not None
    words = {results[position].text and index.field_of(h.entry)[1][h.start : h.end] for h in results.hits(position)}
    assert words == {"Witkoff", "Dmitriev"}


def test_case_sensitive_hits_skip_other_cases() -> None:
    thread = Thread("t", "plan Plan plan Plan")
    results = SearchIndex([small(thread)]).search("Plan")
    starts = []
    hit = results.next_hit()
    for _ in range(3):
        assert hit is not None
        starts.append(hit.start)
        hit = results.next_hit(hit)
    assert starts == [5, 15, 5]
    assert results.previous_hit(results.next_hit()) == results.next_hit(results.next_hit())


def test_results_are_a_sequence(index: SearchIndex) -> None:
    results = index.search("plan")
    assert results[-1] is results[len(results) - 1]
    assert [r.index for r in results[:3]] == [0, 1, 2]
    with pytest.raises(IndexError):
        results[len(results)]


def test_search_and_filters_import_without_textual_or_rich() -> None:
    code = (
        "import sys, brief_tui.model.search, brief_tui.model.filters, brief_tui.model.filter_view;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'));"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_a_worker_and_a_keystroke_may_build_at_once(builtin: Briefing) -> None:
    import threading

    index = SearchIndex([builtin])
    workers = [threading.Thread(target=index.build) for _ in range(4)]
    for worker in workers:
        worker.start()
    index.build()
    for worker in workers:
        worker.join()
    assert len(index) == len(SearchIndex([builtin]))
    assert addresses(index, "Umerov") == addresses(SearchIndex([builtin]), "Umerov")


def _fresh(briefing: Briefing, query: str) -> list[str]:
    """What an index that remembers no earlier query finds."""
    return addresses(SearchIndex([briefing]), query)


@pytest.mark.parametrize(
    "typed",
    [
        "Dmitriev",  # a capital: case counts from the first key
        "peace plan",  # a second word
        '"peace pl',  # an unclosed phrase, growing
        "plan Peace",  # case counts from the last word on
        "witkoff kushner",
    ],
)
def test_typing_a_query_key_by_key_finds_what_a_fresh_search_does(builtin: Briefing, typed: str) -> None:
    index = SearchIndex([builtin])
    for end in [*range(1, len(typed) + 1), *range(len(typed) - 1, 0, -1)]:  # typed, then backspaced
        assert addresses(index, typed[:end]) == _fresh(builtin, typed[:end]), typed[:end]


def test_a_longer_query_is_checked_only_against_what_the_shorter_found(
    builtin: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "_NARROW_SHARE", 1)  # narrow however much the shorter found
    index = SearchIndex([builtin])
    index.search("plan")
    index._scan = None  # type: ignore[assignment,method-assign]  # a scan of the whole index would fail
    assert addresses(index, "plan peace") == _fresh(builtin, "plan peace")
    assert addresses(index, "plan") == _fresh(builtin, "plan")  # remembered


def test_a_shorter_query_that_found_much_is_not_narrowed_from(builtin: Briefing) -> None:
    """A word's first letters find nearly every item: finding the longer word afresh is quicker."""
    index = SearchIndex([builtin])
    assert len(index.search("a")) * search_module._NARROW_SHARE > len(index)
    index._check = None  # type: ignore[assignment,method-assign]  # narrowing would fail
    assert addresses(index, "an") == _fresh(builtin, "an")


def test_narrows_only_when_every_word_lies_inside_a_word_of_the_new_query() -> None:
    assert narrows(parse_query("pla"), parse_query("plan"))
    assert narrows(parse_query("plan"), parse_query("peace plan"))
    assert narrows(parse_query("pla"), parse_query("Plan"))  # ignoring case covers counting it
    assert narrows(parse_query("Pla"), parse_query("Plan"))
    assert not narrows(parse_query("Pla"), parse_query("plan"))  # counting case does not cover ignoring it
    assert not narrows(parse_query("plan"), parse_query("pla"))
    assert not narrows(parse_query("plan peace"), parse_query("plan"))
    assert narrows(parse_query('"peace pl'), parse_query('"peace plan"'))


def test_a_match_at_the_fields_end_gets_the_whole_width_before_it() -> None:
    text = "Further talks and meetings in Miami and Geneva with Witkoff and Kushner"
    query = parse_query("Kushner")
    shown = make_snippet(text, text.index("Kushner"), query, width=40, length=7)
    assert shown.text.endswith("Witkoff and Kushner")
    assert shown.text.startswith("…")
    assert 30 <= len(shown.text) <= 40  # the width used, not "…and Kushner"
