"""The real `stripe` library against a local stub server, and webhook signatures."""

import json
import time

import pytest

from care_portal.integrations.payments import (
    CheckoutLine,
    SimulatedProvider,
    StripeProvider,
    WebhookRejected,
    sign_payload,
)
from tests.stripe_stub import StripeStub

WEBHOOK_SECRET = "whsec_test_secret"


@pytest.fixture
def stub():
    server = StripeStub().start()
    yield server
    server.stop()


@pytest.fixture
def provider(stub):
    return StripeProvider(secret_key="sk_test_123", webhook_secret=WEBHOOK_SECRET, api_base=stub.url)


def _checkout(provider, key="checkout-abc"):
    return provider.create_checkout(
        order_public_id="abc",
        lines=[CheckoutLine("Visita de compañía", 2500, 2), CheckoutLine("Gestiones", 3000, 1)],
        customer_email="maria@example.es",
        success_url="http://localhost/ok",
        cancel_url="http://localhost/ko",
        idempotency_key=key,
    )


def test_checkout_session_carries_server_amounts_and_only_the_opaque_order_id(provider, stub):
    start = _checkout(provider)
    assert start.session_id.startswith("cs_test_")
    assert start.redirect_url.endswith(start.session_id)
    request = stub.requests[0]
    assert request["path"] == "/v1/checkout/sessions"
    assert request["auth"] == "Bearer sk_test_123"
    assert request["idempotency_key"] == "checkout-abc"
    form = request["form"]
    assert form["metadata[order]"] == "abc"
    assert [k for k in form if k.startswith("metadata[")] == ["metadata[order]"]
    assert form["line_items[0][price_data][unit_amount]"] == "2500"
    assert form["line_items[0][quantity]"] == "2"
    assert form["line_items[0][price_data][currency]"] == "eur"


def test_same_idempotency_key_gives_the_same_session(provider):
    assert _checkout(provider).session_id == _checkout(provider).session_id
    assert _checkout(provider, key="other").session_id != _checkout(provider).session_id


def test_webhook_signature_is_verified(provider):
    body = json.dumps(
        {
            "id": "evt_1",
            "object": "event",
            "type": "checkout.session.completed",
            "data": {
                "object": {
                    "id": "cs_1",
                    "object": "checkout.session",
                    "payment_status": "paid",
                    "payment_intent": "pi_1",
                    "metadata": {"order": "abc"},
                }
            },
        }
    ).encode()
    event = provider.parse_webhook(body, sign_payload(body, WEBHOOK_SECRET))
    assert (event.event_id, event.order_public_id, event.paid, event.payment_intent) == (
        "evt_1",
        "abc",
        True,
        "pi_1",
    )
    with pytest.raises(WebhookRejected):
        provider.parse_webhook(body, sign_payload(body, "whsec_wrong"))
    with pytest.raises(WebhookRejected):
        provider.parse_webhook(body, None)
    with pytest.raises(WebhookRejected):
        provider.parse_webhook(body + b" ", sign_payload(body, WEBHOOK_SECRET))
    with pytest.raises(WebhookRejected):
        provider.parse_webhook(body, sign_payload(body, WEBHOOK_SECRET, timestamp=int(time.time()) - 3600))


def test_refund_goes_by_payment_intent_with_its_own_key(provider, stub):
    refund_id = provider.refund(payment_intent="pi_1", amount_cents=2500, idempotency_key="refund-task-7")
    assert refund_id.startswith("re_")
    request = stub.requests[-1]
    assert request["path"] == "/v1/refunds"
    assert request["form"] == {"payment_intent": "pi_1", "amount": "2500"}
    assert request["idempotency_key"] == "refund-task-7"


def test_stripe_outage_raises(provider, stub):
    stub.fail_next = 10
    with pytest.raises(Exception, match="stub failure"):
        _checkout(provider, key="fails")


def test_simulated_events_are_signed_and_checked_like_real_ones():
    provider = SimulatedProvider(secret="s3cret", public_url="http://localhost")
    body, signature = provider.signed_event(order_public_id="abc", session_id="sim_1", paid=True)
    event = provider.parse_webhook(body, signature)
    assert (event.order_public_id, event.paid, event.event_type) == (
        "abc",
        True,
        "checkout.session.completed",
    )
    with pytest.raises(WebhookRejected):
        provider.parse_webhook(body, sign_payload(body, "other"))
