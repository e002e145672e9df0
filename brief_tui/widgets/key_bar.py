"""The bottom line of keys: the shown bindings of whatever has focus, drawn as one line.

Textual's ``Footer`` builds a widget per key and rebuilds them all on every focus change,
which costs start-up time and bytes on an SSH link; this draws the same keys as text.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

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

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        line = Text(no_wrap=True, overflow="ellipsis")
        seen: set[str] = set()
        palette_key = ""
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if key == self.app.COMMAND_PALETTE_BINDING:
                palette_key = self.app.get_key_display(binding)
                continue
            if not binding.show or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            line.append(f" {self.app.get_key_display(binding)} ", style=key_style)
            line.append(f"{binding.description} ", style=description_style)
        if palette_key and self.app.ENABLE_COMMAND_PALETTE:
            hint = Text.assemble((f" {palette_key} ", key_style), ("palette ", description_style))
            gap = self.size.width - line.cell_len - hint.cell_len
            if gap > 0:
                line.append(" " * gap)
                line.append_text(hint)
        return line
