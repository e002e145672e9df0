"""Repaint what changed and no more: every repainted cell is bytes on an SSH link.

Textual sends every cell of a region it repaints, changed or not, and it repaints whole
widgets often: on focus and blur, on every style update, on a new border title. What stops it:

- A container's ``refresh()`` (a new border title, a border that turns heavy with focus)
  marks its whole region dirty, so every child under it is sent again although none of
  them changed. A :class:`Pane` draws nothing but its border around children that fill it,
  so it repaints its border ring only (its title rows only when only a title changed);
  children repaint themselves when they change.
- A line-API widget's whole-widget ``refresh()`` (focus, blur, a style update, a new item)
  sends every row. A :class:`QuietLines` widget compares each row it would draw now with
  the row it last drew and repaints only the rows that differ.
- ``Screen.focused`` is a reactive that repaints the whole screen on every focus change.
  :func:`focus_without_repaint` redeclares it without the repaint: focus styles are still
  updated by Textual's own focus handling (``:focus``, ``:focus-within``).
- A style run costs an escape code before and a reset after it, on every repaint:
  :func:`fewer_runs` lets blank cells join the run beside them where that looks the same.

They lean on how Textual 8 behaves; ``tests/widgets/test_quiet.py`` fails when an upgrade
changes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.screen import Screen, ScreenResultType
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.scroll_view import ScrollView

    _Base = ScrollView
else:
    _Base = object

__all__ = ["Pane", "QuietFocus", "QuietLines", "QuietScrollBar", "fewer_runs", "focus_without_repaint"]


class Pane(Vertical):
    """A bordered container whose own repaints cover its border only, never its children."""

    _drawn_look: tuple[object, ...] | None = None  # the titles and border as last drawn

    def set_titles(self, title: Text | None, subtitle: Text | None = None) -> None:
        """Put a title on the top border and a subtitle on the bottom one (repainting those two rows only)."""
        self.border_title = title
        self.border_subtitle = subtitle

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Pane:
        """Repaint the border ring instead of the whole pane (a layout or recompose is passed on whole).

        A new title or subtitle (whoever sets it) repaints the top and bottom rows only.
        """
        if regions or layout or recompose or not self.is_mounted or not self.children:
            super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
            return self
        look, before = self._border_look(), self._drawn_look
        if before is None or look[2:] != before[2:]:
            super().refresh(*self.border_ring(), repaint=repaint)
        elif look[:2] != before[:2]:
            super().refresh(*self.border_rows(), repaint=repaint)
        # Nothing the pane draws changed (a title set to what it was): nothing to repaint.
        return self

    def _border_look(self) -> tuple[object, ...]:
        """The titles, then everything else the border's look depends on."""
        styles = self.styles
        return (
            self.border_title,
            self.border_subtitle,
            styles.border,
            styles.background,
            styles.color,
            styles.border_title_align,
            styles.border_title_color,
            styles.border_title_background,
            styles.border_title_style,
            styles.border_subtitle_align,
            styles.border_subtitle_color,
            styles.border_subtitle_background,
            styles.border_subtitle_style,
        )

    def render_line(self, y: int) -> Strip:
        """A blank line: the children cover the inside, so only the border Textual draws around it shows.

        (Textual would render the whole inside again each time a border row is repainted.)
        """
        return Strip.blank(self.size.width, self.rich_style)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Textual's lines of the pane, noting how its border looked when drawn."""
        self._drawn_look = self._border_look()
        return super().render_lines(crop)

    def border_rows(self) -> list[Region]:
        """The top and bottom border rows, where the titles are."""
        return self.border_ring()[:2]

    def border_ring(self) -> list[Region]:
        """The four sides of the border, in content coordinates (as ``refresh`` takes regions)."""
        x, y = -self.content_offset.x, -self.content_offset.y
        width, height = self.outer_size
        if width <= 0 or height <= 0:
            return []
        return [
            Region(x, y, width, 1),
            Region(x, y + height - 1, width, 1),
            Region(x, y, 1, height),
            Region(x + width - 1, y, 1, height),
        ]


def focus_without_repaint() -> Reactive[Widget | None]:
    """``Screen.focused`` as Textual declares it, but without repainting the screen when it changes."""
    return Reactive(None, repaint=False)


