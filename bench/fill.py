"""Fill a benchmark database with a realistic history, in bulk SQL (minutes, not hours).

At scale 1.0: 10,000 clients with one relative each, 100,000 visits (10 per client, in
every state, reports on the done ones), 30,000 invoices of last year, 50 managers.
On top, the accounts the benchmark acts as: a "large" client with 200 visits and 60
invoices, a "small" client with one visit, a manager with 1,200 visits, an admin.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.integrations.passwords import hash_password
from care_portal.models import AuthSession, User
from care_portal.models.billing import Invoice, InvoiceLine
from care_portal.models.care import Beneficiary
from care_portal.models.shop import CareService, Order, OrderLine
from care_portal.models.visits import Task, VisitReport
from care_portal.services.accounts import hash_token

FULL = {"clients": 10_000, "tasks_per_client": 10, "invoices_per_client": 3, "managers": 50}
CHUNK = 5_000
STATES = ["done"] * 4 + ["cancelled"] + ["scheduled"] * 2 + ["pending_appointment"] * 3


@dataclass
class Actors:
    """The accounts the benchmark acts as, with their log-in tokens (cookie values)."""

    small_client: str
    large_client: str
    manager: str
    admin: str
    counts: dict[str, int]


def _chunks(engine: Engine, table, rows: list[dict]) -> None:
    with engine.begin() as conn:
        for start in range(0, len(rows), CHUNK):
            conn.execute(insert(table), rows[start : start + CHUNK])


def _ids(engine: Engine, column, where) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(column).where(where).order_by(column)).scalars())


def _token(engine: Engine, user_id: int) -> str:
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    _chunks(
        engine,
        AuthSession.__table__,
        [
            {
                "user_id": user_id,
                "token_hash": hash_token(token),
                "created_at": now,
                "expires_at": now + timedelta(days=2),
                "last_seen_at": now,
            }
        ],
    )
    return token


def fill(engine: Engine, scale: float = 0.1, seed: int = 19) -> Actors:
    """Fill an empty, migrated database and return the benchmark's accounts.

    Args:
        engine: Engine on the benchmark database.
        scale: 1.0 is the full size (10k clients, 100k visits, 30k invoices).
        seed: Random seed, so two runs fill the same history.
    """
    rng = random.Random(seed)
    now = datetime.now(UTC)
    n_clients = max(10, int(FULL["clients"] * scale))
    n_managers = max(3, int(FULL["managers"] * scale))
    with Session(engine) as session:
        seed_catalogue(session)
        session.commit()
        service = session.execute(select(CareService).order_by(CareService.id)).scalars().first()
    password = hash_password("bench-password-2026")

    def user(i: int, role: str, name: str) -> dict:
        return {
            "email": f"{role}{i}@bench.example",
            "full_name": name,
            "password_hash": password,
            "role": role,
            "is_active": True,
            "language": "es",
            "created_at": now - timedelta(days=400 - i % 400),
            "email_verified_at": now - timedelta(days=400 - i % 400),  # buying needs a confirmed e-mail
            "phone": "",
        }

    _chunks(engine, User.__table__, [user(i, "manager", f"Gestor {i}") for i in range(n_managers)])
    _chunks(engine, User.__table__, [user(i, "client", f"Cliente {i}") for i in range(n_clients + 2)])
    _chunks(engine, User.__table__, [user(0, "admin", "Admin Bench")])
    managers = _ids(engine, User.__table__.c.id, User.__table__.c.role == "manager")
    clients = _ids(engine, User.__table__.c.id, User.__table__.c.role == "client")
    admin = _ids(engine, User.__table__.c.id, User.__table__.c.role == "admin")[0]
    small, large = clients[-2], clients[-1]
    busy_manager = managers[0]

    _chunks(
        engine,
        Beneficiary.__table__,
        [
            {
                "client_id": c,
                "manager_id": busy_manager if c == large else managers[i % len(managers)],
                "full_name": f"Familiar {i}",
                "relationship": "madre",
                "street": "Calle Mayor 1",
                "postal_code": "28013",
                "town": "Madrid",
                "province": "Madrid",
                "phone": "+34612345678",
                "household_size": 1,
                "care_notes": "",
                "preferred_times": "",
                "consent_state": "pending",
                "created_at": now - timedelta(days=300),
                "updated_at": now - timedelta(days=300),
            }
            for i, c in enumerate(clients)
        ],
    )
    relative = dict(
        zip(clients, _ids(engine, Beneficiary.__table__.c.id, Beneficiary.__table__.c.id > 0), strict=True)
    )
    visits = {c: FULL["tasks_per_client"] for c in clients}
    visits[large], visits[small] = 200, 1
    _chunks(
        engine,
        Order.__table__,
        [
            {
                "public_id": f"B{c:010d}",
                "attempt_key": f"bench-{c}",
                "client_id": c,
                "beneficiary_id": relative[c],
                "status": "paid",
                "observations": "",
                "preferred_dates": "",
                "terms_version": "2026-01",
                "terms_hash": "0" * 64,
                "terms_accepted_at": now - timedelta(days=200),
                "billing": {},
                "total_cents": service.price_cents * visits[c],
                "provider": "simulated",
                "created_at": now - timedelta(days=200),
            }
            for c in clients
        ],
    )
    orders = dict(zip(clients, _ids(engine, Order.__table__.c.id, Order.__table__.c.id > 0), strict=True))
    _chunks(
        engine,
        OrderLine.__table__,
        [
            {
                "order_id": orders[c],
                "service_id": service.id,
                "name": service.name_es,
                "unit_price_cents": service.price_cents,
                "quantity": visits[c],
                "visits_per_unit": 1,
                "vat_rate": "10",
                "exempt_reason": "",
            }
            for c in clients
        ],
    )
    lines = dict(
        zip(clients, _ids(engine, OrderLine.__table__.c.id, OrderLine.__table__.c.id > 0), strict=True)
    )
    with engine.connect() as conn:
        manager_of = dict(
            conn.execute(select(Beneficiary.__table__.c.id, Beneficiary.__table__.c.manager_id)).all()
        )
    tasks = []
    for c in clients:
        for k in range(visits[c]):
            state = rng.choice(STATES)
            start = now + timedelta(days=rng.randint(-180, 60), hours=rng.randint(8, 18))
            tasks.append(
                {
                    "order_id": orders[c],
                    "order_line_id": lines[c],
                    "client_id": c,
                    "beneficiary_id": relative[c],
                    "manager_id": manager_of[relative[c]],
                    "service_name": service.name_es,
                    "state": state,
                    "visit_code": f"{len(tasks):08d}",
                    "notes": "",
                    "created_at": now - timedelta(days=200, minutes=-k),
                    "appointment_start": start if state in ("scheduled", "done") else None,
                    "appointment_end": start + timedelta(hours=1) if state in ("scheduled", "done") else None,
                    "failed_code_attempts": 0,
                    # Waiting for 200 days: the admins were told long ago. Without this, every
                    # worker's first escalation pass (at start-up, during the first load scenario)
                    # e-mailed about ~30k visits at scale 1 and its CPU counted as the app's.
                    "contact_escalated_at": now - timedelta(days=199)
                    if state == "pending_appointment"
                    else None,
                }
            )
    # The busy manager also looks after 1,200 visits of other clients.
    for task in tasks[: 1_200 - 200]:
        task["manager_id"] = busy_manager
    _chunks(engine, Task.__table__, tasks)
    with engine.connect() as conn:
        done = list(
            conn.execute(
                select(Task.__table__.c.id, Task.__table__.c.manager_id).where(
                    Task.__table__.c.state == "done"
                )
            )
        )
    _chunks(
        engine,
        VisitReport.__table__,
        [
            {
                "task_id": task_id,
                "author_id": manager_id,
                "work_done": "Paseo por el barrio, merienda y conversación.",
                "observations": "",
                "next_steps": "",
                "photo_keys": [],
                "created_at": now - timedelta(days=1),
            }
            for task_id, manager_id in done
        ],
    )
    _fill_invoices(engine, clients, large, now)
    _analyze(engine)
    return Actors(
        small_client=_token(engine, small),
        large_client=_token(engine, large),
        manager=_token(engine, busy_manager),
        admin=_token(engine, admin),
        counts={
            "clients": len(clients),
            "managers": len(managers),
            "tasks": len(tasks),
            "reports": len(done),
        },
    )


def _analyze(engine: Engine) -> None:
    """Give the planner statistics and the visibility map a live database has (autovacuum's work).

    Without it, what is measured right after the bulk insert depends on whether autovacuum
    happened to pass yet: plans from missing statistics, index-only scans that still read the heap.
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE")


def _fill_invoices(engine: Engine, clients: list[int], large: int, now: datetime) -> None:
    """Invoices of last year (their own numbering), one line each; the large client gets 60."""
    year = now.year - 1
    rows, sequence = [], 0
    for c in clients:
        for _ in range(60 if c == large else FULL["invoices_per_client"]):
            sequence += 1
            rows.append(
                {
                    "number": f"F{year}-{sequence:06d}",
                    "series": "F",
                    "year": year,
                    "sequence": sequence,
                    "kind": "invoice",
                    "invoice_type": "F1",
                    "client_id": c,
                    "order_ref": f"B{c:010d}",
                    "beneficiary_name": "Familiar",
                    "issued_at": datetime(year, 1 + sequence % 12, 1 + sequence % 28, 10, tzinfo=UTC),
                    "issuer_name": "Cuidado en Casa S.L.",
                    "issuer_nif": "B00000000",
                    "issuer_address": "Madrid",
                    "recipient_name": f"Cliente {c}",
                    "recipient_nif": "12345678Z",
                    "recipient_address": "Madrid",
                    "base_cents": 2273,
                    "tax_cents": 227,
                    "total_cents": 2500,
                    "rectification_reason": "",
                    "pdf_key": "",
                }
            )
    _chunks(engine, Invoice.__table__, rows)
    ids = _ids(engine, Invoice.__table__.c.id, Invoice.__table__.c.year == year)
    _chunks(
        engine,
        InvoiceLine.__table__,
        [
            {
                "invoice_id": invoice_id,
                "position": 1,
                "description": "Visita de compañía",
                "quantity": 1,
                "unit_price_cents": 2500,
                "vat_rate": "10",
                "exempt_reason": "",
                "base_cents": 2273,
                "tax_cents": 227,
                "total_cents": 2500,
            }
            for invoice_id in ids
        ],
    )
