"""Checkout and payment confirmation, with the real stripe library against a stub server."""

import json

import pytest
from sqlmodel import func, select

from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.integrations.payments import SimulatedProvider, StripeProvider, WebhookRejected, sign_payload
from care_portal.models import OutboxMessage, Role
from care_portal.models.billing import Invoice
from care_portal.models.shop import BillingProfile, CareService, Order, OrderStatus
from care_portal.models.visits import Task
from care_portal.services import accounts, beneficiaries, checkout
from tests.factories import make_beneficiary, make_manager
from tests.stripe_stub import StripeStub

SECRET = "whsec_test"
BILLING = checkout.BillingData(
    "12345678z", "María López", "Calle Mayor 5, 2º", "28013", "Madrid", "612345678"
)


@pytest.fixture
def stub():
    server = StripeStub().start()
    yield server
    server.stop()


@pytest.fixture
def stripe_provider(stub):
    return StripeProvider(secret_key="sk_test_1", webhook_secret=SECRET, api_base=stub.url)


@pytest.fixture
def shop(db):
    seed_catalogue(db)
    db.commit()
    services = {s.slug: s.id for s in db.exec(select(CareService)).all()}
    manager = make_manager(db, email="gestor@example.es", areas=["28"])
    client = accounts.sign_up(
        db, full_name="María López", email="maria@example.es", password="una frase segura"
    )
    other = accounts.sign_up(
        db, full_name="Otro Cliente", email="otro@example.es", password="una frase segura"
    )
    db.commit()
    beneficiary = make_beneficiary(db, client, name="Carmen López", postal_code="28013")
    others_beneficiary = make_beneficiary(db, other, name="Ajeno Pérez", postal_code="28013")
    db.commit()
    return {
        "services": services,
        "client": client,
        "other": other,
        "manager": manager,
        "beneficiary": beneficiary,
        "others_beneficiary": others_beneficiary,
    }


def _request(shop, **overrides):
    values = dict(
        cart={str(shop["services"]["visita-compania"]): 2, str(shop["services"]["recados-compras"]): 1},
        beneficiary_id=shop["beneficiary"],
        observations="Le gusta pasear por el Retiro.",
        preferred_dates="martes por la mañana",
        accept_terms=True,
        billing=BILLING,
        attempt_key="attempt-1",
    )
    values.update(overrides)
    return checkout.CheckoutRequest(**values)


def _paid_event(order, event_id="evt_1", paid=True):
    body = json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": "checkout.session.completed",
            "data": {
                "object": {
                    "id": order.provider_session_id,
                    "object": "checkout.session",
                    "payment_status": "paid" if paid else "unpaid",
                    "payment_intent": "pi_123",
                    "amount_total": order.total_cents,
                    "currency": "eur",
                    "metadata": {"order": order.public_id},
                }
            },
        }
    ).encode()
    return body, sign_payload(body, SECRET)


def _order(db):
    return db.exec(select(Order)).one()


def test_checkout_computes_amounts_on_the_server_and_opens_one_session(db, shop, stripe_provider, stub):
    start = checkout.start_checkout(
        db, actor=shop["client"], request=_request(shop), provider=stripe_provider
    )
    db.commit()
    order = _order(db)
    assert order.total_cents == 2 * 2500 + 2200
    assert order.status == OrderStatus.PENDING_PAYMENT.value
    assert order.terms_version == "2026-12"
    assert order.billing["nif"] == "12345678Z"
    assert start.redirect_url.startswith("https://checkout.stripe.test/")
    assert stub.requests[0]["idempotency_key"] == f"checkout-{order.public_id}"
    # A double click on "Pagar" (same attempt) returns the same session without a new order.
    again = checkout.start_checkout(
        db, actor=shop["client"], request=_request(shop), provider=stripe_provider
    )
    assert again.session_id == start.session_id
    assert db.exec(select(func.count()).select_from(Order)).one() == 1
    assert len(stub.requests) == 1


