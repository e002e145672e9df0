"""A screen holding only the timeline, on the synthetic sample briefing, for snapshots and trials."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script, too

from brief_tui.model import Briefing
from brief_tui.widgets.timeline import Timeline
from tests.timeline_fixtures import sample_briefing


class TimelineApp(App[None]):
    """Mounts one Timeline, focused, and binds { and } as the reader screen does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_curly_bracket", "next_thread_event", "Next of thread"),
        Binding("left_curly_bracket", "previous_thread_event", "Previous of thread"),
    ]

    def __init__(self, briefing: Briefing | None = None) -> None:
        super().__init__()
        self.briefing = briefing or sample_briefing()
        self.messages: list[object] = []

    def compose(self) -> ComposeResult:
        yield Timeline(self.briefing, id="timeline")

    def on_mount(self) -> None:
        self.query_one(Timeline).focus()

    def action_next_thread_event(self) -> None:
        self.query_one(Timeline).action_next_thread_event()

    def action_previous_thread_event(self) -> None:
        self.query_one(Timeline).action_previous_thread_event()

    def on_timeline_selected(self, message: Timeline.Selected) -> None:
        self.messages.append(message)

    def on_timeline_opened(self, message: Timeline.Opened) -> None:
        self.messages.append(message)


app = TimelineApp()

if __name__ == "__main__":
    # `python tests/snapshots/timeline_app.py [BRIEFING.yaml]`: the timeline alone, on a file if given
    # (with benchmarks/generate.py's 10,000 events, what /work/shared/tools/termbench.py times).
    if len(sys.argv) > 1:
        from brief_tui.loader import load_briefing

        app = TimelineApp(load_briefing(sys.argv[1], cache=False).briefing)
    app.run()
