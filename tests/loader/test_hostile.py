"""Whatever the input, the loader answers with its own error, fast and in little memory."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from brief_tui.loader import BriefingError, load_briefing
from brief_tui.loader.load import check_bytes
from brief_tui.loader.yaml_nodes import MAX_BYTES

from .conftest import HEAD

pytestmark = pytest.mark.usefixtures("composer")


def refused(data: bytes) -> str:
    with pytest.raises(BriefingError) as caught:
        check_bytes(data, "t.yaml")
    return str(caught.value)


def _laughs(levels: int, width: int) -> bytes:
    lines = [b"x-l0: &l0 [" + b",".join([b"lol"] * width) + b"]"]
    for i in range(1, levels):
        lines.append(b"x-l%d: &l%d [" % (i, i) + b",".join([b"*l%d" % (i - 1)] * width) + b"]")
    return HEAD.encode() + b"\n".join(lines) + b"\n"


def test_billion_laughs_is_fast_and_small() -> None:
    # 10 levels of 10 aliases: 10**10 strings if anything expanded it.
    data = _laughs(10, 10) + b"key_points: *l9\n"
    tracemalloc.start()
    started = time.perf_counter()
    message = refused(data)
    elapsed = time.perf_counter() - started
    _size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 20 * 2**20
    assert "`key_points` should be text" in message


def test_alias_bomb_in_an_extension_is_not_expanded() -> None:
    started = time.perf_counter()
    check_bytes(_laughs(10, 10), "t.yaml")
    assert time.perf_counter() - started < 1.0


def test_aliases_that_expand_past_the_file_are_refused() -> None:
    data = HEAD + "sources: [{id: axios, name: Axios}]\nx-s: &s [" + ",".join(["axios"] * 500) + "]\nevents:\n"
    data += "".join(f"  - {{id: e{i}, date: 2025, sources: *s}}\n" for i in range(60))
    assert "expand far past its own size" in refused(data.encode())


def test_more_than_100_aliases() -> None:
    data = HEAD + "x-a: &a 1\nx-b: [" + ",".join(["*a"] * 101) + "]\n"
    assert "more than 100 aliases" in refused(data.encode())
    check_bytes((HEAD + "x-a: &a 1\nx-b: [" + ",".join(["*a"] * 100) + "]\n").encode(), "t.yaml")


def test_recursive_alias() -> None:
    check_bytes((HEAD + "x-a: &a [*a]\n").encode(), "t.yaml")
    assert refused((HEAD + "key_points: &a [*a]\n").encode())


@pytest.mark.parametrize("depth", [65, 1000, 100_000])
def test_deep_flow_nesting(depth: int) -> None:
    data = HEAD.encode() + b"x-deep: " + b"[" * depth + b"]" * depth + b"\n"
    message = refused(data)
    assert "nests more than 64 levels" in message or "the limit is 64" in message


def test_deep_block_nesting() -> None:
    body = b"".join(b" " * i + b"k:\n" for i in range(1, 1500)) + b" " * 1500 + b"x\n"
    assert "nests" in refused(HEAD.encode() + b"x-deep:\n" + body)


def test_depth_64_is_allowed() -> None:
    check_bytes(HEAD.encode() + b"x-deep: " + b"[" * 63 + b"]" * 63 + b"\n", "t.yaml")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"# only\n", "only comments"),
        (b"- a\n- b\n", "top level"),
        (b"just text", "top level"),
        (b"\xff\xfe b\x00r\x00", "not UTF-8"),
        (HEAD.encode() + b"---\nb: 1\n", "more than one YAML document"),
        (HEAD.encode() + b"x: !!python/name:os.system ''\n", "Python-specific tag"),
        (HEAD.encode() + b"x: !!binary aGk=\n", "not allowed"),
        (HEAD.encode() + b"x: !<tag:example.com,2000:app/x> 1\n", "not allowed"),
        (HEAD.encode() + b"x: \x1b[31mred\n", "control character"),
        (HEAD.encode() + "x: \u0085\n".encode(), "control character"),
        (HEAD.encode() + b'subtitle: "\\e[31m"\n', "control character"),
        (HEAD.encode() + b"<<: {a: 1}\n", "merge keys"),
    ],
)
def test_refused_inputs(data: bytes, message: str) -> None:
    assert message in refused(data)


def test_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as out:
        out.write(HEAD.encode() + b"x-pad: '")
        out.truncate(MAX_BYTES + 10)
    with pytest.raises(BriefingError, match="the limit is 32 MiB"):
        load_briefing(path, cache=False)


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="no such file"):
        load_briefing(tmp_path / "missing.yaml", cache=False)
    with pytest.raises(BriefingError, match="folder"):
        load_briefing(tmp_path, cache=False)


def test_limits_are_settings(tmp_path: Path) -> None:
    from brief_tui.loader import Limits, load_library

    path = tmp_path / "b.yaml"
    path.write_text(HEAD + "x-a: &a [[1]]\nx-b: [*a, *a]\n", encoding="utf-8")
    load_briefing(path)  # within the defaults, and now cached
    for limits, message in [
        (Limits(max_aliases=1), "more than 1 aliases"),
        (Limits(max_depth=2), "nests more than 2 levels"),
        (Limits(max_bytes=50), "the limit is"),
    ]:
        with pytest.raises(BriefingError, match=message):
            load_briefing(path, limits=limits)
        assert load_library([path], limits=limits).broken
    many = HEAD + "events:\n" + "".join(f"  - {{id: e{i}, date: 2025-02-30}}\n" for i in range(10))
    path.write_text(many, encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_briefing(path, limits=Limits(max_problems=3))
    assert len(caught.value.problems) == 4
