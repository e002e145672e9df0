"""The search bar and the filter input on their own, in a bare app: typing, moving, choosing, closing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Static

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.model.filters import parse_filter
from brief_tui.model.search import SearchIndex, SearchResults
from brief_tui.widgets.filter_bar import FilterChips, FilterInput, Preview
from brief_tui.widgets.search_bar import MATCH_STYLE, SearchBar

BUILTIN = Path(__file__).resolve().parents[2] / "content" / "ukraine-peace-talks.yaml"


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


class Bare(App[None]):
    """A search bar, a filter input and chips over nothing else; records what they report."""

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.index = SearchIndex([briefing])
        self.briefing = briefing
        self.heard: list[object] = []

    def compose(self) -> ComposeResult:
        yield SearchBar(self.index.search)
        yield FilterInput(self.preview)
        yield FilterChips()

    def preview(self, text: str) -> Preview:
        filter_ = parse_filter(text, [self.briefing])
        if not filter_.ok:
            return Preview(filter_.problems[0], ok=False)
        return Preview(filter_.apply([self.briefing]).counts().describe(), ok=True)

    def on_search_bar_chosen(self, message: SearchBar.Chosen) -> None:
        self.heard.append(message)

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        self.heard.append(message)

    def on_filter_input_applied(self, message: FilterInput.Applied) -> None:
        self.heard.append(message)

    def on_filter_input_cancelled(self, message: FilterInput.Cancelled) -> None:
        self.heard.append(message)


def rows(app: Bare) -> list[str]:
    found = app.query_one("#search-results", OptionList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


async def test_typing_lists_results_with_kind_and_the_word_marked(builtin: Briefing) -> None:
    app = Bare(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.query_one(SearchBar)
        bar.open()
        await pilot.pause()
        assert app.focused is app.query_one("#search-input", Input)
        await pilot.press(*"Dmitriev")
        await pilot.pause()
        shown = rows(app)
        assert any(r.startswith("actor") and "Kirill Dmitriev" in r for r in shown)
        assert any(r.startswith("thread") for r in shown)
        prompt = app.query_one("#search-results", OptionList).get_option_at_index(0).prompt
        marked = [prompt.plain[s.start : s.end] for s in prompt.spans if s.style == MATCH_STYLE]  # type: ignore[union-attr]
        assert marked == ["Dmitriev"]
        assert str(app.query_one("#search-count", Static).content).startswith(f"{len(shown)} matches")


async def test_enter_chooses_the_highlighted_result_and_escape_keeps_results(builtin: Briefing) -> None:
    app = Bare(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.query_one(SearchBar)
        bar.open()
        await pilot.press(*"umerov", "down", "enter")
        await pilot.pause()
        chosen = app.heard[-1]
        assert isinstance(chosen, SearchBar.Chosen)
        assert chosen.result.index == 1
        assert not bar.is_open
        bar.open()
        await pilot.press("escape")
        await pilot.pause()
        closed = app.heard[-1]
        assert isinstance(closed, SearchBar.Closed)
        assert isinstance(closed.results, SearchResults)
        assert len(closed.results) == len(app.index.search("umerov"))


async def test_markup_in_a_query_is_literal(builtin: Briefing) -> None:
    app = Bare(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(SearchBar).open()
        await pilot.press(*"[bold]x[/]")
        await pilot.pause()
        assert rows(app) == []
        assert str(app.query_one("#search-count", Static).content) == "no match"
        assert app.query_one("#search-input", Input).value == "[bold]x[/]"


async def test_the_filter_input_previews_and_applies(builtin: Briefing) -> None:
    app = Bare(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(FilterInput).open("")
        await pilot.press(*"status:open")
        await pilot.pause()
        preview = str(app.query_one("#filter-preview", Static).content)
        assert preview.startswith("2 of 6 threads, ")
        await pilot.press("enter")
        await pilot.pause()
        applied = app.heard[-1]
        assert isinstance(applied, FilterInput.Applied)
        assert applied.text == "status:open"


async def test_a_bad_filter_is_named_and_not_applied(builtin: Briefing) -> None:
    app = Bare(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(FilterInput).open("")
        await pilot.press(*"statsu:open", "enter")
        await pilot.pause()
        assert "did you mean 'status:'" in str(app.query_one("#filter-preview", Static).content)
        assert app.heard == []
        assert app.query_one(FilterInput).is_open
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.heard[-1], FilterInput.Cancelled)


async def test_chips_show_the_terms_and_hide_when_cleared(builtin: Briefing) -> None:
    app = Bare(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        chips = app.query_one(FilterChips)
        chips.show(["status:open", "[red]x[/]"], "2 of 6 threads")
        await pilot.pause()
        assert chips.display
        text = chips.render().plain
        assert " status:open " in text
        assert " [red]x[/] " in text
        assert "2 of 6 threads" in text
        chips.show([], "")
        await pilot.pause()
        assert not chips.display


async def test_a_result_matched_outside_its_name_names_its_item(builtin: Briefing) -> None:
    app = Bare(builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(SearchBar).open()
        await pilot.pause()
        await pilot.press(*"Dmitriev")
        await pilot.pause()
        shown = rows(app)
        # the thread's summary matched: its row says which thread ("thread …envoy Kirill…" did not)
        assert any(r.startswith("thread   The US peace plan · …") for r in shown), shown
        # the actor matched by its name: the name is the snippet, not said twice
        assert any(r.startswith("actor    Kirill Dmitriev") and " · " not in r for r in shown), shown


def test_a_narrow_row_keeps_to_its_width_and_leaves_the_name_out(builtin: Briefing) -> None:
    from brief_tui.widgets.search_bar import result_row

    results = SearchIndex([builtin]).search("Dmitriev")
    for result in results:
        for width in (30, 38, 60, 78):
            row = result_row(result, width, with_briefing=False)
            assert row.cell_length <= width, (width, row.plain)  # one line: a wider row wrapped in two
            if width < 60:
                assert " · " not in row.plain
