"""The App: themes, global keys, and which screen a library opens on. Thin by design."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from brief_tui.actions import bindings_for
from brief_tui.paths import styles_dir
from brief_tui.settings import Settings, load_keymap
from brief_tui.themes import THEMES

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.theme import Theme

    from brief_tui.loader import BriefingError, Library
    from brief_tui.loader.index import Shelf
    from brief_tui.loader.opened import OpenedLibrary
    from brief_tui.model import Briefing
    from brief_tui.screens.library import LibraryScreen
    from brief_tui.state import Store

__all__ = ["BriefApp", "create_app"]

# Files up to this size load before the first frame (no flash of a loading screen);
# bigger ones load in a worker while a loading screen shows.
EAGER_LOAD_BYTES = 512 * 1024


class LoadingScreen(Screen[None]):
    """Shown while a big briefing is parsed in a worker: what, how big, for how long."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what
        self.started = time.monotonic()

    def compose(self) -> ComposeResult:
        notice = Static(self._message(), id="loading")
        notice.border_title = Text("Threads")
        yield notice

    def on_mount(self) -> None:
        # Once a second: enough to show it is working, cheap over a slow link.
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        # Once the briefing shows on a screen above, this one is hidden, but Textual still
        # repaints the screen above where this one changes: 20 KB a second for nothing.
        if self.app.screen is self:
            self.query_one("#loading", Static).update(self._message())

    def _message(self) -> Text:
        seconds = time.monotonic() - self.started
        return Text(f"Loading {self.what}…\n\nParsing once; later opens use the cache.\n{seconds:.0f} s")


