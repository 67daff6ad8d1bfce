"""The production shape on one machine, as it would run across machines.

PostgreSQL 15, Redis, migrations as a pre-start step, two app workers, and nginx
terminating TLS in front of them.

Usage: ``python -m deploy.topology`` (``make prod-local``); Ctrl-C stops everything.
Tests drive the same :class:`Topology` to kill workers and restart servers.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cryptography.fernet import Fernet

from deploy import render_nginx
from deploy.services import Postgres, Redis, free_port, wait_port
from deploy.tls import self_signed

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN_PATH = f"{ROOT / '.tools/bun/node_modules/.bin'}:{Path(PYTHON).parent}:{os.environ.get('PATH', '')}"


def _fetch(url: str, timeout: float = 3.0) -> int:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with urllib.request.urlopen(url, timeout=timeout, context=context) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def wait_http(url: str, timeout: float, *, process: subprocess.Popen | None = None, log: Path | None = None):
    """Wait until ``url`` answers 200 (the process must stay alive meanwhile)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            tail = log.read_text()[-3000:] if log and log.exists() else ""
            raise RuntimeError(f"process exited while waiting for {url}:\n{tail}")
        if _fetch(url) == 200:
            return
        time.sleep(0.5)
    raise TimeoutError(f"{url} not ready after {timeout:.0f} s")


class Topology:
    """Everything ``make prod-local`` runs; a context manager that stops it all on exit."""

    def __init__(
        self,
        run_dir: Path,
        *,
        https_port: int = 8443,
        workers: int = 2,
        seed: bool = True,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        """Prepare folders and ports; nothing runs until :meth:`start`."""
        self.run_dir = run_dir
        self.logs = run_dir / "logs"
        self.https_port = https_port
        self.seed = seed
        self.postgres = Postgres(run_dir / "postgres")
        self.redis = Redis(run_dir / "redis")
        self.worker_ports = [free_port() for _ in range(workers)]
        self.workers: list[subprocess.Popen | None] = [None] * workers
        self.nginx: subprocess.Popen | None = None
        # The one public address (pages, cookie, event socket). Not "localhost": for that name
        # Reflex's frontend sends its socket to the page's host on port 443, dropping the port.
        # https://localhost:<port> is redirected here by nginx (see deploy/nginx.conf.template).
        self.url = f"https://127.0.0.1:{https_port}"
        self.alias_url = f"https://localhost:{https_port}"
        self.env = {
            **os.environ,
            "ENVIRONMENT": "staging",
            "SECRET_KEY": secrets.token_urlsafe(32),
            "DATABASE_URL": self.postgres.url,
            "REDIS_URL": self.redis.url,
            "DATA_DIR": str(run_dir / "data"),
            "PUBLIC_URL": self.url,
            "REFLEX_API_URL": self.url,  # the exported frontend's socket: the pages' own origin
            "TRUSTED_PROXY_HOPS": "1",  # nginx sets X-Forwarded-For to the client's address
            "GRANIAN_WORKERS": "1",
            "LOG_FORMAT": "json",
            "BACKUP_KEY": Fernet.generate_key().decode(),
            "REFLEX_USE_SYSTEM_BUN": "1",
            "PATH": BIN_PATH,
            **(extra_env or {}),
        }
        for name in ("TEST_DATABASE_URL", "STRIPE_SECRET_KEY", "REFLEX_TRUSTED_PROXY_HOPS"):
            self.env.pop(name, None)

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Topology:
        """Start everything."""
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stop everything."""
        self.stop()

    def start(self) -> None:
        """Start the servers, migrate, (seed,) build the frontend, start workers and nginx."""
        self.logs.mkdir(parents=True, exist_ok=True)
        self.postgres.start()
        self.redis.start()
        self.run_step([PYTHON, "-m", "alembic", "upgrade", "head"], "migrate")
        with ThreadPoolExecutor(max_workers=2) as pool:  # demo data while the frontend builds
            seed = [PYTHON, "-m", "care_portal.cli.seed"]
            seeding = pool.submit(self.run_step, seed, "seed") if self.seed else None
            self.build_frontend()
            if seeding is not None:
                seeding.result()
        for index in range(len(self.worker_ports)):  # one at a time: each resets Reflex's .states
            self.start_worker(index)
            self.wait_worker(index)
        self.start_nginx()
        wait_http(f"{self.url}/api/ready", 60, process=self.nginx, log=self.logs / "nginx-error.log")

    def stop(self) -> None:
        """Stop nginx, the workers, Redis and PostgreSQL, in that order."""
        self._terminate(self.nginx)
        self.nginx = None
        for index in range(len(self.workers)):
            self.stop_worker(index)
        self.redis.stop()
        self.postgres.stop()

    def run_step(self, command: list[str], name: str) -> None:
        """Run a pre-start command with the app's environment; fail loudly with its output."""
        result = subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True, text=True, check=False)
        (self.logs / f"{name}.log").write_text(result.stdout + result.stderr)
        if result.returncode != 0:
            raise RuntimeError(f"{name} failed:\n{(result.stdout + result.stderr)[-3000:]}")

    def _frontend_is_current(self) -> bool:
        """Whether the last export points at this proxy and is newer than every source file."""
        build = ROOT / ".web" / "build" / "client"
        marker = (self.env["REFLEX_API_URL"].split("://", 1)[-1] + "/_event").encode()
        envs = [p for p in build.glob("assets/reflex-env-*.js") if marker in p.read_bytes()]
        if not envs:
            return False
        sources = [*(ROOT / "care_portal").rglob("*.py"), *(ROOT / "assets").rglob("*"), ROOT / "rxconfig.py"]
        return envs[0].stat().st_mtime > max(p.stat().st_mtime for p in sources)

    def build_frontend(self) -> None:
        """Export the static frontend (pointing at the proxy) and copy it where nginx serves it.

        The export is skipped when the last one is current (same proxy address, no newer source).
        """
        if not self._frontend_is_current():
            export = [
                "reflex",
                "export",
                "--frontend-only",
                "--no-zip",
                "--env",
                "prod",
                "--loglevel",
                "info",
            ]
            self.run_step([PYTHON, "-m", *export], "frontend-build")
        static = self.run_dir / "static"
        shutil.rmtree(static, ignore_errors=True)
        shutil.copytree(ROOT / ".web" / "build" / "client", static)
        for path in [static, *static.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)

    # -- workers ---------------------------------------------------------------------------

    def start_worker(self, index: int) -> None:
        """Start app worker ``index`` on its local port (no frontend, no compile)."""
        port = self.worker_ports[index]
        log = (self.logs / f"worker-{index}.log").open("a")
        self.workers[index] = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "reflex",
                "run",
                "--env",
                "prod",
                "--backend-only",
                "--backend-host",
                "127.0.0.1",
                "--backend-port",
                str(port),
                "--loglevel",
                "info",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def wait_worker(self, index: int, timeout: float = 180) -> None:
        """Wait until worker ``index`` answers its health check."""
        wait_http(
            f"http://127.0.0.1:{self.worker_ports[index]}/api/health",
            timeout,
            process=self.workers[index],
            log=self.logs / f"worker-{index}.log",
        )

    def ensure_workers(self) -> None:
        """Restart any worker that is not running, and wait until all answer."""
        for index, process in enumerate(self.workers):
            if process is None or process.poll() is not None:
                self.start_worker(index)
        for index in range(len(self.workers)):
            self.wait_worker(index)

    def kill_worker(self, index: int) -> None:
        """SIGKILL worker ``index`` and every process it started (as a crash would)."""
        process = self.workers[index]
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_worker(self, index: int) -> None:
        """Stop worker ``index`` cleanly."""
        self._terminate(self.workers[index])
        self.workers[index] = None

    def worker_url(self, index: int) -> str:
        """The worker's own address, for metrics and direct checks (never public)."""
        return f"http://127.0.0.1:{self.worker_ports[index]}"

    # -- proxy -----------------------------------------------------------------------------

    def start_nginx(self) -> None:
        """Render the proxy configuration and start nginx in the foreground."""
        cert, key = self_signed(self.run_dir / "tls")
        config = self.run_dir / "nginx.conf"
        config.write_text(
            render_nginx.render(
                {
                    "PUBLIC_URL": self.url,
                    "HTTPS_PORT": str(self.https_port),
                    "TLS_CERT": str(cert),
                    "TLS_KEY": str(key),
                    "STATIC_ROOT": str(self.run_dir / "static"),
                    "WORKERS": ",".join(f"127.0.0.1:{port}" for port in self.worker_ports),
                    "RUN_DIR": str(self.run_dir),
                    "LOG_DIR": str(self.logs),
                    "HSTS": "off",
                }
            )
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.nginx = subprocess.Popen(
            [
                nginx,
                "-c",
                str(config),
                "-p",
                str(self.run_dir),
                "-e",
                str(self.logs / "nginx-error.log"),
                "-g",
                "daemon off;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=(self.logs / "nginx-start.log").open("w"),
            start_new_session=True,
        )
        wait_port(self.https_port, 15)

    @staticmethod
    def _terminate(process: subprocess.Popen | None) -> None:
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        except ProcessLookupError:
            pass


def main() -> int:
    """Run the topology until Ctrl-C."""
    parser = argparse.ArgumentParser(description="The production topology on this machine.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("HTTPS_PORT", "8443")))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-seed", action="store_true", help="start with an empty database")
    parser.add_argument("--keep", action="store_true", help="keep the data folder afterwards")
    args = parser.parse_args()
    run_dir = Path(tempfile.mkdtemp(prefix="care-prod-local-"))
    run_dir.chmod(0o755)
    topology = Topology(run_dir, https_port=args.port, workers=args.workers, seed=not args.no_seed)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        topology.start()
        print(
            f"\nServing {topology.url} (self-signed certificate; {topology.alias_url} leads there) "
            f"with {args.workers} workers.",
            flush=True,
        )
        print(f"Logs: {topology.logs}   Ctrl-C stops everything.", flush=True)
        while True:
            for index, process in enumerate(topology.workers):
                if process is not None and process.poll() is not None:
                    print(f"worker {index} exited ({process.returncode}); restarting", flush=True)
                    topology.start_worker(index)
            time.sleep(2)
    except KeyboardInterrupt:
        print("\nStopping…", flush=True)
    finally:
        topology.stop()
        if not args.keep:
            shutil.rmtree(run_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
