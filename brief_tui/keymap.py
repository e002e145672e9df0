"""Whether the keys of a user's keymap are keys Textual can bind (needs Textual, unlike settings)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["check_keys", "is_key"]

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# Named keys a terminal sends that are not characters.
NAMED = frozenset(
    {"enter", "escape", "tab", "backspace", "space", "up", "down", "left", "right", "home", "end"}
    | {"pageup", "pagedown", "insert", "delete"}
    | {f"f{number}" for number in range(1, 25)}
)


def is_key(key: str) -> bool:
    """Whether ``key`` (``ctrl+n``, ``]``, ``right_square_bracket``, ``f5``) names a key."""
    from textual.keys import key_to_character

    *modifiers, base = key.strip().split("+") if key.strip() != "+" else ["+"]
    if not base or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    return (len(base) == 1 and base.isprintable()) or base in NAMED or key_to_character(base) is not None


def check_keys(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The entries whose keys are all real keys, and a line for each entry ignored."""
    good: dict[str, str] = {}
    problems: list[str] = []
    for action_id, keys in keymap.items():
        bad = [key for key in keys.split(",") if not is_key(key)]
        if bad:
            problems.append(f"keymap.yaml: {action_id}: {', '.join(map(repr, bad))} is not a key; ignored")
        else:
            good[action_id] = keys
    return good, problems
