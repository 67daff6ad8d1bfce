"""``POST /api/pagos/webhook`` over HTTP: signatures, size limit, and one payment per event."""

from __future__ import annotations

import pytest
from sqlmodel import func, select
from starlette.testclient import TestClient

from care_portal.api.payments import MAX_BODY
from care_portal.api.routes import build_api
from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.integrations.payments import get_provider, sign_payload
from care_portal.models.billing import Invoice
from care_portal.models.shop import CareService, Order, PaymentEvent
from care_portal.models.visits import Task
from care_portal.services import accounts, checkout
from tests.factories import make_beneficiary, make_manager, signed_paid_event

URL = "/api/pagos/webhook"
BILLING = checkout.BillingData(
    "12345678z", "María López", "Calle Mayor 5, 2º", "28013", "Madrid", "612345678"
)


@pytest.fixture
def order(db) -> Order:
    """María's order for two visits, waiting for the provider's word."""
    seed_catalogue(db)
    make_manager(db, email="gestor@example.es", areas=["28"])
    client = accounts.sign_up(
        db, full_name="María López", email="maria@example.es", password="una frase segura"
    )
    db.commit()
    beneficiary = make_beneficiary(db, client, name="Carmen López", postal_code="28013")
    service_id = db.exec(select(CareService.id).where(CareService.slug == "visita-compania")).one()
    request = checkout.CheckoutRequest(
        cart={str(service_id): 2},
        beneficiary_id=beneficiary,
        observations="",
        preferred_dates="",
        accept_terms=True,
        billing=BILLING,
        attempt_key="attempt-1",
    )
    checkout.start_checkout(db, actor=client, request=request, provider=get_provider())
    db.commit()
    return db.exec(select(Order)).one()


def _counts(db) -> tuple[str, int, int, int]:
    db.expire_all()
    status = db.exec(select(Order.status)).one()
    return (
        status,
        db.exec(select(func.count()).select_from(Task)).one(),
        db.exec(select(func.count()).select_from(Invoice)).one(),
        db.exec(select(func.count()).select_from(PaymentEvent)).one(),
    )


def test_a_bad_or_missing_signature_is_refused_with_400_and_changes_nothing(db, order):
    body, signature = signed_paid_event(order)
    api = TestClient(build_api())
    before = _counts(db)
    for headers in (
        {},
        {"stripe-signature": "t=1,v1=deadbeef"},
        {"stripe-signature": sign_payload(body, "not-the-secret")},
        {"stripe-signature": signature.replace("v1=", "v1=0")},
    ):
        response = api.post(URL, content=body, headers=headers)
        assert response.status_code == 400
        assert response.json() == {"error": "invalid signature"}
    tampered = body.replace(b'"paid"', b'"unpaid"', 1)
    assert api.post(URL, content=tampered, headers={"stripe-signature": signature}).status_code == 400
    assert before == ("pending_payment", 0, 0, 0)
    assert _counts(db) == before


def test_an_oversized_body_is_refused_with_413_even_when_signed(db, order):
    body, _ = signed_paid_event(order)
    padded = body[:-1] + b', "padding": "' + b"x" * MAX_BODY + b'"}'
    response = TestClient(build_api()).post(
        URL, content=padded, headers={"stripe-signature": sign_payload(padded, get_provider().secret)}
    )
    assert response.status_code == 413
    assert _counts(db) == ("pending_payment", 0, 0, 0)


def test_a_signed_event_pays_once_and_its_repetition_is_a_duplicate(db, order):
    body, signature = signed_paid_event(order)
    api = TestClient(build_api())
    first = api.post(URL, content=body, headers={"stripe-signature": signature})
    assert first.status_code == 200
    assert first.json() == {"status": "paid"}
    paid = _counts(db)
    assert paid[0] == "paid"
    assert paid[1] == 2  # one task per visit bought
    assert paid[2:] == (1, 1)
    again = api.post(URL, content=body, headers={"stripe-signature": signature})
    assert again.status_code == 200
    assert again.json() == {"status": "duplicate"}
    assert _counts(db) == paid
