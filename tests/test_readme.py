"""The README stays true: its example briefing validates and CI runs its test command."""

from __future__ import annotations

import re
from pathlib import Path

from brief_tui.loader import load_briefing

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_format_example_is_a_valid_briefing(tmp_path: Path) -> None:
    (example,) = re.findall(r"```yaml\n(.*?)```", README, flags=re.DOTALL)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    result = load_briefing(path, cache=False)
    assert result.warnings == []
    assert result.briefing.threads[0].id == "territory"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in README
    assert "test-command" in ci
