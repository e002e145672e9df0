"""Markdown export helpers: escaping content and making summaries safe."""

from __future__ import annotations

from brief_tui.render.export_md import escape, safe_summary


def test_escape_makes_markup_literal() -> None:
    assert escape("[x](y) *a* _b_ <c> | `d`") == "\\[x\\](y) \\*a\\* \\_b\\_ \\<c\\> \\| \\`d\\`"
    assert escape("# title", line_start=True) == "\\# title"
    assert escape("1. one", line_start=True) == "1\\. one"


def test_safe_summary_keeps_only_anchor_and_web_links() -> None:
    source = (
        "[a](#territory) [b](#unknown) [c](https://x.org/p_(1)) [d](javascript:alert(1)) "
        "![e](https://x.org/i.png) <script>x</script>\n\n[ref]: javascript:alert(1)\n[ok]: https://x.org/"
    )
    out = safe_summary(source, {"territory"})
    assert "[a](#territory)" in out
    assert "[b](" not in out
    assert " b " in out
    assert "[c](https://x.org/p_(1))" in out
    assert "javascript:alert(1))" not in out.split("\n")[0]
    assert "![" not in out
    assert "&lt;script>" in out
    assert "\\[ref\\]: javascript:alert(1)" in out
    assert "[ok]: https://x.org/" in out
