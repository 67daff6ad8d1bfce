"""Background e-mail about messages left unread, one loop per server worker (claims keep it single)."""

from __future__ import annotations

import asyncio
import logging

from care_portal.db import session_scope
from care_portal.services.messages import send_unread_digests

logger = logging.getLogger(__name__)
POLL_SECONDS = 120


def _digest_once() -> int:
    with session_scope() as session:
        return send_unread_digests(session)


async def run_message_digests() -> None:
    """Every two minutes, e-mail whoever has messages waiting unread for longer than the setting."""
    while True:
        try:
            count = await asyncio.to_thread(_digest_once)
            if count:
                logger.info("queued %d unread-message e-mails", count)
        except Exception:
            logger.exception("unread-message e-mail pass failed")
        await asyncio.sleep(POLL_SECONDS)
