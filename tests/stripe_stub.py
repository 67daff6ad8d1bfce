"""A local HTTP server that answers like Stripe's API, for the real `stripe` library.

It records every request, honours ``Idempotency-Key`` (same key → same answer,
as Stripe does) and can be told to fail. Subscriptions (Stripe Billing): customers, checkout
sessions in ``subscription`` mode, subscriptions (retrieve, update: pause, price, cancel at
period end) and the invoice events Stripe would send for them (``invoice_event``).
"""

from __future__ import annotations

import json
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl


class StripeStub:
    """Start with ``start()``; point ``api_base`` at ``url``."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.fail_next = 0
        self.completed: set[str] = set()  # sessions already paid: they cannot be expired
        self._by_key: dict[str, dict] = {}
        self.sessions: dict[str, dict] = {}  # checkout sessions as created (form fields)
        self.subscriptions: dict[str, dict] = {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> StripeStub:
        """Serve in a background thread."""
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()

    def subscribe(self, session_id: str) -> dict:
        """The client pays on a ``subscription``-mode session: Stripe creates the subscription."""
        form = self.sessions[session_id]
        subscription = {
            "id": "sub_" + secrets.token_hex(8),
            "object": "subscription",
            "customer": form.get("customer"),
            "status": "active",
            "metadata": {"plan": form.get("subscription_data[metadata][plan]")},
            "pause_collection": None,
            "cancel_at_period_end": False,
            "items": {
                "object": "list",
                "data": [
                    {
                        "id": "si_" + secrets.token_hex(8),
                        "object": "subscription_item",
                        "price": {
                            "id": "price_" + secrets.token_hex(8),
                            "object": "price",
                            "product": "prod_" + secrets.token_hex(8),
                            "unit_amount": int(form["line_items[0][price_data][unit_amount]"]),
                        },
                    }
                ],
            },
        }
        self.subscriptions[subscription["id"]] = subscription
        return subscription

    def checkout_completed_event(self, session_id: str, subscription_id: str) -> dict:
        """The ``checkout.session.completed`` event of a subscription checkout."""
        form = self.sessions[session_id]
        return self._event(
            "checkout.session.completed",
            {
                "id": session_id,
                "object": "checkout.session",
                "mode": "subscription",
                "customer": form.get("customer"),
                "subscription": subscription_id,
                "payment_status": "paid",
                "client_reference_id": form.get("client_reference_id"),
                "metadata": {"plan": form.get("metadata[plan]")},
            },
        )

    def invoice_event(
        self,
        subscription_id: str,
        *,
        invoice_id: str,
        paid: bool,
        attempt_count: int = 1,
        next_payment_attempt: int | None = None,
    ) -> dict:
        """``invoice.paid`` / ``invoice.payment_failed`` for a subscription, shaped as API 2026."""
        subscription = self.subscriptions[subscription_id]
        amount = subscription["items"]["data"][0]["price"]["unit_amount"]
        return self._event(
            "invoice.paid" if paid else "invoice.payment_failed",
            {
                "id": invoice_id,
                "object": "invoice",
                "customer": subscription["customer"],
                "status": "paid" if paid else "open",
                "amount_due": amount,
                "amount_paid": amount if paid else 0,
                "currency": "eur",
                "attempt_count": attempt_count,
                "next_payment_attempt": next_payment_attempt,
                "parent": {
                    "type": "subscription_details",
                    "subscription_details": {
                        "subscription": subscription_id,
                        "metadata": dict(subscription["metadata"]),
                    },
                },
                "payments": {
                    "object": "list",
                    "data": [{"payment": {"type": "payment_intent", "payment_intent": "pi_" + invoice_id}}]
                    if paid
                    else [],
                },
            },
        )

    def subscription_deleted_event(self, subscription_id: str) -> dict:
        """``customer.subscription.deleted``: retries exhausted, or cancelled at the period's end."""
        subscription = dict(self.subscriptions[subscription_id], status="canceled")
        return self._event("customer.subscription.deleted", subscription)

    @staticmethod
    def _event(kind: str, obj: dict) -> dict:
        return {
            "id": "evt_" + secrets.token_hex(10),
            "object": "event",
            "type": kind,
            "data": {"object": obj},
        }

    def _update_subscription(self, subscription_id: str, form: dict) -> tuple[int, dict]:
        subscription = self.subscriptions.get(subscription_id)
        if subscription is None:
            return 404, {"error": {"type": "invalid_request_error", "message": "No such subscription"}}
        if "pause_collection" in form:  # an empty value unsets it
            subscription["pause_collection"] = None
        if "pause_collection[behavior]" in form:
            subscription["pause_collection"] = {"behavior": form["pause_collection[behavior]"]}
        if "cancel_at_period_end" in form:
            subscription["cancel_at_period_end"] = form["cancel_at_period_end"] == "true"
        if "items[0][price_data][unit_amount]" in form:
            item = subscription["items"]["data"][0]
            if form.get("items[0][id]") != item["id"]:
                return 400, {"error": {"type": "invalid_request_error", "message": "No such item"}}
            item["price"] = dict(item["price"], unit_amount=int(form["items[0][price_data][unit_amount]"]))
        return 200, subscription

    def _answer(self, path: str, form: dict) -> tuple[int, dict]:
        if path == "/v1/customers":
            return 200, {
                "id": "cus_" + secrets.token_hex(8),
                "object": "customer",
                "email": form.get("email"),
            }
        if path.startswith("/v1/subscriptions/"):
            return self._update_subscription(path.split("/")[3], form)
        if path == "/v1/checkout/sessions":
            session_id = "cs_test_" + secrets.token_hex(12)
            self.sessions[session_id] = form
            return 200, {
                "id": session_id,
                "object": "checkout.session",
                "url": f"https://checkout.stripe.test/pay/{session_id}",
                "payment_status": "unpaid",
                "client_reference_id": form.get("client_reference_id"),
                "metadata": {"order": form.get("metadata[order]")},
                "amount_total": sum(
                    int(form[f"line_items[{i}][price_data][unit_amount]"])
                    * int(form[f"line_items[{i}][quantity]"])
                    for i in range(10)
                    if f"line_items[{i}][quantity]" in form
                ),
            }
        if path == "/v1/refunds":
            return 200, {
                "id": "re_" + secrets.token_hex(8),
                "object": "refund",
                "amount": int(form["amount"]),
                "payment_intent": form["payment_intent"],
                "status": "succeeded",
            }
        if path.startswith("/v1/checkout/sessions/") and path.endswith("/expire"):
            session_id = path.split("/")[4]
            if session_id in self.completed:
                return 400, {
                    "error": {
                        "type": "invalid_request_error",
                        "message": 'Only Checkout Sessions with a status in ["open"] can be expired.',
                    }
                }
            return 200, {"id": session_id, "object": "checkout.session", "status": "expired"}
        return 404, {
            "error": {"type": "invalid_request_error", "message": f"Unrecognized request URL {path}"}
        }

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # silence the default stderr log
                pass

            def _send(self, status: int, body: dict) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Request-Id", "req_stub")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self):
                path = self.path.split("?", 1)[0]
                stub.requests.append({"path": path, "form": {}, "idempotency_key": "", "method": "GET"})
                subscription = stub.subscriptions.get(path.split("/")[-1])
                if path.startswith("/v1/subscriptions/") and subscription is not None:
                    self._send(200, subscription)
                else:
                    self._send(404, {"error": {"type": "invalid_request_error", "message": "No such object"}})

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = dict(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
                key = self.headers.get("Idempotency-Key", "")
                stub.requests.append(
                    {
                        "path": self.path,
                        "form": form,
                        "idempotency_key": key,
                        "auth": self.headers.get("Authorization", ""),
                    }
                )
                if stub.fail_next > 0:
                    stub.fail_next -= 1
                    status, body = 500, {"error": {"type": "api_error", "message": "stub failure"}}
                elif key and key in stub._by_key:
                    status, body = 200, stub._by_key[key]
                else:
                    status, body = stub._answer(self.path, form)
                    if key and status == 200:
                        stub._by_key[key] = body
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Request-Id", "req_stub")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler
