"""Every problem of a broken edit, over the reader that keeps the last good version."""

from __future__ import annotations

from brief_tui.actions import bindings_for
from brief_tui.screens.problems import ProblemsScreen

__all__ = ["EditProblems"]


class EditProblems(ProblemsScreen):
    """The problems of the edited file; escape goes back to the reader."""

    BINDINGS = bindings_for("help", also=["quit"])
