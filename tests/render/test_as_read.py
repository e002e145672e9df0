"""A field as the reader sees it (what search snippets are cut from): Markdown summaries as their words."""

from __future__ import annotations

from brief_tui.model import Briefing, Thread, parse_date
from brief_tui.model.search import SearchIndex
from brief_tui.render.as_read import as_read


def test_a_summary_shows_its_words_not_its_marks() -> None:
    source = "See the [US peace plan](#peace-plan), **agreed** in *Geneva* and `28` [points](https://x.org)."
    assert as_read("summary", source) == "See the US peace plan, agreed in Geneva and 28 points."


def test_paragraphs_and_list_items_join_on_one_line() -> None:
    source = "# Heading\n\nFirst paragraph.\n\n- one\n- two\n"
    assert as_read("part summary", source) == "Heading First paragraph. • one • two"


def test_other_fields_are_as_written() -> None:
    assert as_read("title", "A **title** [x](#y)") == "A **title** [x](#y)"
    assert as_read("stance of Russia", "[not](#a) a link here") == "[not](#a) a link here"


def test_markup_in_a_summary_stays_literal() -> None:
    assert as_read("summary", "[bold]x[/] and \\*stars\\*") == "[bold]x[/] and *stars*"


def _briefing(summary: str) -> Briefing:
    thread = Thread("t", "A thread", summary=summary)
    briefing = Briefing("b", "A briefing", parse_date("2025-12-06"))
    briefing.threads = [thread]
    briefing.by_id = {"t": thread}
    return briefing


def test_a_snippet_is_cut_from_the_words_read_with_the_match_marked() -> None:
    results = SearchIndex([_briefing("Talks on the **[US peace plan](#peace-plan)** went on.")]).search("peace plan")
    snippet = results[0].snippet(60, as_read=as_read)
    assert snippet.text == "Talks on the US peace plan went on."
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["peace", "plan"]
    raw = results[0].snippet(60)  # without as_read: the field as written
    assert "](#peace-plan)" in raw.text


def test_a_match_only_in_a_link_address_keeps_the_field_as_written() -> None:
    results = SearchIndex([_briefing("Talks on the [plan](#peace-plan) went on.")]).search("peace-plan")
    snippet = results[0].snippet(60, as_read=as_read)
    assert "(#peace-plan)" in snippet.text
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["peace-plan"]