class QuietFocus(Screen[ScreenResultType]):
    """A screen whose focus change is drawn in one frame: the pane borders and the cursor together.

    Textual restyles the focused widget's container at once (``:focus-within``: the pane's
    border turns heavy), but the widget's own ``:focus`` look (the cursor) only when the widget
    handles its Focus event, a frame later, and it restyles the widget a second time then.
    Here the widgets' focus state is set before Textual restyles (``set_reactive``: no watcher,
    so no restyle of its own), so the one restyle Textual does covers the cursor too; the
    Focus and Blur events that follow find nothing left to change.
    """

    focused: Reactive[Widget | None] = focus_without_repaint()

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """Focus ``widget`` (Textual's ``Screen.set_focus``), its look and the blurred widget's changed at once."""
        blurred = self.focused
        state = Widget.__dict__.get("has_focus")  # (should Textual reshape it: focus as Textual does)
        if not isinstance(state, Reactive) or widget is None or widget is blurred or not widget.focusable:
            super().set_focus(widget, scroll_visible=scroll_visible, from_app_focus=from_app_focus)
            return
        if blurred is not None:
            blurred.set_reactive(state, False)
        widget.set_reactive(state, True)
        # Wake every widget whose look changes (the panes around both) before the screen hears
        # of any change: the screen then hears of them all before it paints.
        for around in (*_below(self, blurred), *_below(self, widget)):
            around.check_idle()
        super().set_focus(widget, scroll_visible=scroll_visible, from_app_focus=from_app_focus)
        for node in (blurred, widget):
            if node is not None:
                node.notify_style_update()  # (a widget may cache styles it drew with until told)
                node.refresh()


