"""The client manages a beneficiary's circle: members, what they may do, open invitations.

Only the client who registered the beneficiary (or an admin) sees and changes its circle.
A member sees the circles they belong to. Removing a member ends their access at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound
from care_portal.domain.formatting import format_datetime
from care_portal.models import Beneficiary, User
from care_portal.models.circle import CircleInvitation, CircleMember
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import load_owned


@dataclass(frozen=True)
class MemberRow:
    """One member of a circle, as the client sees them."""

    id: int
    full_name: str
    email: str
    can_buy: bool
    can_message: bool
    is_beneficiary: bool
    since: str


@dataclass(frozen=True)
class PendingRow:
    """An invitation not yet accepted."""

    id: int
    email: str
    expires: str


@dataclass(frozen=True)
class Circle:
    """A beneficiary's circle for its client: members and open invitations."""

    members: list[MemberRow]
    pending: list[PendingRow]


@dataclass(frozen=True)
class MyCircleRow:
    """A beneficiary whose circle the user belongs to."""

    beneficiary_id: int
    full_name: str
    town: str
    can_message: bool
    is_beneficiary: bool


def list_circle(
    session: Session, *, actor: Viewer | None, beneficiary_id: int, now: datetime | None = None
) -> Circle:
    """Return a beneficiary's members and open invitations (its client or an admin; 3 statements).

    Raises:
        NotFound: Not the actor's beneficiary.
    """
    actor = ensure_role(actor)
    now = now or utcnow()
    beneficiary = load_owned(session, actor, beneficiary_id)
    members = session.exec(
        select(CircleMember, User)
        .join(User, User.id == CircleMember.user_id)
        .where(CircleMember.beneficiary_id == beneficiary.id, col(CircleMember.removed_at).is_(None))
        .order_by(col(CircleMember.created_at), col(CircleMember.id))
    ).all()
    pending = session.exec(
        select(CircleInvitation)
        .where(
            CircleInvitation.beneficiary_id == beneficiary.id,
            col(CircleInvitation.used_at).is_(None),
            col(CircleInvitation.revoked_at).is_(None),
            CircleInvitation.expires_at > now,
        )
        .order_by(col(CircleInvitation.created_at))
    ).all()
    return Circle(
        members=[
            MemberRow(
                id=m.id,
                full_name=u.full_name,
                email=u.email,
                can_buy=m.can_buy,
                can_message=m.can_message,
                is_beneficiary=m.is_beneficiary,
                since=format_datetime(m.created_at),
            )
            for m, u in members
        ],
        pending=[PendingRow(id=p.id, email=p.email, expires=format_datetime(p.expires_at)) for p in pending],
    )


def _owned_member(session: Session, actor: Viewer, member_id: int) -> CircleMember:
    member = session.get(CircleMember, member_id)
    if member is None or member.removed_at is not None:
        raise NotFound()
    load_owned(session, actor, member.beneficiary_id)  # NotFound for anyone but its client / admins
    return member


def remove_member(session: Session, *, actor: Viewer | None, member_id: int) -> None:
    """Take someone out of a circle: from now on they see nothing of the beneficiary.

    Raises:
        NotFound: Missing, already removed, or not the actor's beneficiary.
    """
    actor = ensure_role(actor)
    member = _owned_member(session, actor, member_id)
    member.removed_at, member.removed_by_id = utcnow(), actor.id
    session.add(member)
    record_event(
        session,
        actor_id=actor.id,
        action="circle.member_removed",
        target_type="beneficiary",
        target_id=member.beneficiary_id,
        details={"member": member.id},
    )


def set_grants(
    session: Session, *, actor: Viewer | None, member_id: int, can_buy: bool, can_message: bool
) -> None:
    """Change what a member may do besides reading (buy services, write to the manager).

    Raises:
        NotFound: Missing, removed, or not the actor's beneficiary.
    """
    actor = ensure_role(actor)
    member = _owned_member(session, actor, member_id)
    member.can_buy, member.can_message = bool(can_buy), bool(can_message)
    session.add(member)
    record_event(
        session,
        actor_id=actor.id,
        action="circle.grants_changed",
        target_type="beneficiary",
        target_id=member.beneficiary_id,
        details={"member": member.id, "buy": member.can_buy, "message": member.can_message},
    )


def revoke_invitation(session: Session, *, actor: Viewer | None, invitation_id: int) -> None:
    """Cancel an invitation not accepted yet: its link stops working.

    Raises:
        NotFound: Missing, already used or revoked, or not the actor's beneficiary.
    """
    actor = ensure_role(actor)
    row = session.get(CircleInvitation, invitation_id)
    if row is None or row.used_at is not None or row.revoked_at is not None:
        raise NotFound()
    load_owned(session, actor, row.beneficiary_id)
    row.revoked_at = utcnow()
    session.add(row)
    record_event(
        session,
        actor_id=actor.id,
        action="circle.invitation_revoked",
        target_type="beneficiary",
        target_id=row.beneficiary_id,
        details={"invitation": row.id},
    )


def my_circles(session: Session, *, actor: Viewer | None) -> list[MyCircleRow]:
    """Return the beneficiaries whose circle the actor belongs to (one statement)."""
    actor = ensure_role(actor)
    rows = session.exec(
        select(CircleMember, Beneficiary)
        .join(Beneficiary, Beneficiary.id == CircleMember.beneficiary_id)
        .where(
            CircleMember.user_id == actor.id,
            col(CircleMember.removed_at).is_(None),
            col(Beneficiary.blocked_at).is_(None),
        )
        .order_by(col(Beneficiary.full_name))
    ).all()
    return [
        MyCircleRow(
            beneficiary_id=b.id,
            full_name=b.full_name,
            town=b.town,
            can_message=m.can_message,
            is_beneficiary=m.is_beneficiary,
        )
        for m, b in rows
    ]


def prefers_large_text(session: Session, *, user_id: int) -> bool:
    """Whether the user joined a circle as the person cared for (their pages use large text)."""
    return (
        session.exec(
            select(CircleMember.id).where(
                CircleMember.user_id == user_id,
                col(CircleMember.is_beneficiary),
                col(CircleMember.removed_at).is_(None),
            )
        ).first()
        is not None
    )
