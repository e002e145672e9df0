"""Markdown summaries render as text; links are collected; nothing is read as markup."""

from __future__ import annotations

from brief_tui.render.markdown import render_markdown


def test_paragraphs_lists_and_emphasis() -> None:
    rendered = render_markdown("# Head\n\nSome **bold** text.\n\n- one\n- two\n\n1. first\n2. second\n")
    plains = [block.plain for block in rendered.blocks]
    assert plains == ["Head", "Some bold text.", "• one", "• two", "1. first", "2. second"]
    assert any(span.style == "bold" for span in rendered.blocks[1].spans)


def test_links_to_items_and_web_are_collected_other_schemes_are_not() -> None:
    rendered = render_markdown("See [territory](#territory), [Axios](https://axios.com) and [x](file:///etc/passwd).")
    assert [(link.label, link.target) for link in rendered.links] == [
        ("territory", "#territory"),
        ("Axios", "https://axios.com"),
    ]
    assert rendered.links[0].item_id == "territory"
    assert rendered.links[1].item_id is None


def test_markup_and_html_stay_literal() -> None:
    source = "[@click=app.quit]x[/] and <script>alert(1)</script> and [link=file:///etc/passwd]y[/link]"
    rendered = render_markdown(source)
    assert "[@click=app.quit]x[/]" in rendered.blocks[0].plain
    assert "<script>alert(1)</script>" in rendered.blocks[0].plain


def test_control_characters_are_neutralised() -> None:
    rendered = render_markdown("evil \x1b[2J clear and \u202eoverride")
    assert "\x1b" not in rendered.blocks[0].plain
    assert "\u202e" not in rendered.blocks[0].plain


def test_nested_lists_quotes_code_and_rules() -> None:
    source = "- top\n  - nested\n    continued\n\n> quoted\n> more\n\n```\n**not bold**\n```\n\n---\n"
    plains = [block.plain for block in render_markdown(source).blocks]
    assert plains == ["• top", "  • nested continued", "│ quoted more", "**not bold**", "────────"]


def test_emphasis_inside_links_and_escapes() -> None:
    rendered = render_markdown(r"A [**bold** link](#x) and \*not italic\* and `a*b*c` and <https://e.org>")
    assert rendered.blocks[0].plain == "A bold link and *not italic* and a*b*c and https://e.org"
    assert [link.target for link in rendered.links] == ["#x", "https://e.org"]


def test_snake_case_words_are_not_emphasis() -> None:
    assert render_markdown("see as_of and key_points").blocks[0].plain == "see as_of and key_points"
