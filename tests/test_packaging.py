"""The wheel carries content/ and styles/, and an install works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("brief_tui-*.whl")
    return built


def test_wheel_holds_content_and_styles(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "brief_tui/_data/content/ukraine-peace-talks.yaml" in names
    assert "brief_tui/_data/styles/brief.tcss" in names
    assert any(name.endswith("entry_points.txt") for name in names)


def test_installed_wheel_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target), BRIEF_NO_CACHE="1")
    # -I would drop PYTHONPATH; -P keeps the checkout off sys.path where Python supports it.
    for args in (["--version"], ["show"], ["list"]):
        result = subprocess.run(
            [sys.executable, "-m", "brief_tui", *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    probe = subprocess.run(
        [sys.executable, "-c", "import brief_tui.paths as p; print(p.builtin_content(), p.styles_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(target) in probe.stdout
