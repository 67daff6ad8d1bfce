"""Monthly subscriptions for care plans: Stripe Billing, and the same through the simulation.

Stripe: a Customer, then a Checkout Session in ``subscription`` mode (the card is taken on
Stripe's page); pausing voids the coming invoices (``pause_collection``), a change of price
applies from the next invoice (no proration), ending cancels at the period's end. Stripe
retries a failed invoice by itself and reports every attempt as a webhook event.

The simulation answers the same calls without a network and signs the invoice events it
produces with the app's secret, so a simulated month takes the webhook path a real one does.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass

from care_portal.integrations.payments import (
    PaymentEventData,
    SimulatedProvider,
    StripeProvider,
    sign_payload,
)

PLAN_EVENTS = (
    "invoice.paid",
    "invoice.payment_failed",
    "customer.subscription.deleted",
)
CHECKOUT_COMPLETED = "checkout.session.completed"


@dataclass(frozen=True)
class SubscriptionCheckout:
    """Where to send the client to authorise the monthly payment."""

    customer_id: str
    session_id: str
    redirect_url: str


@dataclass(frozen=True)
class PlanEvent:
    """A provider event about a plan's subscription, reduced to what plans need."""

    event_type: str
    plan_public_id: str
    subscription_id: str
    customer_id: str
    invoice_id: str
    amount_cents: int
    payment_intent: str
    attempt_count: int
    next_attempt_at: int | None  # Unix time of Stripe's next retry, None when it will not retry


def _plan_metadata(obj: dict) -> dict:
    """The plan's metadata wherever this API version puts it on a session, invoice or subscription."""
    parent = (obj.get("parent") or {}).get("subscription_details") or {}
    for meta in (
        obj.get("metadata"),
        (obj.get("subscription_details") or {}).get("metadata"),
        parent.get("metadata"),
    ):
        if meta and meta.get("plan"):
            return meta
    return {}


def plan_event(event: PaymentEventData) -> PlanEvent | None:
    """Read a verified event as a plan event, or None when it is about an order."""
    obj = (event.raw.get("data") or {}).get("object") or {}
    if event.event_type == CHECKOUT_COMPLETED and obj.get("mode") != "subscription":
        return None
    if event.event_type not in (*PLAN_EVENTS, CHECKOUT_COMPLETED):
        return None
    kind = obj.get("object")
    subscription = obj.get("subscription") if kind != "subscription" else obj.get("id")
    parent = (obj.get("parent") or {}).get("subscription_details") or {}
    subscription = subscription or parent.get("subscription") or ""
    if isinstance(subscription, dict):
        subscription = subscription.get("id", "")
    amount = obj.get("amount_paid", obj.get("amount_due", obj.get("amount_total")))
    intent = obj.get("payment_intent") or ""
    if not intent:
        payments = (obj.get("payments") or {}).get("data") or []
        intent = ((payments[0].get("payment") or {}).get("payment_intent") or "") if payments else ""
    return PlanEvent(
        event_type=event.event_type,
        plan_public_id=str(_plan_metadata(obj).get("plan", "")),
        subscription_id=str(subscription or ""),
        customer_id=str(obj.get("customer") or ""),
        invoice_id=str(obj.get("id", "")) if kind == "invoice" else "",
        amount_cents=int(amount) if isinstance(amount, int) else 0,
        payment_intent=str(intent),
        attempt_count=int(obj.get("attempt_count") or 0),
        next_attempt_at=obj.get("next_payment_attempt"),
    )


