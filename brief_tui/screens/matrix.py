"""The stance matrix screen (``s``): parties by threads, the cursor's stance spelled out below.

A grid (Textual's ``DataTable``: its header row and thread column stay put while it
scrolls) from ``GRID_FROM`` columns; below, a list per thread. ``enter`` closes the
screen with the thread and party under the cursor, for the reader to open the thread at
that party's positions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.text import Text
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from brief_tui.actions import bindings_for
from brief_tui.model.matrix import stance_matrix
from brief_tui.model.vocab import CREDIBILITY
from brief_tui.render.labels import LEANING_GLYPHS, date_label
from brief_tui.render.safe import clean_line
from brief_tui.render.stances import CHANGED_MARK, GRID_FROM, LEANING_LETTERS, cell_text
from brief_tui.widgets.key_bar import KeyBar
from brief_tui.widgets.marked_option_list import MarkedOptionList

if TYPE_CHECKING:
    from textual import events
    from textual.app import ComposeResult

    from brief_tui.model import Briefing, Citation, Party, Thread
    from brief_tui.model.as_of import KnownOn
    from brief_tui.model.matrix import Cell

__all__ = ["MatrixScreen", "Stance"]

_TITLE_MAX = 28
SHORT = 20


class Stance(NamedTuple):
    """Where the reader asked to go: a thread, at one party's positions."""

    thread: Thread
    party: Party


