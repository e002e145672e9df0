"""Untrusted text stays text: hostile briefings through the installed ``brief``, in a real pty.

Every content string must reach the screen literally (never as Rich or Textual markup,
never as a terminal control sequence), bidi overrides must never reach the terminal,
and long, wide, right-to-left and emoji text must not move the panes' borders.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HOSTILE = "hostile.yaml"

CLICK = "[@click=app.quit]x[/]"
LINK = "[link=file:///etc/passwd]y[/link]"
STYLE = "[bold red]not bold[/]"
VARIABLE = "Colour $accent and [$accent]styled[/]"
LONG_WORD = "Unbroken" + "abcdefghij" * 29 + "xy"
CJK = "安全保障と領土の交渉"
ARABIC = "ضمانات أمنية"
HEBREW = "ערבויות ביטחון"
EMOJI = "🤝📄🔥"

# Bidi embeddings, overrides and isolates (and the marks), which reorder what a reader sees.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Characters that draw the panes' frames; "┊" is left out: the timeline's as-of rule moves.
FRAME = set("│┃║┏┓┗┛╭╮╰╯")
# C0 and C1 controls other than tab, newline and carriage return, and DEL.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# What the detail pane of each thread must show literally, by its summary's marker.
EXPECTED = {
    "click-quit": [CLICK, f"Stance {CLICK} end", f"Stance {STYLE} end"],
    "file-link": [LINK, f"Stance {LINK} end"],
    "rich-style": [STYLE],
    "textual-variable": [VARIABLE, "Stance $accent and [$accent]styled[/] end"],
    "bidi": ["evil", "isolate"],
    "long-word": ["Word Unbroken", "abcdefghijabcdefghij"],
    "wide": [CJK, "中文立场\uff1a安全保障协议接近达成"],  # with a fullwidth colon
    "rtl": [ARABIC, HEBREW],
    "emoji": [EMOJI, "🤝 handshake"],
    "broken-markup": ["Closing tag [/] and [/oops] in a title", "[/oops] group"],
}
MARKER = re.compile(r"Marker ([a-z-]+)\.")


def brief_command() -> list[str]:
    """The installed console script beside this Python, else ``python -m brief_tui``."""
    script = Path(sys.executable).with_name("brief")
    if script.exists():
        return [str(script)]
    found = shutil.which("brief")
    return [found] if found else [sys.executable, "-m", "brief_tui"]


class RecordingTerminal(Terminal):
    """A :class:`Terminal` that also keeps every byte the program wrote, to look for escapes."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.raw = bytearray()
        feed = self.stream.feed

        def record(data: bytes) -> None:
            self.raw += data
            feed(data)

        # The program's output is only read later (pump), so nothing is missed.
        self.stream.feed = record  # type: ignore[method-assign]

    def cells(self) -> list[list[str]]:
        """The screen cell by cell (a wide character's second cell is ``""``), so columns are exact."""
        return [[self.screen.buffer[y][x].data for x in range(self.screen.columns)] for y in range(self.screen.lines)]


Start = Callable[..., RecordingTerminal]


def _environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        BRIEF_CONFIG_DIR=str(tmp_path / "config"),
        BRIEF_CACHE_DIR=str(tmp_path / "cache"),
        LANG="C.UTF-8",
    )
    return env


@pytest.fixture
def terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Start]:
    """Start ``brief ARGS`` in the fixtures folder, so messages name files as ``hostile.yaml``."""
    monkeypatch.chdir(FIXTURES)
    started: list[RecordingTerminal] = []

    def start(*args: str, cols: int = 80, rows: int = 24) -> RecordingTerminal:
        term = RecordingTerminal([*brief_command(), *args], cols=cols, rows=rows, env=_environment(tmp_path))
        started.append(term)
        return term

    yield start
    for term in started:
        term.close()