def start_subscription(
    provider,
    *,
    plan_public_id: str,
    description: str,
    monthly_cents: int,
    customer_email: str,
    customer_name: str,
    success_url: str,
    cancel_url: str,
    idempotency_key: str,
) -> SubscriptionCheckout:
    """Open the page where the client authorises the monthly payment of a plan."""
    if isinstance(provider, StripeProvider):
        client = provider._client()
        customer = client.v1.customers.create(
            params={"email": customer_email, "name": customer_name, "metadata": {"plan": plan_public_id}},
            options={"idempotency_key": f"{idempotency_key}-customer"},
        )
        session = client.v1.checkout.sessions.create(
            params={
                "mode": "subscription",
                "customer": customer.id,
                "client_reference_id": plan_public_id,
                "metadata": {"plan": plan_public_id},
                "subscription_data": {"metadata": {"plan": plan_public_id}},
                "success_url": success_url,
                "cancel_url": cancel_url,
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": "eur",
                            "unit_amount": monthly_cents,
                            "recurring": {"interval": "month"},
                            "product_data": {"name": description},
                        },
                    }
                ],
            },
            options={"idempotency_key": idempotency_key},
        )
        return SubscriptionCheckout(customer.id, session.id, session.url)
    if isinstance(provider, SimulatedProvider):
        digest = hashlib.sha256(idempotency_key.encode()).hexdigest()[:24]
        return SubscriptionCheckout(f"cus_sim_{digest}", f"cs_sim_{digest}", "")
    raise TypeError(f"no subscriptions with {provider!r}")


def pause(provider, subscription_id: str, *, idempotency_key: str) -> None:
    """Stop charging from the next invoice (Stripe voids the invoices while paused)."""
    _update(provider, subscription_id, {"pause_collection": {"behavior": "void"}}, idempotency_key)


def resume(provider, subscription_id: str, *, idempotency_key: str) -> None:
    """Charge again from the next invoice."""
    _update(provider, subscription_id, {"pause_collection": ""}, idempotency_key)


def cancel_at_period_end(provider, subscription_id: str, *, idempotency_key: str) -> None:
    """End the subscription when the period already paid ends."""
    _update(provider, subscription_id, {"cancel_at_period_end": True}, idempotency_key)


def change_price(provider, subscription_id: str, *, monthly_cents: int, idempotency_key: str) -> None:
    """Charge a new monthly amount from the next invoice (no proration of the current one)."""
    if not isinstance(provider, StripeProvider):
        return
    current = provider._client().v1.subscriptions.retrieve(subscription_id)
    item = current["items"]["data"][0]
    _update(
        provider,
        subscription_id,
        {
            "proration_behavior": "none",
            "items": [
                {
                    "id": item["id"],
                    "price_data": {
                        "currency": "eur",
                        "unit_amount": monthly_cents,
                        "recurring": {"interval": "month"},
                        "product": item["price"]["product"],
                    },
                }
            ],
        },
        idempotency_key,
    )


def _update(provider, subscription_id: str, params: dict, idempotency_key: str) -> None:
    if isinstance(provider, StripeProvider):
        provider._client().v1.subscriptions.update(
            subscription_id, params=params, options={"idempotency_key": idempotency_key}
        )


def simulated_invoice_event(
    provider: SimulatedProvider,
    *,
    plan_public_id: str,
    subscription_id: str,
    invoice_id: str,
    amount_cents: int,
    paid: bool,
    attempt_count: int = 1,
) -> tuple[bytes, str]:
    """Build a signed ``invoice.paid`` / ``invoice.payment_failed`` event as Stripe sends it."""
    body = json.dumps(
        {
            "id": f"evt_sim_{secrets.token_hex(8)}",
            "object": "event",
            "type": "invoice.paid" if paid else "invoice.payment_failed",
            "data": {
                "object": {
                    "id": invoice_id,
                    "object": "invoice",
                    "customer": f"cus_sim_{subscription_id[8:]}",
                    "amount_paid": amount_cents if paid else 0,
                    "amount_due": amount_cents,
                    "currency": "eur",
                    "attempt_count": attempt_count,
                    "next_payment_attempt": None,
                    "payment_intent": f"pi_sim_{invoice_id[7:]}" if paid else "",
                    "parent": {
                        "subscription_details": {
                            "subscription": subscription_id,
                            "metadata": {"plan": plan_public_id},
                        }
                    },
                }
            },
        }
    ).encode()
    return body, sign_payload(body, provider.secret)