def test_billing_is_saved_on_the_first_purchase_and_reused(db, shop, stripe_provider):
    checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=stripe_provider)
    db.commit()
    assert db.exec(select(BillingProfile)).one().nif == "12345678Z"
    checkout.start_checkout(
        db,
        actor=shop["client"],
        request=_request(shop, billing=None, attempt_key="attempt-2"),
        provider=stripe_provider,
    )
    db.commit()
    assert [o.billing["billing_name"] for o in db.exec(select(Order)).all()] == ["María López"] * 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"accept_terms": False}, "accept_terms"),
        ({"beneficiary_id": 0}, "beneficiary_id"),
        ({"billing": checkout.BillingData("12345678A", "M", "x", "99999", "", "12")}, "nif"),
    ],
)
def test_bad_checkout_input_stores_nothing(db, shop, stripe_provider, stub, overrides, field):
    with pytest.raises(ValidationFailed) as caught:
        checkout.start_checkout(
            db, actor=shop["client"], request=_request(shop, **overrides), provider=stripe_provider
        )
    db.rollback()
    assert field in caught.value.errors
    assert db.exec(select(Order)).all() == []
    assert stub.requests == []


def test_first_purchase_without_billing_is_refused(db, shop, stripe_provider):
    with pytest.raises(ValidationFailed) as caught:
        checkout.start_checkout(
            db, actor=shop["client"], request=_request(shop, billing=None), provider=stripe_provider
        )
    assert "nif" in caught.value.errors


def test_another_clients_beneficiary_is_refused(db, shop, stripe_provider):
    with pytest.raises(ValidationFailed) as caught:
        checkout.start_checkout(
            db,
            actor=shop["client"],
            request=_request(shop, beneficiary_id=shop["others_beneficiary"]),
            provider=stripe_provider,
        )
    assert caught.value.errors["beneficiary_id"] == "shop.beneficiary_required"


@pytest.mark.parametrize("cart", [{}, {"1": 0}, {"1": 99}, {"999": 1}])
def test_tampered_or_empty_carts_are_refused(db, shop, stripe_provider, cart):
    with pytest.raises(DomainError):
        checkout.start_checkout(
            db, actor=shop["client"], request=_request(shop, cart=cart), provider=stripe_provider
        )
    db.rollback()
    assert db.exec(select(Order)).all() == []


def test_withdrawn_service_cannot_be_bought(db, shop, stripe_provider):
    service = db.get(CareService, shop["services"]["recados-compras"])
    service.is_active = False
    db.add(service)
    db.commit()
    with pytest.raises(DomainError, match="shop.service_unavailable"):
        checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=stripe_provider)


def test_provider_failure_leaves_nothing_stored(db, shop, stripe_provider, stub):
    stub.fail_next = 10
    with pytest.raises(DomainError, match="shop.payment_unavailable"):
        checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=stripe_provider)
    db.rollback()
    assert db.exec(select(Order)).all() == []


def test_signed_webhook_pays_once_creates_tasks_invoice_and_emails(db, shop, stripe_provider):
    checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=stripe_provider)
    db.commit()
    order = _order(db)
    body, signature = _paid_event(order)
    assert checkout.process_webhook(db, provider=stripe_provider, payload=body, signature=signature) == "paid"
    db.commit()
    assert (
        checkout.process_webhook(db, provider=stripe_provider, payload=body, signature=signature)
        == "duplicate"
    )
    db.commit()
    db.refresh(order)
    assert order.status == "paid"
    assert order.payment_intent == "pi_123"
    tasks = db.exec(select(Task)).all()
    assert len(tasks) == 3
    assert {t.state for t in tasks} == {"pending_appointment"}
    assert {t.manager_id for t in tasks} == {shop["manager"].id}
    assert len({t.visit_code for t in tasks}) == 3
    assert len(db.exec(select(Invoice).where(Invoice.order_ref == order.public_id)).all()) == 1
    kinds = sorted(m.kind for m in db.exec(select(OutboxMessage)).all())
    assert kinds == ["manager_new_tasks", "order_paid"]
    manager_mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "manager_new_tasks")).one()
    assert manager_mail.to_address == "gestor@example.es"
    assert "Le gusta pasear por el Retiro." in manager_mail.body_text


def test_a_second_event_id_for_the_same_order_never_pays_twice(db, shop, stripe_provider):
    checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=stripe_provider)
    db.commit()
    order = _order(db)
    for event_id in ("evt_1", "evt_2"):
        body, signature = _paid_event(order, event_id=event_id)
        checkout.process_webhook(db, provider=stripe_provider, payload=body, signature=signature)
        db.commit()
    assert len(db.exec(select(Task)).all()) == 3
    assert len(db.exec(select(Invoice).where(Invoice.order_ref == order.public_id)).all()) == 1


