"""The sidebar: the overview, then threads as format 1 groups them (those without a group first,
under no heading, then each group under its heading), each with a status badge; a thread's
short title stands in for a title the column would cut."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from brief_tui.actions import bindings_for
from brief_tui.model import Briefing, Thread
from brief_tui.model.as_of import known_of
from brief_tui.render.cells import cells
from brief_tui.render.labels import THREAD_STATUS_GLYPHS, THREAD_STATUS_LETTERS
from brief_tui.render.safe import text
from brief_tui.widgets.quiet_option_list import QuietOptionList

if TYPE_CHECKING:
    from textual.visual import VisualType

__all__ = ["ThreadList"]

OVERVIEW_ID = "overview"
CURSOR_GLYPH = "▸"
"""Marks the highlighted row, in colour or not (NO_COLOR, monochrome, a tmux capture)."""
# The cells before a thread's title: the cursor mark, the badge's glyph and letter, a space.
_BADGE_CELLS = 4


_ONE_LINE_LAYOUT = all(
    hasattr(OptionList, name) for name in ("_update_lines", "_get_left_gutter_width", "_scroll_update")
)
"""Textual's OptionList still has what ``ThreadList._update_lines`` fills in (else its own is used)."""


def badge(status: str) -> str:
    """Glyph and letter, readable without colour: ``◕N``."""
    return f"{THREAD_STATUS_GLYPHS.get(status, '?')}{THREAD_STATUS_LETTERS.get(status, '?')}"


_UNMADE = Text("")
"""The prompt of a row whose label is not made yet."""


class ThreadRow(Option):
    """A thread's row, its label made when OptionList first asks for it (a 500-thread list draws twenty).

    OptionList reads an option's ``prompt`` to draw it; a new prompt (``replace_option_prompt``)
    takes the place of the label to be made.
    """

    def __init__(self, label: Callable[[], Text], id: str) -> None:
        super().__init__(_UNMADE, id=id)
        self._make_label = label

    @property
    def made(self) -> bool:
        """Whether the label has been made (or a prompt given)."""
        return super().prompt is not _UNMADE

    @property
    def prompt(self) -> VisualType:
        """The label, made now if this is the first time it is asked for."""
        prompt = super().prompt
        if prompt is _UNMADE:
            prompt = self._make_label()
            self._set_prompt(prompt)
        return prompt


