"""Blocks as plain text: wrapping by cells, Markdown kept readable, tables side by side or one after another."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from brief_tui.commands.output import cells, markdown_plain, to_plain
from brief_tui.render.blocks import Heading, Line, Prose, Span, Table, is_web_url, span
from brief_tui.render.safe import clean


def test_cells_counts_wide_and_combining_characters() -> None:
    assert cells("abc") == 3
    assert cells("和平") == 4
    assert cells("e\u0301") == 1


def test_lines_wrap_with_hanging_indent_and_never_exceed_the_width() -> None:
    text = to_plain([Line((Span("word " * 30),), indent=1, bullet=True)], 30)
    lines = text.splitlines()
    assert lines[0].startswith("  - word")
    assert all(line.startswith("    word") for line in lines[1:])
    assert max(cells(line) for line in lines) <= 30


def test_long_words_and_wide_text_are_cut_to_fit() -> None:
    text = to_plain([Line((Span("x" * 100),)), Line((Span("和平谈判" * 20),))], 25)
    assert max(cells(line) for line in text.splitlines()) <= 25
    assert text.replace("\n", "").count("x") == 100


def test_references_show_their_ids() -> None:
    line = Line(
        (Span("Territory", "ref", ref="territory"), Span(" and "), Span("Axios", "cite", ref="axios", show_ref=False))
    )
    assert to_plain([line], 80) == "Territory [territory] and Axios\n"


def test_headings_are_underlined() -> None:
    assert to_plain([Heading("Title", 1), Heading("Section", 2)], 80) == "Title\n=====\n\nSection\n-------\n"


def test_markdown_reads_as_text_with_id_links_as_ids_and_rewrapped() -> None:
    source = (
        "A **bold** claim about [territory](#territory)\nthat goes on.\n\n"
        "- item one\n  continues and continues\n- two\n\n```\ncode  stays\n```"
    )
    lines = [entry.text for entry in markdown_plain(source, 24)]
    assert lines[0] == "A bold claim about"
    assert "territory [territory] that goes" in " ".join(lines)
    # A wrapped list item hangs under its text, not under its bullet.
    assert lines[lines.index("• item one continues and") + 1] == "  continues"
    assert "code  stays" in lines


def test_a_table_side_by_side_when_wide_enough() -> None:
    table = Table(("first", "second"), (("points", ((Span("28"),), (Span("27"),))),))
    wide = to_plain([table], 80).splitlines()
    assert "first" in wide[0]
    assert "second" in wide[0]
    assert wide[2].split() == ["points", "28", "27"]
    narrow = to_plain([table], 30).splitlines()
    assert narrow == ["- first", "    points: 28", "- second", "    points: 27"]


def test_prose_keeps_indent() -> None:
    assert to_plain([Prose("one two", indent=2)], 40) == "    one two\n"


def test_span_cleans_content() -> None:
    assert span("a\x1b[2Jb\nc").text == "a\ufffd[2Jb c"
    assert span(" · x").text == " · x"


def test_only_plain_http_urls_are_web_urls() -> None:
    assert is_web_url("https://www.axios.com/a?b=1")
    assert is_web_url("HTTP://example.com")
    for url in ("file:///etc/passwd", "javascript:alert(1)", "https://", "https://a b", "https://x/<y>", "ftp://x"):
        assert not is_web_url(url), url


@given(st.text(max_size=300), st.integers(min_value=20, max_value=120), st.integers(min_value=0, max_value=4))
def test_any_content_fits_the_width_and_stays_safe(value: str, width: int, indent: int) -> None:
    text = to_plain([Line((span(value),), indent=indent, bullet=True)], width)
    # One paragraph of Markdown (code and tables are kept as written, so leave them out here).
    paragraph = " ".join(value.split()).lstrip("|`~")
    text += to_plain([Prose(clean(paragraph), indent=indent)], width)
    assert "\x1b" not in text
    assert not any(0x80 <= ord(char) <= 0x9F for char in text)
    for line in text.splitlines():
        assert cells(line) <= width, line
