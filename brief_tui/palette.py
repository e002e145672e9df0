"""The command palette's own provider: every reader action, whatever has focus, and the threads.

The actions come from the action registry (``brief_tui.actions``), as the key bar's and
help's do, so the three never disagree; each shows the keys in use beside it. Every label
is literal text: a thread's title or group is content and is never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode

from brief_tui.actions import ACTIONS, PANE_SCOPES, Action, key_display, keys_in_use
from brief_tui.render.safe import clean_line

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from textual.fuzzy import Matcher

__all__ = ["BriefCommands"]

Command = tuple[str, str, "Callable[[], Awaitable[None] | None]"]


class BriefCommands(Provider):
    """Offers the reader's actions (with their keys) and a jump to each thread."""

    def _commands(self, *, threads: bool = True) -> Iterator[Command]:
        """(label, help, callback) for every action offered here and (``threads``) every thread."""
        screen = self.screen
        reading = hasattr(screen, "focus_pane")
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        for action in ACTIONS:
            if not action.palette or action.id == "command-palette":
                continue
            if action.scope in ("help", "page") or (action.scope != "app" and not reading):
                continue
            if not _applies(screen, action):
                continue
            keys = " ".join(key_display(key) for key in keys_in_use(action, keymap))
            yield action.description, f"key: {keys}", partial(self._run, action)
        briefing = getattr(screen, "briefing", None)
        go_to_thread = getattr(screen, "go_to_thread", None)
        if threads and briefing is not None and go_to_thread is not None:
            for thread in briefing.threads:
                title = clean_line(thread.title)
                where = f"{clean_line(thread.status)} · {clean_line(thread.group or '')}"
                yield f"Thread: {title}", where, partial(go_to_thread, thread)

    async def _run(self, action: Action) -> None:
        """Run an action where it works: a pane's action focuses that pane first."""
        if action.scope in PANE_SCOPES:
            node = self.screen.focus_pane(action.scope)  # type: ignore[attr-defined]
        elif action.scope == "reader":
            node = self.screen
        else:
            node = self.app
        await self.app.run_action(action.method, node)

    async def discover(self) -> Hits:
        """Everything, before anything is typed."""
        for label, help_text, callback in self._commands():
            yield DiscoveryHit(_prompt(Content(label), help_text), callback, text=label)

    async def search(self, query: str) -> Hits:
        """The commands that match what was typed."""
        matcher = self.matcher(query)
        every_item = hasattr(self.screen, "open_item")  # the reader: every item of every open briefing
        for label, help_text, callback in self._commands(threads=not every_item):
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, _prompt(_highlight(matcher, label), help_text), callback, text=label)
        if every_item:
            from brief_tui.palette_items import item_hits

            async for hit in item_hits(self.screen, matcher):
                yield hit


def _applies(screen: object, action: Action) -> bool:
    """Whether the action does something here, as its screen or pane says by ``check_action``
    (``c`` off a document does nothing, so it is not offered)."""
    from textual.actions import parse

    node = screen if action.scope == "reader" else getattr(screen, action.scope, None)
    if action.scope not in ("reader", *PANE_SCOPES) or not isinstance(node, DOMNode):
        return True
    _, name, parameters = parse(action.method)
    return bool(node.check_action(name, parameters))


def _prompt(label: Content, help_text: str) -> Content:
    """The label and, below it, the help: both literal (Textual reads a ``help=`` string as markup)."""
    return Content.assemble(label, "\n", Content(help_text).stylize("dim"))


def _highlight(matcher: Matcher, label: str) -> Content:
    """The label with the matched letters marked; the label is never read as markup.

    (Textual's ``Matcher.highlight`` parses its text as markup, and a thread title is content.)
    """
    content = Content(label)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
