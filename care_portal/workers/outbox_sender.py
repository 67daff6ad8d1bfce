"""Background delivery of the e-mail outbox, one loop per server worker.

Rows are claimed in the database, so several workers never send a message twice.
"""

from __future__ import annotations

import asyncio
import logging

from care_portal.config import get_settings
from care_portal.integrations.mailer import SmtpMailer
from care_portal.services.notifications import deliver_due

logger = logging.getLogger(__name__)


async def run_outbox_sender() -> None:
    """Deliver due messages every few seconds while SMTP is configured."""
    settings = get_settings()
    if not settings.smtp_enabled:
        logger.info("SMTP not configured: e-mail stays in the outbox (admin › Correo saliente).")
        return
    mailer = SmtpMailer(
        host=settings.smtp_host,
        port=settings.smtp_port,
        sender=settings.mail_from,
        user=settings.smtp_user,
        password=settings.smtp_password,
        starttls=settings.smtp_starttls,
    )
    while True:
        try:
            await asyncio.to_thread(deliver_due, mailer=mailer, max_attempts=settings.outbox_max_attempts)
        except Exception:
            logger.exception("outbox pass failed")
        await asyncio.sleep(settings.outbox_poll_seconds)
