"""The repository's pre-commit hooks, run by `pre-commit try-repo` on a repository of briefings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
BIN = Path(sys.executable).parent
GOOD = "brief: 1\nid: good\ntitle: Good\nas_of: 2025-12-06\n"
BROKEN = "brief: 1\nid: broken\ntitle: Broken\nas_of: 2025-12-06\ntitel: typo\n"

pytestmark = pytest.mark.skipif(not (BIN / "brief").exists(), reason="brief is not installed beside this Python")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    return {
        **env,
        "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def _git(repo: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True, timeout=60)


def _repository(path: Path, env: dict[str, str], files: dict[str, str]) -> Path:
    path.mkdir()
    _git(path, env, "init", "-q")
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    _git(path, env, "add", "-A")
    _git(path, env, "commit", "-q", "--allow-empty", "-m", "files")
    return path


def _try_repo(hooks: Path, briefings: Path, hook: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "pre-commit"), "try-repo", str(hooks), hook, "--all-files"],
        cwd=briefings,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture
def hooks(tmp_path: Path) -> Path:
    """A repository holding the hooks manifest as committed here (all an installed-brief hook needs)."""
    env = _env(tmp_path)
    repo = _repository(tmp_path / "hooks", env, {})
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", repo / ".pre-commit-hooks.yaml")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "hooks")
    return repo


def test_the_hook_passes_good_briefings_and_skips_dot_files(hooks: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    files = {"good.yaml": GOOD, ".pre-commit-config.yaml": "repos: []\n", "_drafts/x.yaml": "not: a briefing\n"}
    briefings = _repository(tmp_path / "briefings", env, files)
    result = _try_repo(hooks, briefings, "brief-validate-installed", env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_the_hook_fails_a_broken_briefing_and_says_where(hooks: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    briefings = _repository(tmp_path / "briefings", env, {"good.yaml": GOOD, "topics/broken.yaml": BROKEN})
    result = _try_repo(hooks, briefings, "brief-validate-installed", env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "topics/broken.yaml:5:1: error: unknown key `titel`" in result.stdout


@pytest.mark.skipif(
    not os.environ.get("BRIEF_TEST_PRE_COMMIT_INSTALL"),
    reason="pre-commit installs brief and its dependencies from the package index: set BRIEF_TEST_PRE_COMMIT_INSTALL=1",
)
def test_the_self_installing_hook(tmp_path: Path) -> None:
    env = _env(tmp_path)
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info"))
    _git(project, env, "init", "-q")
    _git(project, env, "add", "-A")
    _git(project, env, "commit", "-q", "-m", "project")
    briefings = _repository(tmp_path / "briefings", env, {"good.yaml": GOOD, "broken.yaml": BROKEN})
    result = _try_repo(project, briefings, "brief-validate", env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "broken.yaml:5:1: error: unknown key `titel`" in result.stdout
