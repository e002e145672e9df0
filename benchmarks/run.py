#!/usr/bin/env python3
"""brief's benchmark: first frame, keys, memory and bytes, against a bare Textual app.

    python benchmarks/run.py            # full: built-in, 1,000 and 10,000 events, 7 runs each
    python benchmarks/run.py --smoke    # tiny and quick; no timing verdicts (CI runs this)

Every figure is taken in a real pseudo-terminal (80x24, and 160x48 for the wide rows) read
by pyte, as the median of N runs, interleaved with the floor (benchmarks/floor_app.py:
floor, brief, floor, brief) and given as a ratio to the floor's median from the same run.
What runs is in scenarios.py, the rows and their targets in targets.py. See README.md.

Exit status: 1 if a program crashed, printed a traceback or never showed its first
frame; otherwise 0 (a missed target is reported, not fatal, unless --strict).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pty_screen import Term, tree_rss_mb  # noqa: E402
from scenarios import FLOOR, FLOOR_READY, FLOOR_SSH, Scenario, floor, make_scenarios, over_ssh  # noqa: E402
from targets import NOT_BUILT, Verdict, figure, fmt, judge_all, not_built, targets  # noqa: E402

QUIET = 0.3  # the screen is "still" after this long without a visible change


# -- one run -------------------------------------------------------------------------------
@dataclass
class Outcome:
    """How a run went: figures, and a failure reason with its kind when it did not count."""

    figures: dict[str, Any] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (kind, reason); kind: fatal | measure
    screens: dict[str, str] = field(default_factory=dict)  # what the screen showed after each step


def _env(scenario: Scenario, root: Path) -> dict[str, str]:
    # COLUMNS and LINES would fix the size Textual reads, whatever the terminal says (a resize then draws nothing).
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k not in ("COLUMNS", "LINES")}
    env.update(
        TERM="xterm-256color", COLUMNS=str(scenario.cols), LINES=str(scenario.rows), LANG=env.get("LANG", "C.UTF-8")
    )
    for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env[name] = str(root / name.lower())
    env["BRIEF_CONFIG_DIR"] = str(root / "brief-config")
    env["BRIEF_STATE_DIR"] = str(root / "brief-state")
    env.pop("BRIEF_LIBRARY", None)
    cache = scenario.warm_dir if scenario.cache == "warm" and scenario.warm_dir else str(root / "cache")
    env["BRIEF_CACHE_DIR"] = cache
    env["XDG_CACHE_HOME"] = cache
    env.pop("NO_COLOR", None)
    return env


def _press(t: Term, key: str, change_limit: float, settle_limit: float) -> dict[str, Any]:
    """Send a key; ms to the first visible change and to a still screen, and bytes written."""
    changes, nbytes = t.changes, t.nbytes
    start = time.perf_counter()
    t.send(key)
    if t.wait_until(lambda: t.changes > changes, change_limit) is None or t.last_change is None:
        return {"first_ms": None, "ms": None, "bytes": t.nbytes - nbytes}
    # Times are when the bytes arrived, not when pyte had finished with them.
    first = t.last_change
    last = t.settle(QUIET, settle_limit) or first
    return {"first_ms": (first - start) * 1000, "ms": (last - start) * 1000, "bytes": t.nbytes - nbytes}


def _wait_ready(t: Term, needles: list[str], limit: float) -> float | None:
    """When the first useful frame arrived; None if it did not, or the program crashed first."""
    seen = [-1]
    state = {"ready": False}

    def done() -> bool:  # the screen only changes when t.changes does
        if t.changes == seen[0]:
            return False
        seen[0] = t.changes
        if b"Traceback" in t.raw:  # a crash screen can stay up: do not wait out the limit
            return True
        text = t.text()
        state["ready"] = any(n in text for n in needles) if needles else t.first_paint is not None
        return state["ready"]

    if t.wait_until(done, limit) is None or not state["ready"]:
        return None
    return t.last_change  # the arrival of the bytes that put the title on screen


def run_once(scenario: Scenario, limit: float, measure_keys: bool = True) -> Outcome:
    """One start of the program: ready, memory, then the keys; never raises for the program's faults."""
    if scenario.kind == "command":
        return run_command(scenario, limit)
    out = Outcome()
    root = Path(tempfile.mkdtemp(prefix="brief-bench-run-"))
    env = _env(scenario, root)
    argv = scenario.wrap(scenario.argv, env) if scenario.wrap else scenario.argv
    t = Term(argv, scenario.cols, scenario.rows, env)
    try:
        ready = _wait_ready(t, scenario.needles, limit)
        if t.first_paint is not None:
            out.figures["paint_ms"] = (t.first_paint - t.t0) * 1000
        if ready is None:
            t.settle(QUIET, 3.0)  # let a traceback finish printing, so the tail shows the exception
            why = t.problem() or (
                f"its first useful frame ({_needle_desc(scenario)}) did not appear within {limit:.0f} s"
            )
            out.failures.append(("fatal", f"{why}; screen:\n{_indent(t.tail())}"))
            return out
        out.figures["ready_ms"] = (ready - t.t0) * 1000
        t.settle(QUIET, limit)
        problem = t.problem()
        if problem:
            out.failures.append(("fatal", f"{problem} after its first frame; screen:\n{_indent(t.tail())}"))
            return out
        if scenario.wrap is None:  # over SSH the local tree is only the ssh client
            out.figures["rss_mb"] = tree_rss_mb(t.pid)
        out.screens["ready"] = t.text()
        if measure_keys:
            _keys(t, scenario, out, limit)
        if not any(kind == "fatal" for kind, _ in out.failures):
            code = t.quit("q", 5.0)
            if b"Traceback" in t.raw:
                out.failures.append(("fatal", f"a Python traceback was printed on the way out:\n{_indent(t.tail())}"))
            elif code is None:
                out.failures.append(("measure", "q did not end the program within 5 s"))
            elif code != 0:
                out.failures.append(("fatal", f"q ended the program with status {code}:\n{_indent(t.tail())}"))
    finally:
        t.close()
        shutil.rmtree(root, ignore_errors=True)
    return out


