"""``brief`` over a real SSH connection to a throwaway sshd on 127.0.0.1, as a user on a server runs it.

Records what one ``]`` (next thread) costs the link, in bytes that reach the terminal and,
where ``ss`` can tell, in bytes on the wire; writes them to /tmp/notes/ssh.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from brief_tui.paths import builtin_content
from tests.e2e.sshd import SshServer, SshUnavailable, start_sshd
from tests.e2e.terminal import Terminal

NOTES = Path("/tmp/notes/ssh.md")
PRESSES = 3
# Measured: 5.3-5.6 KB per `]` at 80x24 (budget 4 KB, PRODUCT.md); a rise above 8 KB is a regression.
SANITY_BYTES = 8 * 1024


def brief_command() -> list[str]:
    """The installed console script beside this Python, else ``python -m brief_tui`` (absolute paths)."""
    script = Path(sys.executable).with_name("brief")
    if script.exists():
        return [str(script)]
    found = shutil.which("brief")
    return [os.path.abspath(found)] if found else [sys.executable, "-m", "brief_tui"]


def _briefing() -> Path:
    content = builtin_content()
    preferred = content / "ukraine-peace-talks.yaml"
    return preferred if preferred.exists() else sorted(content.rglob("*.yaml"))[0]


def _thread_titles(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [thread["title"] for thread in data.get("threads", [])]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    try:
        running = start_sshd(tmp_path_factory.mktemp("sshd"))
    except SshUnavailable as why:
        pytest.skip(f"no SSH server for the end-to-end test: {why}")
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def remote_env(tmp_path: Path) -> dict[str, str]:
    """The variables the remote side runs brief with: a throwaway home, config and cache."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        "HOME": str(home),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "BRIEF_CONFIG_DIR": str(tmp_path / "config"),
        "BRIEF_CACHE_DIR": str(tmp_path / "cache"),
    }


def _ssh(server: SshServer, remote: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        server.argv(remote, tty=False, env=env),
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )


def test_the_remote_side_sees_ssh_connection(server: SshServer, remote_env: dict[str, str]) -> None:
    probe = "import os; print('SSH_CONNECTION=' + os.environ.get('SSH_CONNECTION', ''))"
    result = _ssh(server, [sys.executable, "-c", probe], remote_env)
    assert result.returncode == 0, f"{result.stderr}\n{server.log()}"
    assert re.search(rf"^SSH_CONNECTION=127\.0\.0\.1 \d+ 127\.0\.0\.1 {server.port}$", result.stdout, re.M), result
    # And the app, built in that environment, turns animation off for the link.
    check = "from brief_tui.app import create_app; print('animation=' + create_app().animation_level)"
    result = _ssh(server, [sys.executable, "-c", check], remote_env)
    assert result.returncode == 0, result.stderr
    assert "animation=none" in result.stdout, result.stdout


def _wire_bytes(port: int) -> int | None:
    """Bytes the server's end of the connection has sent so far, from ``ss`` (None where it can't tell)."""
    ss = shutil.which("ss")
    if ss is None:
        return None
    try:
        out = subprocess.run(
            [ss, "-tinH", "state", "established", f"( sport = :{port} )"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    counts = [int(n) for n in re.findall(r"\bbytes_sent:(\d+)", out)]
    return counts[0] if len(counts) == 1 else None


def _detail_title(screen: Terminal, titles: list[str]) -> str | None:
    """Which thread the detail pane's frame names (its title may be cut short with an ellipsis)."""
    top = screen.text.split("\n")[0]
    found = [title for title in titles if title[:24] in top]
    return max(found, key=len) if found else None


def test_next_thread_over_ssh(server: SshServer, remote_env: dict[str, str]) -> None:
    briefing = _briefing()
    titles = _thread_titles(briefing)
    assert len(titles) >= PRESSES + 1, "the built-in briefing has too few threads for this test"
    command = [*brief_command(), str(briefing)]
    screen = Terminal(server.argv(command, env=remote_env), cols=80, rows=24)
    try:
        # A thread's title in the sidebar (cut short there) means the reader is up.
        assert screen.wait_for(titles[0][:12], timeout=20), f"{screen.text}\n{server.log()}"
        screen.settle(quiet=0.5)
        costs: list[tuple[str, int, int | None]] = []
        for _ in range(PRESSES):
            before_title, before_text = _detail_title(screen, titles), screen.text
            written, wire = screen.written, _wire_bytes(server.port)
            screen.press("]")
            screen.settle(quiet=0.5, timeout=5)
            after_title = _detail_title(screen, titles)
            assert screen.text != before_text, f"`]` changed nothing:\n{screen.text}"
            assert after_title, f"no thread in the detail pane after `]`:\n{screen.text}"
            assert after_title != before_title, f"`]` did not move on from {before_title}:\n{screen.text}"
            wire_after = _wire_bytes(server.port)
            on_wire = wire_after - wire if wire is not None and wire_after is not None else None
            costs.append((after_title, screen.written - written, on_wire))
        assert "Traceback" not in screen.text
        screen.press("q")
        assert screen.wait_exit(timeout=10) == 0, screen.text
    finally:
        screen.close()
    report = _report(costs)
    print("\n" + report)
    _write_notes(report)
    for _, terminal_bytes, _ in costs:
        assert 0 < terminal_bytes < SANITY_BYTES


def _write_notes(report: str) -> None:
    """Replace the measured part of the notes, keeping what was written by hand below it."""
    NOTES.parent.mkdir(parents=True, exist_ok=True)
    kept = NOTES.read_text().partition("\n## Notes")[1:] if NOTES.exists() else ("", "")
    NOTES.write_text(report + "".join(kept))


def _report(costs: list[tuple[str, int, int | None]]) -> str:
    lines = [
        "# Bytes per `]` over SSH",
        "",
        "Measured by tests/e2e/test_ssh.py: `brief` (built-in briefing) over `ssh -tt` to a",
        "throwaway sshd on 127.0.0.1, 80x24, TERM=xterm-256color, SSH_CONNECTION set (no animation).",
        "`terminal` = bytes the ssh client wrote to the terminal after one `]`, once the screen",
        "settled; `wire` = bytes sshd's TCP socket sent meanwhile (encryption and packet overhead",
        "included; from `ss -ti`, blank where it could not tell).",
        "",
        "| `]` onto | terminal bytes | wire bytes |",
        "|---|---:|---:|",
    ]
    for title, terminal_bytes, wire in costs:
        lines.append(f"| {title} | {terminal_bytes:,} | {'' if wire is None else f'{wire:,}'} |")
    mean = sum(c[1] for c in costs) / len(costs)
    lines += ["", f"Mean: {mean:,.0f} terminal bytes per `]`.", ""]
    return "\n".join(lines)
