"""The benchmark's targets: one row of the table each, judged against the medians of a run.

To add a row, add a :class:`Target` to :func:`targets`. It names a scenario (see
``scenarios.py``) and a figure that scenario's runs record: ``ready_ms``, ``paint_ms`` and
``rss_mb`` for every start, and for each key step (``scenarios.Step``) its name with part
``ms``, ``first_ms`` or ``bytes``. A figure nobody recorded reads "n/a (not measured)"; a
step marked ``probe`` whose key changed nothing reads "n/a (not built)", so a row can be
declared before its feature exists (the search rows below are).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

__all__ = ["NOT_BUILT", "Target", "Verdict", "figure", "fmt", "judge_all", "targets"]

NOT_BUILT = "n/a (not built)"
NOT_MEASURED = "n/a (not measured)"


@dataclass(frozen=True)
class Target:
    """One row: a figure of a scenario, its limit, and how it is judged.

    ``kind``: "ratio" (the figure over the same figure of ``base``, the floor by default),
    "value" (the figure itself), or "info" (shown, not judged).
    """

    label: str
    scenario: str
    name: str
    part: str | None = None
    limit: float | None = None
    kind: str = "value"
    unit: str = "ms"
    base: str = "floor (bare Textual)"
    note: str = ""


@dataclass
class Verdict:
    """One judged row of the targets table."""

    figure: str
    measured: str
    target: str
    result: str


KEYS_80 = (("next_thread", "`]` next thread", 4096), ("focus_timeline", "`3` focus the timeline", 4096))
KEYS_80 += (("timeline", "`l` next event", 4096), ("last_event", "`end` last event", 4096), ("zoom", "`+` zoom", 4096))
KEYS_160 = tuple((name, label, 16384 if name == "next_thread" else 8192) for name, label, _ in KEYS_80)


def targets(big: str, wide: str, library: str, listing: str, ssh: str, ssh_floor: str) -> list[Target]:
    """Every row, given the names of the scenarios of this run (an empty name: not run)."""
    rows = [
        Target("first frame (a thread title), built-in briefing", "built-in", "ready_ms", limit=1.3, kind="ratio"),
        Target(f"first frame, {big}, cached", f"{big}, cached", "ready_ms", limit=1.6, kind="ratio"),
        Target(
            f"first frame (first paint: skeleton/progress), {big}, first open",
            f"{big}, first open",
            "paint_ms",
            limit=2.0,
            kind="ratio",
        ),
        Target(
            f"first useful frame (a thread title), {big}, first open", f"{big}, first open", "ready_ms", kind="info"
        ),
        Target(f"memory once ready, {big}, cached", f"{big}, cached", "rss_mb", limit=2.0, kind="ratio", unit="MB"),
    ]
    for name, label, limit in KEYS_80:
        rows.append(Target(f"bytes per {label}, 80x24, built-in", "built-in", name, "bytes", limit, unit="B"))
        rows.append(Target(f"time per {label}, 80x24, built-in", "built-in", name, "ms", 50))
    if wide:
        for name, label, limit in KEYS_160:
            rows.append(Target(f"bytes per {label}, {wide}", wide, name, "bytes", limit, unit="B"))
            rows.append(Target(f"time per {label}, {wide}", wide, name, "ms", 50))
    if library:
        rows += [
            Target(f"first frame (the list), {library}", library, "ready_ms", limit=2.0, kind="ratio"),
            Target(f"memory once ready, {library}", library, "rss_mb", limit=3.0, kind="ratio", unit="MB"),
        ]
    if listing:
        rows.append(Target(listing, listing, "ready_ms", limit=1000))
    if ssh:
        rows += [
            Target(
                "first frame over SSH (loopback), built-in", ssh, "ready_ms", limit=1.3, kind="ratio", base=ssh_floor
            ),
            Target("bytes per `]` over SSH (loopback), built-in", ssh, "next_thread", "bytes", 4096, unit="B"),
        ]
    # Search and filter on screen: the steps of scenarios.SEARCH_STEPS (issue 11).
    rows.append(Target(f"search `/` (query typed at once), {big}, cached", f"{big}, cached", "search", "ms", 50))
    rows += [
        Target(f"search: one keystroke to its results, {big}, cached", f"{big}, cached", "search_keystroke", "ms", 50),
        Target(f"search: `n` to the next item, {big}, cached", f"{big}, cached", "search_next", "ms", 50),
        Target(f"filter: applying `status:open` (enter), {big}, cached", f"{big}, cached", "filter", "ms", 100),
        Target(f"filter: clearing it (`F`), {big}, cached", f"{big}, cached", "filter_clear", "ms", 100),
    ]
    if library:
        rows.append(
            Target(f"search across the library: one keystroke, {library}", library, "search_keystroke", "ms", 200)
        )
    return rows


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def figure(runs: list[dict[str, Any]], name: str, part: str | None = None) -> float | None:
    """The median of a figure over the runs that produced it (a crashed run's figures time the crash)."""
    values = []
    for r in runs:
        if r.get("fatal"):
            continue
        value = r.get(name)
        if part is not None:
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, (int, float)):
            values.append(float(value))
    return _median(values)


