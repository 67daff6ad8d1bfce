"""Liveness, readiness and metrics endpoints for the proxy, an orchestrator and Prometheus."""

from __future__ import annotations

import ipaddress
import os
from functools import lru_cache

from sqlalchemy import text
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from care_portal.config import PROJECT_ROOT, get_settings
from care_portal.db import session_scope
from care_portal.integrations.storage import private_root
from care_portal.observability import metrics


async def health(_request: Request) -> JSONResponse:
    """Answer as long as the process serves requests (no dependency is checked)."""
    return JSONResponse({"status": "ok"})


@lru_cache
def _migration_heads() -> frozenset[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def _check_database() -> str:
    with session_scope() as session:
        versions = {row[0] for row in session.exec(text("SELECT version_num FROM alembic_version")).all()}
    if versions != _migration_heads():
        return "migrations not at head"
    return "ok"


def _check_redis() -> str:
    url = get_settings().redis_url
    if not url:
        return "not configured"
    import redis

    client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
    try:
        client.ping()
    finally:
        client.close()
    return "ok"


def _check_storage() -> str:
    probe = private_root() / f".ready-{os.getpid()}"
    probe.write_bytes(b"ok")
    probe.unlink()
    return "ok"


def readiness() -> tuple[bool, dict[str, str]]:
    """Check the database (and its migrations), Redis and the private storage.

    Returns:
        Whether everything is usable, and each check's result (never a secret or a path).
    """
    results: dict[str, str] = {}
    for name, check in (("database", _check_database), ("redis", _check_redis), ("storage", _check_storage)):
        try:
            results[name] = check()
        except Exception as error:  # noqa: BLE001 - any failure means "not ready"
            results[name] = f"error: {type(error).__name__}"
    ready = all(value in ("ok", "not configured") for value in results.values())
    return ready, results


async def ready(_request: Request) -> JSONResponse:
    """503 until the database answers at the migrations' head, Redis answers and storage is writable."""
    is_ready, results = await run_in_threadpool(readiness)
    return JSONResponse(
        {"status": "ok" if is_ready else "unavailable", "checks": results},
        status_code=200 if is_ready else 503,
    )


def is_local_request(request: Request) -> bool:
    """Whether the request comes straight from this machine, not through the proxy."""
    if request.headers.get("x-forwarded-for") or request.headers.get("x-real-ip"):
        return False
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def metrics_endpoint(request: Request) -> Response:
    """Prometheus metrics, only for a scraper on this machine (the proxy refuses the path too)."""
    if not is_local_request(request):
        return Response("No encontrado / Not found", status_code=404, media_type="text/plain")
    body = await run_in_threadpool(metrics.render)
    return Response(body, media_type="text/plain; version=0.0.4; charset=utf-8")
