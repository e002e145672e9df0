"""Helpers for the text commands' tests: fixture paths, running ``python -m brief_tui``, a pty."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL = FIXTURES / "small.yaml"
HOSTILE = FIXTURES / "hostile.yaml"
LIBRARY = FIXTURES / "library"
ROOT = Path(__file__).resolve().parents[2]

# Any escape sequence at all: CSI, OSC, or a bare ESC.
ESCAPE = re.compile("\x1b")
# An SGR sequence that sets a colour (30-37, 38;..., 40-47, 90-97, 100-107), not only bold or dim.
COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")
OSC8 = re.compile(r"\x1b\]8;[^;]*;([^\x1b\x07]*)(?:\x1b\\|\x07)")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m brief_tui ARGS`` with stdout piped."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "brief_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def run_in_pty(*args: str, env: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, str]:
    """Run ``python -m brief_tui ARGS`` with a pseudo-terminal as stdout; the exit status and what it wrote."""
    master, slave = pty.openpty()
    full_env = {**os.environ, "TERM": "xterm-256color", **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "brief_tui", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=full_env,
        cwd=ROOT,
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif process.poll() is not None:
            break
    os.close(master)
    status = process.wait(timeout=timeout)
    return status, b"".join(chunks).decode("utf-8", "replace")


BUILTIN_ID = "ukraine-peace-talks"