def _frame_pairs(cells: list[list[str]]) -> list[tuple[tuple[int, int], ...] | None]:
    """Each row's frame characters as (left, right) column pairs of the panes it crosses; None if unpaired."""
    rows: list[tuple[tuple[int, int], ...] | None] = []
    for row in cells:
        columns = [x for x, char in enumerate(row) if char in FRAME]
        pairs = tuple(zip(columns[::2], columns[1::2], strict=False))
        rows.append(pairs if len(columns) % 2 == 0 else None)
    return rows


def _broken_frame(baseline: set[tuple[int, int]], cells: list[list[str]]) -> list[int]:
    """Rows whose frames are not the panes' frames of the baseline (a border pushed, cut or moved)."""
    return [y for y, pairs in enumerate(_frame_pairs(cells)) if pairs is None or not set(pairs) <= baseline]


def _assert_no_hostile_escapes(raw: bytes) -> None:
    text = raw.decode("utf-8", errors="replace")
    assert not [c for c in BIDI if c in text], "a bidi override reached the terminal"
    # OSC 8 is how `[link=...]` would become a live hyperlink; this briefing has no http(s) URL.
    assert b"\x1b]8;" not in raw, "a hyperlink was written"
    for title in re.findall(r"\x1b\][012];([^\x07\x1b]*)", text):
        assert "click" not in title, f"content went into the window title: {title!r}"
        assert "passwd" not in title, f"content went into the window title: {title!r}"


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_hostile_threads_show_literally_and_keep_the_layout(terminal: Start, size: tuple[int, int]) -> None:
    cols, rows_ = size
    screen = terminal(HOSTILE, cols=cols, rows=rows_)
    assert screen.wait_for("Plain thread"), screen.text
    screen.settle()
    rows = _frame_pairs(screen.cells())
    baseline = {pair for pairs in rows if pairs for pair in pairs}
    # Sanity: three panes (sidebar, detail, timeline) side by side or across, each framed.
    assert None not in rows, screen.text
    assert len(baseline) >= 3, (baseline, screen.text)
    assert f"{CLICK} subtitle" in screen.text, screen.text  # the overview is on screen
    seen: dict[str, str] = {}
    for _ in range(len(EXPECTED) + 3):
        screen.press("]")
        screen.settle(quiet=0.25)
        assert screen.running(), f"brief quit while showing:\n{screen.text}"
        assert "Traceback" not in screen.text, screen.text
        broken = _broken_frame(baseline, screen.cells())
        assert not broken, f"the panes' frames broke on rows {broken} (panes {sorted(baseline)}):\n{screen.text}"
        marker = MARKER.search(screen.text)
        assert marker, f"no thread summary on screen:\n{screen.text}"
        seen.setdefault(marker.group(1), screen.text)
    missing = set(EXPECTED) - set(seen)
    assert not missing, f"`]` never reached {missing}"
    for name, needles in EXPECTED.items():
        for needle in needles:
            # At 80 columns a long stance may wrap: every word of it must still be there, in order
            # (the sidebar's text shares the rows, so words are looked for one after another).
            if cols > 80:
                assert needle in seen[name], f"{needle!r} not shown literally for {name}:\n{seen[name]}"
            else:
                assert _words_in_order(needle, seen[name]), f"{needle!r} not all shown for {name}:\n{seen[name]}"
    assert not [c for c in BIDI if c in seen["bidi"]], "a bidi override is on screen"
    screen.press("q")
    assert screen.wait_exit() == 0
    _assert_no_hostile_escapes(bytes(screen.raw))


def _words_in_order(needle: str, text: str) -> bool:
    """Whether every word of ``needle`` is in ``text``, each after the one before."""
    position = 0
    for word in needle.split():
        found = text.find(word, position)
        if found < 0:
            return False
        position = found + len(word)
    return True


