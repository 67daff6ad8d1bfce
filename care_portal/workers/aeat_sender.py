"""Background sending of billing records to the AEAT, one loop per server worker.

The loops share a lease in the database, so only one sends at a time and no
record is sent twice; each waits what the AEAT asks (``TiempoEsperaEnvio``).
"""

from __future__ import annotations

import asyncio
import logging

from care_portal.config import get_settings
from care_portal.integrations.aeat_client import configured_client
from care_portal.services.aeat_submission import send_pending, worker_name

logger = logging.getLogger(__name__)


async def run_aeat_sender() -> None:
    """Send pending records whenever the lease and the AEAT's flow control allow."""
    settings = get_settings()
    try:
        client = configured_client(settings)
    except (OSError, ValueError):
        logger.exception("AEAT certificate unreadable: records stay pending (admin › Facturas › AEAT).")
        return
    if client is None:
        logger.info("AEAT_CERT_FILE not set: billing records stay pending (admin › Facturas › AEAT).")
        return
    worker = worker_name()
    while True:
        wait = settings.aeat_poll_seconds
        try:
            result = await asyncio.to_thread(send_pending, client, worker=worker)
            wait = min(max(result.wait_seconds, 1.0), settings.aeat_poll_seconds * 6)
            if result.outcome == "idle":
                wait = settings.aeat_poll_seconds
        except Exception:
            logger.exception("AEAT sending pass failed")
        await asyncio.sleep(wait)
