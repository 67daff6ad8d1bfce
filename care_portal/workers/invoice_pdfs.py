"""Background rendering of queued invoice PDFs, one loop per server worker (jobs are claimed)."""

from __future__ import annotations

import asyncio
import logging

from care_portal.config import get_settings
from care_portal.services.invoice_documents import render_queued

logger = logging.getLogger(__name__)


async def run_invoice_pdfs() -> None:
    """Every few seconds, render the PDFs of invoices issued since (one at a time, in a thread)."""
    settings = get_settings()
    while True:
        try:
            while await asyncio.to_thread(render_queued, limit=1):  # one per thread hop: fair to requests
                pass
        except Exception:
            logger.exception("invoice PDF pass failed")
        await asyncio.sleep(settings.invoice_pdf_poll_seconds)
