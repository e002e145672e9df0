"""One slip, one error: the references a refused id breaks are folded into its error."""

from __future__ import annotations

import pytest

from brief_tui.loader import BriefingError
from brief_tui.loader.load import check_bytes

from .conftest import HEAD

pytestmark = pytest.mark.usefixtures("composer")


def errors(text: str) -> list[str]:
    with pytest.raises(BriefingError) as raised:
        check_bytes((HEAD + text).encode(), "t.yaml")
    return [f"{p.line}:{p.column} {p.message}" for p in raised.value.problems]


def test_a_badly_formed_id_is_one_error_however_often_it_is_named() -> None:
    references = "".join(f"  - {{id: e{n}, date: 2025-12-01, threads: [Territory]}}\n" for n in range(19))
    found = errors(
        "threads:\n  - id: Territory\n    title: T\n    summary: See [it](#Territory).\nevents:\n" + references
    )
    assert len(found) == 1
    assert found[0].startswith("6:9 the id `Territory` is not valid")
    assert found[0].endswith("(and 19 references to it)")


def test_a_duplicated_id_carries_the_references_meant_for_the_second_item() -> None:
    found = errors(
        "threads:\n  - {id: dup, title: T}\nevents:\n  - {id: dup, date: 2025-12-01}\n"
        "quotes:\n  - {id: q, text: a, event: dup, threads: [dup]}\n"
    )
    assert found == ["8:10 the id `dup` is already used by a thread at line 6 (and 1 reference to it)"]


def test_other_bad_references_are_still_their_own_errors() -> None:
    found = errors("threads:\n  - {id: Bad, title: T}\nevents:\n  - {id: e, date: 2025-12-01, threads: [bad, Bad]}\n")
    assert found[0].endswith("(and 1 reference to it)")
    assert found[1].startswith("8:41 `threads` names `bad`, but there is no such thread")