def not_built(runs: list[dict[str, Any]], name: str) -> bool:
    """Whether a probe step found its feature missing."""
    return any(isinstance(r.get(name), dict) and r[name].get("na") for r in runs)


def fmt(value: float | None, unit: str, digits: int = 0) -> str:
    """A figure with its unit: bytes as B or KB, times and sizes with thousands separators."""
    if value is None:
        return "—"
    if unit == "B":
        return f"{value / 1024:.1f} KB" if value >= 1024 else f"{value:.0f} B"
    return f"{value:,.{digits}f} {unit}".strip()


def _limit_text(target: Target) -> str:
    if target.limit is None:
        return "(no target)"
    if target.kind == "ratio":
        base = "" if target.base.startswith("floor (bare") else f" ({target.base})"
        return f"<= {target.limit}x{base}"
    if target.unit == "B":
        return f"<= {target.limit / 1024:.0f} KB"
    if target.limit >= 1000 and target.unit == "ms":
        return f"< {target.limit / 1000:.0f} s"
    return f"<= {target.limit:.0f} {target.unit}"


def judge_all(rows: list[Target], runs: dict[str, list[dict[str, Any]]], smoke: bool) -> list[Verdict]:
    """Each row against what was measured; rows of scenarios not run are left out."""
    verdicts = []
    for target in rows:
        if target.scenario not in runs:
            continue
        scenario_runs = runs[target.scenario]
        if not_built(scenario_runs, target.name):
            verdicts.append(Verdict(target.label, NOT_BUILT, _limit_text(target), NOT_BUILT))
            continue
        value = figure(scenario_runs, target.name, target.part)
        shown = fmt(value, target.unit, 1 if target.unit == "MB" else 0)
        judged = value
        if target.kind == "ratio":
            base = figure(runs.get(target.base, []), target.name, target.part)
            judged = value / base if value is not None and base else None
            shown = (
                f"{shown} / {fmt(base, target.unit, 1 if target.unit == 'MB' else 0)} = {judged:.2f}x"
                if judged
                else shown
            )
        elif target.part == "ms":
            first = figure(scenario_runs, target.name, "first_ms")
            shown += f" (first change {fmt(first, 'ms')})" if value is not None else ""
        if value is None:
            result = NOT_MEASURED
        elif target.kind == "info" or target.limit is None:
            result = "info"
        elif smoke:
            result = "(smoke: not judged)"
        else:
            result = "pass" if judged is not None and judged <= target.limit else "FAIL"
        verdicts.append(Verdict(target.label, shown if value is not None else "—", _limit_text(target), result))
    return verdicts
