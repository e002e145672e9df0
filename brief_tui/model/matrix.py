"""The stance matrix (parties x threads) and positions and status over time.

Plain Python, no Textual, no Rich. A cell holds one party's positions on one thread in
``as_of`` order; its leaning is the latest one's. Only positions the briefing gives to a
party fill its column: a position held by an actor (``actor: dmitriev``) is that person's,
and the author chose not to say it is the party's, so it shows in the thread's history
(:func:`positions_over_time`), not in the matrix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from brief_tui.model.as_of import KnownOn
    from brief_tui.model.dates import BriefDate
    from brief_tui.model.items import Actor, Briefing, Citation, Party, Position, StatusChange, Thread

__all__ = [
    "Cell",
    "StanceMatrix",
    "StatusStep",
    "position_order",
    "positions_over_time",
    "stance_matrix",
    "status_steps",
]

_UNDATED = datetime.min.replace(tzinfo=timezone.utc)


def position_order(position: Position) -> tuple[datetime, int]:
    """Sort key: by ``as_of`` (earliest moment, then coarser first); undated positions first.

    An undated position cannot be later than a dated one, so a dated stance is always the latest.
    """
    as_of = position.as_of
    return as_of.sort_key() if as_of is not None else (_UNDATED, -1)


def _in_time_order(positions: Iterable[Position]) -> tuple[Position, ...]:
    # sorted() is stable: positions with equal dates keep the order they were written in.
    return tuple(sorted(positions, key=position_order))


@dataclass(frozen=True, slots=True)
class Cell:
    """One party's positions on one thread, oldest first; the last is its stance now."""

    party: Party
    thread: Thread
    history: tuple[Position, ...]

    @property
    def latest(self) -> Position:
        """The party's latest position."""
        return self.history[-1]

    @property
    def leaning(self) -> str:
        """The latest leaning; ``unknown`` when the position gives none."""
        return self.latest.leaning or "unknown"

    @property
    def changed(self) -> bool:
        """Whether the party's leaning on the thread changed over time."""
        return len({p.leaning or "unknown" for p in self.history}) > 1

    @property
    def stance(self) -> str:
        """The latest stance, as written."""
        return self.latest.stance

    @property
    def as_of(self) -> BriefDate | None:
        """When the latest stance was taken."""
        return self.latest.as_of

    @property
    def sources(self) -> list[Citation]:
        """The latest stance's sources (each with its source's grade and the citation's credibility)."""
        return self.latest.sources


@dataclass(frozen=True, slots=True)
class StanceMatrix:
    """Parties (columns) by threads (rows); ``cell`` is None where the briefing says nothing."""

    parties: tuple[Party, ...]
    threads: tuple[Thread, ...]
    cells: dict[tuple[Thread, Party], Cell]

    def cell(self, thread: Thread, party: Party) -> Cell | None:
        """The party's cell on a thread, or None when it has no position there."""
        return self.cells.get((thread, party))

    def row(self, thread: Thread) -> list[Cell | None]:
        """A thread's cells, one per party, in column order."""
        return [self.cells.get((thread, party)) for party in self.parties]

    @property
    def empty(self) -> bool:
        """Whether no party holds a position anywhere."""
        return not self.cells


def stance_matrix(briefing: Briefing, known: KnownOn | None = None) -> StanceMatrix:
    """The matrix of a briefing (or of it as known on a date): every party, every thread."""
    cells: dict[tuple[Thread, Party], Cell] = {}
    for thread in briefing.threads:
        positions = known.positions(thread) if known is not None else thread.positions
        by_party: dict[Party, list[Position]] = {}
        for position in positions:
            if position.party is not None:
                by_party.setdefault(position.party, []).append(position)
        for party, held in by_party.items():
            cells[(thread, party)] = Cell(party, thread, _in_time_order(held))
    return StanceMatrix(tuple(briefing.parties), tuple(briefing.threads), cells)


def positions_over_time(thread: Thread, known: KnownOn | None = None) -> list[tuple[Party | Actor, list[Position]]]:
    """Each holder's stances on a thread in ``as_of`` order: parties first as written, then actors."""
    positions = known.positions(thread) if known is not None else thread.positions
    parties: dict[Party | Actor, list[Position]] = {}
    actors: dict[Party | Actor, list[Position]] = {}
    for position in positions:
        holder = position.holder
        if holder is not None:
            (parties if position.party is not None else actors).setdefault(holder, []).append(position)
    return [(holder, list(_in_time_order(held))) for holder, held in [*parties.items(), *actors.items()]]


@dataclass(frozen=True, slots=True)
class StatusStep:
    """A dated step of a thread's status: what it became, and whether that was a change."""

    change: StatusChange
    changed: bool

    @property
    def date(self) -> BriefDate:
        """When the step was taken."""
        return self.change.date

    @property
    def status(self) -> str:
        """The status from this step on."""
        return self.change.status


def status_steps(thread: Thread, known: KnownOn | None = None) -> list[StatusStep]:
    """A thread's status history as dated steps, oldest first; ``changed`` is False for a repeat."""
    history = known.status_history(thread) if known is not None else thread.status_history
    ordered = sorted(history, key=lambda s: s.date.sort_key())  # written oldest first; sorting keeps ties
    steps = []
    previous: str | None = None
    for change in ordered:
        steps.append(StatusStep(change, change.status != previous))
        previous = change.status
    return steps
