"""Payment providers: Stripe Checkout, and a clearly labelled simulation for offline use.

Both expose the same interface, and both hand confirmed payments to the same
service (``services.checkout.handle_payment_event``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Protocol

import stripe

from care_portal import routes
from care_portal.config import Settings, get_settings


class WebhookRejected(Exception):
    """The webhook body or its signature is not acceptable."""


@dataclass(frozen=True)
class CheckoutLine:
    """One line as the payment page shows it (amounts from the catalogue, IVA included)."""

    name: str
    unit_amount_cents: int
    quantity: int


@dataclass(frozen=True)
class CheckoutStart:
    """Where to send the customer to pay."""

    session_id: str
    redirect_url: str


@dataclass(frozen=True)
class PaymentEventData:
    """A provider event reduced to what the shop needs."""

    event_id: str
    event_type: str
    order_public_id: str
    session_id: str
    paid: bool
    payment_intent: str
    amount_total: int | None = None
    currency: str = ""
    refunds: tuple[tuple[str, str], ...] = ()  # (refund id, status) for refund and charge events
    failure_reason: str = ""
    raw: dict = field(default_factory=dict, compare=False, repr=False)  # the event as sent (plans read it)


class PaymentProvider(Protocol):
    """What the shop needs from a payment provider."""

    name: str

    def create_checkout(
        self,
        *,
        order_public_id: str,
        lines: list[CheckoutLine],
        customer_email: str,
        success_url: str,
        cancel_url: str,
        idempotency_key: str,
    ) -> CheckoutStart:
        """Open a payment page for an order."""

    def parse_webhook(self, payload: bytes, signature_header: str | None) -> PaymentEventData:
        """Verify and read a webhook delivery, or raise ``WebhookRejected``."""

    def refund(self, *, payment_intent: str, amount_cents: int, idempotency_key: str) -> str:
        """Refund part or all of a payment; return the refund id."""

    def expire_checkout(self, session_id: str) -> bool:
        """Close an unpaid payment page; False when it can no longer be closed (paid or paying)."""


def _event_from_dict(event: dict) -> PaymentEventData:
    obj = event.get("data", {}).get("object", {}) or {}
    metadata = obj.get("metadata") or {}
    kind = obj.get("object")
    if kind == "refund":
        refunds = ((str(obj.get("id", "")), str(obj.get("status", ""))),)
    else:
        listed = (obj.get("refunds") or {}).get("data") or [] if kind == "charge" else []
        refunds = tuple((str(r.get("id", "")), str(r.get("status", ""))) for r in listed)
    amount = obj.get("amount_total")
    return PaymentEventData(
        event_id=str(event.get("id", "")),
        event_type=str(event.get("type", "")),
        order_public_id=str(metadata.get("order") or obj.get("client_reference_id") or ""),
        session_id=str(obj.get("id", "")),
        paid=obj.get("payment_status") == "paid",
        payment_intent=str(obj.get("payment_intent") or ""),
        amount_total=int(amount) if isinstance(amount, int) else None,
        currency=str(obj.get("currency") or ""),
        refunds=refunds,
        failure_reason=str(obj.get("failure_reason") or ""),
        raw=event,
    )


@dataclass
class StripeProvider:
    """Stripe Checkout Sessions through the official library."""

    secret_key: str
    webhook_secret: str
    api_base: str = ""
    name: str = "stripe"

    def _client(self) -> stripe.StripeClient:
        base = {"api": self.api_base} if self.api_base else None
        return stripe.StripeClient(self.secret_key, base_addresses=base, max_network_retries=2)

    def create_checkout(
        self,
        *,
        order_public_id: str,
        lines: list[CheckoutLine],
        customer_email: str,
        success_url: str,
        cancel_url: str,
        idempotency_key: str,
    ) -> CheckoutStart:
        """Create a Checkout Session; only the opaque order id goes into metadata."""
        session = self._client().v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "customer_email": customer_email,
                "client_reference_id": order_public_id,
                "metadata": {"order": order_public_id},
                "success_url": success_url,
                "cancel_url": cancel_url,
                "line_items": [
                    {
                        "quantity": line.quantity,
                        "price_data": {
                            "currency": "eur",
                            "unit_amount": line.unit_amount_cents,
                            "product_data": {"name": line.name},
                        },
                    }
                    for line in lines
                ],
            },
            options={"idempotency_key": idempotency_key},
        )
        return CheckoutStart(session_id=session.id, redirect_url=session.url)

    def parse_webhook(self, payload: bytes, signature_header: str | None) -> PaymentEventData:
        """Verify the ``Stripe-Signature`` header and read the event."""
        if not signature_header:
            raise WebhookRejected("missing signature")
        try:
            event = stripe.Webhook.construct_event(payload, signature_header, self.webhook_secret)
        except (ValueError, stripe.SignatureVerificationError) as exc:
            raise WebhookRejected(str(exc)) from exc
        return _event_from_dict(event.to_dict())

    def refund(self, *, payment_intent: str, amount_cents: int, idempotency_key: str) -> str:
        """Refund by payment intent, with its own idempotency key."""
        refund = self._client().v1.refunds.create(
            params={"payment_intent": payment_intent, "amount": amount_cents},
            options={"idempotency_key": idempotency_key},
        )
        return refund.id

    def expire_checkout(self, session_id: str) -> bool:
        """Expire an open Checkout Session (Stripe refuses once it is complete)."""
        try:
            self._client().v1.checkout.sessions.expire(session_id)
        except stripe.InvalidRequestError:
            return False
        return True


@dataclass
class SimulatedProvider:
    """A stand-in for local use: the "payment page" is the app's own simulated page.

    Its events are signed with the app's secret and read back exactly as
    Stripe's are, so a simulated payment takes the same path as a real one.
    """

    secret: str
    public_url: str
    name: str = "simulated"

    def create_checkout(
        self,
        *,
        order_public_id: str,
        lines: list[CheckoutLine],
        customer_email: str,
        success_url: str,
        cancel_url: str,
        idempotency_key: str,
    ) -> CheckoutStart:
        """Return the simulated payment page of the order (same key, same session)."""
        session_id = "sim_" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:24]
        return CheckoutStart(
            session_id=session_id, redirect_url=routes.order_page_url(routes.PAY_SIMULATED, order_public_id)
        )

    def signed_event(
        self, *, order_public_id: str, session_id: str, paid: bool, amount_cents: int | None = None
    ) -> tuple[bytes, str]:
        """Build the webhook body and signature the simulated page sends on "pay"."""
        body = json.dumps(
            {
                "id": f"evt_sim_{secrets.token_hex(8)}",
                "type": "checkout.session.completed" if paid else "checkout.session.expired",
                "data": {
                    "object": {
                        "id": session_id,
                        "object": "checkout.session",
                        "payment_status": "paid" if paid else "unpaid",
                        "payment_intent": f"pi_sim_{session_id[4:]}",
                        "amount_total": amount_cents,
                        "currency": "eur",
                        "metadata": {"order": order_public_id},
                    }
                },
            }
        ).encode()
        return body, sign_payload(body, self.secret)

    def parse_webhook(self, payload: bytes, signature_header: str | None) -> PaymentEventData:
        """Verify the simulated signature and read the event."""
        if not verify_signature(payload, signature_header or "", self.secret):
            raise WebhookRejected("bad signature")
        try:
            return _event_from_dict(json.loads(payload))
        except (ValueError, AttributeError) as exc:
            raise WebhookRejected("bad body") from exc

    def refund(self, *, payment_intent: str, amount_cents: int, idempotency_key: str) -> str:
        """Pretend to refund; the id is stable per idempotency key."""
        return "re_sim_" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:24]

    def expire_checkout(self, session_id: str) -> bool:
        """Nothing to close: the simulated page only pays through the app."""
        return True


def sign_payload(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """Sign a body the way Stripe does: ``t=…,v1=HMAC-SHA256("{t}.{body}")``."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_signature(payload: bytes, header: str, secret: str, tolerance: int = 300) -> bool:
    """Check a ``t=…,v1=…`` signature and its age."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = sign_payload(payload, secret, timestamp).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


class PaymentsNotConfigured(RuntimeError):
    """Production without Stripe keys: there is no provider, and never a simulated one."""


def get_provider(settings: Settings | None = None) -> PaymentProvider:
    """Return Stripe when its keys are set, the simulation outside production otherwise.

    Raises:
        PaymentsNotConfigured: In production without Stripe keys (the settings already refuse
            to start that way; this guards any other path).
    """
    settings = settings or get_settings()
    if settings.stripe_secret_key:
        return StripeProvider(
            secret_key=settings.stripe_secret_key,
            webhook_secret=settings.stripe_webhook_secret,
            api_base=settings.stripe_api_base,
        )
    if not settings.simulated_payments_allowed:
        raise PaymentsNotConfigured("STRIPE_SECRET_KEY is required in production")
    return SimulatedProvider(secret=settings.simulated_webhook_secret, public_url=settings.public_url)