def run_command(scenario: Scenario, limit: float) -> Outcome:
    """A command timed from start to exit (its output read through a pipe)."""
    out = Outcome()
    root = Path(tempfile.mkdtemp(prefix="brief-bench-run-"))
    try:
        start = time.perf_counter()
        proc = subprocess.run(scenario.argv, env=_env(scenario, root), capture_output=True, timeout=limit, check=False)
        out.figures["ready_ms"] = (time.perf_counter() - start) * 1000
        if b"Traceback" in proc.stderr or proc.returncode not in (0, 1):
            tail = proc.stderr.decode(errors="replace").strip()[-600:]
            out.failures.append(("fatal", f"exited {proc.returncode}:\n{_indent(tail)}"))
        out.screens["output"] = proc.stdout.decode(errors="replace")[:2000]
    except subprocess.TimeoutExpired:
        out.failures.append(("fatal", f"did not finish within {limit:.0f} s"))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return out


def _keys(t: Term, scenario: Scenario, out: Outcome, limit: float) -> None:
    probing = True
    for step in scenario.steps:
        if step.probe and not probing:
            continue
        got = _press(t, step.key, 1.0 if step.probe else 5.0 if step.measured else 2.0, limit)
        why = t.problem()
        if why:
            out.failures.append(("fatal", f"{why} after key {step.key!r}; screen:\n{_indent(t.tail())}"))
            return
        out.screens[f"after {step.key}"] = t.text()
        if step.probe and got["ms"] is None:
            out.figures[step.name] = {"na": NOT_BUILT}
            probing = False
            continue
        if step.measured and got["ms"] is None:
            out.failures.append(("measure", f"key {step.key!r} ({step.name}) changed nothing on screen within 5 s"))
        out.figures[step.name] = got
    if scenario.search:
        _search(t, scenario, out, limit)


def _search(t: Term, scenario: Scenario, out: Outcome, limit: float) -> None:
    """`/` then the query typed at once: ms until the screen is still. Not built: n/a."""
    opened = _press(t, "/", 1.0, limit)
    if opened["ms"] is None:
        out.figures["search"] = {"na": NOT_BUILT}
        return
    out.screens["after /"] = t.text()
    got = _press(t, scenario.query, 5.0, limit)
    out.screens[f"after typing {scenario.query!r}"] = t.text()
    if got["ms"] is None:
        out.failures.append(("measure", f"typing {scenario.query!r} after '/' changed nothing on screen"))
    out.figures["search"] = got
    _press(t, "escape", 1.0, limit)
    why = t.problem()
    if why:
        out.failures.append(("fatal", f"{why} during search; screen:\n{_indent(t.tail())}"))


