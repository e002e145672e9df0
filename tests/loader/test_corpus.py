"""The broken-file corpus: each file breaks one rule and says, in `# expect:` lines, where and how."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from brief_tui.loader import BriefingError, Problem, load_briefing

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("*.yaml"))
# Files that cannot carry a comment say it here instead.
SPECIAL = {"empty.yaml": ["1:1 error: the file is empty"]}
# YAML syntax errors are found by the parser, and the two parsers stop at different places.
PARSER_SPECIFIC = {"tab-indent.yaml", "unclosed-bracket.yaml", "flow-question-mark.yaml"}
_EXPECT = re.compile(r"^# expect: (\d+):(\d+) (error|warning): (.*)$", re.MULTILINE)


def expectations(path: Path) -> list[tuple[int, int, str, str]]:
    """The (line, column, severity, message start) a corpus file promises."""
    if path.name in SPECIAL:
        text = "\n".join(f"# expect: {line}" for line in SPECIAL[path.name])
    else:
        text = path.read_bytes().decode("utf-8", "replace")
    found = [(int(line), int(col), sev, msg) for line, col, sev, msg in _EXPECT.findall(text)]
    assert found, f"{path.name} has no `# expect:` line"
    return found


def problems_of(path: Path) -> list[Problem]:
    try:
        return load_briefing(path, cache=False).warnings
    except BriefingError as error:
        return error.problems


def test_corpus_is_big_enough() -> None:
    assert len(FILES) >= 25


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file(path: Path, composer: str) -> None:
    problems = problems_of(path)
    if composer == "python" and path.name in PARSER_SPECIFIC:
        assert any(p.severity == "error" for p in problems)
        return
    for line, column, severity, message in expectations(path):
        matching = [p for p in problems if p.message.startswith(message)]
        assert matching, f"no problem starts {message!r}; got {[str(p) for p in problems]}"
        assert (matching[0].line, matching[0].column, matching[0].severity) == (line, column, severity)


def _validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brief_tui", "validate", "--no-cache", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_corpus_through_brief_validate() -> None:
    done = _validate(*(str(p) for p in FILES))
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    for path in FILES:
        for line, column, severity, message in expectations(path):
            prefix = f"{path}:{line}:{column}: {severity}: {message}"
            assert any(out.startswith(prefix) for out in lines), prefix
    assert re.match(rf"{len(FILES)} files checked: \d+ errors, 6 warnings \(\d+ invalid\); invalid", lines[-1])


def test_warnings_pass_unless_strict() -> None:
    path = str(CORPUS / "scheduled-in-past.yaml")
    assert _validate(path).returncode == 0
    strict = _validate("--strict", path)
    assert strict.returncode == 1
    assert strict.stdout.splitlines()[-1].endswith("; invalid")
