"""Pilot tests: every timeline key changes the selection, zoom or mode, and what is drawn."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from brief_tui.model import Briefing
from brief_tui.render.labels import EVENT_STATUS_GLYPHS
from brief_tui.widgets.timeline import Timeline
from tests.snapshots.timeline_app import TimelineApp
from tests.timeline_fixtures import EventSpec, make_briefing

WIDE = (100, 14)
NARROW = (60, 14)


def timeline_of(app: TimelineApp) -> Timeline:
    return app.query_one(Timeline)


def lines(timeline: Timeline) -> list[str]:
    """What the timeline draws, line by line."""
    _width, height = timeline.size
    return [timeline.render_line(y).text for y in range(height - timeline.scrollbar_gutter.height)]


def selected_column(timeline: Timeline) -> tuple[int, int]:
    """Where the selected glyph is drawn (row, column): the one reversed cell (the timeline has focus)."""
    found = []
    for y in range(1, timeline.size.height - 1):
        x = 0
        for segment in timeline.render_line(y):
            if segment.style and segment.style.reverse and segment.text.strip() in EVENT_STATUS_GLYPHS.values():
                found.append((y, x))
            x += segment.cell_length
    assert len(found) == 1
    return found[0]


def selected_id(timeline: Timeline) -> str | None:
    return timeline.selected.id if timeline.selected else None


def moves(app: TimelineApp) -> list[str]:
    return [m.event.id for m in app.messages if isinstance(m, Timeline.Selected)]


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


# -- opening ----------------------------------------------------------------------------


async def test_opens_on_the_event_nearest_asof_in_view_at_a_fitting_zoom() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        assert selected_id(timeline) == "call"
        assert timeline.zoom == "day"  # the middle half of the events, about 8 days, fits
        assert not timeline.list_mode
        assert not timeline.merged
        drawn = lines(timeline)
        assert drawn[0].startswith(" day ")
        assert "as of" in drawn[0]
        assert "4 Dec" in drawn[0]
        assert "Call with Zelensky" in "\n".join(drawn)
        assert drawn[-1].startswith(" ● occurred · 2025-12-06 · Call with Zelensky")
        assert app.messages == []


async def test_opens_at_week_zoom_when_days_do_not_fit() -> None:
    app = TimelineApp()
    async with app.run_test(size=(72, 14)) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        assert timeline.zoom == "week"
        assert "1 Dec" in lines(timeline)[0]


async def test_lane_labels_on_the_left_with_other_last() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        labels = [line[:19].strip() for line in lines(timeline_of(app))[1:-1] if line[:19].strip()]
        labels = [label for label in labels if label != "periods"]  # a lane's extra rows of periods
        assert labels == ["▸Security guarante…", "Territory and the…", "The 28-point plan", "Sanctions", "Other"]


# -- keys -------------------------------------------------------------------------------


@pytest.mark.parametrize("later", ["l", "right"])
@pytest.mark.parametrize("earlier", ["h", "left"])
async def test_h_and_l_move_to_the_previous_and_next_event_in_time(later: str, earlier: str) -> None:
    # PRODUCT.md: h/l are previous/next event in time, whichever lane it is in.
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        events = [event.id for event in app.briefing.events]
        start = events.index(selected_id(timeline) or "")
        await press(pilot, later)
        assert selected_id(timeline) == events[start + 1]
        await press(pilot, later)
        assert selected_id(timeline) == events[start + 2]
        await press(pilot, earlier, earlier, earlier)
        assert selected_id(timeline) == events[start - 1]
        assert moves(app) == [events[i] for i in (start + 1, start + 2, start + 1, start, start - 1)]
        selected = timeline.selected
        assert selected is not None
        assert timeline.lane_title in [thread.title for thread in selected.threads] or not selected.threads


@pytest.mark.parametrize(("down", "up"), [("j", "k"), ("down", "up")])
async def test_j_and_k_move_between_lanes_to_the_nearest_event(down: str, up: str) -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        await press(pilot, down)
        assert timeline.lane_title == "Territory and the line of contact"
        assert selected_id(timeline) == "putin"
        await press(pilot, down, down)
        assert timeline.lane_title == "Sanctions"
        assert selected_id(timeline) == "sanction-talks"
        await press(pilot, down, down)  # the last lane: stays
        assert timeline.lane_title == "Other"
        await press(pilot, up)
        assert timeline.lane_title == "Sanctions"
        cursor_rows = [line for line in lines(timeline) if line.startswith("▸")]
        assert len(cursor_rows) == 1
        assert cursor_rows[0].startswith("▸Sanctions")


@pytest.mark.parametrize(("zoom_in", "zoom_out"), [("plus", "minus"), ("equals_sign", "minus")])
async def test_plus_and_minus_zoom_around_the_selection(zoom_in: str, zoom_out: str) -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        seen = []
        for _ in range(5):
            await press(pilot, zoom_out)
            seen.append((timeline.zoom, lines(timeline)[0].split()[0]))
        assert seen == [
            ("week", "week"),
            ("month", "month"),
            ("quarter", "quarter"),
            ("year", "year"),
            ("year", "year"),
        ]
        for _ in range(5):
            await press(pilot, zoom_in)
        assert timeline.zoom == "day"
        assert selected_id(timeline) == "call"
        assert "Call with Ze" in "\n".join(lines(timeline))  # still in view
        assert moves(app) == []


async def test_zoom_keeps_the_selection_in_the_same_column() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        before = selected_column(timeline)
        await press(pilot, "minus")
        assert timeline.zoom == "week"
        assert selected_column(timeline) == before
        await press(pilot, "plus")
        assert selected_column(timeline) == before


async def test_full_stop_jumps_to_the_event_nearest_asof() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        await press(pilot, "end")
        assert selected_id(timeline) == "truce"
        await press(pilot, "full_stop")
        assert selected_id(timeline) == "call"
        assert moves(app) == ["truce", "call"]


@pytest.mark.parametrize(("first", "last"), [("home", "end"), ("g", "G")])
async def test_home_and_end_select_the_first_and_last_event_by_date(first: str, last: str) -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        await press(pilot, first)
        assert selected_id(timeline) == "frozen"  # open start: the earliest of all
        assert timeline.lane_title == "Sanctions"
        assert "◂" in "\n".join(lines(timeline))
        await press(pilot, last)
        assert selected_id(timeline) == "truce"
        assert "Holiday truce" in "\n".join(lines(timeline))


async def test_m_switches_between_thread_lanes_and_one_merged_lane() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        await press(pilot, "m")
        assert timeline.merged
        assert timeline.lane_title == "all"
        drawn = lines(timeline)
        assert drawn[1].startswith("▸all")
        assert not any("Sanctions" in line[:19] for line in drawn)
        await press(pilot, "l")  # in the merged lane: the next event of all
        assert selected_id(timeline) == "london"
        await press(pilot, "h", "h")
        assert selected_id(timeline) == "putin"
        await press(pilot, "j")  # one lane: nowhere to go
        assert selected_id(timeline) == "putin"
        await press(pilot, "m")
        assert not timeline.merged
        assert timeline.lane_title == "Territory and the line of contact"


async def test_enter_opens_the_selected_event() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")
        opened = [m for m in app.messages if isinstance(m, Timeline.Opened)]
        assert [m.event.id for m in opened] == ["call"]
        assert opened[0].control is timeline_of(app)


async def test_braces_walk_the_current_threads_events() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        briefing = app.briefing
        timeline.show_thread(briefing.threads[2])  # the 28-point plan
        await pilot.pause()
        assert selected_id(timeline) == "london"  # its event nearest as_of
        assert timeline.lane_title == "The 28-point plan"
        await press(pilot, "right_curly_bracket")
        assert selected_id(timeline) == "summit"
        await press(pilot, "right_curly_bracket")  # the last: stays
        assert selected_id(timeline) == "summit"
        await press(pilot, "left_curly_bracket", "left_curly_bracket")
        assert selected_id(timeline) == "moscow"
        assert moves(app) == ["summit", "london", "moscow"]


async def test_braces_without_a_current_thread_follow_the_cursors_lane() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        await press(pilot, "left_curly_bracket")
        assert selected_id(timeline) == "miami"


# -- the screen's calls ------------------------------------------------------------------


async def test_select_event_selects_and_scrolls_without_a_message() -> None:
    app = TimelineApp()
    async with app.run_test(size=(80, 8)) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        frozen = next(e for e in app.briefing.events if e.id == "frozen")
        timeline.select_event(frozen)
        await pilot.pause()
        assert timeline.selected is frozen
        assert timeline.lane_title == "Sanctions"
        assert "Assets frozen" in "\n".join(lines(timeline))
        assert app.messages == []


async def test_show_thread_highlights_and_selects_its_event_nearest_asof() -> None:
    app = TimelineApp()
    async with app.run_test(size=(80, 5)) as pilot:  # room for two lanes only
        await pilot.pause()
        timeline = timeline_of(app)
        assert timeline.merged  # lanes that do not fit: it opens on the merged lane
        await press(pilot, "m")
        sanctions = app.briefing.threads[3]
        timeline.show_thread(sanctions)
        await pilot.pause()
        assert selected_id(timeline) == "sanction-talks"
        assert any(line.startswith("▸Sanctions") for line in lines(timeline))
        # The selection already in the thread stays.
        timeline.show_thread(app.briefing.threads[0])
        await pilot.pause()
        assert selected_id(timeline) == "geneva" or selected_id(timeline) in {
            e.id for e in app.briefing.threads[0].events
        }
        timeline.show_thread(None)
        await pilot.pause()
        assert app.messages == []


async def test_show_thread_keeps_a_selection_already_in_the_thread_and_moves_to_its_lane() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        await press(pilot, "l")  # london: security and plan
        (message,) = app.messages
        assert isinstance(message, Timeline.Selected)
        assert message.thread is app.briefing.threads[0]  # the lane the reader follows
        timeline.show_thread(app.briefing.threads[2])
        await pilot.pause()
        assert selected_id(timeline) == "london"
        # The same event, shown in the thread's lane: the lane marker follows the thread.
        assert timeline.lane_title == app.briefing.threads[2].title
        await press(pilot, "right_curly_bracket")  # } follows the current thread
        assert selected_id(timeline) == "summit"
        assert timeline.lane_title == "The 28-point plan"


async def test_the_current_threads_events_are_highlighted_in_the_merged_lane() -> None:
    app = TimelineApp()
    async with app.run_test(size=(220, 10)) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        await press(pilot, "m")
        timeline.show_thread(app.briefing.threads[3])  # sanctions
        await pilot.pause()
        strip = timeline.render_line(2)  # the merged lane's second row holds the long spans
        styled = {seg.text for seg in strip if seg.style and seg.style.bold and "─" in seg.text}
        assert styled


# -- the list -----------------------------------------------------------------------------


async def test_below_70_columns_a_dated_list_with_the_same_keys() -> None:
    app = TimelineApp()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        assert timeline.list_mode
        drawn = lines(timeline)
        assert any(line.startswith("▸● 2025-12-06") and "Call with Zelensky" in line for line in drawn)
        assert any(line.startswith(" ┊ as of 2025-12-06") for line in drawn)
        assert any("◌ 2025-12-10?" in line for line in drawn)
        await press(pilot, "j")
        assert selected_id(timeline) == "london"
        # The selection shows by a glyph, not by reverse video alone (NO_COLOR, a tmux capture).
        cursor = [line for line in lines(timeline) if line.startswith("▸")]
        assert len(cursor) == 1
        assert cursor[0].startswith("▸◇ 2025-12-08")
        assert "London meeting" in cursor[0]
        await press(pilot, "k", "k")
        assert selected_id(timeline) == "putin"
        await press(pilot, "l")
        assert selected_id(timeline) == "call"
        await press(pilot, "G")
        assert selected_id(timeline) == "truce"
        assert "Holiday truce" in "\n".join(lines(timeline))
        await press(pilot, "g")
        assert selected_id(timeline) == "frozen"
        assert "Assets frozen since 2022" in "\n".join(lines(timeline))
        await press(pilot, "full_stop")
        assert selected_id(timeline) == "call"
        assert moves(app) == ["london", "call", "putin", "call", "truce", "frozen", "call"]


async def test_resizing_switches_between_lanes_and_list() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert timeline.list_mode
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert not timeline.list_mode
        assert selected_id(timeline) == "call"


# -- edges ------------------------------------------------------------------------------


async def test_content_is_never_markup() -> None:
    events: list[EventSpec] = [("x", "2025-12-06", None, ("t",), "[bold red]x[/] [@click=app.quit]q[/]\x1b[2J")]
    app = TimelineApp(make_briefing(events, [("t", "[i]thread[/i]")]))
    async with app.run_test(size=(120, 6)) as pilot:
        await pilot.pause()
        text = "\n".join(lines(timeline_of(app)))
        assert "[bold red]x[/] [@click=app.quit]q[/]" in text
        assert "[i]thread[/i]" in text
        assert "\x1b" not in text


async def test_an_empty_briefing_draws_and_ignores_keys() -> None:
    app = TimelineApp(make_briefing([]))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        for key in ["l", "h", "j", "k", "plus", "minus", "full_stop", "home", "end", "m", "enter"]:
            await press(pilot, key)
        assert timeline.selected is None
        assert lines(timeline)[-1].strip() == "No events"
        assert app.messages == []


@pytest.mark.parametrize("size", [(1, 1), (10, 2), (30, 3), (69, 4), (70, 3)])
async def test_tiny_sizes_do_not_crash(size: tuple[int, int]) -> None:
    app = TimelineApp()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in ["l", "j", "minus", "m", "G"]:
            await press(pilot, key)
        lines(timeline_of(app))


def test_bindings_have_ids_and_descriptions() -> None:
    bindings = Timeline.BINDINGS
    ids = [b.id for b in bindings if not isinstance(b, tuple)]
    assert len(ids) == len(bindings)
    assert all(ids)
    assert len(set(ids)) == len(ids)
    keys = ",".join(b.key for b in bindings if not isinstance(b, tuple))
    for key in ["h", "left", "l", "right", "k", "up", "j", "down", "plus", "equals_sign", "minus"]:
        assert key in keys.split(",")
    for key in ["full_stop", "home", "g", "end", "G", "m", "enter"]:
        assert key in keys.split(",")


async def test_many_threads_make_many_lanes() -> None:
    # Twelve threads, each with an event: twelve lanes, one label each, in the threads' order.
    threads = [(f"t{n:02}", f"Thread number {n:02}") for n in range(12)]
    events: list[EventSpec] = [
        (f"e{n:02}", f"2025-12-{n + 1:02}", "occurred", [tid], f"Event {n}") for n, (tid, _) in enumerate(threads)
    ]
    briefing: Briefing = make_briefing(events, threads)
    app = TimelineApp(briefing)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        if timeline.merged:
            await press(pilot, "m")
        labels = [line[:19].strip().lstrip("▸") for line in lines(timeline)[1:-1] if line[:19].strip()]
        assert labels == [title for _, title in threads]


async def test_looks_do_not_rest_on_colour_alone() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)

        def style(part: str):  # type: ignore[no-untyped-def]
            return timeline.get_component_rich_style(f"timeline--{part}", partial=True)

        assert style("selected").reverse  # focused: a reversed cell
        for status in ("occurred", "scheduled"):
            assert style(status).bold
        for status in ("expected", "postponed"):
            assert style(status).italic
        assert style("cancelled").strike
        assert style("qualified").italic
        timeline.blur()
        await pilot.pause()
        assert style("selected").underline
        assert not style("selected").reverse


async def test_clicking_an_event_selects_it_and_a_double_click_opens_it() -> None:
    app = TimelineApp()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        row = next(y for y, line in enumerate(lines(timeline)) if line.startswith(" The 28-point"))
        column = lines(timeline)[row].index("◇")
        await pilot.click(Timeline, offset=(column, row))
        await pilot.pause()
        assert selected_id(timeline) == "london"
        assert timeline.lane_title == "The 28-point plan"
        await pilot.click(Timeline, offset=(column, row), times=2)
        await pilot.pause()
        assert [m.event.id for m in app.messages if isinstance(m, Timeline.Opened)] == ["london"]


async def test_clicking_a_list_row_selects_its_event() -> None:
    app = TimelineApp()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        timeline = timeline_of(app)
        row = next(y for y, line in enumerate(lines(timeline)) if "Referendum vote" in line)
        await pilot.click(Timeline, offset=(10, row))
        await pilot.pause()
        assert selected_id(timeline) == "vote"
