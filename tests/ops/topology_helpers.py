"""Reading the topology's database and workers from the drills."""
# ruff: noqa: S608 - the SQL below only splices constant fragments; values are bound parameters

from __future__ import annotations

import ssl
import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPSConnection

from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from care_portal.db import make_engine

_INSECURE = ssl.create_default_context()
_INSECURE.check_hostname = False
_INSECURE.verify_mode = ssl.CERT_NONE


def http(url: str, *, data: bytes | None = None, headers: dict | None = None, timeout: float = 10):
    """Return (status, body) of a request; 0 when nothing answered."""
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310 - local topology
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=_INSECURE) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


def redirect_of(url: str) -> tuple[int, str]:
    """Return the status and ``Location`` of one GET, without following it."""
    parts = urllib.parse.urlsplit(url)
    connection = HTTPSConnection(parts.hostname, parts.port, timeout=10, context=_INSECURE)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        return response.status, response.getheader("Location", "")
    finally:
        connection.close()


def events_served(topology, index: int) -> float:
    """How many guarded event handlers worker ``index`` ran since it started."""
    status, body = http(f"{topology.worker_url(index)}/api/metrics")
    assert status == 200
    total = 0.0
    for family in text_string_to_metric_families(body.decode()):
        if family.name == "care_event_duration_seconds":
            total += sum(s.value for s in family.samples if s.name.endswith("_count"))
    return total


def scalar(topology, sql: str, **params) -> int:
    """Run one counting query on the topology's database."""
    engine = make_engine(topology.postgres.url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).scalar_one()
    finally:
        engine.dispose()


def purchase_counts(topology, email: str) -> dict[str, int]:
    """Orders (paid and not), invoices, tasks and payment events of one client."""
    user = "(SELECT id FROM users WHERE email = :email)"
    return {
        "orders": scalar(topology, f"SELECT count(*) FROM orders WHERE client_id = {user}", email=email),
        "paid": scalar(
            topology, f"SELECT count(*) FROM orders WHERE client_id = {user} AND status = 'paid'", email=email
        ),
        "invoices": scalar(topology, f"SELECT count(*) FROM invoices WHERE client_id = {user}", email=email),
        "tasks": scalar(
            topology,
            f"SELECT count(*) FROM tasks WHERE order_id IN (SELECT id FROM orders WHERE client_id = {user})",
            email=email,
        ),
        "payment_events": scalar(
            topology,
            "SELECT count(*) FROM payment_events WHERE order_public_id IN "
            f"(SELECT public_id FROM orders WHERE client_id = {user})",
            email=email,
        ),
    }