def test_the_overview_and_timeline_show_hostile_strings_literally(terminal: Start) -> None:
    screen = terminal(HOSTILE)
    assert screen.wait_for(f"{CLICK} subtitle"), screen.text
    screen.settle()
    for needle in ["Hostile [bold red]not bold[/] briefing", f"{CLICK} subtitle", "$accent"]:
        assert needle in screen.text, f"{needle!r} not on screen:\n{screen.text}"
    # The key points follow Upcoming (here one event with a very long title): page down to them.
    screen.press("2")
    for _ in range(6):
        if f"{CLICK} key point" in screen.text:
            break
        screen.press("j")
        screen.settle()
    assert f"{CLICK} key point" in screen.text, screen.text
    screen.press("3")
    screen.settle()
    screen.press("m")  # lanes: each event's label has room
    screen.settle()
    assert f"{CLICK} event" in screen.text, screen.text  # the timeline's event labels
    screen.press("q")
    assert screen.wait_exit() == 0
    _assert_no_hostile_escapes(bytes(screen.raw))


def _find(cells: list[list[str]], needle: str) -> list[tuple[int, int]]:
    """Screen positions (row, col) where ``needle`` starts, counting cells, not characters."""
    found = []
    for y, row in enumerate(cells):
        line = "".join(char or "\0" for char in row)  # keep wide stubs so indexes are columns
        found += [(y, m.start()) for m in re.finditer(re.escape(needle), line)]
    return found


def test_the_palette_shows_hostile_strings_literally(terminal: Start) -> None:
    # A thread group "[/oops] group" once killed brief as soon as ctrl+p was typed into.
    screen = terminal(HOSTILE)
    assert screen.wait_for("Plain thread"), screen.text
    screen.settle()
    for query, needles in [
        ("oops", ["Thread: Closing tag [/] and [/oops] in a title", "[/oops] group"]),
        ("not bold", [f"Thread: {STYLE}"]),
        ("click", [f"Thread: {CLICK}"]),
    ]:
        screen.press("\x10")  # ctrl+p
        screen.settle()
        for letter in query:
            screen.press(letter)
        screen.settle(quiet=0.4)
        assert screen.running(), f"brief quit while the palette was typed into:\n{screen.text}"
        assert "Traceback" not in screen.text, screen.text
        for needle in needles:
            assert needle in screen.text, f"{needle!r} not shown literally in the palette:\n{screen.text}"
        screen.press("escape")
        screen.settle()
    screen.press("q")
    assert screen.wait_exit() == 0
    _assert_no_hostile_escapes(bytes(screen.raw))


def test_clicking_a_click_markup_title_does_nothing(terminal: Start) -> None:
    screen = terminal(HOSTILE)
    assert screen.wait_for("Plain thread"), screen.text
    for _ in range(2):  # the overview, then Plain thread, then the click-quit thread
        screen.press("]")
    assert screen.wait_for("Marker click-quit."), screen.text
    screen.settle()
    places = _find(screen.cells(), CLICK)
    assert places, screen.text
    for y, x in places:
        for column in (x, x + CLICK.index("x"), x + len(CLICK) - 1):
            # An SGR mouse press and release (1-based), as a terminal sends for a click.
            screen.press(f"\x1b[<0;{column + 1};{y + 1}M\x1b[<0;{column + 1};{y + 1}m")
            screen.settle(quiet=0.2)
            assert screen.running(), f"a click at row {y}, column {column} quit brief:\n{screen.text}"
    screen.press("j")
    screen.press("]")
    screen.settle()
    assert screen.running()
    assert "Traceback" not in screen.text
    screen.press("q")
    assert screen.wait_exit() == 0


@pytest.mark.parametrize(("cols", "rows"), [(40, 12), (100, 30)])
def test_hostile_content_at_other_sizes(terminal: Start, cols: int, rows: int) -> None:
    screen = terminal(HOSTILE, cols=cols, rows=rows)
    assert screen.wait_for("Threads"), screen.text
    for _ in range(len(EXPECTED) + 2):
        screen.press("]")
        screen.settle(quiet=0.15)
        assert screen.running(), screen.text
    assert "Traceback" not in screen.text
    screen.press("q")
    assert screen.wait_exit() == 0
    _assert_no_hostile_escapes(bytes(screen.raw))


