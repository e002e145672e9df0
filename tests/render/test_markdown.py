"""Markdown summaries parse once, with CommonMark's rules, into literal spans; nothing is markup."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief_tui.render import markdown
from brief_tui.render.markdown import Paragraph, parse_markdown


def plain(paragraph: Paragraph) -> str:
    return "".join(span.text for span in paragraph.spans)


def styles(paragraph: Paragraph) -> list[tuple[str, str]]:
    return [(span.text, span.style) for span in paragraph.spans]


def test_nested_emphasis_follows_commonmark() -> None:
    [paragraph] = parse_markdown("a *b **c** d* e")
    assert styles(paragraph) == [("a ", ""), ("b ", "em"), ("c", "em strong"), (" d", "em"), (" e", "")]


def test_a_link_url_with_parentheses_keeps_them() -> None:
    [paragraph] = parse_markdown("see [the page](https://e.org/wiki/A_(b)) now")
    link = paragraph.spans[1]
    assert (link.text, link.url, link.style) == ("the page", "https://e.org/wiki/A_(b)", "link")
    assert plain(paragraph) == "see the page now"


def test_setext_heading_and_reference_link() -> None:
    heading, body = parse_markdown("Head\n====\n\nsee [Axios][1]\n\n[1]: https://axios.com")
    assert (heading.kind, plain(heading)) == ("heading", "Head")
    assert body.gap
    assert [(s.text, s.url) for s in body.spans] == [("see ", None), ("Axios", "https://axios.com")]


def test_links_to_items_carry_their_id_other_schemes_are_text() -> None:
    [paragraph] = parse_markdown("[territory](#territory), [x](file:///etc/passwd) and [y](javascript:alert(1))")
    assert [(s.text, s.ref, s.url) for s in paragraph.spans if s.ref or s.url] == [("territory", "territory", None)]
    assert "x" in plain(paragraph)
    assert "y" in plain(paragraph)


def test_lists_nest_and_number_and_separate_lists_are_set_apart() -> None:
    blocks = parse_markdown("- one\n- two\n  - nested\n\n3. a\n4. b\n")
    assert [(b.lead, b.depth, plain(b), b.gap) for b in blocks] == [
        ("• ", 0, "one", False),
        ("• ", 0, "two", False),
        ("• ", 1, "nested", False),
        ("3. ", 0, "a", True),
        ("4. ", 0, "b", False),
    ]


def test_quotes_code_and_rules() -> None:
    blocks = parse_markdown("> quoted\n> more\n\n```\n**not bold**\n```\n\n---\n")
    assert [(b.kind, b.lead, plain(b)) for b in blocks] == [
        ("paragraph", "│ ", "quoted more"),
        ("code", "", "**not bold**"),
        ("rule", "", "────────"),
    ]


def test_markup_html_and_controls_stay_literal() -> None:
    source = "[@click=app.quit]x[/] and <script>alert(1)</script> [bold red]y[/] evil \x1b[2J and \u202eo"
    text = "".join(plain(p) for p in parse_markdown(source))
    assert "[@click=app.quit]x[/]" in text
    assert "<script>alert(1)</script>" in text
    assert "[bold red]y[/]" in text
    assert "\x1b" not in text
    assert "\u202e" not in text


def test_snake_case_words_are_not_emphasis_and_escapes_work() -> None:
    [paragraph] = parse_markdown(r"see as_of and key_points and \*not italic\* and `a*b*c`")
    assert plain(paragraph) == "see as_of and key_points and *not italic* and a*b*c"


PLAIN_WORDS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
LINKED = st.lists(
    st.one_of(PLAIN_WORDS, st.just("[the plan](#peace-plan)"), st.just("\n\n"), st.just("\n"), st.just("a b")),
    max_size=8,
)
# Emphasis the quick path reads, and the near misses it must leave to the parser.
EMPHASIS = st.sampled_from(
    ["**complex**", "*unclear*", "**two words**", "*é*", "**", "*", " ", "x", ".", "\n", "_", "**a *b* c**", "ü**"]
)
EMPHASISED = st.lists(st.one_of(EMPHASIS, PLAIN_WORDS, st.just("[the plan](#peace-plan)")), max_size=10)


@given(LINKED)
def test_the_quick_path_agrees_with_the_parser(parts: list[str]) -> None:
    source = "".join(parts)
    parsed = markdown._Walk().run(markdown._parser().parse(source.replace("\r\n", "\n")))
    assert parse_markdown(source) == parsed


@given(EMPHASISED)
def test_the_quick_path_reads_emphasis_as_the_parser_does(parts: list[str]) -> None:
    source = "".join(parts)
    parsed = markdown._Walk().run(markdown._parser().parse(source.replace("\r\n", "\n").replace("\r", "\n")))
    assert parse_markdown(source) == parsed


@pytest.mark.parametrize(
    "source",
    [
        "*see [the plan](#peace-plan) now*",
        "**[the plan](#peace-plan)**",
        "[the plan](#peace-plan)**b**",
        "**b**[the plan](#peace-plan)",
        "*a\nb*",
        "x**y**z",
        "***a***",
        "**a *b* c**",
        "*a**b*",
        "**a**b**c**",
        "* a list item*",
        "1. *a*",
        "**é** and *ü*, then **東京**.",
    ],
)
def test_near_misses_read_as_the_parser_reads_them(source: str) -> None:
    assert parse_markdown(source) == markdown._Walk().run(markdown._parser().parse(source))


def test_plain_emphasis_takes_the_quick_path() -> None:
    # The built-in briefing's summaries say "were **complex**": opening one must not import the parser.
    code = (
        "import sys; from brief_tui.render.markdown import parse_markdown; "
        "print(parse_markdown('Talks were **complex**, *unclear* [the plan](#peace-plan).')); "
        "print('markdown_it' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")
    assert "'strong'" in out
    assert "'em'" in out


def test_summaries_without_markdown_do_not_import_the_parser() -> None:
    code = (
        "import sys; from brief_tui.render.markdown import parse_markdown; "
        "parse_markdown('Plain words, a [link](#territory).\\n\\nAnd more.'); "
        "print('markdown_it' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