def _needle_desc(scenario: Scenario) -> str:
    if scenario.floor:
        return repr(FLOOR_READY)
    if not scenario.needles:
        return "any text"
    return f"a thread title such as {scenario.needles[0]!r}"


def _indent(text: str) -> str:
    return "\n".join("    | " + line for line in text.splitlines()) or "    | (blank)"


# -- running it all ------------------------------------------------------------------------
def run_all(scenarios: list[Scenario], runs: int, limit: float, work: Path, log: Any, interleave: bool = True) -> None:
    """Warm the caches, then rounds of floor, brief, floor, brief, ... for every scenario.

    Without ``interleave`` (smoke) the floor runs once a round, not before every scenario.
    """
    floors = {s.name: s for s in scenarios if s.floor}
    others = [s for s in scenarios if not s.floor]
    warm_dirs: dict[tuple[str, ...], str] = {}
    for s in others:
        if s.cache != "warm":
            continue
        key = tuple(s.warm_argv or s.argv)
        if key not in warm_dirs:
            warm_dirs[key] = str(Path(tempfile.mkdtemp(prefix="brief-bench-cache-", dir=work)))
            s.warm_dir = warm_dirs[key]
            print(f"warming the cache: {s.name}", file=log, flush=True)
            warm = _warm_up(s, limit)
            for kind, reason in warm.failures:
                s.failures.append(f"warm-up run: {reason}")
                if kind == "fatal":
                    s.runs.append({"fatal": True})
            if not any(k == "fatal" for k, _ in warm.failures) and not any(Path(s.warm_dir).rglob("*")):
                s.note = (s.note + "; " if s.note else "") + "the cache dir was still empty after a first open"
        s.warm_dir = warm_dirs[key]
    for base in floors.values():
        run_once(base, limit, measure_keys=False)  # pays one-off costs (bytecode, page cache) outside the figures
    for i in range(runs):
        for n, s in enumerate(others):
            base = floors[FLOOR_SSH if s.wrap is not None and FLOOR_SSH in floors else FLOOR]
            if (interleave and s.kind == "tui") or n == 0 or (s.wrap is not None and base.name == FLOOR_SSH):
                print(f"run {i + 1}/{runs}: {base.name}", file=log, flush=True)
                _record(base, run_once(base, limit), i)
            if _given_up(s):
                continue
            print(f"run {i + 1}/{runs}: {s.name}", file=log, flush=True)
            _record(s, run_once(s, limit), i)


def _warm_up(s: Scenario, limit: float) -> Outcome:
    """Fill the scenario's cache: its own warm-up command, or one unmeasured start."""
    if s.warm_argv is None:
        return run_once(s, limit, measure_keys=False)
    return run_command(
        Scenario(f"warm-up of {s.name}", s.warm_argv, [], kind="command", warm_dir=s.warm_dir), limit * 10
    )


def _record(s: Scenario, outcome: Outcome, i: int) -> None:
    fatal = any(kind == "fatal" for kind, _ in outcome.failures)
    s.screens.update(outcome.screens)
    s.runs.append({**outcome.figures, "fatal": fatal})
    for _, reason in outcome.failures:
        s.failures.append(f"run {i + 1}: {reason}")


def _given_up(s: Scenario) -> bool:
    """Two fatal runs in a row: stop spending minutes on a program that does not start."""
    return len(s.runs) >= 2 and all(r.get("fatal") for r in s.runs[-2:])


