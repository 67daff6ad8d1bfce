"""Background escalation of tasks not contacted in time, one loop per server worker."""

from __future__ import annotations

import asyncio
import logging

from care_portal.db import session_scope
from care_portal.services.visits import escalate_overdue_contacts

logger = logging.getLogger(__name__)
POLL_SECONDS = 300


def _escalate_once() -> int:
    with session_scope() as session:
        return escalate_overdue_contacts(session)


async def run_contact_escalations() -> None:
    """Every few minutes, e-mail the admins about tasks still waiting for their first contact."""
    while True:
        try:
            count = await asyncio.to_thread(_escalate_once)
            if count:
                logger.info("escalated %d tasks without first contact", count)
        except Exception:
            logger.exception("contact escalation pass failed")
        await asyncio.sleep(POLL_SECONDS)
