"""Stripe events beyond the first confirmation: delayed methods, refunds, amounts, expiry."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.domain.errors import PermissionDenied
from care_portal.integrations.payments import StripeProvider, sign_payload
from care_portal.models import Invoice, Role
from care_portal.models.shop import CareService, Order, OrderStatus
from care_portal.models.types import utcnow
from care_portal.models.visits import Cancellation, Task
from care_portal.services import accounts, checkout, invoice_documents, payment_reconciliation
from tests.factories import make_beneficiary
from tests.stripe_stub import StripeStub

SECRET = "whsec_reconcile"


@pytest.fixture
def stripe():
    stub = StripeStub().start()
    yield stub, StripeProvider(secret_key="sk_test_1", webhook_secret=SECRET, api_base=stub.url)
    stub.stop()


@pytest.fixture
def buyer(db):
    invoice_documents.defer_pdfs(db)
    seed_catalogue(db)
    client = accounts.sign_up(
        db, full_name="María López", email="maria@example.es", password="una frase segura"
    )
    admin = accounts.sign_up(
        db, full_name="Admin", email="admin@example.es", password="una frase segura", role=Role.ADMIN
    )
    db.commit()
    beneficiary = make_beneficiary(db, client, name="Carmen López", postal_code="28013")
    db.commit()
    return client, admin, beneficiary


def _order(db, stripe, buyer, key: str = "attempt-1") -> Order:
    _, provider = stripe
    client, _, beneficiary = buyer
    service = db.exec(select(CareService).where(CareService.slug == "visita-compania")).one()
    checkout.start_checkout(
        db,
        actor=client,
        request=checkout.CheckoutRequest(
            cart={str(service.id): 2},
            beneficiary_id=beneficiary,
            observations="",
            preferred_dates="",
            accept_terms=True,
            billing=checkout.BillingData(
                "12345678z", "María López", "Calle Mayor 5", "28013", "Madrid", "612345678"
            ),
            attempt_key=key,
        ),
        provider=provider,
    )
    db.commit()
    return db.exec(select(Order).where(Order.attempt_key == key)).one()


def _deliver(db, stripe, event_type: str, obj: dict, event_id: str) -> str:
    body = json.dumps(
        {"id": event_id, "object": "event", "type": event_type, "data": {"object": obj}}
    ).encode()
    result = checkout.process_webhook(
        db, provider=stripe[1], payload=body, signature=sign_payload(body, SECRET)
    )
    db.commit()
    return result


def _session(order: Order, *, paid: bool, amount: int | None = None, currency: str = "eur") -> dict:
    return {
        "id": order.provider_session_id,
        "object": "checkout.session",
        "payment_status": "paid" if paid else "unpaid",
        "payment_intent": "pi_sepa",
        "amount_total": order.total_cents if amount is None else amount,
        "currency": currency,
        "metadata": {"order": order.public_id},
    }


def _invoices(db) -> int:
    return len(db.exec(select(Invoice)).all())


def test_a_delayed_payment_is_fulfilled_only_when_it_succeeds(db, stripe, buyer):
    order = _order(db, stripe, buyer)
    assert (
        _deliver(db, stripe, "checkout.session.completed", _session(order, paid=False), "evt_1") == "ignored"
    )
    db.refresh(order)
    assert (order.status, _invoices(db)) == (OrderStatus.PENDING_PAYMENT, 0)
    succeeded = _deliver(
        db, stripe, "checkout.session.async_payment_succeeded", _session(order, paid=True), "evt_2"
    )
    assert succeeded == "paid"
    db.refresh(order)
    assert (order.status, _invoices(db), len(db.exec(select(Task)).all())) == (OrderStatus.PAID, 1, 2)


def test_a_failed_delayed_payment_is_shown_to_admins_and_fulfils_nothing(db, stripe, buyer):
    _, admin, _ = buyer
    order = _order(db, stripe, buyer)
    failed = _deliver(
        db, stripe, "checkout.session.async_payment_failed", _session(order, paid=False), "evt_1"
    )
    assert failed == "payment_failed"
    db.refresh(order)
    assert (order.status, _invoices(db)) == (OrderStatus.PAYMENT_FAILED, 0)
    assert [(i.kind, i.order) for i in payment_reconciliation.issues(db, actor=admin)] == [
        ("payment_failed", order.public_id)
    ]
    assert checkout.list_orders(db, actor=buyer[0])[0].status == "payment_failed"


@pytest.mark.parametrize(("amount", "currency"), [(1, "eur"), (None, "usd")])
def test_a_paid_amount_or_currency_that_differs_is_held_for_an_admin(db, stripe, buyer, amount, currency):
    _, admin, _ = buyer
    order = _order(db, stripe, buyer)
    paid = _session(order, paid=True, amount=amount, currency=currency)
    assert _deliver(db, stripe, "checkout.session.completed", paid, "evt_1") == "mismatch"
    db.refresh(order)
    assert order.status == OrderStatus.NEEDS_REVIEW
    assert (_invoices(db), len(db.exec(select(Task)).all())) == (0, 0)
    issue = payment_reconciliation.issues(db, actor=admin)[0]
    assert (issue.kind, issue.order) == ("needs_review", order.public_id)
    assert f"expected {order.total_cents} eur" in issue.detail


def test_refund_outcomes_land_on_the_cancellation_and_failures_reach_admins(db, stripe, buyer):
    client, admin, _ = buyer
    order = _order(db, stripe, buyer)
    _deliver(db, stripe, "checkout.session.completed", _session(order, paid=True), "evt_1")
    first, second = db.exec(select(Task).order_by(Task.id)).all()
    for task, refund_id in ((first, "re_ok"), (second, "re_bad")):
        db.add(
            Cancellation(
                task_id=task.id, requested_by_id=client.id, reason="x", refund_cents=2000, refund_id=refund_id
            )
        )
    db.commit()
    refund = {"object": "refund", "id": "re_bad", "status": "failed", "payment_intent": "pi_sepa"}
    assert _deliver(db, stripe, "refund.updated", refund, "evt_2") == "refund_updated"
    charge = {
        "object": "charge",
        "id": "ch_1",
        "payment_intent": "pi_sepa",
        "refunds": {"data": [{"id": "re_ok", "status": "succeeded"}]},
    }
    assert _deliver(db, stripe, "charge.refunded", charge, "evt_3") == "refund_updated"
    statuses = {c.refund_id: c.refund_status for c in db.exec(select(Cancellation)).all()}
    assert statuses == {"re_ok": "succeeded", "re_bad": "failed"}
    issues = payment_reconciliation.issues(db, actor=admin)
    assert [(i.kind, i.detail) for i in issues] == [("refund_failed", "re_bad: failed")]
    with pytest.raises(PermissionDenied):
        payment_reconciliation.issues(db, actor=client)


def test_orders_never_paid_expire_and_their_payment_page_is_closed(db, stripe, buyer, monkeypatch):
    stub, provider = stripe
    old = _order(db, stripe, buyer, key="old")
    paying = _order(db, stripe, buyer, key="paying")
    recent = _order(db, stripe, buyer, key="recent")
    stub.completed.add(paying.provider_session_id)  # a delayed payment is under way
    later = utcnow() + timedelta(hours=25)
    db.add(recent)
    recent.created_at = later - timedelta(hours=1)
    db.commit()
    assert payment_reconciliation.expire_stale_orders(db, provider=provider, now=later) == 1
    db.expire_all()
    assert db.get(Order, old.id).status == OrderStatus.EXPIRED
    assert db.get(Order, paying.id).status == OrderStatus.PENDING_PAYMENT
    assert db.get(Order, recent.id).status == OrderStatus.PENDING_PAYMENT
    assert f"/v1/checkout/sessions/{old.provider_session_id}/expire" in [r["path"] for r in stub.requests]
    assert payment_reconciliation.expire_stale_orders(db, provider=provider, now=later) == 0
