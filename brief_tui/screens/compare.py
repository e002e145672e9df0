"""Two versions of a document compared (``c`` on a document): side by side from 120 columns.

Each version shows its facts, authors, sources and summary; below them the parts,
added, dropped, changed (both summaries) or the same. Text wraps at spaces, so no word
is broken across lines (the old side-by-side table folded ``Initialled`` into
``Initi``/``alled`` at 80 columns). ``[`` and ``]`` step the pair to earlier or later
versions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.text import Text
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from brief_tui.actions import bindings_for
from brief_tui.model.compare import compare_versions
from brief_tui.render.safe import clean_line
from brief_tui.render.versions import parts_blocks, version_blocks
from brief_tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from textual import events
    from textual.app import ComposeResult

    from brief_tui.model import Document, Version
    from brief_tui.model.as_of import KnownOn
    from brief_tui.render.blocks import Block

__all__ = ["SIDE_BY_SIDE_FROM", "CompareScreen"]

SIDE_BY_SIDE_FROM = 120
"""Columns from which the two versions stand side by side."""


def _rich(blocks: list[Block], width: int) -> Group:
    from brief_tui.commands.output import to_rich  # the blocks' terminal writer

    return Group(*to_rich(blocks, width))


class CompareScreen(Screen[None]):
    """Two versions of one document, their summaries and sourcing, and their parts compared."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("compare")

    DEFAULT_CSS = """
    CompareScreen {
        #compare-title { height: auto; text-style: bold; }
        #compare-sides { height: auto; }
        #compare-sides > Static { width: 1fr; height: auto; padding: 0 1; }
        #compare-parts { height: auto; padding: 0 1; }
        &.-narrow #compare-sides { layout: vertical; }
        &.-narrow #compare-sides > Static { width: 100%; }
    }
    """

    def __init__(
        self,
        document: Document,
        before: Version | None = None,
        after: Version | None = None,
        known: KnownOn | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.versions = known.versions(document) if known is not None else list(document.versions)
        self.known = known
        shown = self.versions
        self.newer = shown.index(after) if after in shown else len(shown) - 1
        self.older = shown.index(before) if before in shown else max(0, self.newer - 1)
        if self.older > self.newer:
            self.older, self.newer = self.newer, self.older

    def compose(self) -> ComposeResult:
        """The title, the two versions (side by side or stacked) and the parts, in one scroll."""
        with VerticalScroll(id="compare-body"):
            yield Static(id="compare-title")
            with Horizontal(id="compare-sides"):
                yield Static(id="compare-before")
                yield Static(id="compare-after")
            yield Static(id="compare-parts")
        yield KeyBar()

    @property
    def narrow(self) -> bool:
        """Whether the versions are stacked rather than side by side."""
        return self.has_class("-narrow")

    @property
    def pair(self) -> tuple[Version, Version] | None:
        """The two versions shown, older first; None when there are fewer than two."""
        if len(self.versions) < 2 or self.older == self.newer:
            return None
        return self.versions[self.older], self.versions[self.newer]

    def on_mount(self) -> None:
        """Draw the pair for the first size."""
        self.query_one("#compare-body").focus()

    def on_resize(self, event: events.Resize) -> None:
        """Side by side from SIDE_BY_SIDE_FROM columns, stacked below; redraw for the width."""
        self.set_class(event.size.width < SIDE_BY_SIDE_FROM, "-narrow")
        self._draw()

    def _draw(self) -> None:
        title = Text(f"{clean_line(self.document.title)}: versions compared", style="bold")
        if self.known is not None and self.known.travelling:
            title.append(f"  ({self.known.label})", style="reverse")
        pair = self.pair
        side = self.size.width - 2 if self.narrow else self.size.width // 2 - 2
        if pair is None:
            title.append("\nOnly one version: nothing to compare.", style="italic")
            self.query_one("#compare-title", Static).update(title)
            return
        comparison = compare_versions(self.document, *pair)
        title.append(f"\n{self.older + 1} and {self.newer + 1} of {len(self.versions)} versions")
        if comparison.before.sources and comparison.after.sources and not comparison.shared_sources:
            title.append("\nSeparate accounts: the two share no source; each stands on its own.", style="italic")
        self.query_one("#compare-title", Static).update(title)
        self.query_one("#compare-before", Static).update(_rich(version_blocks(comparison.before), side))
        self.query_one("#compare-after", Static).update(_rich(version_blocks(comparison.after), side))
        self.query_one("#compare-parts", Static).update(_rich(parts_blocks(comparison), self.size.width - 2))

    def action_earlier(self) -> None:
        """Compare the pair of versions before this one."""
        if self.older > 0:
            self.older, self.newer = self.older - 1, self.older
            self._draw()

    def action_later(self) -> None:
        """Compare the pair of versions after this one."""
        if self.newer < len(self.versions) - 1:
            self.older, self.newer = self.newer, self.newer + 1
            self._draw()

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