def test_resizing_on_wide_and_long_text_never_crashes(terminal: Start) -> None:
    screen = terminal(HOSTILE)
    assert screen.wait_for("Plain thread"), screen.text
    for _ in range(8):  # onto the long word and the CJK thread
        screen.press("]")
    screen.settle()
    for cols, rows in [(61, 20), (43, 13), (39, 11), (7, 3), (1, 1), (41, 12), (79, 23), (133, 41), (80, 24)]:
        screen.resize(cols, rows)
        screen.settle(quiet=0.15)
        assert screen.running(), f"brief died at {cols}x{rows}:\n{screen.text}"
        screen.press("]")
    screen.settle()
    assert "Traceback" not in screen.text
    screen.press("q")
    assert screen.wait_exit() == 0


@pytest.mark.parametrize(
    ("name", "sequence"),
    [
        ("control-escape.yaml", b"\x1b[31malert"),
        ("control-c1.yaml", b"\xc2\x9b31m"),
        ("control-raw.yaml", b"\x1b[31malert"),
    ],
)
def test_a_control_character_is_an_error_with_its_place(terminal: Start, name: str, sequence: bytes) -> None:
    screen = terminal(name)
    assert screen.wait_for(f"{name}:7:"), screen.text
    screen.settle()
    assert re.search(rf"{re.escape(name)}:7:\d+: error", screen.text), screen.text
    assert "control character" in screen.text, screen.text
    assert "Traceback" not in screen.text
    assert sequence not in bytes(screen.raw), "the control sequence in the content reached the terminal"
    screen.press("q")
    assert screen.wait_exit() == 0


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = _environment(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        env.pop(name, None)
    return subprocess.run(
        [*brief_command(), *args], cwd=FIXTURES, env=env, capture_output=True, timeout=60, stdin=subprocess.DEVNULL
    )


@pytest.mark.parametrize(
    ("address", "needles"),
    [
        (None, [CLICK, LINK, STYLE, VARIABLE, "$accent"]),
        ("hostile-text/click-quit", [CLICK, f"Stance {CLICK} end", LINK, STYLE]),
        ("file-link", [LINK]),
        ("textual-variable", [VARIABLE]),
        ("bidi", ["evil", "isolate"]),
        ("long-word", ["abcdefghij"]),
        ("wide", [CJK]),
        ("rtl", [ARABIC, HEBREW]),
        ("emoji", [EMOJI]),
        ("click-event", [f"{CLICK} event", LINK, STYLE]),
        ("click-quote", [CLICK, LINK, STYLE]),
        ("wide-quote", ["安全保障", "ضمانات", "🤝"]),
        ("envoy", [f"{CLICK} envoy"]),
        ("wire", [LINK]),
    ],
)
def test_show_piped_prints_hostile_text_without_escapes(
    tmp_path: Path, address: str | None, needles: list[str]
) -> None:
    result = _run(tmp_path, "show", *([address] if address else []), HOSTILE)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"\x1b" not in result.stdout, "an escape sequence in piped output"
    out = result.stdout.decode("utf-8")
    assert not CONTROL.findall(out), f"control characters in output: {CONTROL.findall(out)}"
    assert not [c for c in BIDI if c in out], "a bidi override in the output"
    for needle in needles:
        assert needle in out, f"{needle!r} not printed literally:\n{out}"
    assert b"Traceback" not in result.stderr


def test_show_piped_names_the_place_of_a_control_character(tmp_path: Path) -> None:
    result = _run(tmp_path, "show", "control-raw.yaml")
    assert result.returncode != 0
    assert b"\x1b" not in result.stdout + result.stderr, "the control character was echoed"
    assert re.search(rb"control-raw\.yaml:7:\d+: error", result.stderr), result.stderr
    assert b"Traceback" not in result.stderr


def test_show_on_a_terminal_shows_hostile_text_literally(terminal: Start) -> None:
    screen = terminal("show", "click-quit", HOSTILE, rows=100)  # tall enough that nothing scrolls away
    assert screen.wait_exit() == 0, screen.text
    screen.settle(quiet=0.1)  # what is still in the pty after the exit
    for needle in [CLICK, f"Stance {CLICK} end", LINK, STYLE]:
        assert needle in screen.text, f"{needle!r} not shown literally:\n{screen.text}"
    _assert_no_hostile_escapes(bytes(screen.raw))
