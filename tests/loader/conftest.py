"""Loader fixtures: run a test with libyaml's composer and with the pure-Python one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from brief_tui.loader.yaml_nodes import use_libyaml

HEAD = 'brief: 1\nid: test\ntitle: Test briefing\nas_of: "2025-12-06"\n'


@pytest.fixture(params=["libyaml", "python"])
def composer(request: pytest.FixtureRequest) -> Iterator[str]:
    """Which YAML composer the loader uses for this test."""
    if request.param == "libyaml" and not use_libyaml(True):
        pytest.skip("libyaml is not installed")
    if request.param == "python":
        use_libyaml(False)
    try:
        yield request.param
    finally:
        use_libyaml(True)
