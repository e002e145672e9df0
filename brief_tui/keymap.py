"""Whether a user's keymap can be applied: each key a key Textual can bind, and no key
taken from another action that works in the same place.

``check_keys`` asks Textual whether a key exists (imported only then); ``check_conflicts``
is plain Python, so ``brief keys`` reports the same clashes the reader does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from brief_tui.actions import ACTIONS, Action, Scope, by_id, key_display, keys_in_use

__all__ = ["check_conflicts", "check_keys", "is_key", "key_name"]

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# Named keys a terminal sends that are not characters.
NAMED = frozenset(
    {"enter", "escape", "tab", "backspace", "space", "up", "down", "left", "right", "home", "end"}
    | {"pageup", "pagedown", "insert", "delete"}
    | {f"f{number}" for number in range(1, 25)}
)
# Textual's names for the few characters whose Unicode names it shortens (textual/keys.py);
# tests/widgets/test_keymap.py checks key_name against Textual for every printable ASCII character.
_SHORT_NAMES = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
# Scopes whose keys are live at the same time as another scope's (besides ``app``, live everywhere):
# the reader's keys while a pane or the broken-edit bar has focus, help's page inside help.
_TOGETHER: dict[Scope, frozenset[Scope]] = {
    "reader": frozenset({"sidebar", "detail", "timeline", "reload"}),
    "help": frozenset({"page"}),
}


def is_key(key: str) -> bool:
    """Whether ``key`` (``ctrl+n``, ``]``, ``right_square_bracket``, ``f5``) names a key."""
    from textual.keys import key_to_character

    *modifiers, base = key.strip().split("+") if key.strip() != "+" else ["+"]
    if not base or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    return (len(base) == 1 and base.isprintable()) or base in NAMED or key_to_character(base) is not None


def key_name(key: str) -> str:
    """A key as Textual names it when it is pressed: ``[`` is ``left_square_bracket``, ``ctrl+n`` as is.

    A terminal sends shift and a letter as the capital (``shift+u`` arrives as ``U``), and
    Textual lists modifiers in alphabetical order (``alt+shift+u``, ``ctrl+shift+x``), so a key
    written either way gets the one name a binding needs to fire.
    """
    key = key.strip()
    if "+" in key and key != "+":
        *modifiers, base = key.split("+")
        if len(base) == 1 and base.isalpha() and base.isupper():
            modifiers, base = [*modifiers, "shift"], base.lower()
        named = sorted(set(modifiers))
        if named == ["shift"] and len(base) == 1 and base.isalpha():
            return base.upper()
        return "+".join([*named, key_name(base)])
    if len(key) != 1 or key.isalnum():
        return key
    try:
        name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
    except ValueError:  # a control character: no name to give
        return key
    return _SHORT_NAMES.get(name, name)


def _live_together(one: Scope, other: Scope) -> bool:
    if one == other or "app" in (one, other):
        return True
    return other in _TOGETHER.get(one, frozenset()) or one in _TOGETHER.get(other, frozenset())


def _clash(action: Action, keymap: Mapping[str, str]) -> tuple[str, Action] | None:
    """A key of ``action`` (as the keymap sets it) that another action live in the same place has."""
    mine = {key_name(key) for key in keys_in_use(action, keymap)}
    for other in ACTIONS:
        if other is action or not _live_together(action.scope, other.scope):
            continue
        theirs = {key_name(key) for key in keys_in_use(other, keymap)}
        # Keys the two share by default are meant (``?`` opens help and closes it): not a clash.
        meant = {key_name(key) for key in action.keys} & {key_name(key) for key in other.keys}
        shared = sorted((mine & theirs) - meant)
        if shared:
            return shared[0], other
    return None


def _first_clash(keymap: Mapping[str, str]) -> tuple[Action, str, Action] | None:
    """The first entry, in the keymap's order, that takes a key of another action, with the key and that action."""
    for action_id in keymap:
        action = by_id(action_id)
        clash = _clash(action, keymap) if action is not None else None
        if action is not None and clash is not None:
            return action, *clash
    return None


def check_conflicts(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The entries that take no key from another action live in the same place, and a line per entry ignored.

    Entries are checked against each other as well as the defaults, so a swap (``next-thread: "["``
    with ``previous-thread: "]"``) is fine; a clashing entry is dropped and its action keeps its keys.
    """
    kept = dict(keymap)
    problems: list[str] = []
    # Until none clashes: dropping one entry gives its action back its default keys, which may
    # clash with an entry kept before (the other half of a swap).
    while (found := _first_clash(kept)) is not None:
        action, key, other = found
        del kept[action.id]
        defaults = " ".join(key_display(k) for k in action.keys)
        problems.append(
            f"keymap.yaml: {action.id}: {key_display(key)!r} is already the key of {other.id} "
            f"({other.description}); ignored, {action.id} keeps {defaults}"
        )
    return kept, problems


def check_keys(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The entries whose keys are all real keys, each key named as Textual names it when pressed
    (``shift+u`` as ``U``: a binding to ``shift+u`` would never fire), and a line for each entry
    ignored (clashes: ``check_conflicts``)."""
    good: dict[str, str] = {}
    problems: list[str] = []
    for action_id, keys in keymap.items():
        bad = [key for key in keys.split(",") if not is_key(key)]
        if bad:
            problems.append(f"keymap.yaml: {action_id}: {', '.join(map(repr, bad))} is not a key; ignored")
        else:
            good[action_id] = ",".join(key_name(key) for key in keys.split(","))
    return good, problems
