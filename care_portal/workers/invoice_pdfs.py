"""Background rendering of queued invoice PDFs, one loop per server worker (jobs are claimed).

A PDF costs ~0.1 s of CPU, several times a whole payment confirmation, so the loop gives way
to confirmations: while this worker is applying webhooks it waits (at most
``INVOICE_PDF_MAX_DEFER_SECONDS``, then renders one anyway, so a steady stream of payments
cannot starve the PDFs). A client who downloads an invoice first gets it rendered on demand.
"""

from __future__ import annotations

import asyncio
import logging
import time

from care_portal.api.payments import webhooks_in_flight
from care_portal.config import get_settings
from care_portal.services.invoice_documents import render_queued

logger = logging.getLogger(__name__)
BUSY_CHECK_SECONDS = 0.5


async def run_invoice_pdfs() -> None:
    """Every few seconds, render the PDFs of invoices issued since, one at a time, in a thread."""
    settings = get_settings()
    while True:
        try:
            while True:
                await _give_way_to_webhooks(settings.invoice_pdf_max_defer_seconds)
                if not await asyncio.to_thread(render_queued, limit=1):
                    break
        except Exception:
            logger.exception("invoice PDF pass failed")
        await asyncio.sleep(settings.invoice_pdf_poll_seconds)


async def _give_way_to_webhooks(max_seconds: float) -> None:
    """Wait while this worker applies payment webhooks, at most ``max_seconds``."""
    deadline = time.monotonic() + max_seconds
    while webhooks_in_flight() and time.monotonic() < deadline:
        await asyncio.sleep(BUSY_CHECK_SECONDS)
