"""A real pseudo-terminal with a terminal emulator (pyte) reading it: what a person sees."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence

import pyte

KEYS = {
    "down": "\x1b[B",
    "up": "\x1b[A",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "enter": "\r",
    "tab": "\t",
    "escape": "\x1b",
    "space": " ",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
    "home": "\x1b[H",
    "end": "\x1b[F",
}


class Terminal:
    """Runs a command in a pty of a given size and keeps an emulated screen of it."""

    def __init__(self, argv: Sequence[str], cols: int = 80, rows: int = 24, env: dict[str, str] | None = None) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.written = 0
        environment = dict(os.environ if env is None else env)
        # No COLUMNS/LINES: Python's get_terminal_size prefers them to the pty's real size,
        # and a program would then never see a resize.
        environment["TERM"] = "xterm-256color"
        environment.pop("COLUMNS", None)
        environment.pop("LINES", None)
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execvpe(argv[0], list(argv), environment)
        self.pid, self.fd = pid, fd
        self.status: int | None = None
        self.resize(cols, rows)

    def resize(self, cols: int, rows: int) -> None:
        """Change the terminal size, as a person dragging the window would."""
        self.screen.resize(rows, cols)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        # The kernel sends SIGWINCH to the program when the size changes.

    @property
    def text(self) -> str:
        """The screen as lines of text."""
        return "\n".join(self.screen.display)

    def pump(self, timeout: float) -> bool:
        """Read what the program wrote; False once it has closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        if not data:
            return False
        self.written += len(data)
        self.stream.feed(data)
        if b"\x1b[6n" in data:  # answer a cursor-position query as a terminal would
            os.write(self.fd, b"\x1b[1;1R")
        return True

    def wait_for(self, needle: str, timeout: float = 15.0) -> bool:
        """Wait until ``needle`` is on screen."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle in self.text:
                return True
            if not self.pump(0.02):
                return needle in self.text
        return needle in self.text

    def settle(self, quiet: float = 0.3, timeout: float = 5.0) -> None:
        """Read until the program has been quiet for ``quiet`` seconds."""
        end = time.monotonic() + timeout
        last = self.written
        quiet_since = time.monotonic()
        while time.monotonic() < end:
            if not self.pump(0.02):
                return
            if self.written != last:
                last, quiet_since = self.written, time.monotonic()
            elif time.monotonic() - quiet_since >= quiet:
                return

    def press(self, key: str) -> None:
        """Send a key (a name from KEYS or literal text)."""
        sequence = KEYS.get(key, key)
        # pyte keeps private modes shifted by 5: 32 is DECCKM (application cursor keys).
        if 32 in self.screen.mode and sequence.startswith("\x1b[") and len(sequence) == 3:
            sequence = "\x1bO" + sequence[2]
        os.write(self.fd, sequence.encode())

    def running(self) -> bool:
        """Whether the program is still running (it has not exited, crashed or been killed)."""
        return self.status is None and self.wait_exit(timeout=0.05) is None

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        """Wait for the program to end; its exit status, or None if it did not."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.02)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
        return None

    def close(self) -> None:
        """End the program if it is still running."""
        if self.status is None:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
        os.close(self.fd)
