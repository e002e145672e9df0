"""Two document versions compared part by part, each with its own sourcing."""

from __future__ import annotations

import pytest

from brief_tui.loader import load_briefing
from brief_tui.model import Briefing, Citation, Document, Part, Source, Thread, Version
from brief_tui.model.compare import compare_versions, default_pair
from tests.conftest import BUILTIN


@pytest.fixture(scope="module")
def builtin() -> Briefing:
    return load_briefing(BUILTIN, cache=False).briefing


def _cite(source_id: str, credibility: int | None = None) -> Citation:
    return Citation(source=Source(id=source_id, name=source_id), credibility=credibility)


def _document() -> Document:
    territory, energy = Thread(id="territory", title="T"), Thread(id="energy", title="E")
    nyt = _cite("nyt")
    document = Document(id="plan", title="The plan")
    first = Version(id="v1", label="first", document=document, sources=[_cite("axios")])
    first.parts = [
        Part(title="Territory", summary="Withdraw  from Donbas.", threads=[territory], sources=[nyt]),
        Part(title="Energy", summary="Gas transit.", threads=[energy]),
        Part(title="Amnesty", summary="For all."),
    ]
    second = Version(id="v2", label="second", document=document, sources=[nyt])
    second.parts = [
        Part(title="territory", summary="Withdraw from Donbas.", threads=[territory], sources=[nyt]),
        Part(title="Energy", summary="Gas transit and the Zaporizhzhia plant.", threads=[energy]),
        Part(title="Sanctions", summary="Lifted in stages."),
    ]
    third = Version(id="v3", label="third", document=document)
    document.versions = [first, second, third]
    return document


def test_the_default_pair_is_the_last_two(builtin: Briefing) -> None:
    document = builtin.documents[0]
    pair = default_pair(document)
    assert pair is not None
    assert [v.points for v in pair] == [20, 27]
    comparison = compare_versions(document)
    assert (comparison.before.points, comparison.after.points) == (20, 27)


def test_parts_added_dropped_changed_and_the_same() -> None:
    document = _document()
    comparison = compare_versions(document, document.versions[0], document.versions[1])
    assert [(p.change, p.title) for p in comparison.parts] == [
        ("same", "territory"),  # case and spacing alone are no change
        ("changed", "Energy"),
        ("added", "Sanctions"),
        ("dropped", "Amnesty"),
    ]
    assert comparison.changed[0].fields == ("summary",)
    assert [p.title for p in comparison.added] == ["Sanctions"]
    assert [p.title for p in comparison.dropped] == ["Amnesty"]
    assert len(comparison.same) == 1


def test_the_older_version_is_always_before() -> None:
    document = _document()
    comparison = compare_versions(document, document.versions[1], document.versions[0])
    assert (comparison.before.id, comparison.after.id) == ("v1", "v2")


def test_one_version_given_is_compared_with_the_one_before_it() -> None:
    document = _document()
    assert compare_versions(document, after=document.versions[1]).before.id == "v1"
    assert compare_versions(document, before=document.versions[0]).after.id == "v2"


def test_each_version_keeps_its_own_sourcing(builtin: Briefing) -> None:
    comparison = compare_versions(builtin.documents[0])
    assert [c.source.id for c in comparison.sourcing(comparison.before)] == ["earlier-reports"]
    assert [c.source.id for c in comparison.sourcing(comparison.after)] == ["the-report"]
    assert comparison.shared_sources == []  # rival accounts: nothing in common
    assert [p.change for p in comparison.parts] == ["added"] * 4


def test_comparing_needs_two_versions_of_the_document() -> None:
    lone = Document(id="d", title="Lone", versions=[Version(id="only")])
    with pytest.raises(ValueError, match="needs two"):
        compare_versions(lone)
    document = _document()
    with pytest.raises(ValueError, match="not a version"):
        compare_versions(document, Version(id="stranger"), document.versions[0])
