"""Background renewal of simulated care plans each month, one loop per server worker (rows locked)."""

from __future__ import annotations

import asyncio
import logging

from care_portal.db import session_scope
from care_portal.integrations.payments import SimulatedProvider, get_provider
from care_portal.services.plans.renewal import due_plan_ids, renew_plan

logger = logging.getLogger(__name__)
POLL_SECONDS = 900


def renew_once() -> int:
    """Renew every simulated plan whose month has ended, each in its own transaction; return how many."""
    provider = get_provider()
    if not isinstance(provider, SimulatedProvider):
        return 0  # with Stripe, its own invoices and webhooks renew the plans
    with session_scope() as session:
        plan_ids = due_plan_ids(session)
    renewed = 0
    for plan_id in plan_ids:
        try:
            with session_scope() as session:
                renewed += renew_plan(session, plan_id, provider=provider) == "plan_paid"
        except Exception:
            logger.exception("renewal of simulated plan %s failed", plan_id)
    return renewed


async def run_plan_renewal() -> None:
    """Every fifteen minutes, charge the next month of simulated plans whose month has ended."""
    while True:
        try:
            count = await asyncio.to_thread(renew_once)
            if count:
                logger.info("renewed %d simulated plans", count)
        except Exception:
            logger.exception("plan renewal pass failed")
        await asyncio.sleep(POLL_SECONDS)