def test_unpaid_or_expired_events_leave_the_order_unpaid(db, shop, stripe_provider):
    checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=stripe_provider)
    db.commit()
    order = _order(db)
    body, signature = _paid_event(order, paid=False)
    assert (
        checkout.process_webhook(db, provider=stripe_provider, payload=body, signature=signature) == "ignored"
    )
    db.commit()
    db.refresh(order)
    assert order.status == "pending_payment"
    assert db.exec(select(Task)).all() == []


def test_bad_signature_changes_nothing(db, shop, stripe_provider):
    checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=stripe_provider)
    db.commit()
    order = _order(db)
    body, _ = _paid_event(order)
    for signature in (None, "", "t=1,v1=deadbeef", sign_payload(body, "whsec_wrong")):
        with pytest.raises(WebhookRejected):
            checkout.process_webhook(db, provider=stripe_provider, payload=body, signature=signature)
    db.refresh(order)
    assert order.status == "pending_payment"


def test_simulated_payment_takes_the_same_path(db, shop):
    provider = SimulatedProvider(secret="s3cret", public_url="http://testserver")
    start = checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=provider)
    db.commit()
    order = _order(db)
    assert start.redirect_url == f"/pago-simulado?pedido={order.public_id}"
    with pytest.raises(NotFound):
        checkout.pay_simulated(
            db, actor=shop["other"], order_public_id=order.public_id, provider=provider, paid=True
        )
    assert (
        checkout.pay_simulated(
            db, actor=shop["client"], order_public_id=order.public_id, provider=provider, paid=True
        )
        == "paid"
    )
    db.commit()
    assert checkout.get_order(db, actor=shop["client"], order_public_id=order.public_id).status == "paid"
    with pytest.raises(NotFound):
        checkout.get_order(db, actor=shop["other"], order_public_id=order.public_id)
    assert checkout.list_orders(db, actor=shop["other"]) == []


def test_cancelled_simulated_payment_keeps_the_order_unpaid(db, shop):
    provider = SimulatedProvider(secret="s3cret", public_url="http://testserver")
    checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=provider)
    db.commit()
    order = _order(db)
    assert (
        checkout.pay_simulated(
            db, actor=shop["client"], order_public_id=order.public_id, provider=provider, paid=False
        )
        == "cancelled"
    )
    db.refresh(order)
    assert order.status == "pending_payment"


def test_only_clients_buy(db, shop, stripe_provider):
    with pytest.raises(DomainError):
        checkout.start_checkout(db, actor=None, request=_request(shop), provider=stripe_provider)
    manager_viewer = accounts.to_viewer(shop["manager"])
    assert manager_viewer.role == Role.MANAGER.value


def test_projects_count_the_open_visits_of_each_relative(db, shop):
    provider = SimulatedProvider(secret="s3cret", public_url="http://testserver")
    checkout.start_checkout(db, actor=shop["client"], request=_request(shop), provider=provider)
    db.commit()
    order = _order(db)
    checkout.pay_simulated(
        db, actor=shop["client"], order_public_id=order.public_id, provider=provider, paid=True
    )
    db.commit()
    projects = {p.full_name: p.open_tasks for p in beneficiaries.list_projects(db, actor=shop["client"])}
    assert projects == {"Carmen López": 3}


def test_a_packs_visits_are_numbered_when_paid(db, shop):
    provider = SimulatedProvider(secret="s3cret", public_url="http://testserver")
    cart = {str(shop["services"]["bono-cuatro-visitas"]): 1, str(shop["services"]["recados-compras"]): 1}
    checkout.start_checkout(db, actor=shop["client"], request=_request(shop, cart=cart), provider=provider)
    db.commit()
    checkout.pay_simulated(
        db, actor=shop["client"], order_public_id=_order(db).public_id, provider=provider, paid=True
    )
    db.commit()
    numbers = sorted((t.sequence_total, t.sequence_number) for t in db.exec(select(Task)).all())
    assert numbers == [(1, 1), (4, 1), (4, 2), (4, 3), (4, 4)]