def run_loader(files: list[Path], runs: int, log: Any) -> list[dict[str, Any]]:
    """The loader alone, each file in a fresh process."""
    results = []
    for path in files:
        print(f"loader: {path.name}", file=log, flush=True)
        cmd = [sys.executable, str(HERE / "loader_bench.py"), str(path), "--runs", str(runs)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
            data = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else {}
            if proc.returncode != 0 or not data:
                data = {**data, "error": f"loader_bench exited {proc.returncode}: {proc.stderr.strip()[-500:]}"}
        except (subprocess.TimeoutExpired, json.JSONDecodeError) as error:
            data = {"error": f"loader_bench failed: {error}"}
        data["name"] = path.name
        data.setdefault("bytes", path.stat().st_size)
        results.append(data)
    return results


# -- the report ----------------------------------------------------------------------------
def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _ratio(value: float | None, base: float | None) -> float | None:
    return value / base if value is not None and base else None


def verdicts(scenarios: list[Scenario], loader: list[dict[str, Any]], smoke: bool) -> list[Verdict]:
    """Each target of targets.py against what was measured, then the loader's."""
    names = [s.name for s in scenarios]
    sized = [n for n in names if n.endswith(" events, cached") and n[0].isdigit()]
    big = sized[-1].rsplit(", ", 1)[0] if sized else ""
    wide = next((n for n in names if n.endswith("160x48")), "")
    library = next((n for n in names if n.startswith("library of")), "")
    listing = next((n for n in names if n.startswith("`brief list`")), "")
    ssh = next((n for n in names if n == "built-in over SSH"), "")
    rows = targets(big, wide, library, listing, ssh, FLOOR_SSH)
    result = judge_all(rows, {s.name: s.runs for s in scenarios}, smoke)
    if loader:
        biggest = loader[-1]
        # Judged against libyaml with the cyclic GC paused, as the loader runs: the stricter rate.
        bare, cold = _median(biggest.get("yaml_nogc_s", [])), _median(biggest.get("cold_s", []))
        with_gc = _median(biggest.get("yaml_s", []))
        r = _ratio(bare, cold)  # rate ratio = bare time / loader time
        mb = biggest["bytes"] / 1e6
        if r is not None and bare and cold:
            shown = f"{mb / cold:.2f} MB/s vs bare {mb / bare:.2f} MB/s = {r:.2f}x"
            if with_gc:
                shown += f" (bare with the GC running: {mb / with_gc:.2f} MB/s)"
            verdict = "(smoke: not judged)" if smoke else ("pass" if r >= 0.7 else "FAIL")
            result.append(Verdict(f"loader, cold ({biggest['name']})", shown, ">= 0.7x", verdict))
        else:
            result.append(Verdict("loader, cold", biggest.get("error", "—"), ">= 0.7x", "n/a (not measured)"))
    return result


KEY_COLUMNS = (("next_thread", "`]`"), ("focus_timeline", "`3`"), ("timeline", "`l`"), ("last_event", "`end`"))
KEY_COLUMNS += (("zoom", "`+`"),)


def report(scenarios: list[Scenario], loader: list[dict[str, Any]], smoke: bool, runs: int) -> str:
    """The whole report as Markdown."""
    lines = ["## Targets (medians; ratios to the bare Textual app in the same run)", ""]
    lines += ["| figure | measured | target | result |", "|---|---|---|---|"]
    for v in verdicts(scenarios, loader, smoke):
        lines.append(f"| {v.figure} | {v.measured} | {v.target} | {v.result} |")
    floors = {s.name: s for s in scenarios if s.floor}
    lines += ["", f"## Every scenario (median of {runs} run(s))", ""]
    lines += [
        "| scenario | size | first paint | first useful frame | ratio | RSS | ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in scenarios:
        base = floors.get(FLOOR_SSH if s.wrap is not None and FLOOR_SSH in floors else FLOOR)
        ready, rss = figure(s.runs, "ready_ms"), figure(s.runs, "rss_mb")
        base_runs = base.runs if base is not None else []
        cells = [
            s.name,
            s.size,
            fmt(figure(s.runs, "paint_ms"), "ms"),
            fmt(ready, "ms"),
            _fmt_ratio(_ratio(ready, figure(base_runs, "ready_ms"))) if s.kind == "tui" else "—",
            fmt(rss, "MB", 1),
            _fmt_ratio(_ratio(rss, figure(base_runs, "rss_mb"))),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Keys (ms until the screen is still / bytes written to the terminal)", ""]
    lines += ["| scenario | " + " | ".join(label for _, label in KEY_COLUMNS) + " | `/` search |"]
    lines += ["|---|" + "---|" * (len(KEY_COLUMNS) + 1)]
    for s in scenarios:
        if not s.steps:
            continue
        cells = [s.name]
        for name, _ in KEY_COLUMNS:
            ms, nbytes = figure(s.runs, name, "ms"), figure(s.runs, name, "bytes")
            cells.append("—" if ms is None and nbytes is None else f"{fmt(ms, 'ms')} / {fmt(nbytes, 'B')}")
        search = (
            "—"
            if not s.search
            else NOT_BUILT
            if not_built(s.runs, "search")
            else fmt(figure(s.runs, "search", "ms"), "ms")
        )
        lines.append("| " + " | ".join([*cells, search]) + " |")
    if loader:
        lines += ["", "## The loader alone (medians, in-process, no terminal)", ""]
        lines += [
            "| file | size | bare CSafeLoader | same, GC paused | load_briefing, no cache | ratio of rates "
            "(to GC paused) | warm cache | warnings |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for d in loader:
            bare, nogc, cold, warm = (_median(d.get(k, [])) for k in ("yaml_s", "yaml_nogc_s", "cold_s", "warm_s"))
            mb = d["bytes"] / 1e6
            lines.append(
                f"| {d['name']} | {mb:.2f} MB | {_rate(mb, bare)} | {_rate(mb, nogc)} | {_rate(mb, cold)} | "
                f"{_fmt_ratio(_ratio(nogc, cold))} | {fmt(warm * 1000 if warm else None, 'ms')} | "
                f"{d['warnings'] if d.get('warnings') is not None else '—'} |"
            )
    notes = [f"- {s.name}: {s.note}" for s in scenarios if s.note]
    notes += [f"- loader, {d['name']}: {d['error']}" for d in loader if d.get("error")]
    if notes:
        lines += ["", "Notes:", *notes]
    return "\n".join(lines) + "\n"


def _rate(mb: float, seconds: float | None) -> str:
    return f"{seconds * 1000:,.0f} ms ({mb / seconds:.2f} MB/s)" if seconds else "—"


def _fmt_ratio(value: float | None) -> str:
    return f"{value:.2f}x" if value is not None else "—"


def export_commit(rev: str, work: Path) -> tuple[Path, str]:
    """The app's files at ``rev``, unpacked under ``work``, and the short commit id.

    The children import brief_tui from there (PYTHONPATH comes before the editable
    install), so edits in the working tree during a long run cannot change the figures.
    """
    root = HERE.parent
    commit = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--short", rev], capture_output=True, text=True, check=True
    ).stdout.strip()
    source = work / f"src-{commit}"
    source.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", rev, "brief_tui", "content", "styles"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    return source, commit


def _tree_state() -> str:
    """The commit of the working tree, and whether the app's files differ from it."""
    root = str(HERE.parent)
    try:
        commit = subprocess.run(
            ["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", root, "status", "--porcelain", "--", "brief_tui", "content", "styles"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{commit} + uncommitted changes (working tree)" if dirty else commit


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    from importlib.metadata import PackageNotFoundError, version

    def ver(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(os.cpu_count()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "textual": ver("textual"),
        "pyyaml": ver("pyyaml"),
        "pyte": ver("pyte"),
    }


def failure_lines(scenarios: list[Scenario]) -> list[str]:
    """One FAIL line per distinct failure, with how many runs it hit."""
    lines = []
    for s in scenarios:
        counts: dict[str, int] = {}
        for reason in s.failures:
            text = reason.split(": ", 1)[1] if reason.startswith("run ") else reason
            counts[text] = counts.get(text, 0) + 1
        for text, n in counts.items():
            lines.append(f"FAIL: {s.name}: {text}" + (f"  [{n} runs]" if n > 1 else ""))
    return lines


def _start_ssh(work: Path, log: Any) -> Any:
    """The test suite's throwaway sshd on 127.0.0.1 (tests/e2e/sshd.py), or None when there is none."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("brief_bench_sshd", HERE.parent / "tests" / "e2e" / "sshd.py")
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    try:
        return module.start_sshd(work / "sshd")
    except module.SshUnavailable as why:
        print(f"no SSH rows: {why}", file=log, flush=True)
        return None


def compile_bytecode(source: Path | None) -> None:
    """Compile the package's bytecode first, as `pip install` does.

    An editable or exported tree that runs with PYTHONDONTWRITEBYTECODE set (as some
    shells and CI set it) would otherwise compile every module from source on every
    launch, which the floor (an installed Textual, compiled) never pays.
    """
    import compileall
    import importlib.util

    if source is not None:
        package = source / "brief_tui"
    else:
        spec = importlib.util.find_spec("brief_tui")
        if spec is None or spec.origin is None:
            return
        package = Path(spec.origin).parent
    compileall.compile_dir(str(package), quiet=1)


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="one run of a tiny size; checks the harness, judges nothing")
    ap.add_argument("--runs", type=int, help="runs per scenario (default 7, smoke 1)")
    ap.add_argument(
        "--sizes", help="events:threads,... (default 1000:50,10000:500; smoke 1000:50, big enough to load in a worker)"
    )
    ap.add_argument("--limit", type=float, default=60.0, help="seconds to wait for any one thing")
    ap.add_argument("--app", help="command to benchmark instead of 'python -m brief_tui' (split on spaces)")
    ap.add_argument("--no-loader", action="store_true", help="skip the loader-alone figures")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON ('-' for stdout)")
    ap.add_argument("-o", "--output", metavar="FILE", help="also write the report, with the machine, to FILE")
    ap.add_argument("--commit", metavar="REV", help="benchmark the app as committed at REV, not the working tree")
    ap.add_argument("--dump", action="store_true", help="print each scenario's screen after every step")
    ap.add_argument(
        "--library", metavar="N:M", help="a library of N briefings of M events (default 1000:100; smoke 20:50; 0 skips)"
    )
    ap.add_argument("--no-wide", action="store_true", help="skip the 160x48 rows")
    ap.add_argument("--ssh", action=argparse.BooleanOptionalAction, help="the SSH rows (default: on, off in smoke)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    runs = args.runs or (1 if args.smoke else 7)
    spec = args.sizes or ("1000:50" if args.smoke else "1000:50,10000:500")
    sizes = [(int(e), int(t)) for e, t in (part.split(":") for part in spec.split(","))]
    app = args.app.split() if args.app else [sys.executable, "-m", "brief_tui"]
    here = Path.cwd()
    log = sys.stderr
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        work = Path(tmp)
        source, tested = None, _tree_state()
        if args.commit:
            source, tested = export_commit(args.commit, work)
            os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), os.environ.get("PYTHONPATH")]))
            # `python -m` puts the current directory first on the path: from the repository's root
            # the children would import the working tree, not the commit.
            os.chdir(source)
        library_spec = args.library or ("20:50" if args.smoke else "1000:100")
        count, events = (int(n) for n in library_spec.split(":"))
        library = (count, events) if count else None
        scenarios, files = make_scenarios(sizes, work, app, source, wide=not args.no_wide, library=library)
        server = _start_ssh(work, log) if (args.ssh if args.ssh is not None else not args.smoke) else None
        try:
            if server is not None:
                builtin = next(s for s in scenarios if s.name == "built-in")
                scenarios += [over_ssh(floor(), server, FLOOR_SSH), over_ssh(builtin, server, "built-in over SSH")]
            compile_bytecode(source)
            run_all(scenarios, runs, args.limit, work, log, interleave=not args.smoke)
        finally:
            if server is not None:
                server.stop()
        loader = [] if args.no_loader else run_loader(files, 1 if args.smoke else 5, log)
    info = {**machine(), "commit": tested}
    text = report(scenarios, loader, args.smoke, runs)
    from search_bench import report_rows  # issue 11: search and filters, in-process

    text += report_rows(*sizes[-1], runs, smoke=args.smoke)
    fails = failure_lines(scenarios)
    header = (
        f"brief benchmark ({'smoke' if args.smoke else 'full'}), {info['date']}: {info['nproc']} cores, "
        f"Python {info['python']}, textual {info['textual']}, pyyaml {info['pyyaml']}, commit {info['commit']}, "
        f"took {time.perf_counter() - started:.0f} s"
    )
    print(header + "\n\n" + text)
    for line in fails:
        print(line)
    if args.dump:
        for s in scenarios:
            for step, screen in s.screens.items():
                print(f"\n--- {s.name}: {step} ---\n{screen}")
    if args.output:
        failed = "\n".join(f"- {line.splitlines()[0]}" for line in fails)
        failed = f"\nFailures (`--dump` shows the screens):\n{failed}\n" if fails else ""
        (here / args.output).write_text(f"# Benchmark results\n\n{header}\n\n{text}{failed}", encoding="utf-8")
    if args.json:
        data = {
            "machine": info,
            "smoke": args.smoke,
            "runs": runs,
            "scenarios": [{"name": s.name, "note": s.note, "runs": s.runs, "failures": s.failures} for s in scenarios],
            "loader": loader,
            "verdicts": [v.__dict__ for v in verdicts(scenarios, loader, args.smoke)],
        }
        dumped = json.dumps(data, indent=2, ensure_ascii=False)
        if args.json == "-":
            print(dumped)
        else:
            (here / args.json).write_text(dumped + "\n", encoding="utf-8")
    fatal = any(r.get("fatal") for s in scenarios for r in s.runs)
    missed = any(v.result == "FAIL" for v in verdicts(scenarios, loader, args.smoke))
    return 1 if fatal or (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
