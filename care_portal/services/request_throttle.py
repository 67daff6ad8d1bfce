"""Limits on requests that send e-mail to an address typed by anyone (password reset, sign-up).

Each request is written to the audit log with the requesting address and a digest of the
e-mail (never the address itself); a request over a limit is dropped without a different
answer, so nobody learns whether an account exists or whether they were throttled.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.models import AuditEvent
from care_portal.models.types import utcnow

WINDOW = timedelta(hours=1)
PER_EMAIL = 3
PER_ADDRESS = 50  # a shared office or mobile network is one address


def email_digest(email: str) -> str:
    """Return the digest that stands for an e-mail address in the audit log."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:40]


def _count(session: Session, action: str, since: datetime, *conditions) -> int:
    return session.exec(
        select(func.count()).where(
            AuditEvent.action == action, col(AuditEvent.created_at) > since, *conditions
        )
    ).one()


def admit(session: Session, *, action: str, email: str, client_ip: str, now: datetime | None = None) -> bool:
    """Count a request and say whether it may go ahead (False: drop it quietly).

    Args:
        session: Open session (the caller commits, also when the request is dropped).
        action: What is asked, e.g. ``"auth.reset_asked"``.
        email: The normalised address typed.
        client_ip: The requesting address ("" when unknown: only the e-mail limit applies).
        now: The current instant (for tests).

    Returns:
        Whether fewer than the allowed requests came for this e-mail and from this address in
        the last hour.
    """
    now = now or utcnow()
    since = now - WINDOW
    digest = email_digest(email)
    allowed = _count(session, action, since, AuditEvent.target_id == digest) < PER_EMAIL and (
        not client_ip or _count(session, action, since, AuditEvent.client_ip == client_ip) < PER_ADDRESS
    )
    session.add(
        AuditEvent(
            actor_id=None,
            action=action,
            target_type="email",
            target_id=digest,
            details={"admitted": allowed},
            client_ip=client_ip,
            created_at=now,
        )
    )
    return allowed
