"""Pilot tests of the reader's search, filter and palette over every item (issue 11's done-when)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from brief_tui.app import BriefApp, create_app
from brief_tui.model import Actor, Thread
from brief_tui.render.detail_rows import Overview
from brief_tui.screens.finding import row_text
from brief_tui.screens.reader import ReaderScreen
from brief_tui.settings import Settings
from brief_tui.widgets.filter_bar import FilterChips, FilterInput
from brief_tui.widgets.search_bar import SearchBar
from tests.conftest import BUILTIN
from tests.widgets.pilot import until

SIZE = (100, 30)


def make_app(tmp_path: Path) -> BriefApp:
    return create_app([BUILTIN], cache=False, settings=Settings(path=tmp_path / "settings.json"))


def reader(app: BriefApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def result_rows(screen: ReaderScreen) -> list[str]:
    found = screen.query_one("#search-results", OptionList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


def marked_in_detail(screen: ReaderScreen) -> list[str]:
    """Every piece of text the detail pane (and its title) marks as a match."""
    # Textual hands a border title back only as markup; its Content (styles kept) is private.
    title = screen.query_one("#detail-pane")._border_title
    out = [title.plain[s.start : s.end] for s in title.spans if getattr(s.style, "reverse", False)] if title else []
    for row in screen.detail.rows:
        shown = row_text(row)
        if shown is not None:
            out += [shown.plain[s.start : s.end] for s in shown.spans if "reverse" in str(s.style)]
    return out


def sidebar_ids(screen: ReaderScreen) -> list[str]:
    found = screen.sidebar
    ids = [found.get_option_at_index(i).id for i in range(found.option_count)]
    return [i for i in ids if i and i != "overview"]


def timeline_lanes(screen: ReaderScreen) -> list[str]:
    """The titles of the timeline's lanes, one per thread (and "Other")."""
    timeline = screen.timeline
    assert timeline is not None
    return [lane.title for lane in timeline._data.lanes_for(False)]


async def search(pilot: object, app: BriefApp, query: str) -> ReaderScreen:
    screen = reader(app)
    await pilot.press("slash")  # type: ignore[attr-defined]
    await until(pilot, lambda: screen.query_one(SearchBar).is_open)  # type: ignore[arg-type]
    await pilot.press(*query)  # type: ignore[attr-defined]
    await until(pilot, lambda: screen.query_one("#search-input", Input).value == query)  # type: ignore[arg-type]
    return screen


