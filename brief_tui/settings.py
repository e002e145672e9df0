"""The reader's remembered choices (the theme), kept as JSON under the XDG config directory."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_THEME", "Settings", "settings_path"]

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
