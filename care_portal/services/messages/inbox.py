"""Unread counts for the navigation and the list of a user's conversations.

A user's conversations are those of the beneficiaries they may write about
(``readable_beneficiary_ids(need=MESSAGE)``): a client's own, a member's with «message», a
manager's current ones. Admins may open every conversation, but only those they have taken
part in count as theirs (unread counts, e-mails), so they are not buried under every family's
messages; their list shows every conversation that has messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, func
from sqlmodel import Session, col, select

from care_portal.domain.formatting import format_datetime
from care_portal.models import Beneficiary, Role, User
from care_portal.models.circle import CircleMessage, CircleReadMark
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import CirclePermission, readable_beneficiary_ids
from care_portal.services.paging import Page, fetch_page

PREVIEW_CHARS = 90


@dataclass(frozen=True)
class ConversationRow:
    """One conversation in the list: whose, the latest message and how many are unread."""

    beneficiary_id: int
    beneficiary_name: str
    unread: int
    last_author: str
    last_preview: str
    last_sent: str


def participating_ids(actor: Viewer):
    """A subquery of the beneficiaries whose conversation counts as the actor's (see module docstring)."""
    readable = readable_beneficiary_ids(actor, need=CirclePermission.MESSAGE)
    if actor.role != Role.ADMIN.value:
        return readable
    joined = select(CircleReadMark.beneficiary_id).where(CircleReadMark.user_id == actor.id)
    return readable.where(col(Beneficiary.id).in_(joined))


def _unread_condition(user_id: int):
    return and_(
        CircleMessage.author_id != user_id,
        CircleMessage.id > func.coalesce(CircleReadMark.last_read_id, 0),
    )


def unread_total(session: Session, *, actor: Viewer | None) -> int:
    """Return how many messages wait unread for the actor, in one statement."""
    actor = ensure_role(actor)
    count = session.exec(
        select(func.count(CircleMessage.id))
        .select_from(CircleMessage)
        .outerjoin(
            CircleReadMark,
            and_(
                CircleReadMark.beneficiary_id == CircleMessage.beneficiary_id,
                CircleReadMark.user_id == actor.id,
            ),
        )
        .where(col(CircleMessage.beneficiary_id).in_(participating_ids(actor)), _unread_condition(actor.id))
    ).one()
    return int(count or 0)


def list_conversations(session: Session, *, actor: Viewer | None, page: int = 1) -> Page[ConversationRow]:
    """Return one page of the actor's conversations, latest activity first (three statements).

    Raises:
        NotAuthenticated: Nobody is logged in.
    """
    actor = ensure_role(actor)
    last_id = func.max(CircleMessage.id)
    unread = func.count(case((_unread_condition(actor.id), CircleMessage.id)))
    scope = (
        readable_beneficiary_ids(actor, need=CirclePermission.MESSAGE)
        if actor.role != Role.ADMIN.value
        else select(Beneficiary.id).where(col(Beneficiary.blocked_at).is_(None))
    )
    query = (
        select(Beneficiary.id, Beneficiary.full_name, last_id, unread)
        .select_from(Beneficiary)
        .outerjoin(CircleMessage, CircleMessage.beneficiary_id == Beneficiary.id)
        .outerjoin(
            CircleReadMark,
            and_(CircleReadMark.beneficiary_id == Beneficiary.id, CircleReadMark.user_id == actor.id),
        )
        .where(col(Beneficiary.id).in_(scope))
        .group_by(Beneficiary.id, Beneficiary.full_name)
        .order_by(func.coalesce(last_id, 0).desc(), col(Beneficiary.id))
    )
    if actor.role == Role.ADMIN.value:
        query = query.having(last_id.is_not(None))
    rows, total, number = fetch_page(session, query, page)
    last_ids = [row[2] for row in rows if row[2]]
    latest = {}
    if last_ids:
        latest = {
            m.id: (m, name)
            for m, name in session.exec(
                select(CircleMessage, User.full_name)
                .join(User, User.id == CircleMessage.author_id)
                .where(col(CircleMessage.id).in_(last_ids))
            ).all()
        }
    result = []
    for beneficiary_id, name, message_id, unread_count in rows:
        message, author = latest.get(message_id, (None, ""))
        preview = (message.body or message.attachment_name) if message else ""
        result.append(
            ConversationRow(
                beneficiary_id=beneficiary_id,
                beneficiary_name=name,
                unread=int(unread_count or 0),
                last_author=author,
                last_preview=preview[:PREVIEW_CHARS] + ("…" if len(preview) > PREVIEW_CHARS else ""),
                last_sent=format_datetime(message.created_at) if message else "",
            )
        )
    return Page(result, number=number, total=total)
