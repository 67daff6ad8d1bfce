"""The payment provider's webhook: the only way an order becomes paid."""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from care_portal.db import session_scope
from care_portal.integrations.payments import WebhookRejected, get_provider
from care_portal.observability import metrics
from care_portal.services import checkout

logger = logging.getLogger(__name__)
MAX_BODY = 256 * 1024


def _apply(payload: bytes, signature: str | None) -> str:
    with session_scope() as session:
        return checkout.process_webhook(
            session, provider=get_provider(), payload=payload, signature=signature
        )


async def payment_webhook(request: Request) -> JSONResponse:
    """Verify the signature, apply the event once, answer 200; a bad signature gets 400."""
    payload = await request.body()
    if len(payload) > MAX_BODY:
        return JSONResponse({"error": "too large"}, status_code=413)
    try:
        outcome = await run_in_threadpool(_apply, payload, request.headers.get("stripe-signature"))
    except WebhookRejected as rejected:
        logger.warning("webhook rejected: %s", rejected)
        metrics.PAYMENT_CONFIRMATIONS.labels(outcome="rejected").inc()
        return JSONResponse({"error": "invalid signature"}, status_code=400)
    metrics.PAYMENT_CONFIRMATIONS.labels(outcome=str(outcome)[:40]).inc()
    return JSONResponse({"status": outcome})
