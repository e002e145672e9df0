"""The command palette's own provider: every action the keys can run, and the threads.

The actions come from the same bindings the key bar and the help screen are built from,
so the three never disagree; each shows its key beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from brief_tui.render.safe import clean_line

if TYPE_CHECKING:
    from textual.dom import DOMNode

__all__ = ["BriefCommands"]


class BriefCommands(Provider):
    """Offers the reader's actions (with their keys) and a jump to each thread."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """(label, help, callback) for every action bound here and every thread."""
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.system:
                continue
            seen.add(binding.action)
            label = binding.tooltip or binding.description
            key = self.app.get_key_display(binding)
            yield label, f"key: {key}", partial(self._run, binding.action, active.node)
        briefing = getattr(self.screen, "briefing", None)
        select = getattr(self.screen, "go_to_thread", None)
        if briefing is not None and select is not None:
            for thread in briefing.threads:
                title = clean_line(thread.title)
                yield f"Thread: {title}", f"{thread.status} · {thread.group or ''}", partial(select, thread)

    async def _run(self, action: str, node: DOMNode) -> None:
        await self.app.run_action(action, node)

    async def discover(self) -> Hits:
        """Everything, before anything is typed."""
        for label, help_text, callback in self._commands():
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        """The commands that match what was typed."""
        matcher = self.matcher(query)
        for label, help_text, callback in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, _highlight(matcher, label), callback, text=label, help=help_text)


def _highlight(matcher: Matcher, label: str) -> Content:
    """The label with the matched letters marked; the label is never read as markup.

    (Textual's ``Matcher.highlight`` parses its text as markup, and a thread title is content.)
    """
    content = Content(label)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
