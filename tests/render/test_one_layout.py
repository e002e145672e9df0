"""One layout, many writers: the detail pane and ``brief show`` say the same headings and
refer to the same items in the same order; a Markdown corpus reads alike in the pane,
``show`` and the HTML export."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from brief_tui.commands.output import markdown_plain, plain_lines
from brief_tui.loader import load_briefing
from brief_tui.model import Briefing
from brief_tui.render.blocks import Prose
from brief_tui.render.detail_rows import Overview, Row, Shown, blocks_for, rows_for
from brief_tui.render.export_html import to_html
from tests.conftest import BUILTIN

HOSTILE = Path(__file__).parents[1] / "e2e" / "fixtures" / "hostile.yaml"


def every_item(briefing: Briefing) -> list[Shown]:
    versions = [v for d in briefing.documents for v in d.versions]
    kinds = (briefing.threads, briefing.events, briefing.actors, briefing.parties, briefing.sources)
    rest = (briefing.quotes, briefing.documents, versions)
    return [Overview(briefing), *(i for group in (*kinds, *rest) for i in group)]


def first_seen(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def pane_outline(item: Shown, briefing: Briefing) -> tuple[list[str], list[str]]:
    rows = rows_for(item, briefing)
    headings = [r.content.plain for r in rows if isinstance(r.content, Text) and r.content.style == "bold underline"]
    refs = [r.target.id for r in rows if r.target is not None]
    return headings, first_seen(refs)


def plain_outline(item: Shown, briefing: Briefing) -> tuple[list[str], list[str]]:
    lines = plain_lines(blocks_for(item, briefing), 1000)
    headings = [line.text for line in lines if line.heading][1:]  # the pane shows the title in its border
    refs = [ref for line in lines for ref in line.refs if briefing.get(ref) is not None]
    return headings, first_seen(refs)


@pytest.mark.parametrize("path", [BUILTIN, HOSTILE], ids=["built-in", "hostile"])
def test_the_pane_and_show_agree_on_every_item(path: Path) -> None:
    briefing = load_briefing(path, cache=False).briefing
    kinds = set()
    for item in every_item(briefing):
        pane, plain = pane_outline(item, briefing), plain_outline(item, briefing)
        assert pane[0] == plain[0], f"headings of {item.KIND} {item.id}"
        assert pane[1] == plain[1], f"references of {item.KIND} {item.id}"
        kinds.add(item.KIND)
    if path == BUILTIN:
        assert kinds == {"overview", "thread", "event", "actor", "party", "source", "quote", "document", "version"}


def test_the_built_in_overview_has_its_sections_in_reading_order() -> None:
    briefing = load_briefing(BUILTIN, cache=False).briefing
    headings, refs = pane_outline(Overview(briefing), briefing)
    assert headings == ["Upcoming", "Key points", "Threads", "Summary", "Documents", "Parties", "Actors", "Sources"]
    assert refs[:2] == [e.id for e in briefing.upcoming()][:2]


CORPUS = [
    "a *b **c** d* e",
    "A [link](https://e.org/wiki/A_(b)) with parentheses.",
    "Heading\n=======\n\nBody under a setext heading.",
    "See [Axios][ax] for it.\n\n[ax]: https://www.axios.com/",
    "Talks on [territory](#territory) and [guarantees](#security-guarantees).",
    "- one\n- two, long enough to wrap past the width of the pane at least once or twice\n  - nested\n\n"
    "1. first\n2. second",
    "> quoted words\n> more of them\n\n```\n**code** stays\n```\n\n---\n\nafter the rule",
    "[@click=app.quit]x[/] and <script>alert(1)</script> and \\*escaped\\*",
]
_MARKERS = re.compile(r"^(•|│|\d+\.|─+)$")
# What plain text adds so a reader can follow a link: `` [id]`` and `` <url>``.
_ADDRESSES = re.compile(r"\s+\[[a-z0-9-]+\]|\s+<https?://[^>\s]+>")


def words(text: str) -> list[str]:
    return [w for w in _ADDRESSES.sub("", text).split() if not _MARKERS.match(w)]


def pane_text(source: str, briefing: Briefing) -> str:
    from brief_tui.render.detail_rows import _prose_rows

    console = Console(width=60, color_system=None, markup=False, highlight=False)
    rows: list[Row] = list(_prose_rows(Prose(source), briefing, None))
    shown = [r for r in rows if r.target is None and r.url is None]  # the link rows after the summary
    with console.capture() as capture:
        for row in shown:
            console.print(row.content)
    return capture.get()


def html_text(source: str) -> str:
    fragment = to_html([Prose(source)], {"territory", "security-guarantees"})
    blocks = re.sub(r"</?(p|li|h\d|pre|blockquote|ul|ol|div)\b[^>]*>|<hr ?/?>|<br ?/?>", "\n", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", blocks))


@pytest.mark.parametrize("source", CORPUS)
def test_a_markdown_corpus_reads_alike_in_the_pane_show_and_html(source: str) -> None:
    briefing = load_briefing(BUILTIN, cache=False).briefing
    plain = "\n".join(line.text for line in markdown_plain(source, 60))
    assert words(pane_text(source, briefing)) == words(plain) == words(html_text(source))
