"""Every problem has a stable code from one catalogue, and the catalogue lists only codes in use."""

from __future__ import annotations

import re
from pathlib import Path

from brief_tui.loader import BriefingError, load_briefing
from brief_tui.loader.problems import CODES

LOADER = Path(__file__).parents[2] / "brief_tui" / "loader"
CORPUS = Path(__file__).parent / "corpus"
# Every code is written as `code="name"`.
_WRITTEN = re.compile(r'code="([a-z0-9-]+)"')


def _written_codes() -> set[str]:
    found: set[str] = set()
    for path in LOADER.glob("*.py"):
        found.update(_WRITTEN.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_written_is_in_the_catalogue_and_every_catalogued_code_is_written() -> None:
    written = _written_codes()
    assert written - set(CODES) == set()
    assert set(CODES) - written == set()


def test_codes_are_stable_names() -> None:
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)*", code) for code in CODES)


def test_every_corpus_problem_has_a_catalogued_code() -> None:
    seen = set()
    for path in CORPUS.glob("*.yaml"):
        try:
            problems = load_briefing(path, cache=False).warnings
        except BriefingError as error:
            problems = error.problems
        for problem in problems:
            assert problem.code in CODES, (path.name, problem)
            seen.add(problem.code)
    assert {"unknown-key", "bad-reference", "duplicate-id", "yaml-syntax", "scheduled-in-past"} <= seen
