"""``make bench``: the app in production mode on PostgreSQL + Redis, loaded, measured, compared to a floor.

Usage::

    python -m bench.run [--scale 0.1] [--clients 200] [--seconds 20] [--webhooks 200] [--workers 2]

``--scale 1`` is the full history (10k clients, 100k visits, 30k invoices; the fill
alone takes several minutes). Prints one table and writes ``bench/results/<date>.json``;
``bench/README.md`` shows the latest table. Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
README = ROOT / "bench" / "README.md"
LIGHTHOUSE_TIMINGS = (("FCP", "fcp_ms"), ("LCP", "lcp_ms"), ("TBT", "tbt_ms"), ("SI", "speed_index_ms"))
MARK_START, MARK_END = "<!-- latest results -->", "<!-- end of latest results -->"


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "0.1")))
    parser.add_argument("--clients", type=int, default=int(os.environ.get("BENCH_CLIENTS", "200")))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "20")))
    parser.add_argument("--webhooks", type=int, default=int(os.environ.get("BENCH_WEBHOOKS", "200")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", "2")))
    parser.add_argument(
        "--frontend",
        action=argparse.BooleanOptionalAction,
        default=os.environ.get("BENCH_FRONTEND", "1") != "0",
        help="build and serve the frontend: first-load JS and Lighthouse mobile on / and /tienda",
    )
    parser.add_argument(
        "--only",
        choices=["confirm"],
        help="run one part alone: `confirm` fills the database, starts the app and confirms the webhooks",
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Run the whole benchmark; return 0."""
    args = _arguments(argv)
    sys.path.insert(0, str(ROOT))
    from bench.servers import redis_server, staging_environment
    from tests.tools.with_postgres import postgres_server

    work = Path(tempfile.mkdtemp(prefix="care-portal-bench-"))
    with postgres_server() as database_url, redis_server() as redis_url:
        env = staging_environment(database_url, redis_url, work, args.workers)
        results = _measure(args, env, work)
    _report(results)
    return 0


def _measure(args: argparse.Namespace, env: dict, work: Path) -> dict:
    from bench import confirm, pages
    from bench.fill import fill
    from bench.load import FloorSocket, ReflexSocket, run_load
    from bench.servers import cpu_seconds, free_port, process
    from care_portal.db import get_engine

    engine = get_engine()
    started = datetime.now(UTC)
    load_watch = _LoadWatch()
    print(f"filling the database at scale {args.scale} …", flush=True)
    actors = fill(engine, scale=args.scale)
    if args.only == "confirm":
        return _measure_confirmations(args, env, work, started, load_watch, actors)
    results: dict = {
        "date": started.isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]},
        "settings": vars(args),
        "database": actors.counts,
        "pages": pages.measure_pages(engine, actors),
        "load": [],
    }
    scenarios = _scenarios(actors)
    reflex_port, floor_port = free_port(), free_port()
    reflex = [
        sys.executable,
        "-m",
        "reflex",
        "run",
        "--env",
        "prod",
        "--backend-only",
        "--backend-port",
        str(reflex_port),
    ]
    floor = [sys.executable, "-m", "granian", "--interface", "asgi", "--host", "127.0.0.1"]
    floor += ["--port", str(floor_port), "--workers", str(args.workers), "bench.floor:app"]
    with process(reflex, env, f"http://127.0.0.1:{reflex_port}/api/health", work / "reflex.log") as app:
        for scenario in scenarios:
            for name, port, kind, proc_pid in (("app", reflex_port, ReflexSocket, app.pid),):
                results["load"].append(
                    _load_row(scenario, name, port, kind, proc_pid, args, run_load, cpu_seconds)
                )
        print("confirming payments …", flush=True)
        results["confirmations"] = confirm.confirmations(engine, reflex_port, args.webhooks, app.pid)
    with process(floor, env, f"http://127.0.0.1:{floor_port}/health", work / "floor.log") as server:
        for scenario in scenarios:
            results["load"].append(
                _load_row(scenario, "floor", floor_port, FloorSocket, server.pid, args, run_load, cpu_seconds)
            )
    if args.frontend:
        from bench import frontend

        results |= frontend.measure(env, work)
    results["machine"]["load_average_max"] = load_watch.stop()
    return results


