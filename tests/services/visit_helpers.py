"""Shared set-up for the visit tests: a paid order with its tasks, through the real checkout."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.integrations.payments import SimulatedProvider
from care_portal.models import Role
from care_portal.models.shop import CareService
from care_portal.models.visits import Task
from care_portal.services import accounts, checkout, invoice_documents
from care_portal.services.authz import Viewer
from tests.factories import make_beneficiary, make_manager

PROVIDER = SimulatedProvider(secret="test-secret", public_url="http://testserver")
BILLING = checkout.BillingData(
    "12345678z", "María López", "Calle Mayor 5, 2º", "28013", "Madrid", "612345678"
)


@dataclass
class World:
    """The people and tasks of a visit test."""

    client: Viewer
    other_client: Viewer
    manager: Viewer
    other_manager: Viewer
    admin: Viewer
    beneficiary_id: int
    tasks: list[int]
    other_tasks: list[int]


def buy(db, client: Viewer, beneficiary_id: int, cart: dict[str, int], attempt: str) -> list[int]:
    """Buy services for a beneficiary and pay with the simulated provider; return the new task ids.

    The invoice's PDF is left to its first download (these tests are about visits, and rendering
    it was a third of their time); the tests about invoice PDFs render theirs after the commit.
    """
    already_deferred = db.info.get(invoice_documents._DEFERRED, False)
    invoice_documents.defer_pdfs(db)
    try:
        return _buy(db, client, beneficiary_id, cart, attempt)
    finally:
        db.info[invoice_documents._DEFERRED] = already_deferred


def _buy(db, client: Viewer, beneficiary_id: int, cart: dict[str, int], attempt: str) -> list[int]:
    services = {s.slug: s.id for s in db.exec(select(CareService)).all()}
    before = set(db.exec(select(Task.id)).all())
    start = checkout.start_checkout(
        db,
        actor=client,
        request=checkout.CheckoutRequest(
            cart={str(services[slug]): qty for slug, qty in cart.items()},
            beneficiary_id=beneficiary_id,
            observations="Llamar antes de subir.",
            preferred_dates="",
            accept_terms=True,
            billing=BILLING,
            attempt_key=attempt,
        ),
        provider=PROVIDER,
    )
    public_id = start.redirect_url.split("pedido=")[-1]
    checkout.pay_simulated(db, actor=client, order_public_id=public_id, provider=PROVIDER, paid=True)
    db.commit()
    return [t for t in db.exec(select(Task.id).order_by(col(Task.id))).all() if t not in before]


def build_world(db) -> World:
    """Two clients in Madrid, each with a paid order; two managers; an admin."""
    seed_catalogue(db)
    manager = accounts.to_viewer(
        make_manager(db, email="gestor@example.es", areas=["28013"], name="Gonzalo Gestor")
    )
    other_manager = accounts.to_viewer(make_manager(db, email="otro.gestor@example.es", areas=["28001"]))
    admin = accounts.sign_up(
        db, full_name="Ana Admin", email="admin@example.es", password="una frase segura", role=Role.ADMIN
    )
    client = accounts.sign_up(
        db, full_name="María López", email="maria@example.es", password="una frase segura"
    )
    other = accounts.sign_up(
        db, full_name="Otro Cliente", email="otro@example.es", password="una frase segura"
    )
    db.commit()
    beneficiary = make_beneficiary(db, client, name="Carmen López", postal_code="28013")
    others_beneficiary = make_beneficiary(db, other, name="Ajeno Pérez", postal_code="28001")
    db.commit()
    tasks = buy(db, client, beneficiary, {"visita-compania": 2}, "attempt-1")
    other_tasks = buy(db, other, others_beneficiary, {"visita-compania": 1}, "attempt-2")
    return World(client, other, manager, other_manager, admin, beneficiary, tasks, other_tasks)
