"""Choose a briefing when a library holds several; broken files listed with their first error.

The first frame shows the library as its index last saw it (no file read, no hash); then
a worker checks every file's size and time, loads only what changed, and the list
follows. A briefing's full model is loaded only when it is chosen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen

from brief_tui.render.safe import text
from brief_tui.widgets.key_bar import KeyBar
from brief_tui.widgets.library_list import LibraryEntry, LibraryList

if TYPE_CHECKING:
    from brief_tui.loader import Library
    from brief_tui.loader.index import Record, Shelf
    from brief_tui.model import Briefing

__all__ = ["LibraryScreen", "entries_for"]


class LibraryScreen(Screen[None]):
    """The briefings found, newest as-of first; enter opens one."""

    class Chosen(Message):
        """The reader chose a briefing: its file, the library it is in, and its model when already loaded."""

        def __init__(self, path: str, shelf: Shelf, briefing: Briefing | None = None) -> None:
            self.path = path
            self.shelf = shelf
            self.briefing = briefing
            super().__init__()

    class Checked(Message):
        """The worker has checked the library against the disk."""

        def __init__(self, shelf: Shelf) -> None:
            self.shelf = shelf
            super().__init__()

    class Progress(Message):
        """The worker has looked at ``done`` of ``total`` files."""

        def __init__(self, done: int, total: int) -> None:
            self.done, self.total = done, total
            super().__init__()

    def __init__(
        self,
        shelf: Shelf | None = None,
        *,
        library: Library | None = None,
        problems: Sequence[str] = (),
        cache: bool = True,
    ) -> None:
        super().__init__()
        from brief_tui.loader.index import Shelf, record_of

        self.cache = cache
        self.problems = list(problems)
        self.loaded: dict[str, Briefing] = {}
        if library is not None:  # already loaded (tests, small libraries): nothing to check
            shelf = Shelf([])
            for result in library.results:
                record = record_of(result.briefing)
                shelf.files.append((record.path, ""))
                shelf.records[record.path] = record
                self.loaded[record.path] = result.briefing
            self.extra_broken = list(library.broken)
            shelf.checked = True
        else:
            self.extra_broken = []
        self.shelf = shelf or Shelf([], checked=True)

    @property
    def briefings(self) -> list[Record]:
        """The briefings listed, newest as-of first."""
        return sorted(self.shelf.briefings(), key=lambda r: r.as_of_order, reverse=True)

    def compose(self) -> ComposeResult:
        listing = LibraryList(self._entries(), id="library")
        listing.border_title = Text("Briefings")
        listing.border_subtitle = self._status()
        yield listing
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.shelf.checked:
            # After the first frame: the check stats every file and may load some.
            self.call_after_refresh(self._check)

    def _check(self) -> None:
        self._check_in_worker(self.shelf)

    @work(thread=True, exclusive=True, group="library-check")
    def _check_in_worker(self, shelf: Shelf) -> None:
        from textual.worker import get_current_worker

        from brief_tui.loader.index import refresh

        worker = get_current_worker()
        step = max(1, len(shelf.files) // 20)

        def progress(done: int, total: int) -> bool:
            if worker.is_cancelled:
                return False
            if done % step == 0:
                self.post_message(self.Progress(done, total))
            return True

        self.post_message(self.Checked(refresh(shelf, cache=self.cache, progress=progress)))

    def on_library_screen_progress(self, message: Progress) -> None:
        if not self.shelf.checked:
            self.query_one(LibraryList).border_subtitle = Text(f"checking {message.done:,} of {message.total:,}")

    def on_library_screen_checked(self, message: Checked) -> None:
        self.shelf = message.shelf
        listing = self.query_one(LibraryList)
        listing.show(self._entries())
        listing.border_subtitle = self._status()

    def _status(self) -> Text:
        count = len(self.shelf.briefings())
        label = f"{count:,} briefing{'' if count == 1 else 's'}"
        if not self.shelf.checked:
            unknown = len(self.shelf.unknown())
            label += f" · checking{f', {unknown:,} new' if unknown else ''}…"
        return Text(label)

    def _entries(self) -> list[LibraryEntry]:
        return entries_for(self.briefings, self.shelf, self.problems, self.extra_broken_lines())

    def extra_broken_lines(self) -> list[tuple[str, str]]:
        """Broken files of an already loaded library, as (path, first problem)."""
        lines = []
        for error in self.extra_broken:
            first = error.problems[0] if error.problems else None
            lines.append((error.path, str(first) if first else f"{error.path}: cannot be read"))
        return lines

    def on_library_list_chosen(self, event: LibraryList.Chosen) -> None:
        event.stop()
        self.post_message(self.Chosen(event.key, self.shelf, self.loaded.get(event.key)))


def entries_for(
    briefings: Sequence[Record], shelf: Shelf, problems: Sequence[str], broken: Sequence[tuple[str, str]] = ()
) -> list[LibraryEntry]:
    """The list's entries: each briefing, then the files that cannot be opened and the config's problems."""
    entries = []
    titles = Counter(record.title for record in briefings)
    for record in briefings:
        title = text(record.title, style="bold", one_line=True)
        if titles[record.title] > 1:  # briefings of one title told apart by their files
            title.append("  ").append_text(text(Path(record.path).name, style="dim", one_line=True))
        detail = Text(f"  as of {_as_of_label(record.as_of)} · {_count(record.threads, 'thread')}")
        detail.append(f" · {_count(record.events, 'event')}")
        origin = shelf.origin(record.path)
        if origin:
            detail.append(" · ")
            detail.append_text(text(origin, one_line=True))
        entries.append(LibraryEntry(title, detail, record.path))
    if not shelf.checked:  # not read yet: listed by name, and can be opened already
        for path in shelf.unknown():
            name = Path(path)
            title = text(f"{name.name}  ({name.parent})", one_line=True)
            entries.append(LibraryEntry(title, Text("  not read yet"), path))
    failures = [(r.path, _where(r.problem)) for r in shelf.broken()] + list(broken)
    if failures or problems:
        entries.append(LibraryEntry(Text("Cannot be opened", style="bold"), Text("")))
    for path, message in failures:
        name = Path(path)
        entries.append(
            LibraryEntry(text(f"{name.name}  ({name.parent})", one_line=True), text(f"  {message}", one_line=True))
        )
    for problem in problems:
        entries.append(LibraryEntry(Text("Your library"), text(f"  {problem}", one_line=True)))
    return entries


def _where(problem: tuple[int, int, str] | None) -> str:
    line, column, message = problem or (1, 1, "cannot be read")
    return f"line {line}, column {column}: {message}"


def _as_of_label(written: str) -> str:
    from brief_tui.model import parse_date
    from brief_tui.render.labels import date_label

    try:
        return date_label(parse_date(written))
    except ValueError:
        return written


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
