"""`/`: a one-line input at the bottom, results listed above it as the reader types.

The bar knows nothing of briefings: the screen gives it a function from a query to
:class:`~brief_tui.model.search.SearchResults` (the index, narrowed by any filter), and
hears back through :class:`SearchBar.Chosen` and :class:`SearchBar.Closed`. Every row is
built as ``Content`` from the snippet, which the model has already made one safe line,
so neither the query nor the content is ever read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from brief_tui.render.as_read import as_read
from brief_tui.render.safe import clean_line

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from brief_tui.model.search import Result, SearchResults

__all__ = ["MATCH_STYLE", "SearchBar", "result_row"]

MATCH_STYLE = "reverse"
"""How a match is marked, here and in the detail pane: plain reverse video works in 16 colours and NO_COLOR."""
MAX_ROWS = 30
"""Rows listed at most; more words narrow the list (each row costs layout time on every key)."""
KIND_WIDTH = 9
NAME_WIDTH = 28
"""Cells an item's name takes at most before its snippet."""
NAME_FROM = 50
"""Cells a row needs after its kind for the item's name to come before the snippet."""
VISIBLE_ROWS = 12
"""Rows of results on screen at once (the list scrolls through the rest)."""


def result_row(result: Result, width: int, *, with_briefing: bool) -> Content:
    """One result as a row: kind, briefing (when several are open), the item's name when the match
    is elsewhere in it (five ``thread`` rows of snippets alone did not say which threads), then the
    snippet with the words marked."""
    head = Content.styled(f"{result.kind:<{KIND_WIDTH}}", "dim")
    if with_briefing:
        head += Content.styled(result.briefing_id + "  ", "dim")
    name = _name(result)
    if name and width - head.cell_length >= NAME_FROM:  # narrower, the snippet needs every cell
        head += Content(name).truncate(min(NAME_WIDTH, width // 3), ellipsis=True) + Content.styled(" · ", "dim")
    snippet = result.snippet(max(8, width - head.cell_length), as_read=as_read)
    body = Content(snippet.text)
    for start, end in snippet.spans:
        body = body.stylize(MATCH_STYLE, start, end)
    return head + body


def _name(result: Result) -> str:
    """The item's title or name (its id while its briefing is not in memory); '' when the match is in it."""
    if result.kind == "briefing" or result.field in ("title", "name"):
        return ""
    owner = result.found_in.at_hand(result.number)
    for attribute in ("title", "name"):
        value = getattr(owner, attribute, None)
        if isinstance(value, str) and value:
            return clean_line(value)
    return result.item_id


class SearchBar(Vertical):
    """The search input and its results; hidden until :meth:`open`."""

    DEFAULT_CSS = """
    SearchBar {
        dock: bottom;
        background: $panel;
        margin-bottom: 1;  /* above the key bar, which is docked at the bottom too */
        height: 2;  /* the count and the input; the list's rows are added as they come (_fit) */
        display: none;
    }
    SearchBar.-open {
        display: block;
    }
    SearchBar OptionList, SearchBar OptionList:focus {
        height: 0;  /* set to the rows shown (at most VISIBLE_ROWS) as results come */
        width: 1fr;
        border: none;
        padding: 0;
    }
    SearchBar #search-count {
        height: 1;
        width: 1fr;
        padding: 0 1;
    }
    SearchBar Input, SearchBar Input:focus {
        height: 1;
        width: 1fr;
        border: none;
        padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next result", show=False, id="search-result-next"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search-result-previous"),
        Binding("pagedown", "move(10)", "Results page down", show=False, id="search-result-page-down"),
        Binding("pageup", "move(-10)", "Results page up", show=False, id="search-result-page-up"),
        Binding("escape", "close", "Close search", id="search-close"),
    ]

    class Chosen(Message):
        """The reader chose a result (enter): open it with the match marked."""

        def __init__(self, result: Result, results: SearchResults) -> None:
            super().__init__()
            self.result = result
            self.results = results

    class Closed(Message):
        """The bar closed (escape); ``results`` are kept for `n` and `N`."""

        def __init__(self, results: SearchResults | None) -> None:
            super().__init__()
            self.results = results

    def __init__(self, search: Callable[[str], SearchResults], *, several_briefings: bool = False) -> None:
        super().__init__(id="search-bar")
        self._search = search
        self._several = several_briefings
        self.results: SearchResults | None = None

    def compose(self) -> ComposeResult:
        yield OptionList(id="search-results")
        yield Static("", id="search-count", markup=False)
        yield Input(placeholder='/ words or "a phrase" · enter opens · escape closes', id="search-input")

    @property
    def is_open(self) -> bool:
        """Whether the bar is showing."""
        return self.has_class("-open")

    def open(self) -> None:
        """Show the bar and focus its input, keeping the last query (selected, to type over)."""
        self.add_class("-open")
        field = self.query_one(Input)
        field.focus()
        field.select_all()

    def action_close(self) -> None:
        """Hide the bar; the results stay for `n` and `N`."""
        self.remove_class("-open")
        self.post_message(self.Closed(self.results))

    def action_move(self, step: int) -> None:
        """Move the highlight through the results while the input keeps focus."""
        found = self.query_one(OptionList)
        if not found.option_count:
            return
        current = found.highlighted if found.highlighted is not None else -1
        found.highlighted = max(0, min(found.option_count - 1, current + step))

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search again at every key."""
        event.stop()
        self.show(event.value)

    def show(self, query: str) -> None:
        """List the results of ``query``."""
        results = self._search(query)
        self.results = results if len(results) else None
        found = self.query_one(OptionList)
        width = max(30, (self.size.width or self.app.size.width) - 4)
        rows = [Option(result_row(r, width, with_briefing=self._several), id=str(r.index)) for r in results[:MAX_ROWS]]
        self._fit(len(rows))
        found.set_options(rows)
        if rows:
            found.highlighted = 0
        self.query_one("#search-count", Static).update(Content(_count(len(results), query)), layout=False)

    def _fit(self, rows: int) -> None:
        """Size the list to its rows (one line each, at most VISIBLE_ROWS and 60% of the screen).

        Heights of their own, not ``auto``: the input lays itself out again at every key, and
        an ``auto`` bar would take the whole screen's layout with it (more than the search costs
        at 80x24). Set this way, the screen is laid out again only when the rows shown change.
        """
        shown = min(rows, VISIBLE_ROWS, max(1, int(self.app.size.height * 0.6) - 2))
        self.query_one(OptionList).styles.height = shown
        self.styles.height = shown + 2  # the count and the input below the list

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: open the highlighted result."""
        event.stop()
        self._choose(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a result opens it."""
        event.stop()
        self._choose(event.option_index)

    def _choose(self, position: int | None) -> None:
        if self.results is None or position is None or position >= len(self.results):
            return
        self.remove_class("-open")
        self.post_message(self.Chosen(self.results[position], self.results))


def _count(found: int, query: str) -> str:
    if not query.strip():
        return "type words to search every item"
    if not found:
        return "no match"
    more = f" (the first {MAX_ROWS} listed: more words narrow it)" if found > MAX_ROWS else ""
    return f"{found} match{'es' if found != 1 else ''}{more}"