async def test_slash_lists_the_actor_and_the_peace_plan_with_the_word_marked(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search(pilot, app, "Dmitriev")
        rows = result_rows(screen)
        assert any(r.startswith("actor") and "Kirill Dmitriev" in r for r in rows)
        assert any(r.startswith("thread") for r in rows)
        assert any(r.startswith(("document", "version")) for r in rows)


async def test_enter_opens_the_result_with_the_word_marked_and_n_goes_on(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search(pilot, app, "Dmitriev")
        results = screen.query_one(SearchBar).results
        assert results is not None
        await pilot.press("enter")
        await until(pilot, lambda: not screen.query_one(SearchBar).is_open)
        first = screen.detail.item
        assert isinstance(first, Overview)  # the overview's summary names him first
        assert "Dmitriev" in marked_in_detail(screen)
        assert app.focused is screen.detail
        seen = [first]
        for _ in range(40):  # n walks each item's matching rows, then the next item
            if any(isinstance(i, Actor) for i in seen):
                break
            await pilot.press("n")
            await pilot.pause()
            if screen.detail.item is not seen[-1]:
                seen.append(screen.detail.item)  # type: ignore[arg-type]
            assert "Dmitriev" in marked_in_detail(screen)
        assert any(isinstance(i, Thread) and i.id == "peace-plan" for i in seen)
        assert any(isinstance(i, Actor) and i.id == "dmitriev" for i in seen)
        before = screen.detail.item
        await pilot.press("N")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert screen.detail.item is before


async def test_escape_closes_and_keeps_the_results_for_n(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search(pilot, app, "kushner")
        await pilot.press("escape")
        await until(pilot, lambda: not screen.query_one(SearchBar).is_open)
        assert app.focused is screen.sidebar
        assert screen.results is not None
        await pilot.press("n")
        await until(pilot, lambda: "Kushner" in marked_in_detail(screen))


async def test_a_markup_query_matches_literally(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search(pilot, app, "[bold]x[/]")
        assert result_rows(screen) == []
        assert screen.query_one(SearchBar).results is None


async def test_keys_typed_into_the_bars_do_not_move_the_reader(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search(pilot, app, "]n[fF")
        assert isinstance(screen.detail.item, Overview)
        assert screen.active_filter is None


async def test_f_status_open_leaves_only_open_threads_and_capital_f_brings_all_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        everything = sidebar_ids(screen)
        await pilot.press("f")
        await until(pilot, lambda: screen.query_one(FilterInput).is_open)
        await pilot.press(*"status:open")
        await until(pilot, lambda: "2 of 6 threads" in str(screen.query_one("#filter-preview").render()))
        await pilot.press("enter")
        await until(pilot, lambda: sidebar_ids(screen) == ["territory", "peace-plan"])
        open_titles = [t.title for t in screen.briefing.threads if t.status == "open"]
        assert timeline_lanes(screen) == open_titles
        chips = screen.query_one(FilterChips)
        assert chips.display
        assert chips.chips == ["status:open"]
        assert "filtered: 2 of 6 threads" in [str(r.content) for r in screen.detail.rows[:1]]
        # The overview lists the open threads only, under their groups: no group is left empty.
        texts = [t.plain for r in screen.detail.rows if (t := row_text(r)) is not None]
        assert not [t for t in texts if "near-agreement" in t]
        assert "Other packages" not in texts
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: isinstance(screen.detail.item, Thread))
        assert screen.detail.item.id == "territory"  # type: ignore[union-attr]
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: screen.detail.item.id == "peace-plan")  # type: ignore[union-attr]
        await pilot.press("F")
        await until(pilot, lambda: sidebar_ids(screen) == everything)
        assert len(timeline_lanes(screen)) > len(open_titles)
        assert not chips.display
        assert screen.active_filter is None


async def test_a_filter_that_keeps_the_thread_read_stays_on_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: isinstance(screen.detail.item, Thread))
        await pilot.press("f", *"status:open", "enter")
        await until(pilot, lambda: screen.active_filter is not None)
        await pilot.pause()
        assert screen.detail.item.id == "territory"  # type: ignore[union-attr]
        assert screen.sidebar.thread is not None
        assert screen.sidebar.thread.id == "territory"
        await pilot.press("F")
        await until(pilot, lambda: screen.active_filter is None)
        await pilot.pause()
        assert screen.detail.item.id == "territory"  # type: ignore[union-attr]


async def test_f_reopens_the_active_filter_to_edit(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pilot.press("f", *"status:open", "enter")
        await until(pilot, lambda: screen.active_filter is not None)
        await pilot.press("f")
        await until(pilot, lambda: screen.query_one(FilterInput).is_open)
        assert screen.query_one("#filter-text", Input).value == "status:open"


async def test_a_misspelt_filter_says_what_it_would_mean(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pilot.press("f", *"statsu:open", "enter")
        await until(pilot, lambda: "did you mean 'status:'" in str(screen.query_one("#filter-preview").render()))
        assert screen.active_filter is None
        assert screen.query_one(FilterInput).is_open


async def test_search_respects_the_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pilot.press("f", *"status:near-agreement", "enter")
        await until(pilot, lambda: screen.active_filter is not None)
        await search(pilot, app, "plan")
        rows = result_rows(screen)
        threads = [r for r in rows if r.startswith("thread")]
        assert threads
        assert all("peace plan" in r.lower() for r in threads)
        assert len(screen.query_one(SearchBar).results or []) < len(screen.search_index.search("plan"))
        assert not any(r.startswith("briefing") for r in rows)  # the overview is not an item a filter keeps


async def test_ctrl_p_umerov_offers_the_actor_and_jumps_to_him(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Umerov")

        def offered() -> list[str]:
            if not isinstance(app.screen, CommandPalette):
                return []
            options = app.screen.query_one(OptionList)
            return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

        await until(pilot, lambda: any(o.startswith("Actor: Rustem Umerov") for o in offered()))
        options = app.screen.query_one(OptionList)
        index = next(i for i, o in enumerate(offered()) if o.startswith("Actor: Rustem Umerov"))
        options.highlighted = index
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(screen.detail.item, Actor))
        assert screen.detail.item.id == "umerov"  # type: ignore[union-attr]


@pytest.mark.parametrize("query", ["plan", "Witkoff"])
async def test_results_are_literal_safe_rows(tmp_path: Path, query: str) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search(pilot, app, query)
        for row in result_rows(screen):
            assert "\x1b" not in row
            assert "\n" not in row


async def test_search_covers_every_briefing_of_a_library_and_opens_the_others(tmp_path: Path) -> None:
    from tests.commands.helpers import LIBRARY

    app = create_app([LIBRARY], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=SIZE) as pilot:
        from brief_tui.screens.library import LibraryScreen

        # Once the library is checked, newest first ("not read yet" files are listed in file order before).
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.shelf.checked)
        await pilot.press("enter")  # the library's first briefing
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        first = reader(app)
        assert app.library is None
        assert app.opened is not None
        await search(pilot, app, "territory")
        # The rest of the library loads on the first `/`; the results then cover it.
        await until(pilot, lambda: {row.split()[1] for row in result_rows(first)} == {"small", "other"})
        rows = result_rows(first)
        found = first.query_one("#search-results", OptionList)
        found.highlighted = next(i for i, row in enumerate(rows) if row.startswith("thread   other"))
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is not first and isinstance(app.screen, ReaderScreen))
        second = reader(app)
        assert second.briefing.id == "other"
        await until(pilot, lambda: isinstance(second.detail.item, Thread))
        assert second.detail.item.id == "territory"  # type: ignore[union-attr]
        # The index keeps texts: only the briefings read are in memory, not the whole library.
        assert {b.id for b in app.opened.loaded()} == {first.briefing.id, "other"}


async def test_n_walks_the_librarys_results_into_the_next_briefing(tmp_path: Path) -> None:
    from tests.commands.helpers import LIBRARY

    app = create_app([LIBRARY], cache=False, settings=Settings(path=tmp_path / "settings.json"))
    async with app.run_test(size=SIZE) as pilot:
        from brief_tui.screens.library import LibraryScreen

        await until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.shelf.checked)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        first = reader(app)
        await search(pilot, app, "territory")
        await until(pilot, lambda: {row.split()[1] for row in result_rows(first)} == {"small", "other"})
        rows = result_rows(first)
        found = first.query_one("#search-results", OptionList)
        found.highlighted = next(i for i, row in enumerate(rows) if row.split()[1] == first.briefing.id)
        await pilot.press("enter")  # a result in this briefing
        await until(pilot, lambda: first.results is not None)
        for _ in range(40):  # `n` through every match, until one lies in another briefing
            await pilot.press("n")
            await pilot.pause()
            if app.screen is not first:
                break
        await until(pilot, lambda: app.screen is not first and isinstance(app.screen, ReaderScreen))
        assert reader(app).briefing.id != first.briefing.id
        assert {b.id for b in app.opened.loaded()} == {"small", "other"}


async def test_a_filter_narrows_the_panes_it_has_and_clearing_it_brings_back_the_same(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        sidebar, timeline = screen.sidebar, screen.timeline
        assert timeline is not None
        whole = timeline._data
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: isinstance(screen.detail.item, Thread))
        await pilot.press("f", *"status:open", "enter")
        await until(pilot, lambda: sidebar_ids(screen) == ["territory", "peace-plan"])
        assert screen.sidebar is sidebar  # kept, not made again
        assert screen.timeline is timeline
        assert timeline._data is not whole
        assert timeline.selected is not None
        assert any(t.id == "territory" for t in timeline.selected.threads)  # still on the reader's thread
        assert sidebar.thread is not None
        assert sidebar.thread.id == "territory"
        await pilot.press("F")
        await until(pilot, lambda: screen.active_filter is None)
        assert timeline._data is whole  # the whole briefing's timeline, not laid out again
        assert len(sidebar_ids(screen)) == len(screen.briefing.threads)
        assert sidebar.thread is not None
        assert sidebar.thread.id == "territory"


async def test_result_rows_show_summaries_as_read(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search(pilot, app, "peace plan")
        rows = result_rows(screen)
        assert any(r.startswith("thread") and "peace plan" in r for r in rows)
        assert not any("](#" in r for r in rows)


async def test_the_bars_are_mounted_on_first_use_and_work_at_the_first_press(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        # Nothing of search or filter is styled for the first frame.
        assert not screen.query(SearchBar)
        assert not screen.query(FilterInput)
        assert not screen.query(FilterChips)
        await pilot.press("slash", *"kushner")
        await until(pilot, lambda: screen.query(Input) and screen.query_one("#search-input", Input).value == "kushner")
        assert screen.query_one(SearchBar).is_open
        assert any("Kushner" in row for row in result_rows(screen))
        assert isinstance(screen.detail.item, Overview)  # none of the letters reached the reader
        await pilot.press("escape", "slash")
        await until(pilot, lambda: screen.query_one(SearchBar).is_open)
        assert len(screen.query(SearchBar)) == 1  # the bar is kept, not mounted again
        await pilot.press("escape", "f", *"status:open", "enter")
        await until(pilot, lambda: screen.active_filter is not None)
        assert sidebar_ids(screen) == ["territory", "peace-plan"]
        assert screen.query_one(FilterChips).display
        # The chips sit above the input, as the bars always stacked.
        assert [type(w) for w in screen.children if isinstance(w, (FilterChips, SearchBar, FilterInput))] == [
            FilterChips,
            SearchBar,
            FilterInput,
        ]


FIRST_USE_CODE = """
import asyncio, sys
import subprocess
import sys
from pathlib import Path
from brief_tui.app import create_app
from brief_tui.settings import Settings

DEFERRED = ("brief_tui.model.filters", "brief_tui.widgets.search_bar",
            "brief_tui.widgets.filter_bar")


async def main() -> None:
    app = create_app([sys.argv[1]], cache=False, settings=Settings(path=Path(sys.argv[2])))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("before", [m for m in DEFERRED if m in sys.modules])
        await pilot.press("f", *"status:open", "enter")
        await pilot.pause()
        print("after", [m for m in DEFERRED if m in sys.modules], app.screen.active_filter.text)

asyncio.run(main())
"""


def test_search_and_filter_code_is_imported_on_first_use_not_before_the_first_frame(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_USE_CODE, str(BUILTIN), str(tmp_path / "settings.json")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert "before []" in lines
    assert any(line.startswith("after [") and "filter_bar" in line and "status:open" in line for line in lines)
