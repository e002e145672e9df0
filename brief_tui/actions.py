"""Every reader action, declared once: its id, default keys, description and where it works.

The bindings of the app, the reader screen and the panes, the key bar, the help screen,
the command palette, a user's ``keymap.yaml`` and ``brief keys`` all read this table, so
they cannot disagree. Adding an action is one entry here plus the ``action_*`` method on
the class that owns its scope (``Scope`` below).

This module is plain data: ``brief keys`` prints it without importing Textual or Rich;
only ``bindings_for`` imports Textual, when a widget class asks for its bindings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from textual.binding import BindingType

__all__ = [
    "ACTIONS",
    "PANE_SCOPES",
    "VIEW_SCOPES",
    "Action",
    "Scope",
    "bindings_for",
    "by_id",
    "key_display",
    "keys_in_use",
]

Scope = Literal[
    "app",
    "library",
    "reader",
    "sidebar",
    "detail",
    "timeline",
    "help",
    "page",
    "matrix",
    "compare",
    "travel",
    "digest",
    "bookmarks",
    "reload",
]
"""Where an action works: ``app`` everywhere, ``library`` in the library's list of briefings,
``reader`` anywhere on the reader screen, a pane's name when that pane has focus (the
palette focuses the pane first), ``help`` in help, ``page`` in a scrolling page of text
(help's body); ``matrix``, ``compare`` and ``travel`` on the stance matrix, versions
compared and the time-travel prompt."""

VIEW_SCOPES: tuple[Scope, ...] = ("matrix", "compare", "travel")
"""Screens of their own, opened from the reader: the palette offers their actions only there."""

PANE_SCOPES: tuple[Scope, ...] = ("sidebar", "detail", "timeline")


@dataclass(frozen=True, slots=True)
class Action:
    """One thing a key does."""

    id: str
    """Kebab-case, unique: the name in ``keymap.yaml`` and ``brief keys``."""
    keys: tuple[str, ...]
    """Default keys, in Textual's names (``right_square_bracket``, ``ctrl+n``)."""
    description: str
    """What it does, for help, the palette and ``brief keys``."""
    scope: Scope
    method: str
    """The Textual action run on the scope's owner (``next_thread`` runs ``action_next_thread``)."""
    label: str = ""
    """The key bar's short label; empty keeps the action off the key bar."""
    palette: bool = True
    """Offered in the command palette (plain cursor moves are not: they mean nothing there)."""
    priority: bool = False
    """Runs before the focused widget sees the key (the palette's key, as Textual binds it)."""


def _a(
    id: str,
    keys: str,
    description: str,
    scope: Scope,
    method: str,
    *,
    label: str = "",
    palette: bool = True,
    priority: bool = False,
) -> Action:
    return Action(id, tuple(keys.split(",")), description, scope, method, label, palette, priority)


ACTIONS: tuple[Action, ...] = (
    # Everywhere
    _a("quit", "q", "Quit", "app", "quit", label="Quit"),
    _a("help", "question_mark,f1", "Show every key", "app", "help", label="Help"),
    _a(
        "command-palette",
        "ctrl+p",
        "Command palette: run an action, jump to any item",
        "app",
        "command_palette",
        priority=True,
    ),
    # The library's list of briefings (several briefings)
    _a("library-open", "enter", "Open the highlighted briefing", "library", "choose", label="Open", palette=False),
    _a("library-down", "j,down", "Next briefing", "library", "cursor_down", label="Next briefing", palette=False),
    _a("library-up", "k,up", "Previous briefing", "library", "cursor_up", label="Prev", palette=False),
    _a("library-first", "g,home", "First briefing", "library", "first", palette=False),
    _a("library-last", "G,end", "Last briefing", "library", "last", palette=False),
    _a("library-page-down", "pagedown", "Page down", "library", "page_down", palette=False),
    _a("library-page-up", "pageup", "Page up", "library", "page_up", palette=False),
    # The reader screen, whatever pane has focus
    _a("next-thread", "right_square_bracket", "Next thread", "reader", "next_thread", label="Next thread"),
    _a("previous-thread", "left_square_bracket", "Previous thread", "reader", "previous_thread", label="Prev"),
    _a("next-thread-event", "right_curly_bracket", "Next event of the current thread", "reader", "next_thread_event"),
    _a(
        "previous-thread-event",
        "left_curly_bracket",
        "Previous event of the current thread",
        "reader",
        "previous_thread_event",
    ),
    _a("next-pane", "tab", "Next pane", "reader", "next_pane", label="Pane"),
    _a("previous-pane", "shift+tab", "Previous pane", "reader", "previous_pane"),
    _a("pane-sidebar", "1", "Threads pane", "reader", "pane('sidebar')"),
    _a("pane-detail", "2", "Detail pane", "reader", "pane('detail')"),
    _a("pane-timeline", "3", "Timeline pane", "reader", "pane('timeline')"),
    _a("back", "escape,backspace", "Back to where enter came from", "reader", "back"),
    _a(
        "stance-matrix",
        "s",
        "The stance matrix: each party's latest leaning on each thread",
        "reader",
        "stance_matrix",
        label="Stances",
    ),
    _a(
        "compare-versions",
        "c",
        "On a document: compare two of its versions, part by part",
        "reader",
        "compare_versions",
        label="Compare",
    ),
    _a(
        "travel",
        "t",
        "Travel in time: the briefing as known on a date (uncertain dates count by their earliest "
        "moment; t then escape: back to now)",
        "reader",
        "travel",
        label="Time",
    ),
    # Following the negotiation: what changed, bookmarks, history, the item's address
    _a("next-changed", "u", "Next item new or changed since you last read", "reader", "next_changed"),
    _a("mark-all-read", "U", "Mark everything read", "reader", "mark_all_read"),
    _a("digest", "w", "What changed since you last read", "reader", "digest"),
    _a("bookmark", "b", "Bookmark the current item (again: remove it)", "reader", "toggle_bookmark"),
    _a("bookmarks", "B", "Bookmarks of every briefing", "reader", "bookmarks"),
    _a("history-back", "alt+left", "History: back", "reader", "history_back"),
    _a("history-forward", "alt+right", "History: forward", "reader", "history_forward"),
    _a(
        "copy-address",
        "y",
        "Copy the item's address (a source: its URL) by OSC 52; in tmux, set-clipboard on",
        "reader",
        "copy_address",
    ),
    # Search and filters (issue 11)
    _a("search", "slash", "Search every item (results as you type)", "reader", "search"),
    _a("next-match", "n", "Next search match", "reader", "next_match"),
    _a("previous-match", "N", "Previous search match", "reader", "previous_match"),
    _a("filter", "f", "Filter threads and events (f again edits)", "reader", "filter"),
    _a("clear-filter", "F", "Clear the filter", "reader", "clear_filter"),
    # Threads pane
    _a("sidebar-down", "j,down", "Next row", "sidebar", "cursor_down", palette=False),
    _a("sidebar-up", "k,up", "Previous row", "sidebar", "cursor_up", palette=False),
    _a("sidebar-first", "g,home", "First row", "sidebar", "first", palette=False),
    _a("sidebar-last", "G,end", "Last row", "sidebar", "last", palette=False),
    _a("sidebar-page-down", "pagedown", "Page down", "sidebar", "page_down", palette=False),
    _a("sidebar-page-up", "pageup", "Page up", "sidebar", "page_up", palette=False),
    _a("sidebar-open", "enter", "Read the highlighted row in the detail pane", "sidebar", "select", palette=False),
    # Detail pane
    _a("detail-down", "j,down", "Next reference, or scroll down a line", "detail", "cursor_down", palette=False),
    _a("detail-up", "k,up", "Previous reference, or scroll up a line", "detail", "cursor_up", palette=False),
    _a("detail-page-down", "space,pagedown", "Page down (the last line stays in view)", "detail", "page_down"),
    _a("detail-page-up", "pageup", "Page up (the first line stays in view)", "detail", "page_up"),
    _a("detail-top", "g,home", "Top of the item", "detail", "first"),
    _a("detail-bottom", "G,end", "End of the item", "detail", "last"),
    _a("follow", "enter", "Follow the highlighted reference", "detail", "follow", palette=False),
    # Timeline
    _a("earlier-event", "h,left", "Earlier event", "timeline", "previous_event", palette=False),
    _a("later-event", "l,right", "Later event", "timeline", "next_event", palette=False),
    _a("lane-up", "k,up", "Lane up (in the list: earlier event)", "timeline", "previous_lane", palette=False),
    _a("lane-down", "j,down", "Lane down (in the list: later event)", "timeline", "next_lane", palette=False),
    _a("zoom-in", "plus,equals_sign", "Zoom in", "timeline", "zoom_in", label="Zoom in"),
    _a("zoom-out", "minus", "Zoom out", "timeline", "zoom_out", label="Zoom out"),
    _a("as-of", "full_stop", "Jump to the as-of moment", "timeline", "jump_to_asof", label="As of"),
    _a("first-event", "g,home", "First event by date", "timeline", "first_event"),
    _a("last-event", "G,end", "Last event by date", "timeline", "last_event"),
    _a(
        "toggle-merged", "m", "One merged lane / one lane per thread", "timeline", "toggle_merged", label="Lanes/merged"
    ),
    _a("open-event", "enter", "Show the event in the detail pane", "timeline", "open_event", palette=False),
    # The stance matrix
    _a("close-matrix", "escape,s", "Back to the reader", "matrix", "close", label="Back", palette=False),
    _a("matrix-down", "j,down", "Next thread (row)", "matrix", "move(1, 0)", palette=False),
    _a("matrix-up", "k,up", "Previous thread (row)", "matrix", "move(-1, 0)", palette=False),
    _a("matrix-right", "l,right", "Next party (the list: next)", "matrix", "move(0, 1)", palette=False),
    _a("matrix-left", "h,left", "Previous party (the list: previous)", "matrix", "move(0, -1)", palette=False),
    _a(
        "open-stance",
        "enter",
        "Open the thread at that party's positions",
        "matrix",
        "open_stance",
        label="Open",
        palette=False,
    ),
    # Versions compared
    _a("close-compare", "escape,c", "Back to the reader", "compare", "close", label="Back", palette=False),
    _a(
        "earlier-versions",
        "left_square_bracket",
        "Compare the pair of versions before",
        "compare",
        "earlier",
        label="Earlier",
        palette=False,
    ),
    _a(
        "later-versions",
        "right_square_bracket",
        "Compare the pair of versions after",
        "compare",
        "later",
        label="Later",
        palette=False,
    ),
    # Time travel's date prompt ([ and ] are not typed into a date: they step through event dates)
    _a("back-to-now", "escape", "Back to now: the briefing as it stands", "travel", "now", palette=False),
    _a(
        "earlier-date",
        "left_square_bracket",
        "The event date before the one typed",
        "travel",
        "step(-1)",
        palette=False,
        priority=True,
    ),
    _a(
        "later-date",
        "right_square_bracket",
        "The event date after the one typed",
        "travel",
        "step(1)",
        palette=False,
        priority=True,
    ),
    # What changed (w) and the bookmarks (B)
    _a("digest-open", "enter", "Open the item of this row", "digest", "select", label="Open", palette=False),
    _a("digest-down", "j,down", "Next row", "digest", "cursor_down", palette=False),
    _a("digest-up", "k,up", "Previous row", "digest", "cursor_up", palette=False),
    _a("digest-close", "escape,backspace,w", "Back to the reader", "digest", "close", label="Back", palette=False),
    _a("bookmarks-open", "enter", "Open the bookmarked item", "bookmarks", "select", label="Open", palette=False),
    _a("bookmarks-remove", "d,delete", "Remove the bookmark", "bookmarks", "remove", label="Remove", palette=False),
    _a("bookmarks-down", "j,down", "Next bookmark", "bookmarks", "cursor_down", palette=False),
    _a("bookmarks-up", "k,up", "Previous bookmark", "bookmarks", "cursor_up", palette=False),
    _a(
        "bookmarks-close", "escape,backspace,B", "Back to the reader", "bookmarks", "close", label="Back", palette=False
    ),
    # The bar a broken edit shows (it takes focus when it appears)
    _a(
        "reload-problems",
        "enter",
        "Show every problem of the broken edit",
        "reload",
        "show_problems",
        label="All problems",
        palette=False,
    ),
    _a(
        "reload-leave",
        "escape,tab",
        "Back to the pane you were reading",
        "reload",
        "leave",
        label="Back",
        palette=False,
    ),
    # Help, and its page of text
    _a("close-help", "escape,question_mark,f1,backspace", "Close help", "help", "dismiss", palette=False),
    _a("scroll-down", "j,down", "Scroll down", "page", "scroll_down", palette=False),
    _a("scroll-up", "k,up", "Scroll up", "page", "scroll_up", palette=False),
    _a("scroll-page-down", "space,pagedown", "Page down", "page", "page_down", palette=False),
    _a("scroll-page-up", "pageup", "Page up", "page", "page_up", palette=False),
    _a("scroll-top", "g,home", "Top", "page", "scroll_home", palette=False),
    _a("scroll-bottom", "G,end", "Bottom", "page", "scroll_end", palette=False),
)

_BY_ID = {action.id: action for action in ACTIONS}
assert len(_BY_ID) == len(ACTIONS), "action ids must be unique"

# How keys read in help and ``brief keys``: the key as typed, not its Textual name.
_KEY_DISPLAY = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "right_curly_bracket": "}",
    "left_curly_bracket": "{",
    "question_mark": "?",
    "plus": "+",
    "equals_sign": "=",
    "minus": "-",
    "full_stop": ".",
    "slash": "/",
    "pagedown": "pgdn",
    "pageup": "pgup",
}


