"""A beneficiary's conversation between its family circle and the team.

Who takes part: the beneficiary's client, circle members granted «message», its current
manager and admins (``load_readable(need=MESSAGE)``); anyone else — a view-only member, a
removed member, a previous manager — gets ``NotFound``. Messages are text with at most one
attachment, checked like the beneficiary's documents (PDF, JPEG, PNG by their bytes, size
limit) and stored encrypted in private storage. Each participant's read mark gives the read
receipts and the unread counts. Reading a page costs the same few statements however long the
conversation is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.domain import files
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.integrations.storage import read_private, save_private
from care_portal.models import Role, User
from care_portal.models.circle import CircleMessage, CircleReadMark
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import CirclePermission, load_readable
from care_portal.services.care_documents import Attachment, check_file

MAX_BODY = 4000
PAGE_SIZE = 30
MESSAGE = CirclePermission.MESSAGE


@dataclass(frozen=True)
class MessageView:
    """One message as a participant reads it."""

    id: int
    author: str
    from_team: bool
    mine: bool
    body: str
    sent: str
    attachment_name: str
    read_by: list[str]


@dataclass(frozen=True)
class ConversationPage:
    """The latest messages (oldest first) and whether older ones exist."""

    beneficiary_id: int
    beneficiary_name: str
    messages: list[MessageView]
    has_older: bool
    latest_id: int
    oldest_id: int


@dataclass(frozen=True)
class ConversationPulse:
    """The cheap check an open page polls: has anything changed since it last looked?"""

    latest_id: int
    others_read_up_to: int


@dataclass(frozen=True)
class AttachmentFile:
    """An attachment's bytes for an authorised download."""

    name: str
    content_type: str
    data: bytes


def post_message(
    session: Session,
    *,
    actor: Viewer | None,
    beneficiary_id: int,
    body: str,
    attachment: Attachment | None = None,
    now: datetime | None = None,
) -> int:
    """Write a message in a beneficiary's conversation; the author has read it.

    Args:
        session: Open session (the caller commits).
        actor: A participant (see the module docstring).
        beneficiary_id: Whose conversation.
        body: The text (may be empty when a file is attached).
        attachment: An optional file.
        now: The current instant (for tests).

    Returns:
        The new message's id.

    Raises:
        NotFound: Not a participant.
        ValidationFailed: ``body`` empty or too long; ``attachment`` with the file's problem.
    """
    actor = ensure_role(actor)
    reader = load_readable(session, actor, beneficiary_id, need=MESSAGE)
    text = (body or "").strip()
    if len(text) > MAX_BODY:
        raise ValidationFailed({"body": "messages.too_long"})
    checked = None
    if attachment is not None:
        try:
            checked = check_file(attachment)
        except DomainError as error:
            raise ValidationFailed({"attachment": error.key}) from error
    if not text and checked is None:
        raise ValidationFailed({"body": "messages.empty"})
    message = CircleMessage(beneficiary_id=reader.beneficiary.id, author_id=actor.id, body=text)
    if now is not None:
        message.created_at = now
    if checked is not None:
        message.attachment_key = save_private("messages", checked.data, files.EXTENSION[checked.kind])
        message.attachment_name = checked.display_name
        message.attachment_type = files.MIME[checked.kind]
        message.attachment_size = len(checked.data)
    session.add(message)
    session.flush()
    _advance_mark(session, actor.id, reader.beneficiary.id, message.id, now or utcnow())
    record_event(
        session,
        actor_id=actor.id,
        action="message.posted",
        target_type="beneficiary",
        target_id=reader.beneficiary.id,
        details={"message": message.id, "attachment": bool(checked)},
    )
    return message.id


def _advance_mark(session: Session, user_id: int, beneficiary_id: int, up_to_id: int, now: datetime) -> None:
    mark = session.exec(
        select(CircleReadMark).where(
            CircleReadMark.user_id == user_id, CircleReadMark.beneficiary_id == beneficiary_id
        )
    ).first()
    if mark is None:
        session.add(
            CircleReadMark(user_id=user_id, beneficiary_id=beneficiary_id, last_read_id=up_to_id, read_at=now)
        )
    elif up_to_id > mark.last_read_id:  # read marks only move forward
        mark.last_read_id, mark.read_at = up_to_id, now
        session.add(mark)


