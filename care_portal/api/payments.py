"""The payment provider's webhook: the only way an order becomes paid."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from care_portal.config import get_settings
from care_portal.db import session_scope
from care_portal.integrations.payments import WebhookRejected, get_provider
from care_portal.observability import metrics
from care_portal.services import checkout

logger = logging.getLogger(__name__)
MAX_BODY = 256 * 1024
_IN_FLIGHT = [0]  # per process; only the event loop's thread changes it
_TURNS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


def _apply(payload: bytes, signature: str | None) -> str:
    with session_scope() as session:
        return checkout.process_webhook(
            session, provider=get_provider(), payload=payload, signature=signature
        )


def _turns() -> asyncio.Semaphore:
    """The worker's webhook turns (``WEBHOOK_CONCURRENCY``), one semaphore per event loop.

    Confirmations serialize on the invoice numbering lock, so more of them at once only adds
    threads holding pooled connections while they wait for it (at 200 simultaneous webhooks
    the pool ran dry and pages waited too) and threads competing for the GIL with the one that
    holds the lock. Webhooks beyond the limit wait here, on the event loop, holding nothing.
    """
    loop = asyncio.get_running_loop()
    turns = _TURNS.get(loop)
    if turns is None:
        turns = _TURNS[loop] = asyncio.Semaphore(max(1, get_settings().webhook_concurrency))
    return turns


@contextlib.asynccontextmanager
async def _in_flight():
    _IN_FLIGHT[0] += 1
    try:
        yield
    finally:
        _IN_FLIGHT[0] -= 1


def webhooks_in_flight() -> int:
    """How many webhooks this worker process is applying now (the PDF job yields to them)."""
    return _IN_FLIGHT[0]


async def payment_webhook(request: Request) -> JSONResponse:
    """Verify the signature, apply the event once, answer 200; a bad signature gets 400."""
    payload = await request.body()
    if len(payload) > MAX_BODY:
        return JSONResponse({"error": "too large"}, status_code=413)
    try:
        async with _turns(), _in_flight():
            outcome = await run_in_threadpool(_apply, payload, request.headers.get("stripe-signature"))
    except WebhookRejected as rejected:
        logger.warning("webhook rejected: %s", rejected)
        metrics.PAYMENT_CONFIRMATIONS.labels(outcome="rejected").inc()
        return JSONResponse({"error": "invalid signature"}, status_code=400)
    metrics.PAYMENT_CONFIRMATIONS.labels(outcome=str(outcome)[:40]).inc()
    return JSONResponse({"status": outcome})
