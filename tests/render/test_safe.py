"""Content strings are made safe: no control sequences, no bidi overrides, never markup."""

from __future__ import annotations

from brief_tui.render.safe import clean, clean_line, text


def test_controls_and_bidi_become_replacement_characters() -> None:
    assert clean("a\x1b[2Jb") == "a\ufffd[2Jb"
    assert clean("x\u202ey\u2066z") == "x\ufffdy\ufffdz"
    assert clean("c1\x9bm") == "c1\ufffdm"


def test_tabs_and_newlines() -> None:
    assert clean("a\tb\nc\r\n") == "a    b\nc\n"
    assert clean_line("a\n  b\tc") == "a b c"


def test_text_is_literal() -> None:
    shown = text("[@click=app.quit]x[/]", style="bold")
    assert shown.plain == "[@click=app.quit]x[/]"
    assert not shown.spans or all(span.style != "@click" for span in shown.spans)


def test_wide_and_rtl_text_pass_through() -> None:
    assert clean("переговоры 和平 سلام 🕊") == "переговоры 和平 سلام 🕊"