def _measure_confirmations(args, env, work, started, load_watch, actors) -> dict:
    """The confirmations alone (``--only confirm``): the app started, the webhooks posted, nothing else."""
    from bench import confirm
    from bench.servers import free_port, process
    from care_portal.db import get_engine

    results: dict = {
        "date": started.isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]},
        "settings": vars(args),
        "database": actors.counts,
    }
    port = free_port()
    reflex = [sys.executable, "-m", "reflex", "run", "--env", "prod", "--backend-only"]
    reflex += ["--backend-port", str(port)]
    log = work / "reflex.log"
    with process(reflex, env, f"http://127.0.0.1:{port}/api/health", log) as app:
        print("confirming payments …", flush=True)
        results["confirmations"] = confirm.confirmations(get_engine(), port, args.webhooks, app.pid)
    results["machine"]["load_average_max"] = load_watch.stop()
    print(f"the app's log: {log}", flush=True)
    return results


class _LoadWatch:
    """The highest 1-minute load average seen during the run (sampled every 5 s, in a thread)."""

    def __init__(self) -> None:
        import threading

        self.highest = os.getloadavg()[0]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(5):
            self.highest = max(self.highest, os.getloadavg()[0])

    def stop(self) -> float:
        """Stop watching; return the highest load average seen."""
        self._stop.set()
        self._thread.join(timeout=10)
        return round(max(self.highest, os.getloadavg()[0]), 1)


def _load_row(scenario, name, port, kind, pid, args, run_load, cpu_seconds) -> dict:
    print(
        f"load: {scenario.name} on the {name}, {args.clients} clients × 1 event/s for {args.seconds:.0f} s …",
        flush=True,
    )
    cpu_before = cpu_seconds(pid)
    result = asyncio.run(run_load(lambda: kind(port, scenario), args.clients, args.seconds))
    cpu = cpu_seconds(pid) - cpu_before
    summary = result.summary()
    summary["cpu_ms_per_event"] = round(cpu * 1000 / summary["events"], 2) if summary["events"] else None
    return {"scenario": scenario.name, "server": name, **summary}


def _scenarios(actors) -> list:
    from bench.floor import CART
    from bench.load import Scenario
    from care_portal.pages.shop.cart import CartState
    from care_portal.pages.visits.client_tasks import ClientTasksState
    from care_portal.pages.visits.manager_dashboard import ManagerDashboardState

    cart = f"{CartState.get_full_name()}.cart_json_rx_state_"
    return [
        Scenario(
            "Tareas (200 visitas)",
            "/cuenta/tareas",
            f"{ClientTasksState.get_full_name()}.load",
            session_token=actors.large_client,
            floor_page="tareas",
            floor_token=actors.large_client,
        ),
        Scenario(
            "Carrito",
            "/tienda/carrito",
            f"{CartState.get_full_name()}.load_cart",
            storage={cart: json.dumps(CART)},
            floor_page="cart",
        ),
        Scenario(
            "Panel del gestor",
            "/gestor",
            f"{ManagerDashboardState.get_full_name()}.load",
            session_token=actors.manager,
            floor_page="dashboard",
            floor_token=actors.manager,
        ),
    ]


