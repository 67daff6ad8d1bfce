"""Background expiry of orders never paid, one loop per server worker (each order row is locked)."""

from __future__ import annotations

import asyncio
import logging

from care_portal.db import session_scope
from care_portal.integrations.payments import get_provider
from care_portal.services.payment_reconciliation import expire_stale_orders

logger = logging.getLogger(__name__)
POLL_SECONDS = 600


def _expire_once() -> int:
    with session_scope() as session:
        return expire_stale_orders(session, provider=get_provider())


async def run_order_expiry() -> None:
    """Every ten minutes, expire orders unpaid for ORDER_EXPIRY_HOURS and close their payment page."""
    while True:
        try:
            count = await asyncio.to_thread(_expire_once)
            if count:
                logger.info("expired %d unpaid orders", count)
        except Exception:
            logger.exception("order expiry pass failed")
        await asyncio.sleep(POLL_SECONDS)
