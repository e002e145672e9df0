"""``brief export``: Markdown, HTML and JSON of a whole briefing: cited, self-contained, escaped, deterministic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from brief_tui.commands.export import main
from tests.commands.helpers import BUILTIN_ID, HOSTILE, LIBRARY, SMALL


def export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_exports_are_deterministic(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    first = export(capsys, str(SMALL), "--format", fmt)
    second = export(capsys, str(SMALL), "--format", fmt, "--no-cache")
    assert first[0] == 0, first[2]
    assert first == second
    assert first[1].endswith("\n")


def test_markdown_is_whole_and_cited(capsys: pytest.CaptureFixture[str]) -> None:
    status, md, err = export(capsys, str(SMALL), "--format", "md")
    assert status == 0, err
    assert md.startswith("**\\[TLP:CLEAR\\]**") or "TLP:CLEAR" in md.splitlines()[0]
    assert "# Small briefing" in md
    # Every item has an anchor and a section.
    for item_id in ("territory", "guarantees", "call", "london", "talks", "q-fair", "plan", "plan-28", "plan-27",
                    "us", "ukraine", "witkoff", "zelenskyy", "axios", "anon"):  # fmt: skip
        assert f'<a id="{item_id}"></a>' in md, item_id
    # References link to the anchors; summaries keep their in-export links.
    assert "[Territory](#territory)" in md
    assert "See the [plan](#plan)." in md
    assert "[Axios](https://www.axios.com/)" in md
    # Claims carry their sources, grades and anonymity.
    assert "**sources:** [Axios \\[B\\]](#axios)" in md
    assert "A source with knowledge of the call, anonymous, via Axios \\[F via B\\] 3 possibly true" in md
    assert "anonymous source only" in md
    assert md.index("28 points") < md.index("27 points")  # the versions, oldest first
    assert "**Points:** 28" in md


def test_markdown_escapes_content(capsys: pytest.CaptureFixture[str]) -> None:
    status, md, err = export(capsys, str(HOSTILE), "--format", "md")
    assert status == 0, err
    assert "<script>" not in md
    assert "\\<script\\>" in md or "&lt;script>" in md
    assert "](file:" not in md
    assert "](javascript:" not in md
    assert "![" not in md  # no images: an export loads nothing
    assert "\\[@click=app.quit\\]x\\[/\\]" in md
    assert "Doc \\| with \\| pipes" in md
    assert "\u202e" not in md


def test_html_is_self_contained_and_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    status, page, err = export(capsys, str(HOSTILE), "--format", "html")
    assert status == 0, err
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "onerror=" not in page.replace("onerror=alert(1)&gt;", "")
    assert "<link" not in page.lower()
    assert "Content-Security-Policy" in page
    assert "<title>[@click=app.quit]x[/] &lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;</title>" in page
    # Links only to http(s) and to anchors in the page.
    for href in re.findall(r'href="([^"]*)"', page):
        assert href.startswith(("#", "http://", "https://")), href
    # Non-web URLs are shown as text.
    assert "file:///etc/passwd" in page
    assert "javascript:alert(1)" in page
    assert "https://example.com/a?b=1&amp;c=2" in page
    # Not a link: the URL holds characters no URL should.
    assert "https://example.com/news?a=1&amp;b=&lt;2&gt;" in page
    assert 'href="https://example.com/news' not in page
    assert "\u202e" not in page
    # Anything outside tags is escaped: no raw < in text.
    for text in re.findall(r">([^<]*)<", page):
        assert "<" not in text
        assert ">" not in text


def test_html_of_the_builtin_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    status, page, err = export(capsys, BUILTIN_ID, "--format", "html")
    assert status == 0, err
    anchors = set(re.findall(r' id="([^"]+)"', page))
    for target in re.findall(r'href="#([^"]+)"', page):
        assert target in anchors, target
    assert "src=" not in page


def test_json_is_faithful(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = export(capsys, str(SMALL), "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    assert data["brief"] == 1
    assert data["id"] == "small"
    assert data["as_of"] == "2025-12-06?"
    assert data["marking"] == "TLP:CLEAR"
    thread = data["threads"][0]
    assert thread["id"] == "territory"
    assert thread["parties"] == ["us", "ukraine"]
    assert thread["positions"][1]["sources"] == [{"source": "anon", "credibility": 3, "note": "one source"}]
    assert thread["positions"][2]["actor"] == "zelenskyy"
    assert thread["related"] == ["guarantees"]
    event = next(e for e in data["events"] if e["id"] == "london")
    assert event["display_date"] == "Monday"
    assert event["date"] == "2025-12-08?"
    assert data["sources"][1] == {
        "id": "anon",
        "name": "A source with knowledge of the call",
        "kind": "anonymous",
        "via": "axios",
        "reliability": "F",
    }
    version = data["documents"][0]["versions"][1]
    assert version["parts"][0]["threads"] == ["guarantees"]
    assert "place" not in data["events"][0]  # left out where the briefing leaves it out


def test_json_is_terminal_safe(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = export(capsys, str(HOSTILE), "--format", "json")
    assert status == 0
    assert "\u202e" not in out
    assert "\\u202e" in out
    assert json.loads(out)["key_points"][1]["text"].startswith("Right-to-left: abc\u202e")


def test_output_file_and_format_from_suffix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    status, out, err = export(capsys, str(SMALL), "-o", str(target))
    assert status == 0, err
    assert out == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    status, out, _ = export(capsys, str(SMALL))
    assert out.lstrip().startswith(("**", "<a id", "#"))


def test_briefing_by_id_or_address_in_a_library(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = export(capsys, "other", "--library", str(LIBRARY), "--format", "json")
    assert status == 0, err
    assert json.loads(out)["id"] == "other"
    status, out, _ = export(capsys, "small/territory", "-l", str(LIBRARY), "--format", "json")
    assert json.loads(out)["id"] == "small"
    status, out, _ = export(capsys, f"{BUILTIN_ID}/territory", "--format", "json")
    assert json.loads(out)["id"] == BUILTIN_ID


def test_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = export(capsys, "nope", "--format", "md")
    assert status == 1
    assert "no item 'nope'" in err
    status, _, err = export(capsys, str(LIBRARY / "broken.yaml"))
    assert status == 1
    assert "there is no month 13" in err
    status, _, err = export(capsys, str(SMALL), "--format", "pdf")
    assert status == 2
    status, _, err = export(capsys, str(SMALL), "-o", str(tmp_path / "missing-dir" / "x.md"))
    assert status == 1
    assert "cannot write" in err
