"""A throwaway OpenSSH server on 127.0.0.1 for end-to-end tests, and the ``ssh`` line that reaches it.

Everything it needs (host key, user key, authorized_keys, config, pid file, log) lives in
one temporary directory; the server listens on loopback only and is stopped by the caller.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SshServer", "SshUnavailable", "find_sshd", "start_sshd"]

HOST = "127.0.0.1"
START_TIMEOUT = 10.0

# OpenSSH refuses to run as root without its privilege separation directory; distributions
# create it from their service unit, which never ran in a container.
PRIVSEP_DIR = Path("/run/sshd")


class SshUnavailable(Exception):
    """No OpenSSH server can be had here; the message says why (it becomes the skip reason)."""


def find_sshd() -> str | None:
    """The absolute path of ``sshd`` (it must be absolute: sshd re-executes itself), or None."""
    for candidate in ("/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd"):
        if os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("sshd")
    return os.path.abspath(found) if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _keygen(keygen: str, path: Path, comment: str) -> None:
    subprocess.run(
        [keygen, "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", str(path)],
        check=True,
        timeout=20,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )


def _config(directory: Path, port: int) -> str:
    return "\n".join(
        [
            f"ListenAddress {HOST}",
            f"Port {port}",
            f"HostKey {directory / 'host_key'}",
            f"AuthorizedKeysFile {directory / 'authorized_keys'}",
            f"PidFile {directory / 'sshd.pid'}",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",
            "PermitRootLogin prohibit-password",
            "PrintMotd no",
            "PrintLastLog no",
            "X11Forwarding no",
            "AllowTcpForwarding no",
            "AllowAgentForwarding no",
            "LogLevel ERROR",
            "",
        ]
    )


@dataclass
class SshServer:
    """A running sshd and what a client needs to log in to it."""

    sshd: str
    ssh: str
    port: int
    user: str
    key: Path
    directory: Path
    process: subprocess.Popen[bytes]

    def argv(self, remote: Sequence[str], *, tty: bool = True, env: Mapping[str, str] | None = None) -> list[str]:
        """The ``ssh`` command line that runs ``remote`` (with ``env`` set) on this server."""
        options = [
            "-F",
            "/dev/null",
            "-i",
            str(self.key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "GlobalKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=5",
            "-p",
            str(self.port),
        ]
        command = list(remote)
        if env:
            command = ["env", *(f"{name}={value}" for name, value in env.items()), *command]
        # ssh joins the remote words with spaces for the remote shell: quote each one.
        return [self.ssh, "-tt" if tty else "-T", *options, f"{self.user}@{HOST}", shlex.join(command)]

    def log(self) -> str:
        """What sshd wrote to its log so far (for failure messages)."""
        try:
            return (self.directory / "sshd.log").read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the server and wait for it (bounded)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def _wait_for_port(process: subprocess.Popen[bytes], port: int, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection((HOST, port), timeout=0.5) as connection:
                connection.settimeout(2)
                # A listening sshd greets first; anything else on the port is not ours.
                return connection.recv(4).startswith(b"SSH-")
        except OSError:
            time.sleep(0.05)
    return False


def start_sshd(directory: Path, attempts: int = 3) -> SshServer:
    """Start sshd on a free loopback port with keys made in ``directory``; raise SshUnavailable if it can't."""
    sshd = find_sshd()
    if sshd is None:
        raise SshUnavailable("no OpenSSH server (sshd) found; install openssh-server (.ci/run does, as root)")
    ssh, keygen = shutil.which("ssh"), shutil.which("ssh-keygen")
    if ssh is None or keygen is None:
        raise SshUnavailable("no OpenSSH client (ssh, ssh-keygen) found; install openssh-client")
    account = pwd.getpwuid(os.geteuid())
    if Path(account.pw_shell).name in ("nologin", "false") or not os.access(account.pw_shell, os.X_OK):
        raise SshUnavailable(f"user {account.pw_name} has no login shell ({account.pw_shell}) to run commands with")
    if os.geteuid() == 0 and not PRIVSEP_DIR.is_dir():
        try:
            PRIVSEP_DIR.mkdir(mode=0o755, parents=True, exist_ok=True)
        except OSError as error:
            raise SshUnavailable(f"sshd needs {PRIVSEP_DIR} and it cannot be made: {error}") from error
    directory.mkdir(parents=True, exist_ok=True)
    _keygen(keygen, directory / "host_key", "brief-test-host")
    _keygen(keygen, directory / "user_key", "brief-test-user")
    (directory / "authorized_keys").write_bytes((directory / "user_key.pub").read_bytes())
    config = directory / "sshd_config"
    problem = "it did not start"
    for _ in range(attempts):  # another process may take the free port between probe and bind
        port = _free_port()
        config.write_text(_config(directory, port))
        checked = subprocess.run(
            [sshd, "-t", "-f", str(config)], capture_output=True, text=True, timeout=20, stdin=subprocess.DEVNULL
        )
        if checked.returncode != 0:
            raise SshUnavailable(f"sshd refuses the test configuration: {checked.stderr.strip()}")
        with (directory / "sshd.log").open("wb") as log:
            process = subprocess.Popen(
                [sshd, "-D", "-e", "-f", str(config)], stdin=subprocess.DEVNULL, stdout=log, stderr=log
            )
        server = SshServer(
            sshd, ssh, port, pwd.getpwuid(os.geteuid()).pw_name, directory / "user_key", directory, process
        )
        if _wait_for_port(process, port, START_TIMEOUT):
            return server
        problem = server.log().strip() or problem
        server.stop()
    raise SshUnavailable(f"sshd could not listen on {HOST}: {problem}")
