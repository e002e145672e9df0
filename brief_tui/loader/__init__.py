"""YAML briefing files to the model: format 1's rules, problems with file:line:col, a parse cache."""

from __future__ import annotations

from brief_tui.loader.library import Library, load_library
from brief_tui.loader.limits import Limits
from brief_tui.loader.load import LoadResult, load_briefing
from brief_tui.loader.problems import BriefingError, Problem

__all__ = ["BriefingError", "Library", "Limits", "LoadResult", "Problem", "load_briefing", "load_library"]
