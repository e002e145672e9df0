"""The help screen: every key, generated from the bindings so it never disagrees with them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from brief_tui.render.labels import EVENT_STATUS_GLYPHS, THREAD_STATUS_GLYPHS, THREAD_STATUS_LETTERS
from brief_tui.widgets.reading_scroll import ReadingScroll

__all__ = ["HelpScreen", "binding_rows"]


def _bindings_of(owner: type) -> list[Binding]:
    """The bindings a class declares and inherits; a key bound lower down hides the same key above."""
    found: list[Binding] = []
    keys_taken: set[str] = set()
    for cls in owner.__mro__:
        declared = cls.__dict__.get("BINDINGS")
        if not declared:
            continue
        declared_keys: set[str] = set()
        for key, bindings in BindingsMap(declared).key_to_bindings.items():
            if key in keys_taken:
                continue
            declared_keys.add(key)
            found.extend(b for b in bindings if b.description and not b.system)
        keys_taken |= declared_keys
    return found


def binding_rows(owner: type, keys_shown: Callable[[Binding], str]) -> list[tuple[str, str]]:
    """(keys, description) for each action of ``owner``, keys for one action joined."""
    by_action: dict[str, tuple[list[str], str]] = {}
    for binding in _bindings_of(owner):
        keys, _ = by_action.setdefault(binding.action, ([], binding.tooltip or binding.description))
        shown = keys_shown(binding)
        if shown not in keys:
            keys.append(shown)
    return [(" ".join(keys), description) for keys, description in by_action.values()]


class HelpScreen(ModalScreen[None]):
    """Lists every key by the pane it works in, and what the glyphs mean."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1,backspace", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, sections: Iterable[tuple[str, type]]) -> None:
        super().__init__()
        self.sections = list(sections)

    def compose(self) -> ComposeResult:
        with ReadingScroll(id="help-body") as body:
            body.border_title = Text("Keys  (escape closes)")
            yield Static(self._keys_table())
            yield Static(self._legend())

    def _keys_table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for title, owner in self.sections:
            rows = binding_rows(owner, self.app.get_key_display)
            if not rows:
                continue
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description in rows:
                table.add_row(Text(keys), Text(description))
        return table

    def _legend(self) -> Text:
        legend = Text("\nThread status (sidebar badge: glyph and letter)\n", style="bold underline")
        for status, glyph in THREAD_STATUS_GLYPHS.items():
            legend.append(f"  {glyph}{THREAD_STATUS_LETTERS[status]} {status}\n")
        legend.append("\nEvent status (timeline)\n", style="bold underline")
        for status, glyph in EVENT_STATUS_GLYPHS.items():
            legend.append(f"  {glyph} {status}\n")
        legend.append("\nDates: ? uncertain  ~ approximate  % both\n")
        legend.append("Sources: grades A-F (reliability), 1-6 (credibility of a claim)\n")
        return legend
