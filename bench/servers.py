"""Throwaway servers for the benchmark: Redis, the Reflex app and the floor, all on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def staging_environment(database_url: str, redis_url: str, work: Path, workers: int) -> dict[str, str]:
    """The app's environment for a bench run on throwaway servers, made current and migrated.

    ``staging``: production settings refuse the simulated payment provider the bench pays with
    (and want Stripe, SMTP and https); Reflex itself still runs with ``--env prod``. The
    process's own environment is replaced too: the services the bench calls in process read
    their settings from it.

    Returns:
        The environment to start the app and the floor with.
    """
    env = {
        **os.environ,
        "ENVIRONMENT": "staging",
        "SECRET_KEY": "bench-" + os.urandom(16).hex(),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DATA_DIR": str(work / "data"),
        "PUBLIC_URL": "http://127.0.0.1",
        "GRANIAN_WORKERS": str(workers),
        "REFLEX_USE_SYSTEM_BUN": "1",
    }
    for name in ("SMTP_HOST", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"):
        env.pop(name, None)
    os.environ.clear()
    os.environ.update(env)
    subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=ROOT, env=env, check=True)
    return env


def free_port() -> int:
    """Return a free local TCP port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(check, what: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, httpx.HTTPError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{what} did not start within {seconds:.0f} s")


def _serving(proc: subprocess.Popen, health_url: str, log: Path) -> bool:
    """Whether the server answers; raise at once when it has exited (say, Reflex refusing Node 20)."""
    if proc.poll() is not None:
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
        raise RuntimeError(f"the server exited ({proc.returncode}) before serving: {' '.join(tail)}")
    return httpx.get(health_url, timeout=2).status_code == 200


@contextmanager
def redis_server() -> Iterator[str]:
    """Start Debian's ``redis-server`` on a free port without persistence; yield its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is missing: `apt-get install redis-server` (make bench does it)")
    folder = Path(tempfile.mkdtemp(prefix="care-portal-redis-"))
    port = free_port()
    process = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
            # Reflex's opportunistic locks hear of lock releases and contention through these
            # (it sets them itself too, but a restarted Redis would forget them).
            "--notify-keyspace-events",
            "K$sgxe",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for(lambda: socket.create_connection(("127.0.0.1", port), 1).close() is None, "Redis", 30)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def process(
    args: list[str], env: dict, health_url: str, log: Path, seconds: float = 180
) -> Iterator[subprocess.Popen]:
    """Start a server process group, wait until ``health_url`` answers 200, stop it afterwards.

    Args:
        args: The command.
        env: Its environment.
        health_url: A URL that answers 200 once the server serves.
        log: Where its output goes.
        seconds: How long it may take to start (a frontend build takes minutes).
    """
    with log.open("wb") as out:
        proc = subprocess.Popen(
            args, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            _wait_for(lambda: _serving(proc, health_url, log), " ".join(args[:3]), seconds)
            yield proc
        finally:
            with contextlib.suppress(ProcessLookupError):  # the group may be gone already
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and all its descendants (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except OSError:
            pass
        todo += children.get(current, [])
    return total
