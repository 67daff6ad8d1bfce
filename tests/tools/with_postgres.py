"""Run a command against a throwaway PostgreSQL 15 server on a free local port.

Usage: ``python -m tests.tools.with_postgres pytest …``; the command sees
``TEST_DATABASE_URL``. The server and its data folder are removed afterwards.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its binaries as the postgres user then."""
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", _server_user(), "--", *args]


def _server_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("no unprivileged user to run PostgreSQL")


@contextmanager
def postgres_server():
    """Start PostgreSQL in a temporary folder and yield its URL."""
    folder = Path(tempfile.mkdtemp(prefix="care-portal-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        user = pwd.getpwnam(_server_user())
        os.chown(folder, user.pw_uid, user.pw_gid)
    port = _free_port()
    subprocess.run(
        _as_server_user(
            [str(PG_BIN / "initdb"), "-D", str(data), "-U", "care", "--auth=trust", "-E", "UTF8"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        _as_server_user(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-w",
                "-o",
                f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60",
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            if (
                subprocess.run(
                    [str(PG_BIN / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)], capture_output=True
                ).returncode
                == 0
            ):
                break
            time.sleep(0.2)
        subprocess.run(
            _as_server_user(
                [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "care", "care_test"]
            ),
            check=True,
        )
        yield f"postgresql://care@127.0.0.1:{port}/care_test"
    finally:
        subprocess.run(
            _as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            stdout=subprocess.DEVNULL,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    """Start the server, run the command, return its exit code."""
    with postgres_server() as url:
        print(f"PostgreSQL ready at {url}", flush=True)
        return subprocess.run(
            sys.argv[1:], env={**os.environ, "TEST_DATABASE_URL": url}, check=False
        ).returncode


if __name__ == "__main__":
    sys.exit(main())
