"""The e-mail outbox: queue in the caller's transaction, deliver later with retries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from care_portal.db import session_scope
from care_portal.domain.formatting import format_datetime
from care_portal.models import OutboxAttachment, OutboxMessage, OutboxStatus, Role
from care_portal.models.types import utcnow
from care_portal.services.authz import Viewer, ensure_role

CLAIM_SECONDS = 120
SECRET_IN_LINK = re.compile(r"([?&](?:token|code)=)[^\s&#]+")  # reset and verification links
HIDDEN = "[oculto/hidden]"
MAX_BACKOFF_SECONDS = 3600


class Mailer(Protocol):
    """Anything that can send one e-mail."""

    def send(self, *, to: str, subject: str, body: str) -> None:
        """Send one message or raise ``OSError`` (a mailer that takes ``attachments`` gets them too)."""


@dataclass(frozen=True)
class OutboxRow:
    """An outbox message as shown on the admin page."""

    id: int
    to_address: str
    subject: str
    body_text: str
    status: str
    attempts: int
    created: str
    sent: str
    last_error: str


def queue_email(session: Session, *, to: str, subject: str, body: str, kind: str) -> None:
    """Write an e-mail to the outbox inside the caller's transaction.

    Args:
        session: Open session; the message is stored only if the caller commits.
        to: Recipient address.
        subject: Subject line.
        body: Plain-text body.
        kind: What the message is about, for filtering (``"password_reset"``…).
    """
    session.add(OutboxMessage(to_address=to, subject=subject[:200], body_text=body, kind=kind))


def recipient_language(person) -> str:
    """Return the language of an e-mail to a person (their profile's); the team's mailbox reads Spanish.

    Args:
        person: The recipient (a ``User``), or None when the e-mail goes to the team's address.
    """
    language = getattr(person, "language", "") if person is not None else ""
    return language if language in ("es", "en") else "es"


def attachments_of(session: Session, message_id: int) -> tuple:
    """Return a message's attachments as ``(filename, content_type, text)`` triples."""
    rows = session.exec(
        select(OutboxAttachment)
        .where(OutboxAttachment.message_id == message_id)
        .order_by(col(OutboxAttachment.id))
    ).all()
    return tuple((row.filename, row.content_type, row.content) for row in rows)


def hide_secrets(text: str) -> str:
    """Return an e-mail body with the secret part of every link replaced (for people to read)."""
    return SECRET_IN_LINK.sub(lambda match: match.group(1) + HIDDEN, text or "")


def backoff_seconds(attempts: int) -> int:
    """Return the wait before the next try after ``attempts`` failed tries."""
    return min(MAX_BACKOFF_SECONDS, 5 * 2 ** max(0, attempts - 1))


def _claim(engine: Engine | None, message_id: int, now: datetime) -> bool:
    with session_scope(engine) as session:
        result = session.exec(
            update(OutboxMessage)
            .where(
                col(OutboxMessage.id) == message_id,
                col(OutboxMessage.status) == OutboxStatus.PENDING.value,
                col(OutboxMessage.next_attempt_at) <= now,
                or_(
                    col(OutboxMessage.locked_until).is_(None),
                    col(OutboxMessage.locked_until) < now,
                ),
            )
            .values(locked_until=now + timedelta(seconds=CLAIM_SECONDS))
        )
        return result.rowcount == 1


def deliver_due(
    *,
    mailer: Mailer,
    engine: Engine | None = None,
    now: datetime | None = None,
    limit: int = 20,
    max_attempts: int = 8,
) -> int:
    """Send the messages that are due, each claimed so that no two workers send it.

    Args:
        mailer: Where to send.
        engine: Database engine; the application's by default.
        now: The current instant (for tests).
        limit: At most this many messages in one pass.
        max_attempts: After this many failures a message is marked failed.

    Returns:
        How many messages were delivered.
    """
    now = now or utcnow()
    with session_scope(engine) as session:
        due = session.exec(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.status == OutboxStatus.PENDING.value,
                col(OutboxMessage.next_attempt_at) <= now,
            )
            .order_by(col(OutboxMessage.id))
            .limit(limit)
        ).all()
    delivered = 0
    for message_id in due:
        if not _claim(engine, message_id, now):
            continue
        with session_scope(engine) as session:
            message = session.get(OutboxMessage, message_id)
            to, subject, body = message.to_address, message.subject, message.body_text
            files = attachments_of(session, message_id)
        error = ""
        try:
            mailer.send(to=to, subject=subject, body=body, **({"attachments": files} if files else {}))
        except OSError as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        with session_scope(engine) as session:
            message = session.get(OutboxMessage, message_id)
            message.locked_until = None
            if not error:
                message.status = OutboxStatus.SENT.value
                message.sent_at = utcnow()
                message.last_error = ""
                delivered += 1
            else:
                message.attempts += 1
                message.last_error = error
                if message.attempts >= max_attempts:
                    message.status = OutboxStatus.FAILED.value
                else:
                    message.next_attempt_at = now + timedelta(seconds=backoff_seconds(message.attempts))
            session.add(message)
    return delivered


def list_outbox(session: Session, *, actor: Viewer | None, limit: int = 200) -> list[OutboxRow]:
    """Return the newest outbox messages for the admin page ("Correo saliente").

    Links that carry a secret (password reset, e-mail verification) are shown without it: only
    the recipient may use them.

    Args:
        session: Open session.
        actor: Who asks; only admins may read the outbox.
        limit: At most this many rows.

    Returns:
        Rows newest first.
    """
    ensure_role(actor, Role.ADMIN)
    rows = session.exec(select(OutboxMessage).order_by(col(OutboxMessage.id).desc()).limit(limit)).all()
    return [
        OutboxRow(
            id=row.id,
            to_address=row.to_address,
            subject=row.subject,
            body_text=hide_secrets(row.body_text),
            status=row.status,
            attempts=row.attempts,
            created=format_datetime(row.created_at),
            sent=format_datetime(row.sent_at),
            last_error=row.last_error,
        )
        for row in rows
    ]