class ThreadList(QuietOptionList, inherit_bindings=False):
    """Lists the overview and the threads; reports which one is highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("sidebar")

    class Highlighted(Message):
        """The highlighted row changed: a thread, or None for the overview."""

        def __init__(self, thread: Thread | None) -> None:
            self.thread = thread
            super().__init__()

    class Entered(Message):
        """The reader pressed enter on a row."""

    def __init__(self, briefing: Briefing, *, id: str | None = None, classes: str | None = None) -> None:
        self.briefing = briefing
        self._threads: dict[str, Thread] = {thread.id: thread for thread in briefing.threads}
        self._groups = briefing.sidebar_groups()
        self._order = [thread for _, threads in self._groups for thread in threads]
        """The threads in the order listed (``move_thread`` follows it)."""
        self._title_width = 0
        """Cells a title may take before the column cuts it; 0 until the first resize."""
        self.marks: dict[str, str] = {}
        """A row's marks (row id -> ``✱ changed``, ``⚑``), shown before its title: the reader's, not the briefing's."""
        self._made: dict[str, Option] = {}
        """Each row's option by row id, made once: a filter lists some again (laid out once, not per filter)."""
        super().__init__(*self._build_options(), id=id, classes=classes, markup=False)

    def _build_options(self) -> list[Option | None]:
        made = self._made
        if OVERVIEW_ID not in made:
            made[OVERVIEW_ID] = Option(self._label(None), id=OVERVIEW_ID)
        options: list[Option | None] = [made[OVERVIEW_ID]]
        for group, threads in self._groups:
            if group is not None:
                key = f"\0group {group}"  # no thread id holds a NUL
                if key not in made:
                    made[key] = Option(text(group, style="bold dim", one_line=True), disabled=True)
                options.append(made[key])
            for thread in threads:
                if thread.id not in made:
                    made[thread.id] = ThreadRow(partial(self._label, thread), id=thread.id)
                options.append(made[thread.id])
        return options

    def _forget_unlisted(self, row_ids: set[str] | None = None) -> None:
        """Forget the options of rows not listed now (of ``row_ids``, or all): their labels are out of date."""
        for row_id in list(self._made if row_ids is None else row_ids):
            if row_id not in self._threads and row_id != OVERVIEW_ID and not row_id.startswith("\0"):
                self._made.pop(row_id, None)

    def _title(self, thread: Thread) -> str:
        """The title, or the short title when the column would cut the title and the thread has one."""
        reader_mark = self.marks.get(thread.id)
        room = self._title_width - (cells(reader_mark) + 1 if reader_mark else 0)
        if thread.short_title and self._title_width and cells(thread.title) > room:
            return thread.short_title
        return thread.title

    def on_resize(self) -> None:
        """Relabel the threads whose title the new width cuts (or no longer cuts)."""
        padding = self.get_component_styles("option-list--option").padding.width
        width = self.scrollable_content_region.width - padding - _BADGE_CELLS
        if width == self._title_width:
            return
        # Only labels already made can be cut otherwise; the rest are made at the new width.
        made = [thread for thread in self._order if thread.short_title and self._label_made(thread.id)]
        before = {thread.id: self._title(thread) for thread in made}
        self._title_width = width
        for thread_id, title in before.items():
            thread = self._threads[thread_id]
            if self._title(thread) != title:
                self.replace_option_prompt_at_index(self.get_option_index(thread_id), self._label(thread))
        self._forget_unlisted()  # a filter's hidden threads are relabelled when listed again

    def _label_made(self, row_id: str) -> bool:
        option = self.get_option(row_id)
        return not isinstance(option, ThreadRow) or option.made

    def _label(self, thread: Thread | None) -> Text:
        """A row's text; a thread's first column is left for the cursor's ▸ (``render_line``)."""
        # The reader's mark goes before the title, which is cut short in a narrow sidebar.
        reader_mark = self.marks.get(thread.id if thread else OVERVIEW_ID)
        if thread is None:
            label = Text("Overview", style="bold")
            if reader_mark:
                label.append(f" {reader_mark}", style="bold")
            return label
        label = Text(f" {badge(known_of(self.briefing).status(thread))} ", style="bold")
        if reader_mark:
            label.append(f"{reader_mark} ", style="bold")
        label.append_text(text(self._title(thread), one_line=True))
        return label

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Show these marks on the rows (keys: thread ids, ``overview``); other rows plain."""
        wanted = {key: value for key, value in marks.items() if value}
        # Only the rows whose mark changed are redrawn (each redraw is bytes over SSH).
        touched = {key for key in set(self.marks) | set(wanted) if self.marks.get(key) != wanted.get(key)}
        self.marks = wanted
        self._forget_unlisted(touched)
        for row_id in touched:
            try:
                index = self.get_option_index(row_id)
            except OptionDoesNotExist:
                continue
            self.replace_option_prompt_at_index(index, self._label(self._threads.get(row_id)))

    def option_line(self, y: int) -> Strip:
        """A row; the highlighted one starts with ▸, so the cursor shows in any colours or none.

        The glyph is drawn here rather than put in the row's label, so a move repaints the two
        rows it touches (``QuietOptionList``), not the whole list. A row is one line.
        """
        strip = super().option_line(y)
        if self.highlighted is None or self.scroll_offset.y + y != self.highlighted:
            return strip
        first = strip.crop(0, 1)
        style = next(iter(first), Segment(" ")).style
        # A thread's first cell is left blank for the glyph; the overview's text moves over one.
        rest = strip.crop(1) if first.text == " " else strip.crop(0, strip.cell_length - 1)
        return Strip.join([Strip([Segment(CURSOR_GLYPH, style)], 1), rest])

    def _update_lines(self) -> None:
        """Lay out rows as one line each, without measuring them (OptionList measures every row).

        OptionList works out each option's height by wrapping its prompt: at 500 threads that
        was about 80,000 function calls before the first frame. A row here is one line by
        construction (one-line labels, ``text-wrap: nowrap``), so row ``i`` is line ``i``. This
        fills OptionList's private line map; ``one_line_layout_matches`` (and its test) checks
        that the map is the one OptionList would make, and OptionList's own is used otherwise.
        """
        if not _ONE_LINE_LAYOUT:
            super()._update_lines()
            return
        region = self.scrollable_content_region
        if not region:
            return
        cache = self._line_cache
        count = len(self.options)
        start = len(cache.lines)
        if start < count:
            for index in range(start, count):
                cache.index_to_line[index] = index
                cache.heights[index] = 1
            cache.lines.extend((index, 0) for index in range(start, count))
        size = Size(region.width - self._get_left_gutter_width(), count)
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)

    def one_line_layout_matches(self) -> bool:
        """Whether the one-line layout equals OptionList's own for the rows listed now (a test calls this)."""
        ours = (list(self._line_cache.lines), dict(self._line_cache.heights), dict(self._line_cache.index_to_line))
        size = self.virtual_size
        self._line_cache.clear()
        OptionList._update_lines(self)
        theirs = (list(self._line_cache.lines), dict(self._line_cache.heights), dict(self._line_cache.index_to_line))
        same = ours == theirs and size == self.virtual_size
        self._line_cache.clear()
        self._update_lines()
        return same

    @property
    def thread(self) -> Thread | None:
        """The highlighted thread, or None when the overview (or nothing) is highlighted."""
        if self.highlighted is None:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return self._threads.get(option_id or "")

    def show_thread(self, thread: Thread | None) -> None:
        """Highlight a thread (None: the overview) without reporting it."""
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = self.get_option_index(thread.id if thread else OVERVIEW_ID)

    def select_thread(self, thread: Thread) -> None:
        """Highlight a thread and report it, as if the reader had moved there."""
        self.highlighted = self.get_option_index(thread.id)

    def action_cursor_down(self) -> None:
        """The next row; at the last one, the bell (as ``]`` at the last thread: no wrap to the top)."""
        self._step(+1)

    def action_cursor_up(self) -> None:
        """The previous row; at the first one, the bell."""
        self._step(-1)

    def _step(self, step: int) -> None:
        options = self.options
        index = self.highlighted if self.highlighted is not None else -step
        index += step
        while 0 <= index < len(options) and options[index].disabled:
            index += step
        if 0 <= index < len(options):
            self.highlighted = index
        else:
            self.app.bell()

    def move_thread(self, step: int) -> bool:
        """Highlight the next (+1) or previous (-1) thread; False at either end."""
        threads = self._order
        if not threads:
            return False
        current = self.thread
        if current is None:
            index = 0 if step > 0 else -1
        else:
            index = threads.index(current) + step
            if not 0 <= index < len(threads):
                return False
        self.highlighted = self.get_option_index(threads[index].id)
        return True

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.thread))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Entered())

    # -- a filter's view (the reader's `f`) --------------------------------------------------

    def show_only(self, shown: Briefing) -> None:
        """List ``shown``'s threads (a filter's view of the briefing, or the briefing again), reporting nothing.

        The list is kept, not made again; the highlight stays on its thread if it is listed,
        otherwise it goes to the overview.
        """
        current = self.thread
        self.briefing = shown
        self._threads = {thread.id: thread for thread in shown.threads}
        self._groups = shown.sidebar_groups()
        self._order = [thread for _, threads in self._groups for thread in threads]
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(self._build_options())
            listed = current is not None and current.id in self._threads
            self.highlighted = self.get_option_index(current.id if listed and current else OVERVIEW_ID)
