"""The daily retention clean-up (services/privacy/retention.py), one loop per server worker."""

from __future__ import annotations

import asyncio
import logging

from care_portal.db import session_scope
from care_portal.models.types import utcnow
from care_portal.services.privacy.retention import run_retention

logger = logging.getLogger(__name__)
INTERVAL_SECONDS = 24 * 3600
FIRST_RUN_DELAY_SECONDS = 600


def _run_once() -> dict[str, int]:
    with session_scope() as session:
        return run_retention(session, now=utcnow())


async def run_daily_retention() -> None:
    """Ten minutes after start-up and then every day: delete what is no longer to be kept."""
    await asyncio.sleep(FIRST_RUN_DELAY_SECONDS)
    while True:
        try:
            counts = await asyncio.to_thread(_run_once)
            logger.info("retention run: %s", counts)
        except Exception:
            logger.exception("retention run failed")
        await asyncio.sleep(INTERVAL_SECONDS)