def table(results: dict) -> str:
    """Return the results as one Markdown table."""
    lines = ["| what | figure |", "| --- | --- |"]
    db = results.get("database", {})
    lines.append(
        f"| database (scale {results['settings']['scale']}) "
        f"| {db.get('clients')} clients, {db.get('tasks')} visits |"
    )
    machine = results.get("machine", {})
    lines.append(
        f"| machine | {machine.get('cores')} cores, "
        f"load average {machine.get('load_average_at_start', 0):.1f} before the run"
        + (f", up to {machine['load_average_max']:.1f} during it" if "load_average_max" in machine else "")
        + " (the bench's own servers, load client and build included) |"
    )
    floor = {r["scenario"]: r for r in results.get("load", []) if r["server"] == "floor"}
    for row in (r for r in results.get("load", []) if r["server"] == "app"):
        base = floor.get(row["scenario"], {})
        cpu, floor_cpu = row.get("cpu_ms_per_event"), base.get("cpu_ms_per_event")
        ratio = f", CPU/event {cpu} ms = {cpu / floor_cpu:.1f}× floor" if cpu and floor_cpu else ""
        lines.append(
            f"| {row['scenario']}: p50 / p95, {results['settings']['clients']} clients × 1 event/s "
            f"| {row['p50_ms']} / {row['p95_ms']} ms (floor {base.get('p50_ms')} / {base.get('p95_ms')} ms)"
            f"{ratio}, {row['errors']} errors |"
        )
    for page in results.get("pages", []):
        lines.append(
            f"| {page['page']} ({page['account']} account) "
            f"| {page['statements']} statements, {page['ms']} ms |"
        )
    confirmations = results.get("confirmations")
    if confirmations:
        lines.append(
            f"| {confirmations['webhooks']} concurrent signed webhooks "
            f"| {confirmations['per_second']} confirmations/s, "
            f"{confirmations['paid']} paid, no gaps: {confirmations['numbering_without_gaps']}, "
            f"chain intact: {confirmations['chain_intact']} ({confirmations['chain_records']} records)"
            + _other_outcomes(confirmations)
            + _confirmation_costs(confirmations)
            + " |"
        )
    for route, kb in results.get("first_load_js_kb", {}).items():
        lines.append(f"| first-load JS {route} | {kb} KB gzip (target ≤ 200) |")
    for route, audit in results.get("lighthouse", {}).items():
        if "error" in audit:
            lines.append(f"| Lighthouse mobile {route} | not run: {audit['error']} |")
            continue
        timings = ", ".join(
            f"{label} {audit.get(key)} ms"
            for label, key in (
                ("FCP", "fcp_ms"),
                ("LCP", "lcp_ms"),
                ("TBT", "tbt_ms"),
                ("SI", "speed_index_ms"),
            )
        )
        index = audit.get("benchmark_index")
        lines.append(
            f"| Lighthouse mobile {route} | performance {audit.get('score')} (target ≥ 95): "
            f"{timings}, CLS {audit.get('cls')}"
            + (f" (CPU benchmark index {index:.0f})" if index else "")
            + " |"
        )
    return "\n".join(lines)


def _other_outcomes(confirmations: dict) -> str:
    """The answers that were not "paid", by outcome (HTTP status, webhook status or client error)."""
    others = {k: v for k, v in confirmations.get("outcomes", {}).items() if k != "paid"}
    if not others:
        return ""
    return "; not paid: " + ", ".join(f"{count} {outcome}" for outcome, count in others.items())


def _confirmation_costs(confirmations: dict) -> str:
    """The figures that do not depend on the machine's other work: CPU and the lock's interval."""
    cpu, interval = (
        confirmations.get("app_cpu_ms_per_confirmation"),
        confirmations.get("lock_interval_p50_ms"),
    )
    parts = [f"app CPU {cpu} ms each"] if cpu is not None else []
    parts += [f"numbering lock every {interval} ms (p50)"] if interval is not None else []
    if "pdfs_all_rendered_after_s" in confirmations:
        pdfs = confirmations["pdfs_all_rendered_after_s"]
        parts += [f"PDFs all rendered {pdfs} s after the first webhook" if pdfs else "PDFs not all rendered"]
    return "; " + ", ".join(parts) if parts else ""


def _busy_note(results: dict) -> str:
    """Say so when the machine was busy before the run: its figures then measure the queue."""
    machine = results.get("machine", {})
    load, cores = machine.get("load_average_at_start", 0), machine.get("cores") or 1
    highest = machine.get("load_average_max", load)
    # Only the load before the run tells of other work: during it the bench's own PostgreSQL
    # backends, worker threads and load client (then the frontend build) reach 5-6 × cores alone.
    if load <= cores:
        return ""
    return (
        f". The machine was busy (load average {load:.1f} before the run, up to {highest:.1f} during it, "
        f"on {cores} cores): these figures show the bench works, not the app's speed; rerun on a quiet "
        "machine for the targets"
    )


def _report(results: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    only = results["settings"].get("only")
    path = RESULTS / f"{results['date'][:10]}{'-' + only if only else ''}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = table(results)
    print("\n" + text + f"\n\nwritten to {path.relative_to(ROOT)}")
    if README.is_file() and not only:  # a partial run leaves the README's table alone
        readme = README.read_text(encoding="utf-8")
        if MARK_START in readme and MARK_END in readme:
            head, rest = readme.split(MARK_START, 1)
            tail = rest.split(MARK_END, 1)[1]
            stamp = f"\nRun of {results['date']} (`{path.relative_to(ROOT)}`){_busy_note(results)}:\n\n"
            README.write_text(head + MARK_START + stamp + text + "\n" + MARK_END + tail, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
