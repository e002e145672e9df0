"""The highlighted row of a list carries ``▸``, so the cursor shows under NO_COLOR (PRODUCT.md)."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

from brief_tui.widgets.marked_option_list import MarkedOptionList


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield MarkedOptionList(
            Option(Text("Heading"), disabled=True),
            Option("[bold]first[/]", id="a"),
            Option(Text("second"), id="b"),
            id="rows",
        )


def lines(app: Host) -> list[str]:
    rows = app.query_one(MarkedOptionList)
    return [rows.render_line(y).text.rstrip() for y in range(3)]


async def test_the_highlighted_row_and_only_it_shows_the_cursor() -> None:
    app = Host()
    async with app.run_test(size=(40, 10)) as pilot:
        rows = app.query_one(MarkedOptionList)
        rows.focus()
        rows.highlighted = 1
        await pilot.pause()
        shown = lines(app)
        assert [line.lstrip()[:1] for line in shown] == ["H", "▸", "s"]
        assert "▸ [bold]first[/]" in shown[1]  # a prompt is literal, never markup
        await pilot.press("down")
        await pilot.pause()
        shown = lines(app)
        assert "▸" not in shown[1]
        assert "▸ second" in shown[2]
        rows.set_options([Option("only", id="c")])
        rows.highlighted = 0
        await pilot.pause()
        assert "▸ only" in lines(app)[0]


async def test_removing_a_row_keeps_the_rest_in_step() -> None:
    app = Host()
    async with app.run_test(size=(40, 10)) as pilot:
        rows = app.query_one(MarkedOptionList)
        rows.focus()
        rows.highlighted = 2
        rows.remove_option("a")
        rows.highlighted = 1
        await pilot.pause()
        shown = lines(app)
        assert "▸ second" in shown[1]
        assert "Heading" in shown[0]