def _short(text: str, width: int) -> str:
    text = clean_line(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def stance_line(thread: Thread, party: Party, cell: Cell | None) -> Text:
    """The cursor's cell spelled out: leaning in words, since when, the stance, its sources and grades."""
    head = Text.assemble((clean_line(party.label), "bold"), " on ", clean_line(thread.title), ": ")
    if cell is None:
        return head.append("the briefing says nothing", style="italic")
    glyph = LEANING_GLYPHS.get(cell.leaning, "?")
    head.append(f"{glyph} {cell.leaning}", style="bold")
    if cell.changed:
        earlier = ", ".join(p.leaning or "unknown" for p in cell.history[:-1])
        head.append(f" {CHANGED_MARK} (was {earlier})")
    if cell.as_of is not None:
        head.append(f" · {date_label(cell.as_of)}")
    head.append(" · ").append(clean_line(cell.stance))
    sources = "; ".join(_cited(c) for c in cell.sources) or "no source given"
    return head.append(f" · sources: {sources}", style="dim")


def _cited(citation: Citation) -> str:
    """``Axios [B]``, ``a second source, anonymous, via Axios [F via B] 2``: every grade of the chain, or ungraded."""
    source = citation.source
    parts = [
        source.name,
        *(["anonymous"] if source.anonymous else []),
        *([f"via {source.via.name}"] if source.via else []),
    ]
    label = f"{', '.join(parts)} [{source.grade or 'ungraded'}]"
    if citation.credibility:
        label += f" {citation.credibility} {CREDIBILITY.get(citation.credibility, '')}".rstrip()
    return clean_line(label)


class MatrixScreen(Screen[Stance | None]):
    """Parties (columns, by ``short``) by threads (rows); each cell the party's latest leaning."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("matrix")
    # Below SHORT rows the legend gives way to the matrix (the cursor's line spells the leaning out).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT, "-tall")]  # noqa: RUF012

    DEFAULT_CSS = """
    MatrixScreen {
        #matrix-title { height: 1; text-style: bold; }
        #matrix-grid { height: 1fr; }
        #matrix-list { height: 1fr; display: none; }
        #matrix-stance { height: auto; max-height: 5; }
        #matrix-key { height: auto; color: $text-muted; }
        &.-narrow #matrix-grid { display: none; }
        &.-narrow #matrix-list { display: block; }
        &.-short #matrix-key { display: none; }
        &.-short #matrix-stance { max-height: 2; }
    }
    """

    def __init__(self, briefing: Briefing, known: KnownOn | None = None) -> None:
        super().__init__()
        self.briefing = briefing
        self.known = known
        self.matrix = stance_matrix(briefing, known)
        self._list_stances: list[Stance] = []

    def compose(self) -> ComposeResult:
        """A title, the grid and the list (one shown by width), the cursor's stance and the key."""
        title = Text("Stances: parties by threads", style="bold")
        if self.known is not None and self.known.travelling:
            title.append(f"  ({self.known.label})", style="reverse")
        yield Static(title, id="matrix-title")
        yield self._grid()
        yield self._list()
        yield Static(Text(""), id="matrix-stance")
        yield Static(self._key(), id="matrix-key")
        yield KeyBar()

    def _grid(self) -> DataTable[Text]:
        grid: DataTable[Text] = DataTable(id="matrix-grid", cursor_type="cell", zebra_stripes=True)
        for party in self.matrix.parties:
            grid.add_column(Text(clean_line(party.label)), key=party.id)
        for thread in self.matrix.threads:
            cells = [Text(cell_text(cell).rstrip()) for cell in self.matrix.row(thread)]
            grid.add_row(*cells, key=thread.id, label=Text(_short(thread.title, _TITLE_MAX)))
        return grid

    def _list(self) -> OptionList:
        options: list[Option] = []
        for thread in self.matrix.threads:
            options.append(Option(Text(clean_line(thread.title), style="bold"), disabled=True))
            for party, cell in zip(self.matrix.parties, self.matrix.row(thread), strict=True):
                if cell is None:
                    continue
                prompt = Text.assemble(f"  {clean_line(party.label)} ", (cell_text(cell).strip(), "bold"), " ")
                prompt.append(clean_line(cell.stance))
                options.append(Option(prompt, id=f"{len(self._list_stances)}"))
                self._list_stances.append(Stance(thread, party))
            if not any(self.matrix.row(thread)):
                options.append(Option(Text("  the briefing says nothing", style="italic"), disabled=True))
        return MarkedOptionList(*options, id="matrix-list")

    @staticmethod
    def _key() -> Text:
        key = Text()
        for leaning, letter in LEANING_LETTERS.items():
            key.append(f"{LEANING_GLYPHS[leaning]}{letter} {leaning}  ")
        return key.append(f"{CHANGED_MARK} changed over time · blank: nothing said")

    @property
    def narrow(self) -> bool:
        """Whether the matrix is shown as a list per thread."""
        return self.has_class("-narrow")

    def on_resize(self, event: events.Resize) -> None:
        """A grid from GRID_FROM columns, a list per thread below."""
        narrow = event.size.width < GRID_FROM
        self.set_class(narrow, "-narrow")
        self.query_one("#matrix-list" if narrow else "#matrix-grid").focus()

    # -- the cursor -------------------------------------------------------------------------

    def current(self) -> Stance | None:
        """The thread and party under the cursor (in the list: the highlighted position)."""
        if self.narrow:
            listed = self.query_one("#matrix-list", OptionList)
            option = listed.highlighted_option if listed.highlighted is not None else None
            return self._list_stances[int(option.id)] if option is not None and option.id is not None else None
        grid = self.query_one("#matrix-grid", DataTable)
        if not self.matrix.threads or not self.matrix.parties:
            return None
        row, column = grid.cursor_coordinate
        return Stance(self.matrix.threads[row], self.matrix.parties[column])

    def _show_current(self) -> None:
        stance = self.current()
        line = Text("") if stance is None else stance_line(*stance, self.matrix.cell(*stance))
        self.query_one("#matrix-stance", Static).update(line)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        """Spell out the cell under the cursor."""
        self._show_current()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Spell out the position under the cursor."""
        self._show_current()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        """``enter`` on a cell opens its thread at that party."""
        self.action_open_stance()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """``enter`` on a position opens its thread at that party."""
        self.action_open_stance()

    def action_move(self, rows: int, columns: int) -> None:
        """Move the cursor (vim keys and arrows alike); the list has one column, so any move steps it."""
        if self.narrow:
            listed = self.query_one("#matrix-list", OptionList)
            step = rows or columns
            for _ in range(abs(step)):
                listed.action_cursor_down() if step > 0 else listed.action_cursor_up()
            return
        grid = self.query_one("#matrix-grid", DataTable)
        row, column = grid.cursor_coordinate
        grid.move_cursor(
            row=max(0, min(row + rows, grid.row_count - 1)),
            column=max(0, min(column + columns, len(grid.columns) - 1)),
        )

    def action_open_stance(self) -> None:
        """Close the matrix and open the thread at the party under the cursor."""
        stance = self.current()
        if stance is not None:
            self.dismiss(stance)

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
