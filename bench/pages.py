"""Statements and server time of each private page's service, for small and large accounts.

Each page is read the way its handler reads it: the viewer resolved from the
session token, then the page's service in one session. The figures are the
median of a few reads (the first one warms the caches and is dropped).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bench.fill import Actors
from care_portal.services import (
    accounts,
    beneficiaries,
    checkout,
    client_tasks,
    invoice_queries,
    visits,
)
from tests.tools.statements import count_statements

READS = 5

PAGES: list[tuple[str, str, Callable]] = [
    ("Tareas", "client", lambda s, v: client_tasks.list_client_tasks(s, actor=v)),
    ("Facturas", "client", lambda s, v: invoice_queries.list_client_invoices(s, actor=v)),
    ("Mis pedidos", "client", lambda s, v: checkout.list_orders(s, actor=v)),
    ("Proyectos", "client", lambda s, v: beneficiaries.list_projects(s, actor=v)),
    ("Panel del gestor", "manager", lambda s, v: visits.manager_dashboard(s, actor=v)),
    ("Panel (admin)", "admin", lambda s, v: visits.manager_dashboard(s, actor=v)),
    ("Facturas (admin)", "admin", lambda s, v: invoice_queries.list_invoices(s, actor=v)),
]


def _read(engine: Engine, token: str, call: Callable) -> tuple[int, float]:
    with Session(engine, expire_on_commit=False) as session, count_statements(engine) as log:
        started = time.perf_counter()
        viewer = accounts.resolve_session(session, token=token)
        call(session, viewer)
        elapsed = time.perf_counter() - started
        session.rollback()
    return log.count, elapsed * 1000


def measure_pages(engine: Engine, actors: Actors) -> list[dict]:
    """Return one row per page and account size: statements and median milliseconds."""
    tokens = {
        ("client", "small"): actors.small_client,
        ("client", "large"): actors.large_client,
        ("manager", "large"): actors.manager,
        ("admin", "large"): actors.admin,
    }
    rows = []
    for name, role, call in PAGES:
        for size in ("small", "large"):
            token = tokens.get((role, size))
            if token is None:
                continue
            reads = [_read(engine, token, call) for _ in range(READS + 1)][1:]
            rows.append(
                {
                    "page": name,
                    "account": size,
                    "statements": reads[-1][0],
                    "ms": round(statistics.median(ms for _, ms in reads), 1),
                }
            )
    return rows
