"""A local HTTP server that answers like Stripe's API, for the real `stripe` library.

It records every request, honours ``Idempotency-Key`` (same key → same answer,
as Stripe does) and can be told to fail.
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

    def _answer(self, path: str, form: dict) -> tuple[int, dict]:
        if path == "/v1/checkout/sessions":
            session_id = "cs_test_" + secrets.token_hex(12)
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

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = dict(parse_qsl(self.rfile.read(length).decode()))
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
