"""Only the load part of ``make bench``, for one scenario, at a small scale: app and floor side by side.

Usage::

    python -m bench.load_only cart [--clients 100] [--seconds 15] [--workers 1] [--scale 0.02]

Scenarios: ``tareas``, ``cart``, ``dashboard`` (as in ``bench.run``). Starts throwaway PostgreSQL
and Redis, fills the database at ``--scale``, then loads the Reflex app and the bare Starlette
floor in turn and prints, for each, p50/p95 and the server's CPU per event (user + system time
of its process tree, the figure to compare before/after a change on a shared machine; round
trips there measure the queue). ``--profile FILE`` also records the app with ``py-spy`` (raw
collapsed stacks) when ``py-spy`` is on ``PATH``. Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = {"tareas": "tareas", "cart": "cart", "dashboard": "dashboard"}


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--scale", type=float, default=0.02)
    parser.add_argument("--profile", default="", help="py-spy raw output for the app run")
    parser.add_argument("--no-floor", action="store_true", help="load the app only")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Fill, load one scenario on the app (and the floor), print one JSON line each; return 0."""
    args = _arguments(argv)
    sys.path.insert(0, str(ROOT))
    from bench.run import _scenarios
    from bench.servers import redis_server, staging_environment
    from tests.tools.with_postgres import postgres_server

    work = Path(tempfile.mkdtemp(prefix="care-portal-load-"))
    with postgres_server() as database_url, redis_server() as redis_url:
        env = staging_environment(database_url, redis_url, work, args.workers)
        from bench.fill import fill
        from care_portal.db import get_engine

        actors = fill(get_engine(), scale=args.scale)
        scenario = {s.floor_page: s for s in _scenarios(actors)}[SCENARIOS[args.scenario]]
        servers = ["app"] if args.no_floor else ["app", "floor"]
        for server in servers:
            row = _load(server, scenario, args, env, work)
            print(json.dumps({"scenario": scenario.name, "server": server, **row}), flush=True)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _load(server: str, scenario, args: argparse.Namespace, env: dict, work: Path) -> dict:
    import time

    from bench.load import FloorSocket, ReflexSocket, run_load
    from bench.servers import cpu_seconds, free_port, process

    port = free_port()
    if server == "app":
        command = [sys.executable, "-m", "reflex", "run", "--env", "prod", "--backend-only"]
        command += ["--backend-port", str(port)]
        health, kind = f"http://127.0.0.1:{port}/api/health", ReflexSocket
    else:
        command = [sys.executable, "-m", "granian", "--interface", "asgi", "--host", "127.0.0.1"]
        command += ["--port", str(port), "--workers", str(args.workers), "bench.floor:app"]
        health, kind = f"http://127.0.0.1:{port}/health", FloorSocket
    with process(command, env, health, work / f"{server}.log") as proc:
        asyncio.run(run_load(lambda: kind(port, scenario), min(args.clients, 20), 3))  # warm up
        spy = None
        if server == "app" and args.profile and shutil.which("py-spy"):
            spy_args = ["record", "--subprocesses", "-r", "200", "-d", str(int(args.seconds) + 2)]
            spy_args += ["-f", "raw", "-o", args.profile, "--pid", str(proc.pid)]
            spy = subprocess.Popen(
                ["py-spy", *spy_args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1)
        before = cpu_seconds(proc.pid)
        result = asyncio.run(run_load(lambda: kind(port, scenario), args.clients, args.seconds))
        cpu = cpu_seconds(proc.pid) - before
        if spy is not None:
            spy.wait(60)
    summary = result.summary()
    summary["cpu_ms_per_event"] = round(cpu * 1000 / summary["events"], 2) if summary["events"] else None
    summary["load_average"] = round(os.getloadavg()[0], 1)
    return summary


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
