"""What the benchmark runs: each scenario is a way of starting a program, at a terminal size,
with the keys pressed after its first frame.

A scenario's runs record ``ready_ms`` (first useful frame), ``paint_ms``, ``rss_mb``, and one
figure per key step (its ``name``: ``ms``, ``first_ms`` and ``bytes``). ``targets.py`` judges
them. To measure a new key, add a :class:`Step` to the steps of the scenarios that need it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FLOOR_READY = "FLOOR-READY"
FLOOR = "floor (bare Textual)"
FLOOR_SSH = "floor over SSH"


@dataclass(frozen=True)
class Step:
    """A key pressed after the first frame; its figures are recorded under ``name``.

    ``measured=False``: pressed to get somewhere (its bytes are still recorded). ``probe``: a
    feature that may not be built yet; if the key changes nothing within 1 s the figure is
    "n/a (not built)" and the scenario's later probe steps are skipped.
    """

    name: str
    key: str
    measured: bool = True
    probe: bool = False


# `]` from the sidebar, `3` to the timeline, then moves in it.
READER_STEPS = (Step("next_thread", "]"), Step("focus_timeline", "3"), Step("timeline", "l"))
READER_STEPS += (Step("last_event", "end"), Step("zoom", "+"))
FLOOR_STEPS = (Step("next_thread", "]"),)
# Search and filter on screen (issue 11), after the reader's keys: one keystroke of a query
# (its results listed), `n` from one result to the next item (a query of one match an item:
# the generated events' place), a filter applied with enter, and cleared with `F`.
SEARCH_STEPS = (
    Step("search_open", "/", measured=False),
    Step("search_typed", "Genev", measured=False),
    Step("search_keystroke", "a"),
    Step("search_enter", "enter", measured=False),
    Step("search_next", "n"),
    Step("filter_open", "f", measured=False),
    Step("filter_typed", "status:open", measured=False),
    Step("filter", "enter"),
    Step("filter_clear", "F"),
)


@dataclass
class Scenario:
    """One way of starting a program: what to run, what marks it ready, which cache, what size."""

    name: str
    argv: list[str]
    needles: list[str]
    cache: str = "warm"  # "cold": a fresh BRIEF_CACHE_DIR each run; "warm": a filled one
    floor: bool = False
    query: str = "ceasefire"
    note: str = ""
    cols: int = 80
    rows: int = 24
    steps: tuple[Step, ...] = READER_STEPS
    search: bool = True  # `/` and the query typed at once, after the steps
    kind: str = "tui"  # "tui": in a pty, keys; "command": a command timed to its exit
    warm_argv: list[str] | None = None  # fills the cache instead of one unmeasured start
    wrap: Callable[[list[str], dict[str, str]], list[str]] | None = None  # e.g. run it over SSH
    warm_dir: str = ""
    runs: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    screens: dict[str, str] = field(default_factory=dict)  # from the last run that got that far

    @property
    def size(self) -> str:
        """The terminal size, as the table shows it."""
        return "—" if self.kind == "command" else f"{self.cols}x{self.rows}"


def floor(name: str = FLOOR) -> Scenario:
    """The bare Textual app."""
    argv = [sys.executable, str(HERE / "floor_app.py")]
    return Scenario(name, argv, [FLOOR_READY], floor=True, steps=FLOOR_STEPS, search=False)


def _thread_needles(paths: list[Path]) -> list[str]:
    """Opening words of every thread title: one of them on screen means content is shown."""
    import yaml

    titles: list[str] = []
    for path in paths:
        try:
            with path.open("rb") as f:
                data = yaml.load(f, Loader=yaml.CSafeLoader)
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(data, dict):
            for thread in data.get("threads") or []:
                if isinstance(thread, dict) and isinstance(thread.get("title"), str):
                    titles.append(thread["title"])
    needles = [t[:12].rstrip() for t in titles if t.strip()]
    ascii_first = [n for n in needles if n.isascii() and len(n) >= 6]
    return sorted(set(ascii_first or needles))


def builtin_paths(source: Path | None) -> list[Path]:
    """The built-in briefing files (of the exported tree when there is one)."""
    if source is not None:
        root = source / "content"
    else:
        try:
            from brief_tui.paths import builtin_content

            root = builtin_content()
        except Exception:
            root = HERE.parent / "content"
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def make_scenarios(
    sizes: list[tuple[int, int]],
    work: Path,
    app: list[str],
    source: Path | None = None,
    *,
    wide: bool = True,
    library: tuple[int, int] | None = None,
) -> tuple[list[Scenario], list[Path]]:
    """The floor, the built-in briefing, a first and a cached open of each generated size, the
    biggest size again at 160x48, and a library of generated briefings (its first frame and its
    ``brief list``)."""
    from generate import generate, generate_library

    builtin_needles = _thread_needles(builtin_paths(source))
    builtin = Scenario(
        "built-in",
        list(app),
        builtin_needles,
        query=(builtin_needles[0].split()[0] if builtin_needles else "peace"),
        note="" if builtin_needles else "no thread titles found in content/: ready = first non-blank frame",
    )
    scenarios = [floor(), builtin]
    files = []
    for events, threads in sizes:
        path = work / f"generated-{events}.yaml"
        path.write_text(generate(events=events, threads=threads, seed=1), encoding="utf-8")
        files.append(path)
        needles = _thread_needles([path])
        label = f"{events:,} events"
        scenarios.append(Scenario(f"{label}, first open", [*app, str(path)], needles, cache="cold"))
        scenarios.append(Scenario(f"{label}, cached", [*app, str(path)], needles, cache="warm"))
    if files:  # search and filter on screen: on the biggest cached open
        biggest = next(s for s in scenarios if s.name == f"{sizes[-1][0]:,} events, cached")
        biggest.steps = READER_STEPS + SEARCH_STEPS
    if wide and files:
        events = sizes[-1][0]
        scenarios.append(
            Scenario(
                f"{events:,} events, cached, 160x48",
                [*app, str(files[-1])],
                _thread_needles([files[-1]]),
                cols=160,
                rows=48,
                search=False,
            )
        )
    if library is not None:
        count, events = library
        folder = work / "library"
        generate_library(folder, count, events)
        name = f"library of {count:,} x {events:,} events"
        listing = [*app, "list", str(folder)]
        scenarios.append(
            Scenario(
                f"{name}, cached",
                [*app, str(folder)],
                ["Synthetic briefing"],
                steps=(),
                search=False,
                warm_argv=listing,
            )
        )
        scenarios.append(
            Scenario(
                f"`brief list`, {name}, cached",
                listing,
                [],
                steps=(),
                search=False,
                kind="command",
                warm_argv=listing,
            )
        )
    return scenarios, files


# What the remote side of an SSH run needs of the local run's environment.
_REMOTE_VARS = ("TERM", "LANG", "COLUMNS", "LINES", "PYTHONPATH")
_REMOTE_PREFIXES = ("XDG_", "BRIEF_")


def over_ssh(scenario: Scenario, server: Any, name: str) -> Scenario:
    """The same start, run through ``ssh -tt`` to a loopback sshd (tests/e2e/sshd.py)."""

    def wrap(argv: list[str], env: dict[str, str]) -> list[str]:
        remote = {k: v for k, v in env.items() if k in _REMOTE_VARS or k.startswith(_REMOTE_PREFIXES)}
        command: list[str] = server.argv(argv, tty=True, env=remote)
        return command

    return Scenario(
        name,
        list(scenario.argv),
        list(scenario.needles),
        floor=scenario.floor,
        steps=FLOOR_STEPS,
        search=False,
        wrap=wrap,
        note="over ssh -tt to 127.0.0.1 (first frame includes the SSH handshake; bytes as they reach the terminal)",
    )
