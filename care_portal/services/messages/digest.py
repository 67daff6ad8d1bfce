"""E-mail about messages left unread: after a delay (setting), at most one e-mail per recipient an hour.

Recipients are a conversation's client, its members with «message» and its current manager
(admins read from the app). A message is mentioned once: each recipient's state remembers up
to which message they were told. Several server workers may run this at the same time: a
recipient's e-mail is claimed by a conditional update of their state row, so only one sends it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.i18n import tr
from care_portal.models import Beneficiary, User
from care_portal.models.circle import CircleMember, CircleMessage, CircleReadMark, MessageDigestState
from care_portal.models.types import utcnow
from care_portal.services.accounts.identity import to_viewer
from care_portal.services.messages.inbox import participating_ids
from care_portal.services.notifications import queue_email

WINDOW_DAYS = 7  # older unread messages are not e-mailed about any more
MAX_RECIPIENTS = 500  # per pass; the next pass takes the rest


@dataclass(frozen=True)
class _Waiting:
    beneficiary_id: int
    name: str
    count: int
    last_id: int


def send_unread_digests(session: Session, *, now: datetime | None = None) -> int:
    """Queue one e-mail per recipient who has messages waiting unread for too long.

    Args:
        session: Open session (the caller commits; the e-mails leave with the commit).
        now: The current instant (tests pass a clock).

    Returns:
        How many e-mails were queued.
    """
    now = now or utcnow()
    settings = get_settings()
    old_enough = now - timedelta(minutes=settings.message_unread_email_minutes)
    since = now - timedelta(days=WINDOW_DAYS)
    waiting = select(CircleMessage.beneficiary_id).where(
        CircleMessage.created_at <= old_enough, CircleMessage.created_at > since
    )
    recipients = _recipients(session, waiting)
    sent = 0
    for user in recipients[:MAX_RECIPIENTS]:
        state = _state_of(session, user.id)
        rows = _waiting_for(
            session, user, after_id=state.notified_up_to_id, old_enough=old_enough, since=since
        )
        if not rows or not _claim(session, user.id, now, settings.message_digest_minutes):
            continue
        session.refresh(state)
        state.notified_up_to_id = max(state.notified_up_to_id, *(r.last_id for r in rows))
        session.add(state)
        _queue(session, user, rows)
        sent += 1
    return sent


def _recipients(session: Session, waiting) -> list[User]:
    """The clients, current managers and messaging members of conversations with waiting messages."""
    beneficiaries = select(Beneficiary.client_id, Beneficiary.manager_id).where(
        col(Beneficiary.id).in_(waiting), col(Beneficiary.blocked_at).is_(None)
    )
    ids: set[int] = set()
    for client_id, manager_id in session.exec(beneficiaries).all():
        ids.add(client_id)
        if manager_id:
            ids.add(manager_id)
    ids |= set(
        session.exec(
            select(CircleMember.user_id).where(
                col(CircleMember.beneficiary_id).in_(waiting),
                col(CircleMember.removed_at).is_(None),
                col(CircleMember.can_message),
            )
        ).all()
    )
    if not ids:
        return []
    return list(
        session.exec(
            select(User)
            .where(col(User.id).in_(ids), col(User.is_active), col(User.blocked_at).is_(None))
            .order_by(col(User.id))
        ).all()
    )


def _state_of(session: Session, user_id: int) -> MessageDigestState:
    state = session.exec(select(MessageDigestState).where(MessageDigestState.user_id == user_id)).first()
    if state is not None:
        return state
    try:
        with session.begin_nested():  # another worker may create it at the same moment
            state = MessageDigestState(user_id=user_id)
            session.add(state)
    except IntegrityError:
        state = session.exec(select(MessageDigestState).where(MessageDigestState.user_id == user_id)).one()
    return state


def _waiting_for(
    session: Session, user: User, *, after_id: int, old_enough: datetime, since: datetime
) -> list[_Waiting]:
    viewer = to_viewer(user)
    rows = session.exec(
        select(
            Beneficiary.id, Beneficiary.full_name, func.count(CircleMessage.id), func.max(CircleMessage.id)
        )
        .select_from(CircleMessage)
        .join(Beneficiary, Beneficiary.id == CircleMessage.beneficiary_id)
        .outerjoin(
            CircleReadMark,
            and_(
                CircleReadMark.beneficiary_id == CircleMessage.beneficiary_id,
                CircleReadMark.user_id == user.id,
            ),
        )
        .where(
            col(CircleMessage.beneficiary_id).in_(participating_ids(viewer)),
            CircleMessage.author_id != user.id,
            CircleMessage.id > func.coalesce(CircleReadMark.last_read_id, 0),
            CircleMessage.id > after_id,
            CircleMessage.created_at <= old_enough,
            CircleMessage.created_at > since,
        )
        .group_by(Beneficiary.id, Beneficiary.full_name)
        .order_by(col(Beneficiary.full_name))
    ).all()
    return [_Waiting(b_id, name, int(count), int(last_id)) for b_id, name, count, last_id in rows]


def _claim(session: Session, user_id: int, now: datetime, gap_minutes: int) -> bool:
    """Take the right to e-mail this recipient now (false when one went out less than the gap ago)."""
    result = session.exec(
        update(MessageDigestState)
        .where(
            MessageDigestState.user_id == user_id,
            or_(
                col(MessageDigestState.last_sent_at).is_(None),
                MessageDigestState.last_sent_at <= now - timedelta(minutes=gap_minutes),
            ),
        )
        .values(last_sent_at=now)
    )
    return result.rowcount == 1


def _queue(session: Session, user: User, rows: list[_Waiting]) -> None:
    base = get_settings().public_url.rstrip("/")
    lines = "\n".join(
        tr(
            "mail.messages_digest.line",
            user.language,
            name=r.name,
            count=r.count,
            link=base + routes.conversation_url(r.beneficiary_id),
        )
        for r in rows
    )
    total = sum(r.count for r in rows)
    queue_email(
        session,
        to=user.email,
        subject=tr("mail.messages_digest.subject", user.language, count=total),
        body=tr("mail.messages_digest.body", user.language, name=user.full_name, lines=lines),
        kind="messages_digest",
    )
