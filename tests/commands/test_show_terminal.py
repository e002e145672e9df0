"""``brief show`` on a terminal: Rich formatting, NO_COLOR, COLUMNS, links only for http(s); and hostile content."""

from __future__ import annotations

import io

import pytest

from brief_tui.commands.output import write
from brief_tui.loader import load_briefing
from brief_tui.model import Briefing, KeyPoint
from brief_tui.render.layout import render_item, render_overview, sources_cited
from tests.commands.helpers import COLOUR_SGR, ESCAPE, HOSTILE, OSC8, SMALL

MARKUP = "[@click=app.quit]x[/]"
LINK_MARKUP = "[link=file:///etc/passwd]y[/link]"


def terminal(briefing: Briefing, item_id: str | None = None) -> str:
    """What ``brief show`` writes to a terminal, as written (escape codes and all)."""
    item = briefing.get(item_id) if item_id else None
    blocks = render_item(item, briefing) if item else render_overview(briefing)
    if item:
        blocks += sources_cited(blocks, briefing)
    stream = io.StringIO()
    write(blocks, stream, plain=False)
    return stream.getvalue()


def plain(briefing: Briefing, item_id: str | None = None) -> str:
    item = briefing.get(item_id) if item_id else None
    stream = io.StringIO()
    write(render_item(item, briefing) if item else render_overview(briefing), stream, plain=True)
    return stream.getvalue()


def visible(output: str) -> str:
    """The text a terminal shows: escape sequences removed."""
    import re

    return re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", output)


@pytest.fixture
def small() -> Briefing:
    return load_briefing(SMALL, cache=False).briefing


@pytest.fixture
def hostile() -> Briefing:
    return load_briefing(HOSTILE, cache=False).briefing


def test_terminal_output_is_formatted(small: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    out = terminal(small, "territory")
    assert "\x1b[1m" in out  # bold
    assert COLOUR_SGR.search(out)
    text = visible(out)
    assert "Territory" in text
    assert "○ open" in text
    assert "complex" in text
    assert "**complex**" not in text  # Markdown rendered, not shown as source
    assert "plan [plan]" in text


def test_no_color_keeps_bold_and_drops_colour(small: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = terminal(small, "territory")
    assert not COLOUR_SGR.search(out)
    assert "○ open" in visible(out)


def test_columns_wraps_terminal_output(small: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    for item_id in (None, "territory", "call", "plan", "anon"):
        lines = visible(terminal(small, item_id)).splitlines()
        assert max(len(line.rstrip()) for line in lines) <= 40, item_id


def test_only_http_urls_become_links(small: Briefing, hostile: Briefing) -> None:
    links = OSC8.findall(terminal(small, "axios"))
    assert "https://www.axios.com/" in links
    for item_id in ("evil", "js", "web", "bad", None):
        for target in OSC8.findall(terminal(hostile, item_id)):
            assert not target or target.startswith(("http://", "https://")), (item_id, target)
    assert "https://example.com/news?a=1&b=<2>" not in OSC8.findall(terminal(hostile, "web"))


def test_markup_in_content_stays_literal(hostile: Briefing) -> None:
    for render in (terminal, plain):
        overview = visible(render(hostile, None))
        assert f"{MARKUP} <script>alert('t')</script>" in overview
        assert LINK_MARKUP in overview
        assert "[bold red]TLP[/]" in overview
        thread = visible(render(hostile, "bad"))
        assert MARKUP in thread
        assert "[red]United States[/red]" in thread
        assert "Evil [link=file:///etc/passwd]source[/link]" in thread
        event = visible(render(hostile, "ev"))
        assert "[blink]here[/blink]" in event
        assert "[@click=app.quit]Mallory[/]" in event


def test_bidi_overrides_are_neutralised(hostile: Briefing) -> None:
    for render in (terminal, plain):
        out = render(hostile, None) + render(hostile, "bad")
        assert not any(char in out for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        assert "abc\ufffddcba\ufffdx\ufffd end" in out


def test_escape_sequences_in_content_never_reach_the_terminal(hostile: Briefing) -> None:
    # The loader refuses control characters; the renderer must not rely on that.
    thread = hostile.get("bad")
    assert thread is not None
    thread.title = "\x1b[2Jcleared\x1b]8;;file:///etc/passwd\x1b\\link\x9b31m"
    hostile.key_points.append(KeyPoint("\x1b[31mred\x07"))
    out = plain(hostile, "bad") + plain(hostile, None)
    assert not ESCAPE.search(out)
    assert "\x9b" not in out
    assert "\ufffd[2Jcleared" in out
    rich = terminal(hostile, "bad") + terminal(hostile, None)
    assert "\x1b[2J" not in rich
    assert "file:///etc/passwd\x1b" not in rich
    assert "\x9b" not in rich
    assert "\x07" not in rich


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_show_pages_long_output_on_a_terminal_and_never_when_piped(
    small: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brief_tui.commands import output

    paged: list[tuple[str, str]] = []
    monkeypatch.setattr(output, "_spawn", lambda command, text: paged.append((command, text)))
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.setenv("LINES", "10")
    blocks = render_overview(small)
    write(blocks, _Terminal(), plain=False, pager=True)
    assert [command for command, _ in paged] == ["less -R"]
    assert "Small briefing" in visible(paged[0][1])
    paged.clear()
    piped = io.StringIO()
    write(blocks, piped, pager=True)
    assert not paged
    assert "\x1b" not in piped.getvalue()
    monkeypatch.setenv("PAGER", "cat")
    shown = _Terminal()
    write(blocks, shown, plain=False, pager=True)
    assert not paged
    assert "Small briefing" in visible(shown.getvalue())
