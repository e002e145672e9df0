"""The bottom line of keys: the key-bar actions of the registry that work here, as one line.

Textual's ``Footer`` builds a widget per key and rebuilds them all on every focus change,
which costs start-up time and bytes on an SSH link; this draws the same keys as text.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

from brief_tui.actions import by_id, key_display

__all__ = ["KeyBar"]


class KeyBar(Widget):
    """One line listing the keys that work here, refreshed when the bindings change."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    _shown: Text | None = None  # the line as last rendered

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # Textual signals more than once per focus change: the same keys again are bytes for nothing.
        shown = self._shown
        if shown is None or self.render() != shown:
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        # The focused widget's keys come first, then the screen's and the app's. When the
        # line is too narrow, the focused widget's keys give way first: help and quit stay.
        local: list[Text] = []
        screen_keys: list[Text] = []
        app_keys: list[Text] = []
        seen: set[str] = set()
        palette: Text | None = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            action = by_id(binding.id or "")
            # Only the registry's actions: never a framework binding (scroll left, copy text).
            if action is None or action.id in seen or not active.enabled:
                continue
            shown = key_display(key)
            if action.id == "command-palette":
                palette = Text.assemble((f" {shown} ", key_style), ("palette ", description_style))
                continue
            if not action.label:
                continue
            seen.add(action.id)
            entry = Text.assemble((f" {shown} ", key_style), (f"{action.label} ", description_style))
            if active.node is self.app:
                app_keys.append(entry)
            else:
                (screen_keys if active.node is self.screen else local).append(entry)
        width = self.size.width
        # Narrow lines drop the focused pane's keys first, then the screen's: help and
        # quit (the app's) always stay.
        for dropping in (local, screen_keys):
            while dropping and sum(e.cell_len for e in local + screen_keys + app_keys) > width:
                dropping.pop()
        line = Text(no_wrap=True, overflow="ellipsis")
        for entry in local + screen_keys + app_keys:
            line.append_text(entry)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            gap = width - line.cell_len - palette.cell_len
            if gap > 0:
                line.append(" " * gap)
                line.append_text(palette)
        self._shown = line
        return line