def mark_read(
    session: Session, *, actor: Viewer | None, beneficiary_id: int, up_to_id: int, now: datetime | None = None
) -> None:
    """Record that the actor has read the conversation up to a message (never backwards).

    Raises:
        NotFound: Not a participant.
    """
    actor = ensure_role(actor)
    reader = load_readable(session, actor, beneficiary_id, need=MESSAGE)
    latest = session.exec(
        select(func.max(CircleMessage.id)).where(CircleMessage.beneficiary_id == reader.beneficiary.id)
    ).one()
    up_to = min(int(up_to_id or 0), latest or 0)
    if up_to > 0:
        _advance_mark(session, actor.id, reader.beneficiary.id, up_to, now or utcnow())


def read_conversation(
    session: Session,
    *,
    actor: Viewer | None,
    beneficiary_id: int,
    before_id: int | None = None,
    limit: int = PAGE_SIZE,
) -> ConversationPage:
    """Return up to ``limit`` messages before ``before_id`` (the latest ones without it).

    Five statements whatever the length: the beneficiary, the membership, the page of
    messages with their authors, and the read marks with their readers' names.

    Raises:
        NotFound: Not a participant.
    """
    actor = ensure_role(actor)
    reader = load_readable(session, actor, beneficiary_id, need=MESSAGE)
    beneficiary = reader.beneficiary
    query = (
        select(CircleMessage, User.full_name, User.role)
        .join(User, User.id == CircleMessage.author_id)
        .where(CircleMessage.beneficiary_id == beneficiary.id)
    )
    if before_id:
        query = query.where(CircleMessage.id < before_id)
    rows = list(session.exec(query.order_by(col(CircleMessage.id).desc()).limit(limit + 1)).all())
    has_older = len(rows) > limit
    rows = list(reversed(rows[:limit]))
    marks = session.exec(
        select(CircleReadMark.user_id, CircleReadMark.last_read_id, User.full_name)
        .join(User, User.id == CircleReadMark.user_id)
        .where(CircleReadMark.beneficiary_id == beneficiary.id)
    ).all()
    messages = [
        MessageView(
            id=m.id,
            author=name,
            from_team=role in (Role.MANAGER.value, Role.ADMIN.value),
            mine=m.author_id == actor.id,
            body=m.body,
            sent=format_datetime(m.created_at),
            attachment_name=m.attachment_name,
            read_by=[
                reader_name
                for user_id, last_read, reader_name in marks
                if user_id != m.author_id and last_read >= m.id
            ],
        )
        for m, name, role in rows
    ]
    return ConversationPage(
        beneficiary_id=beneficiary.id,
        beneficiary_name=beneficiary.full_name,
        messages=messages,
        has_older=has_older,
        latest_id=messages[-1].id if messages else 0,
        oldest_id=messages[0].id if messages else 0,
    )


def pulse(session: Session, *, actor: Viewer | None, beneficiary_id: int) -> ConversationPulse:
    """Return the latest message id and how far the others have read (three statements).

    An open conversation page calls this every few seconds and reloads its messages only
    when the answer changes; the permission is checked each time, so a removed member's
    page stops receiving anything at once.

    Raises:
        NotFound: Not a participant (any more).
    """
    actor = ensure_role(actor)
    reader = load_readable(session, actor, beneficiary_id, need=MESSAGE)
    others = (
        select(func.coalesce(func.max(CircleReadMark.last_read_id), 0))
        .where(CircleReadMark.beneficiary_id == reader.beneficiary.id, CircleReadMark.user_id != actor.id)
        .scalar_subquery()
    )
    latest, read_up_to = session.exec(
        select(func.coalesce(func.max(CircleMessage.id), 0), others).where(
            CircleMessage.beneficiary_id == reader.beneficiary.id
        )
    ).one()
    return ConversationPulse(latest_id=int(latest or 0), others_read_up_to=int(read_up_to or 0))


def open_attachment(session: Session, *, actor: Viewer | None, message_id: int) -> AttachmentFile:
    """Return a message's attachment to a participant of its conversation (audited).

    Raises:
        NotFound: Missing, no attachment, or not a participant.
    """
    actor = ensure_role(actor)
    message = session.get(CircleMessage, message_id)
    if message is None or not message.attachment_key:
        raise NotFound()
    load_readable(session, actor, message.beneficiary_id, need=MESSAGE)
    record_event(
        session,
        actor_id=actor.id,
        action="message.attachment_viewed",
        target_type="beneficiary",
        target_id=message.beneficiary_id,
        details={"message": message.id},
    )
    return AttachmentFile(
        name=message.attachment_name,
        content_type=message.attachment_type,
        data=read_private(message.attachment_key),
    )
