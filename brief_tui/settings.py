"""The reader's remembered choices (the theme), kept as JSON under the XDG config directory."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_THEME", "Settings", "keymap_path", "load_keymap", "settings_path"]

DEFAULT_THEME = "brief-dark"


def settings_path() -> Path:
    """Where settings live: ``$BRIEF_CONFIG_DIR`` or the platform's config directory."""
    override = os.environ.get("BRIEF_CONFIG_DIR")
    if override:
        return Path(override) / "settings.json"
    from platformdirs import user_config_dir

    return Path(user_config_dir("brief", appauthor=False)) / "settings.json"


@dataclass(slots=True)
class Settings:
    """Choices that outlive a session; a missing or damaged file gives the defaults."""

    theme: str = DEFAULT_THEME
    path: Path | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read settings, falling back to defaults on any problem."""
        path = path or settings_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path=path)
        theme = data.get("theme") if isinstance(data, dict) else None
        return cls(theme=theme if isinstance(theme, str) else DEFAULT_THEME, path=path)

    def save(self) -> None:
        """Write settings; a read-only home is not an error."""
        path = self.path or settings_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(json.dumps({"theme": self.theme}), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            pass


def keymap_path() -> Path:
    """Where the user's keymap lives: ``keymap.yaml`` beside the settings."""
    return settings_path().with_name("keymap.yaml")


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The user's keymap (action id -> keys) and a line per entry ignored; no file is no keymap.

    Keys are checked against the action registry's ids here, and an entry taking a key of
    another action live in the same place is ignored (``brief_tui.keymap.check_conflicts``);
    whether each key is a key Textual knows is checked by ``check_keys`` (which needs Textual).
    """
    from brief_tui.actions import by_id

    path = path or keymap_path()
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        return {}, [f"{path}: cannot be read ({error.__class__.__name__}); using the default keys"]
    import yaml

    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        return {}, [f"{path}{where}: not valid YAML; using the default keys"]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [f"{path}: expected lines of `action-id: keys`; using the default keys"]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for action_id, keys in data.items():
        if not isinstance(action_id, str) or by_id(action_id) is None:
            problems.append(f"{path}: no action {str(action_id)!r} (`brief keys` lists them); ignored")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: {action_id}: keys must be text such as 'ctrl+n'; ignored")
        else:
            keymap[action_id] = keys
    from brief_tui.keymap import check_conflicts  # only with a keymap: not on every launch

    keymap, clashes = check_conflicts(keymap)
    return keymap, problems + clashes
