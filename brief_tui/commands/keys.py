"""``brief keys``: every action of the reader, its id, its keys (after keymap.yaml) and what it does."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from brief_tui.actions import ACTIONS, key_display, keys_in_use

__all__ = ["main"]


def main(argv: Sequence[str]) -> int:
    """Print one line per action: ``id  keys  description``; exit 0 (2 on a usage error)."""
    parser = argparse.ArgumentParser(
        prog="brief keys",
        description="Every action of the reader: id, keys, description. "
        "Map ids to keys in keymap.yaml in the config directory ($BRIEF_CONFIG_DIR when set).",
    )
    parser.parse_args(list(argv))
    from brief_tui.settings import keymap_path, load_keymap

    keymap, problems = load_keymap()
    for problem in problems:
        print(f"brief keys: {problem}", file=sys.stderr)
    rows = [
        (action.id, " ".join(key_display(key) for key in keys_in_use(action, keymap)), action.description)
        for action in ACTIONS
    ]
    id_width = max(len(row[0]) for row in rows)
    key_width = max(len(row[1]) for row in rows)
    try:
        for action_id, keys, description in rows:
            print(f"{action_id:<{id_width}}  {keys:<{key_width}}  {description}")
        print(f"\nkeymap: {keymap_path()}")
    except BrokenPipeError:
        sys.stderr.close()
    return 0
