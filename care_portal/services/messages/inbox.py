"""Unread counts for the navigation and the list of a user's conversations.

A user's conversations are those of the beneficiaries they may write about
(``readable_beneficiary_ids(need=MESSAGE)``): a client's own, a member's with «message», a
manager's current ones. Admins may open every conversation, but only those they have taken
part in count as theirs (unread counts, e-mails), so they are not buried under every family's
messages; their list shows every conversation that has messages.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sqlalchemy import Integer, and_, bindparam, case, func
from sqlmodel import Session, col, select

from care_portal.domain.formatting import format_datetime
from care_portal.models import Beneficiary, Role, User
from care_portal.models.circle import CircleMessage, CircleReadMark
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import (
    CirclePermission,
    readable_beneficiary_ids,
    readable_beneficiary_ids_for,
)
from care_portal.services.paging import PAGE_SIZE, Page, fetch_page

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


def _conversations_query(role: str, reader_id):
    """A reader's conversations grouped per beneficiary, latest activity first (not yet run).

    Args:
        role: The reader's role.
        reader_id: Their user id, or a bound parameter standing for it (a cached statement).
    """
    last_id = func.max(CircleMessage.id).label("last_id")
    unread = func.count(case((_unread_condition(reader_id), CircleMessage.id))).label("unread")
    scope = (
        readable_beneficiary_ids_for(role, reader_id, need=CirclePermission.MESSAGE)
        if role != Role.ADMIN.value
        else select(Beneficiary.id).where(col(Beneficiary.blocked_at).is_(None))
    )
    query = (
        select(Beneficiary.id, Beneficiary.full_name, last_id, unread)
        .select_from(Beneficiary)
        .outerjoin(CircleMessage, CircleMessage.beneficiary_id == Beneficiary.id)
        .outerjoin(
            CircleReadMark,
            and_(CircleReadMark.beneficiary_id == Beneficiary.id, CircleReadMark.user_id == reader_id),
        )
        .where(col(Beneficiary.id).in_(scope))
        .group_by(Beneficiary.id, Beneficiary.full_name)
        .order_by(func.coalesce(func.max(CircleMessage.id), 0).desc(), col(Beneficiary.id))
    )
    if role == Role.ADMIN.value:
        query = query.having(func.max(CircleMessage.id).is_not(None))
    return query


def _conversation_rows(session: Session, rows) -> list[ConversationRow]:
    """Turn ``(beneficiary id, name, last message id, unread)`` rows into list rows (one statement)."""
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
                last_preview=_preview(preview),
                last_sent=format_datetime(message.created_at) if message else "",
            )
        )
    return result


def list_conversations(session: Session, *, actor: Viewer | None, page: int = 1) -> Page[ConversationRow]:
    """Return one page of the actor's conversations, latest activity first (three statements).

    Raises:
        NotAuthenticated: Nobody is logged in.
    """
    actor = ensure_role(actor)
    rows, total, number = fetch_page(session, _conversations_query(actor.role, actor.id), page)
    return Page(_conversation_rows(session, rows), number=number, total=total)


def waiting_conversations(session: Session, *, actor: Viewer | None) -> list[ConversationRow]:
    """Return those conversations of the inbox's first page with messages unread by the actor.

    The same rows as ``list_conversations(page=1)`` filtered on ``unread > 0``, in one
    statement whatever the number of conversations, without counting the whole list (the
    manager's dashboard reads it on every load).

    Raises:
        NotAuthenticated: Nobody is logged in.
    """
    actor = ensure_role(actor)
    rows = session.exec(_waiting_statement(actor.role), params={"actor_id": actor.id}).all()
    return [
        ConversationRow(
            beneficiary_id=beneficiary_id,
            beneficiary_name=name,
            unread=int(unread),
            last_author=author,
            last_preview=_preview(body or attachment_name or ""),
            last_sent=format_datetime(sent),
        )
        for beneficiary_id, name, unread, body, attachment_name, sent, author in rows
    ]


@functools.cache
def _waiting_statement(role: str):
    """The statement of ``waiting_conversations`` for a role, built once (the actor is a bound parameter).

    Building a statement this size costs more CPU than running it; the scope rules stay
    those of ``readable_beneficiary_ids`` (``readable_beneficiary_ids_for`` with the parameter).
    """
    first_page = _conversations_query(role, bindparam("actor_id", type_=Integer)).limit(PAGE_SIZE).subquery()
    return (
        select(
            first_page.c.id,
            first_page.c.full_name,
            first_page.c.unread,
            CircleMessage.body,
            CircleMessage.attachment_name,
            CircleMessage.created_at,
            User.full_name,
        )
        .select_from(first_page)
        .join(CircleMessage, CircleMessage.id == first_page.c.last_id)
        .join(User, User.id == CircleMessage.author_id)
        .where(first_page.c.unread > 0)
        .order_by(first_page.c.last_id.desc(), first_page.c.id)
    )


def _preview(text: str) -> str:
    return text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "")
