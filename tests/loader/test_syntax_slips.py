"""YAML syntax slips are reported where they were made, in plain words, with both YAML composers."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief_tui.loader import BriefingError
from brief_tui.loader.load import check_bytes

pytestmark = pytest.mark.usefixtures("composer")

BUILTIN = Path(__file__).parents[2] / "content" / "ukraine-peace-talks.yaml"
HEAD = "brief: 1\nid: t\ntitle: T\nas_of: 2025-12-06\nthreads:\n  - id: a\n"


def error(text: str) -> str:
    with pytest.raises(BriefingError) as raised:
        check_bytes(text.encode(), "t.yaml")
    assert len(raised.value.errors) == 1
    found = raised.value.errors[0]
    return f"{found.line}:{found.column} {found.message}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEAD + '    title: "A\n    status: open\n  - id: b\n    title: "B"\n',
            '7:12 a quote (`"`) opened here is never closed',
        ),
        (HEAD + "    title: 'it is\n    status: open\n  - id: b\n    title: 'B'\n", "7:12 a quote (`'`) opened here"),
        ('brief: 1\nid: t\ntitle: "T\nas_of: 2025-12-06\n', '3:8 a quote (`"`) opened here is never closed'),
        (HEAD + "    title Something\n    status: open\n", "7:5 this line has no `:` after its key"),
        (HEAD + "    title: x\n    status open\n  - id: b\n", "8:5 this line has no `:` after its key"),
        (HEAD + "\ttitle: x\n", "7:1 a tab character here: YAML indents with spaces only"),
        (HEAD + "    title: x\n      status: open\n", "8:7 indentation: `status:` is indented further than `title:`"),
        (
            HEAD + "    title: x\n   status: open\n",
            "8:4 indentation: `status:` starts after 3 spaces, in line with nothing",
        ),
        (
            HEAD + "    title: x\n  status: open\n",
            "8:3 indentation: `status:` starts after 2 spaces, in line with nothing",
        ),
        (
            HEAD + "    title: x\n - id: b\n",
            "8:2 indentation: this list entry starts after 1 space, in line with nothing",
        ),
        (
            HEAD + "    title: 'Russia's demand'\n    status: open\n",
            "7:19 the quote (`'`) closes here, before the value ends",
        ),
        (HEAD + '    title: "The "plan" here"\n', '7:17 the quote (`"`) closes here, before the value ends'),
        (
            HEAD + "    summary: |\n      text\n     less\n    status: open\n",
            "9:6 indentation: this line of the `summary:` text (line 7) starts after 5 spaces",
        ),
    ],
    ids=[
        "quote",
        "single-quote",
        "quote-to-end",
        "colon",
        "colon-last",
        "tab",
        "over",
        "under",
        "under-dash",
        "dash",
        "apostrophe",
        "inner-quote",
        "block",
    ],
)
def test_a_syntax_slip_is_named_at_its_line(text: str, expected: str) -> None:
    assert error(text).startswith(expected)


def test_an_unclosed_quote_deep_in_a_real_briefing_is_found_where_it_was_opened() -> None:
    lines = BUILTIN.read_text(encoding="utf-8").split("\n")
    target = next(n for n, line in enumerate(lines) if line.strip().startswith("title: Further talks"))
    lines[target] = lines[target].replace("title: Further", 'title: "Further')
    lines[target + 40] += '  # a "quote" in a comment'
    found = error("\n".join(lines))
    line = int(found.split(":")[0])
    assert abs(line - (target + 1)) <= 1, found
    assert 'a quote (`"`) opened here is never closed' in found