class BriefApp(App[None]):
    """The briefing reader."""

    CSS_PATH = [styles_dir() / "brief.tcss"]  # noqa: RUF012 (Textual declares it without ClassVar)
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {*App.COMMANDS, lambda: _brief_commands()}
    TITLE = "brief"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("app")

    class Loaded(Message):
        """A library finished loading in the worker."""

        def __init__(self, library: Library) -> None:
            self.library = library
            super().__init__()

    class Opened(Message):
        """A briefing chosen in the library finished loading (or could not be read)."""

        def __init__(self, briefing: Briefing | None, errors: list[BriefingError]) -> None:
            self.briefing = briefing
            self.errors = errors
            super().__init__()

    def __init__(
        self,
        paths: Sequence[str | Path] = (),
        *,
        cache: bool = True,
        settings: Settings | None = None,
        library: Library | None = None,
        open_at: str | None = None,
        store: Store | None = None,
    ) -> None:
        super().__init__()
        self.open_at = open_at  # an address, BRIEFING/ITEM, to start at (``brief open``)
        self._store = store  # opened on first use, after the first frame
        from brief_tui.library_config import COMMAND_LINE, reader_library

        if paths:
            self.roots, self.config_problems = [(Path(p), COMMAND_LINE) for p in paths], []
        else:  # the built-in library and the reader's own folders (config.yaml, $BRIEF_LIBRARY)
            reader = reader_library()
            self.roots, self.config_problems = reader.roots, reader.problems
        self.paths = [root for root, _ in self.roots]
        self.cache = cache
        self.settings = settings if settings is not None else Settings.load()
        self.library = library
        self.opened: OpenedLibrary | None = None
        """The briefings of the indexed library shown, each loaded once when first asked for."""
        self.keymap: dict[str, str] = {}
        """The user's keymap.yaml as applied: action id -> keys."""
        self._child: subprocess.Popen[bytes] | None = None
        self._quitting = False
        self._shelf_shown = False
        for theme in THEMES:
            self.register_theme(theme)
        self._first_theme(self.settings.theme if self.settings.theme in self.available_themes else THEMES[0].name)
        if os.environ.get("SSH_CONNECTION"):
            # Every animation frame is bytes on a slow link.
            self.animation_level = "none"

    def _first_theme(self, name: str) -> None:
        """Start in theme ``name`` without parsing every stylesheet twice before the first frame.

        Set as ``self.theme = name``, Textual's watcher queues a refresh of all CSS, which
        drops the parsed stylesheets and parses them again (about 10 ms). Before the app runs,
        what the watcher changes is the stylesheet's variables and the app's classes; a theme
        that differs from Textual's default in darkness or ANSI colours also changes a line
        filter, so it takes the watcher's way.
        """
        default, chosen = self.current_theme, self.get_theme(name)
        if chosen is None or chosen.dark != default.dark or chosen.ansi != default.ansi:
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(True, f"-theme-{name}", update=False)

    def get_default_screen(self) -> Screen[Any]:
        """The first screen: the briefing itself when it is small enough to load at once."""
        if self.library is None and (shelf := self._shelf()) is not None:
            from brief_tui.screens.library import LibraryScreen

            return LibraryScreen(shelf, problems=self.config_problems, cache=self.cache)
        if self.library is None and self._loads_quickly():
            self.library = self._load_library()
        if self.library is None:
            megabytes = _size(self.paths) / 1e6
            return LoadingScreen(f"{', '.join(p.name for p in self.paths)} ({megabytes:.1f} MB)")
        return self._screen_for(self.library)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._apply_keymap()
        if self.library is None and not self._shelf_shown:
            self._load_in_worker()
        if self.config_problems and not self._shelf_shown:
            self.notify("\n".join(self.config_problems), severity="warning", timeout=10, markup=False)

    def _shelf(self) -> Shelf | None:
        """The library as its index knows it, when the paths hold several briefings; None for one."""
        if len(self.paths) == 1 and not self.paths[0].is_dir():
            return None
        if len(self.paths) == 1:
            # One folder of one briefing (the built-in library): no index to read.
            from itertools import islice

            from brief_tui.loader.library import briefing_files

            found = list(islice(briefing_files(self.paths[0]), 2))
            if len(found) < 2:
                self.paths = found or self.paths
                return None
        from brief_tui.loader.index import open_shelf

        shelf = open_shelf(self.roots, index=self.cache)
        if len(shelf.files) == 1:
            self.paths = [Path(shelf.files[0][0])]  # one briefing: open it, as a file would be
            return None
        if not shelf.files:
            return None
        self._shelf_shown = True
        return shelf

    def _apply_keymap(self) -> None:
        """Apply keymap.yaml; its problems are told once, as literal text, and the entries ignored."""
        from brief_tui.keymap import check_keys

        keymap, problems = load_keymap()
        keymap, bad_keys = check_keys(keymap)
        problems.extend(bad_keys)
        if keymap:
            self.keymap = keymap
            self.set_keymap(keymap)
        if problems:
            self.notify("\n".join(problems), title="keymap.yaml", severity="warning", markup=False, timeout=10)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Of Textual's own palette commands only the theme: the reader's actions come from the registry."""
        yield SystemCommand("Theme", "Change the colour theme", self.action_change_theme)

    def on_command_palette_opened(self, message: object) -> None:
        """The palette's search icon as one narrow cell: an emoji's width varies by terminal and font over SSH."""
        from textual.command import CommandPalette, SearchIcon

        if isinstance(self.screen, CommandPalette):
            for icon in self.screen.query(SearchIcon):
                icon.icon = ">"

    def search_themes(self) -> None:
        """The theme palette, offering brief's own themes (``themes.OFFERED``), not every Textual theme."""
        from textual.command import CommandPalette

        from brief_tui.themes import BriefThemes

        self.push_screen(CommandPalette(providers=[BriefThemes], placeholder="Search for themes…"))

    async def action_quit(self) -> None:
        """Quit at once, ending a child parse still running for the loading screen."""
        self._quitting = True
        self._end_child()
        save_place = getattr(self.screen, "save_place", None)
        if save_place is not None:  # the reader's zoom and lanes, which no open has saved yet
            save_place()
        self.exit()

    def _end_child(self) -> None:
        child = self._child
        if child is not None and child.poll() is None:
            child.kill()

    def _loads_quickly(self) -> bool:
        """Small files, or big ones already in the parse cache, load before the first frame."""
        if _size(self.paths) <= EAGER_LOAD_BYTES:
            return True
        from brief_tui.loader.library import all_cached

        return self.cache and all_cached(self.paths)

    def _load_library(self) -> Library:
        import gc

        from brief_tui.loader import load_library

        library = load_library(self.paths, cache=self.cache)
        # The briefing lives as long as the app: keep the collector from rescanning its
        # hundred thousand objects on every pass while the screen is drawn.
        gc.freeze()
        return library

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load_in_worker(self) -> None:
        if self.cache:
            self._parse_in_child(self.paths)
        if self._quitting:
            return
        self.post_message(self.Loaded(self._load_library()))

    def _parse_in_child(self, paths: Sequence[Path]) -> None:
        """Fill the parse cache from a child process, so this one never holds the YAML graph.

        ``q`` kills the child (``action_quit``), so quitting never waits for a parse.
        """
        import sys

        command = [sys.executable, "-m", "brief_tui.loader.warm", *map(str, paths)]
        # If the child cannot run, the load that follows parses in this process instead.
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            self._child = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            try:
                self._child.wait(timeout=600)
            except subprocess.TimeoutExpired:
                self._child.kill()
                self._child.wait()

    def on_brief_app_loaded(self, message: Loaded) -> None:
        self.library = message.library
        # The loading screen is the base of the stack, which cannot be switched away.
        self.push_screen(self._screen_for(message.library))

    def _screen_for(self, library: Library) -> Screen[None]:
        if len(library.results) == 1 and not library.broken:
            return self._reader(library.results[0].briefing)
        if library.results:
            from brief_tui.screens.library import LibraryScreen

            return LibraryScreen(library=library, problems=self.config_problems)
        from brief_tui.screens.problems import ProblemsScreen

        return ProblemsScreen(library.broken, [str(path) for path in self.paths])

    def _reader(self, briefing: Briefing, *, from_library: bool = False) -> Screen[None]:
        from brief_tui.screens.reader import ReaderScreen

        briefing_id, _, item_id = (self.open_at or "").partition("/")
        open_at = item_id if briefing_id == briefing.id and item_id else None
        return ReaderScreen(briefing, from_library=from_library, open_at=open_at)

    def state_store(self) -> Store:
        """Read marks, places and bookmarks (opened on first use; a store that keeps nothing if it cannot be)."""
        if self._store is None:
            from brief_tui.state import open_store

            self._store = open_store()
        return self._store

    def on_library_screen_chosen(self, message: LibraryScreen.Chosen) -> None:
        if self.library is None and (self.opened is None or self.opened.shelf is not message.shelf):
            from brief_tui.loader.opened import OpenedLibrary

            self.opened = OpenedLibrary(message.shelf, cache=self.cache, before=self.opened)
        if message.briefing is not None:
            self.push_screen(self._reader(message.briefing, from_library=True))
        else:
            self._open_chosen(message.path)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_chosen(self, path: str) -> None:
        """Load one briefing of the library, only now that it is chosen."""
        from brief_tui.loader import BriefingError, load_briefing

        if self.cache and _size([Path(path)]) > EAGER_LOAD_BYTES:
            from brief_tui.loader.library import all_cached

            if not all_cached([path]):
                self._parse_in_child([Path(path)])
        if self._quitting:
            return
        try:
            result = load_briefing(path, cache=self.cache)
        except BriefingError as error:
            self.post_message(self.Opened(None, [error]))
            return
        briefing = self.opened.keep(path, result.briefing) if self.opened is not None else result.briefing
        self.post_message(self.Opened(briefing, []))

    def on_brief_app_opened(self, message: Opened) -> None:
        if message.briefing is not None:
            self.push_screen(self._reader(message.briefing, from_library=True))
        else:
            from brief_tui.screens.problems import ProblemsScreen

            self.push_screen(ProblemsScreen(message.errors))

    def action_help(self) -> None:
        """Show every key (the keys in use, after the user's keymap)."""
        from brief_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.settings.theme = theme.name
            self.settings.save()


def _brief_commands() -> type[Provider]:
    from brief_tui.palette import BriefCommands  # imported when the palette first opens

    return BriefCommands


def create_app(
    paths: Sequence[str | Path] = (),
    *,
    cache: bool = True,
    settings: Settings | None = None,
    library: Library | None = None,
    open_at: str | None = None,
    store: Store | None = None,
) -> BriefApp:
    """Build the app; tests pass their own settings, state store (and a loaded library) to pin them."""
    return BriefApp(paths, cache=cache, settings=settings, library=library, open_at=open_at, store=store)


def _size(paths: Sequence[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*.y*ml") if p.is_file())
        elif path.is_file():
            total += path.stat().st_size
    return total
