"""A program in a pseudo-terminal, watched through a terminal emulator (pyte).

Adapted from /work/shared/tools/termbench.py. What the harness needs beyond it: the
moment of every *visible* change (pyte's dirty lines compared cell by cell, so a
repaint of identical cells does not count), the first non-blank frame, waiting until
the screen is still, and every byte kept so a traceback printed on exit is seen.
"""

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
from collections.abc import Callable, Sequence

import pyte

__all__ = ["KEYS", "Term", "tree_rss_mb"]

KEYS = {
    "down": "\x1b[B",
    "up": "\x1b[A",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "enter": "\r",
    "tab": "\t",
    "escape": "\x1b",
    "space": " ",
    "backspace": "\x7f",
    "ctrl+c": "\x03",
    "home": "\x1b[H",
    "end": "\x1b[F",
}
_DECCKM = 1 << 5  # pyte keeps private mode ?1 (application cursor keys) shifted by 5 bits
_RAW_LIMIT = 4 << 20


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants, in MB."""
    total_kb, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total_kb += int(line.split()[1])
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return total_kb / 1024


class Term:
    """One run of a program in a fresh pseudo-terminal of a fixed size."""

    def __init__(self, argv: Sequence[str], cols: int, rows: int, env: dict[str, str]) -> None:
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.snapshot: list[tuple[object, ...]] = [()] * rows
        self.nbytes = 0
        self.changes = 0
        self.raw = bytearray()
        self.exit_code: int | None = None
        self.eof = False
        self.first_paint: float | None = None
        self.last_change: float | None = None
        self.t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: a new session whose controlling terminal is the pty
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                # A program starts as a terminal starts it: no signal blocked or ignored (a blocked
                # mask and ignored signals survive exec; a test runner's may hold SIGWINCH).
                signal.pthread_sigmask(signal.SIG_SETMASK, [])
                for number in (signal.SIGWINCH, signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                    signal.signal(number, signal.SIG_DFL)
                os.execvpe(argv[0], list(argv), env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    # -- reading -------------------------------------------------------------------------
    def text(self) -> str:
        """What the screen shows, one line per row."""
        return "\n".join(self.screen.display)

    def pump(self, timeout: float) -> bool:
        """Read whatever the program wrote within ``timeout``; False once it has closed the pty."""
        if self.eof:
            time.sleep(timeout)
            return False
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            data = b""
        if not data:
            self.eof = True
            return False
        now = time.perf_counter()
        self.nbytes += len(data)
        if len(self.raw) < _RAW_LIMIT:
            self.raw += data
        self.stream.feed(data)
        if b"\x1b[6n" in data:  # answer a cursor-position query as a real terminal would
            os.write(self.fd, b"\x1b[1;1R")
        self._note_changes(now)
        return True

    def _note_changes(self, now: float) -> None:
        buffer, cols = self.screen.buffer, self.cols
        changed = False
        for y in self.screen.dirty:
            if not 0 <= y < self.rows:
                continue
            line = buffer[y]
            row = tuple(line[x] for x in range(cols))
            if row != self.snapshot[y]:
                self.snapshot[y] = row
                changed = True
                if self.first_paint is None and any(c.data.strip() for c in row):
                    self.first_paint = now
        self.screen.dirty.clear()
        if changed:
            self.changes += 1
            self.last_change = now

    def wait_until(self, done: Callable[[], bool], limit: float) -> float | None:
        """Pump until ``done()``; the moment it became true, or None (time out, or the program ended)."""
        end = time.perf_counter() + limit
        while True:
            if done():
                return time.perf_counter()
            if time.perf_counter() >= end or not self.pump(0.005):
                return time.perf_counter() if done() else None

    def settle(self, quiet: float, limit: float) -> float | None:
        """Pump until nothing visible changed for ``quiet`` seconds; the moment of the last change."""
        end = time.perf_counter() + limit
        start = time.perf_counter()
        while time.perf_counter() < end:
            last = self.last_change or start
            if time.perf_counter() - max(last, start) >= quiet:
                break
            if not self.pump(0.005):
                break
        return self.last_change

    # -- writing -------------------------------------------------------------------------
    def send(self, key: str) -> None:
        """Type a key by name (see KEYS) or literal text."""
        seq = KEYS.get(key, key)
        if self.screen.mode and _DECCKM in self.screen.mode and len(seq) == 3 and seq.startswith("\x1b["):
            seq = "\x1bO" + seq[2]
        os.write(self.fd, seq.encode())

    # -- the process ---------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why the run cannot count: a traceback on screen or in the output, or the program ended."""
        # Rich styles the words of its traceback header apart, so look for the word alone.
        if "Traceback" in self.text() or b"Traceback" in self.raw:
            return "a Python traceback was printed"
        if self.poll() is not None:
            return f"the program exited (status {self.exit_code})"
        return None

    def poll(self) -> int | None:
        """The exit status if the program has ended, else None."""
        if self.exit_code is not None:
            return self.exit_code
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            self.exit_code = -1
            return self.exit_code
        if pid:
            self.exit_code = os.waitstatus_to_exitcode(status)
        return self.exit_code

    def quit(self, key: str, limit: float) -> int | None:
        """Send the quit key and wait for the program to end; its status, or None if it did not."""
        with contextlib.suppress(OSError):
            self.send(key)
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            self.pump(0.01)
            if self.poll() is not None:
                # Read what it printed on the way out (a traceback, if it crashed).
                while self.pump(0.02) and time.perf_counter() < end:
                    pass
                return self.exit_code
        return None

    def close(self) -> None:
        """End the program (its own process group, made by pty.fork) and release the pty."""
        if self.poll() is None:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(self.pid, sig)
                except OSError:
                    break
                deadline = time.perf_counter() + 0.5
                while time.perf_counter() < deadline and self.poll() is None:
                    time.sleep(0.01)
                if self.exit_code is not None:
                    break
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def tail(self, lines: int = 12) -> str:
        """The last non-blank lines of the screen, for a failure message."""
        shown = [line.rstrip() for line in self.screen.display if line.strip()]
        return "\n".join(shown[-lines:])
