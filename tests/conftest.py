"""Shared fixtures: the built-in briefing, and settings, state and cache kept out of the user's home."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILTIN = ROOT / "content" / "ukraine-peace-talks.yaml"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # No test reads or writes the real user's cache or settings.
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("BRIEF_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("BRIEF_STATE_DIR", str(base / "state"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "xdg-state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.delenv("BRIEF_LIBRARY", raising=False)
    monkeypatch.delenv("BRIEF_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