def by_id(action_id: str) -> Action | None:
    """The action with this id, or None."""
    return _BY_ID.get(action_id)


def key_display(key: str) -> str:
    """A key as a reader types it: ``]`` for ``right_square_bracket``, ``ctrl+n`` as is."""
    return _KEY_DISPLAY.get(key, key)


def keys_in_use(action: Action, keymap: Mapping[str, str]) -> tuple[str, ...]:
    """The action's keys after a user's keymap (which replaces the defaults, as Textual's does)."""
    if action.id in keymap:
        return tuple(key.strip() for key in keymap[action.id].split(",") if key.strip())
    return action.keys


def in_scopes(scopes: Iterable[Scope]) -> list[Action]:
    """The actions of these scopes, in declaration order."""
    wanted = set(scopes)
    return [action for action in ACTIONS if action.scope in wanted]


def bindings_for(scope: Scope, *, also: Iterable[str] = ()) -> list[BindingType]:
    """The Textual bindings of one scope, and of the actions ``also`` names (ids).

    Each binding's id is the action id, so keymaps apply. App actions run on the app
    (``app.quit``), so a modal screen, which hides the app's bindings, can bind them too.
    """
    from textual.binding import Binding

    extra = set(also)
    return [
        Binding(
            ",".join(action.keys),
            f"app.{action.method}" if action.scope == "app" else action.method,
            action.label or action.description,
            show=bool(action.label),
            tooltip=action.description,
            priority=action.priority,
            id=action.id,
        )
        for action in ACTIONS
        if action.scope == scope or action.id in extra
    ]
