"""Throwaway PostgreSQL 15 and Redis servers for the local production topology.

Both run from the machine's binaries (Debian packages) on free local ports, with their data
in a folder that is removed afterwards.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, timeout: float = 30.0) -> None:
    """Wait until something accepts connections on ``127.0.0.1:port``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


def _server_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("no unprivileged user to run PostgreSQL")


def _as_server_user(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its binaries as an unprivileged user then."""
    return ["runuser", "-u", _server_user(), "--", *args] if os.geteuid() == 0 else args


class Postgres:
    """A PostgreSQL server in ``folder`` on a free port; ``url`` reaches database ``care``."""

    def __init__(self, folder: Path) -> None:
        """Prepare (nothing runs until :meth:`start`)."""
        self.folder = folder
        self.data = folder / "pgdata"
        self.port = free_port()
        self.url = f"postgresql://care@127.0.0.1:{self.port}/care"

    def start(self) -> None:
        """Create the cluster on first use, start the server and the ``care`` database."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            user = pwd.getpwnam(_server_user())
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        first = not self.data.exists()
        if first:
            subprocess.run(
                _as_server_user(
                    [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "care", "--auth=trust", "-E", "UTF8"]
                ),
                check=True,
                stdout=subprocess.DEVNULL,
            )
        self._pg_ctl("start", "-w", "-l", str(self.folder / "postgres.log"), "-o", self._options())
        if first:
            subprocess.run(
                _as_server_user(
                    [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "care", "care"]
                ),
                check=True,
            )

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast`` rolls back open transactions; ``immediate`` is a crash)."""
        self._pg_ctl("stop", "-m", mode, check=False)

    def _options(self) -> str:
        return f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=80"

    def _pg_ctl(self, *args: str, check: bool = True) -> None:
        subprocess.run(
            _as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(self.data), *args]),
            check=check,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


class Redis:
    """A Redis server without persistence on a free port."""

    def __init__(self, folder: Path) -> None:
        """Prepare (nothing runs until :meth:`start`)."""
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start ``redis-server`` and wait until it accepts connections."""
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
                "--logfile",
                str(self.folder / "redis.log"),
                # Reflex's opportunistic locks hear of lock releases and contention through these
                # (it sets them itself too, but a restarted Redis would forget them).
                "--notify-keyspace-events",
                "K$sgxe",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_port(self.port)

    def stop(self) -> None:
        """Stop the server (its contents are lost, as after a crash without persistence)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
