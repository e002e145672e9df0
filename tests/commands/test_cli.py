"""The text commands as a user runs them: ``python -m brief_tui show|export|list``, piped and in a terminal."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from brief_tui.commands.output import cells
from tests.commands.helpers import BUILTIN_ID, COLOUR_SGR, ESCAPE, HOSTILE, LIBRARY, OSC8, SMALL, run, run_in_pty

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses a pseudo-terminal")


def test_show_piped_is_plain() -> None:
    result = run("show", "territory", str(SMALL))
    assert result.returncode == 0, result.stderr
    assert "Territory" in result.stdout
    assert "○ open" in result.stdout
    assert not ESCAPE.search(result.stdout)


def test_show_overview_of_the_builtin_library() -> None:
    result = run("show")
    assert result.returncode == 0, result.stderr
    assert "Ukraine peace talks" in result.stdout
    assert "Upcoming" in result.stdout


def test_show_columns_40_wraps() -> None:
    result = run("show", f"{BUILTIN_ID}/territory", env={"COLUMNS": "40"})
    assert result.returncode == 0, result.stderr
    assert max(cells(line) for line in result.stdout.splitlines()) <= 40


def test_show_unknown_address() -> None:
    result = run("show", "teritory")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "nearest: territory" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2_without_traceback() -> None:
    for args in (("show", "--nope"), ("export",), ("export", "x", "--format", "pdf"), ("list", "--nope")):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_show_in_a_terminal_is_formatted() -> None:
    status, out = run_in_pty("show", "territory", str(SMALL), env={"COLUMNS": "80"})
    assert status == 0, out
    assert "\x1b[" in out
    assert COLOUR_SGR.search(out)
    assert "Territory" in out


def test_show_in_a_terminal_honours_no_color() -> None:
    status, out = run_in_pty("show", "territory", str(SMALL), env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert status == 0, out
    assert not COLOUR_SGR.search(out)
    assert "Territory" in out


def test_hostile_content_in_a_terminal() -> None:
    status, out = run_in_pty("show", "bad", str(HOSTILE), env={"COLUMNS": "120"})
    assert status == 0, out
    assert "[@click=app.quit]x[/]" in out
    assert "[link=file:///etc/passwd]y[/link]" in re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert all(target.startswith(("http://", "https://")) for target in OSC8.findall(out) if target)
    assert "\u202e" not in out


def test_export_html_escapes_everything() -> None:
    result = run("export", str(HOSTILE), "--format", "html")
    assert result.returncode == 0, result.stderr
    html = result.stdout
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "file:///etc/passwd" in html  # shown as text...
    assert 'href="file:' not in html  # ...never a link
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html)


def test_export_json_parses() -> None:
    result = run("export", BUILTIN_ID, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == BUILTIN_ID


def test_list() -> None:
    result = run("list")
    assert result.returncode == 0, result.stderr
    assert BUILTIN_ID in result.stdout
    result = run("list", str(LIBRARY))
    assert result.returncode == 1
    assert "there is no month 13" in result.stdout


@pytest.mark.parametrize("args", [("show", f"{BUILTIN_ID}/peace-plan"), ("export", BUILTIN_ID, "--format", "html")])
def test_output_into_a_closed_pipe(args: tuple[str, ...]) -> None:
    # `brief show | head -1`: the reader hangs up early; no traceback. (The HTML export is larger than a pipe's buffer.)
    command = " ".join([sys.executable, "-m", "brief_tui", *args])
    shell = subprocess.run(f"{command} | head -1", shell=True, capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in shell.stderr
    assert "BrokenPipe" not in shell.stderr


def test_plain_output_imports_neither_rich_nor_textual() -> None:
    # Start-up is paid on every run: piped output and exports must not load the UI libraries.
    # Only rich.cells (a width table, no console) is allowed: cell widths agree with Rich's.
    code = f"""
import contextlib, io, sys
from brief_tui.commands import export, listing, show
with contextlib.redirect_stdout(io.StringIO()):
    assert show.main(["territory", {str(SMALL)!r}]) == 0
    assert show.main([]) == 0
    assert listing.main([]) == 0
    for fmt in ("md", "json", "html"):
        assert export.main([{str(SMALL)!r}, "--format", fmt]) == 0
cells_only = ("rich", "rich._extension", "rich._unicode_data", "rich.cells")
loaded = sorted(
    m for m in sys.modules
    if m.split(".")[0] in ("rich", "textual") and m not in cells_only and not m.startswith("rich._unicode_data.")
)
assert not loaded, loaded
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("value", "cached"), [("", True), ("0", True), ("false", True), ("1", False), ("yes", False)])
def test_brief_no_cache_means_one_thing_everywhere(monkeypatch: pytest.MonkeyPatch, value: str, cached: bool) -> None:
    # The loader, the text commands and the reader all read BRIEF_NO_CACHE the same way.
    import brief_tui.app
    from brief_tui import cli
    from brief_tui.commands.resolve import cache_wanted
    from brief_tui.loader.cache import cache_disabled

    monkeypatch.setenv("BRIEF_NO_CACHE", value)
    assert cache_wanted() is cached
    assert cache_disabled() is not cached
    seen: list[bool] = []

    class FakeApp:
        return_code = 0

        def run(self) -> None:
            pass

    def fake_create_app(paths: object, *, cache: bool) -> FakeApp:
        seen.append(cache)
        return FakeApp()

    monkeypatch.setattr(brief_tui.app, "create_app", fake_create_app)
    assert cli._run_reader([], cache=True) == 0
    assert seen == [cached]