class QuietLines(_Base):
    """Mixin for a line-API widget: a whole-widget repaint sends only the rows whose line changed.

    The widget's ``render_line`` passes what it drew through :meth:`drawn`. A ``refresh()``
    with no region (Textual's on focus, blur and every style update; the widget's own on a
    new item) then compares each visible row as it would be drawn now with the row last
    drawn there, and repaints the rows that differ; everything else is passed on as it is.
    """

    _drawn: dict[int, Strip]
    _drawn_look: tuple[object, ...] | None = None
    _comparing = False
    _comparison_due = False
    _style_of_pass: Style | None = None

    def drawn(self, y: int, strip: Strip) -> Strip:
        """Note the line drawn at row ``y`` (call from ``render_line``); returns it."""
        if not self._comparing:
            if not hasattr(self, "_drawn"):
                self._drawn = {}
            self._drawn[y] = strip
        return strip

    @property
    def base_style(self) -> Style:
        """The widget's Rich style (``rich_style``), worked out once per repaint, not once per line.

        Textual works ``rich_style`` out afresh on every call, walking every ancestor's styles.
        """
        style = self._style_of_pass
        return self.rich_style if style is None else style

    def render_lines(self, crop: Region) -> list[Strip]:
        """Textual's lines of the widget, noting the look they were drawn with (once, not per line)."""
        look = self._look()
        self._drawn_look, self._style_of_pass = look, look[0]  # type: ignore[assignment]
        try:
            return super().render_lines(crop)
        finally:
            self._style_of_pass = None

    def _look(self) -> tuple[object, ...]:
        """What Textual draws around the widget's lines: a change here repaints every row."""
        styles = self.styles
        return (self.rich_style, self.size, styles.padding, styles.tint, styles.text_opacity)

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> QuietLines:
        """Repaint the rows that changed instead of the whole widget (any other refresh is passed on)."""
        drawn = getattr(self, "_drawn", None)
        if regions == (
            self.size.region,
        ):  # a scroll repaints the whole view: rows that did not change need not be sent
            regions = ()
        if regions or layout or recompose or not repaint or not drawn or not self.is_mounted:
            if not regions and repaint and drawn:
                drawn.clear()
            super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
            return self
        # An empty region clears Textual's caches of this widget's style without repainting.
        super().refresh(Region(0, 0, 0, 0))
        # Textual asks several times in a row (a focus change: four); compare once, after them
        # (before this widget next goes idle, so before the screen paints it).
        if not self._comparison_due:
            self._comparison_due = True
            self.call_later(self._repaint_changed_rows)
        return self

    def _repaint_changed_rows(self) -> None:
        """Repaint the rows whose line is not the one last drawn (everything, if the look changed)."""
        self._comparison_due = False
        drawn = getattr(self, "_drawn", None)
        if not drawn or not self.is_mounted:
            super().refresh()
            return
        if self._look() != self._drawn_look:
            drawn.clear()
            super().refresh()
            return
        height = self.size.height
        self._comparing = True
        self._style_of_pass = self.rich_style
        try:
            changed = [y for y in range(height) if drawn.get(y) != self.render_line(y)]
        finally:
            self._comparing = False
            self._style_of_pass = None
        width = max(self.virtual_size.width, self.size.width)
        regions = tuple(Region(0, y, width, rows) for y, rows in _runs(changed))
        if regions:  # (no region at all would repaint the whole widget)
            super().refresh(*regions)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Textual's vertical scrollbar, made a :class:`QuietScrollBar`."""
        return QuietScrollBar.quieten(super().vertical_scrollbar)

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        """Textual's horizontal scrollbar, made a :class:`QuietScrollBar`."""
        return QuietScrollBar.quieten(super().horizontal_scrollbar)

    def set_virtual_size(self, size: Size) -> None:
        """Set the scrollable size without a relayout of the screen (which repaints the whole widget).

        A relayout is kept for when a scrollbar must appear or go; otherwise the scrollbars
        are told the new size directly.
        """
        if size == self.virtual_size:
            return
        view = self.scrollable_content_region.size
        overflow = (self.styles.overflow_x, self.styles.overflow_y)
        scrolls = tuple(
            how == "scroll" or (how == "auto" and wanted > room)
            for how, wanted, room in zip(overflow, size, view, strict=True)
        )
        showing = (self.show_horizontal_scrollbar, self.show_vertical_scrollbar)
        if scrolls != showing or not self.is_mounted:
            self.virtual_size = size
            return
        self.set_reactive(Widget.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = size.height
        if self.show_horizontal_scrollbar:
            self.horizontal_scrollbar.window_virtual_size = size.width
        self.scroll_to(
            x=min(self.scroll_x, self.max_scroll_x),
            y=min(self.scroll_y, self.max_scroll_y),
            animate=False,
            immediate=True,
        )


def _below(screen: Widget, widget: Widget | None) -> list[Widget]:
    """``widget`` and its ancestors below ``screen``."""
    if widget is None:
        return []
    return [node for node in widget.ancestors_with_self if isinstance(node, Widget) and node is not screen]


def _runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive rows as (first, count) runs."""
    runs: list[tuple[int, int]] = []
    for y in rows:
        if runs and runs[-1][0] + runs[-1][1] == y:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((y, 1))
    return runs


def _blank_look(style: Style | None) -> tuple[object, ...] | None:
    """How a blank cell of this style looks (None: not safely comparable, e.g. a link)."""
    if style is None:
        return (None, False, False, False)
    if style.link or style.meta:
        return None
    background = style.color if style.reverse else style.bgcolor
    return (background, bool(style.underline or style.underline2), bool(style.strike), bool(style.overline))


def fewer_runs(strip: Strip) -> Strip:
    """The same cells in fewer style runs: a run of blanks takes the style of a run beside it
    when blanks look the same in both (same background, no underline or strike to show).

    Bold, italic and the text colour do not show on a blank, so ``+ + +`` in bold with plain
    spaces between becomes one run (each run costs about 20 bytes of escape codes).
    """
    original = list(strip)
    segments = [segment for segment in original if segment.text]
    if len(segments) < 2:
        return strip
    merged: list[Segment] = []
    for segment in segments:
        if merged:
            text, style, control = segment
            previous = merged[-1]
            if control is None and previous.control is None and style != previous.style:
                look = _blank_look(style)
                if look is not None and look == _blank_look(previous.style):
                    if not text.strip(" "):
                        segment = Segment(text, previous.style)
                    elif not previous.text.strip(" "):
                        merged[-1] = previous = Segment(previous.text, style)
            if segment.style == previous.style and segment.control is None and previous.control is None:
                merged[-1] = Segment(previous.text + segment.text, previous.style)
                continue
        merged.append(segment)
    if len(merged) == len(original):
        return strip
    return Strip(merged, strip.cell_length)


class QuietScrollBar(ScrollBar):
    """A scrollbar that repaints only when how it looks changed.

    Textual repaints a widget's scrollbars on every style update of the widget (each focus
    change), though nothing scrolled. Textual creates the scrollbars itself, so
    :meth:`quieten` turns one it made into this class (which adds methods only, no state).
    """

    _drawn_look: tuple[object, ...] | None = None

    @classmethod
    def quieten(cls, scrollbar: ScrollBar) -> ScrollBar:
        """The same scrollbar, as a QuietScrollBar."""
        if type(scrollbar) is ScrollBar:
            scrollbar.__class__ = cls
        return scrollbar

    def _look(self) -> tuple[object, ...]:
        parent = self.parent
        styles = parent.styles if isinstance(parent, Widget) else None
        colours = (
            ()
            if styles is None
            else (
                styles.scrollbar_background,
                styles.scrollbar_color,
                styles.scrollbar_background_hover,
                styles.scrollbar_color_hover,
                styles.scrollbar_background_active,
                styles.scrollbar_color_active,
                parent.background_colors if isinstance(parent, Widget) else None,
            )
        )
        state = (self.window_virtual_size, self.window_size, self.position, self.thickness)
        return (*state, self.grabbed, self.mouse_over, self.size, *colours)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Textual's lines of the scrollbar, noting how it looked when drawn."""
        self._drawn_look = self._look()
        return super().render_lines(crop)

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> QuietScrollBar:
        """Pass the refresh on unless it is a repaint of a scrollbar that looks as it was drawn.

        A scrollbar's place and size are set by the widget it scrolls, from that widget's
        styles: its own restyle (Textual styles a scrollbar first on the first focus change of
        its pane) moves nothing, so the relayout of the screen it asks for is only a repaint.
        """
        layout = False
        unchanged = not regions and repaint and not recompose and self.is_mounted
        if unchanged and self._drawn_look is not None and self._drawn_look == self._look():
            return self
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self
