"""Invitations to a beneficiary's family circle: sent by its client, accepted once, before they expire.

The client types an e-mail address; the address gets a single-use link (only its SHA-256 is
stored) that opens the invitation page. Whoever follows it signs up or logs in **with that
address** and accepts: they become a member of the beneficiary's circle with what the client
granted. An expired, used or revoked link, or one opened by another account, changes nothing.
Accepting proves the address works, so it also confirms the account's e-mail.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain.emails import normalise_email
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.domain.sessions import session_ref
from care_portal.i18n import tr
from care_portal.models import Beneficiary, User
from care_portal.models.circle import CircleInvitation, CircleMember
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import active_membership, load_owned
from care_portal.services.notifications import queue_email

MAX_PENDING = 20  # open invitations per beneficiary: enough for any family, not a mailing list


@dataclass(frozen=True)
class InvitationView:
    """What the invitation page shows before the invitee accepts (nothing private)."""

    beneficiary_first_name: str
    inviter_name: str
    email: str
    expires: str
    as_beneficiary: bool


def invitation_url(token: str) -> str:
    """Return the absolute link e-mailed to the invitee."""
    return f"{get_settings().public_url.rstrip('/')}{routes.circle_invitation_url(token)}"


def invite(
    session: Session,
    *,
    actor: Viewer | None,
    beneficiary_id: int,
    email: str,
    can_buy: bool = False,
    can_message: bool = False,
    as_beneficiary: bool = False,
    now: datetime | None = None,
) -> str:
    """Invite someone to a beneficiary's circle by e-mail (the beneficiary's client only).

    Args:
        session: Open session (the caller commits; the e-mail leaves with the commit).
        actor: The acting user: the client who registered the beneficiary (or an admin).
        beneficiary_id: Whose circle.
        email: The invitee's address.
        can_buy: Let them buy services for the beneficiary.
        can_message: Let them write to the manager.
        as_beneficiary: The invitee is the beneficiary themself (large-text pages).
        now: The current instant (for tests).

    Returns:
        The normalised address invited.

    Raises:
        ValidationFailed: ``email`` is not an address, is the client's own, or already a member.
        NotFound: Not the actor's beneficiary (or archived/blocked).
        DomainError: ``circle.too_many_pending`` when too many invitations are open.
    """
    actor = ensure_role(actor)
    now = now or utcnow()
    beneficiary = load_owned(session, actor, beneficiary_id, active=True)
    address = normalise_email(email)
    if address is None:
        raise ValidationFailed({"email": "circle.email_invalid"})
    owner = session.get(User, beneficiary.client_id)
    if owner is not None and owner.email == address:
        raise ValidationFailed({"email": "circle.email_is_yours"})
    existing = session.exec(select(User).where(User.email == address)).first()
    if existing is not None and active_membership(session, existing.id, beneficiary.id) is not None:
        raise ValidationFailed({"email": "circle.already_member"})
    pending = _pending(session, beneficiary.id, now)
    if len(pending) >= MAX_PENDING:
        raise DomainError("circle.too_many_pending")
    for old in pending:  # a new invitation to the same address replaces the old link
        if old.email == address:
            old.revoked_at = now
            session.add(old)
    token = secrets.token_urlsafe(32)
    days = get_settings().circle_invitation_days
    row = CircleInvitation(
        beneficiary_id=beneficiary.id,
        email=address,
        token_hash=session_ref(token),
        invited_by_id=actor.id,
        can_buy=can_buy,
        can_message=can_message,
        is_beneficiary=as_beneficiary,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    session.add(row)
    session.flush()
    language = existing.language if existing is not None else actor.language
    queue_email(
        session,
        to=address,
        subject=tr("mail.circle_invite.subject", language, inviter=actor.full_name),
        body=tr(
            "mail.circle_invite.body",
            language,
            inviter=actor.full_name,
            beneficiary=_first_name(beneficiary.full_name),
            link=invitation_url(token),
            days=days,
        ),
        kind="circle_invitation",
    )
    record_event(
        session,
        actor_id=actor.id,
        action="circle.invited",
        target_type="beneficiary",
        target_id=beneficiary.id,
        details={"invitation": row.id},
    )
    return address


def _pending(session: Session, beneficiary_id: int, now: datetime) -> list[CircleInvitation]:
    return list(
        session.exec(
            select(CircleInvitation).where(
                CircleInvitation.beneficiary_id == beneficiary_id,
                col(CircleInvitation.used_at).is_(None),
                col(CircleInvitation.revoked_at).is_(None),
                CircleInvitation.expires_at > now,
            )
        ).all()
    )


def _first_name(full_name: str) -> str:
    return (full_name or "").split(" ")[0]


def _usable(session: Session, token: str, now: datetime, *, lock: bool = False) -> CircleInvitation:
    """Return the invitation behind a link, or raise when it cannot be used any more."""
    query = select(CircleInvitation).where(CircleInvitation.token_hash == session_ref(token or ""))
    row = session.exec(query.with_for_update() if lock else query).first()
    if row is None or row.revoked_at is not None:
        raise DomainError("circle.invitation_invalid")
    if row.used_at is not None:
        raise DomainError("circle.invitation_used")
    if row.expires_at <= now:
        raise DomainError("circle.invitation_expired")
    beneficiary = session.get(Beneficiary, row.beneficiary_id)
    if beneficiary is None or beneficiary.blocked_at is not None or beneficiary.archived_at is not None:
        raise DomainError("circle.invitation_invalid")
    return row


def view_invitation(session: Session, *, token: str, now: datetime | None = None) -> InvitationView:
    """Describe a usable invitation for its page (anyone holding the link may read this much).

    Raises:
        DomainError: ``circle.invitation_invalid`` / ``_used`` / ``_expired``.
    """
    row = _usable(session, token, now or utcnow())
    beneficiary = session.get(Beneficiary, row.beneficiary_id)
    inviter = session.get(User, row.invited_by_id)
    return InvitationView(
        beneficiary_first_name=_first_name(beneficiary.full_name),
        inviter_name=inviter.full_name if inviter else "",
        email=row.email,
        expires=format_datetime(row.expires_at),
        as_beneficiary=row.is_beneficiary,
    )


def accept_invitation(
    session: Session, *, actor: Viewer | None, token: str, now: datetime | None = None
) -> int:
    """Join the circle an invitation opens, as the account it was sent to.

    Args:
        session: Open session (the caller commits).
        actor: The logged-in user following the link.
        token: The secret from the link.
        now: The current instant (for tests).

    Returns:
        The beneficiary id whose circle the actor joined.

    Raises:
        NotAuthenticated: Nobody is logged in (they must sign up or log in first).
        DomainError: ``circle.invitation_invalid`` / ``_used`` / ``_expired``, or
            ``circle.wrong_account`` when logged in with another address (nothing changes).
    """
    actor = ensure_role(actor)
    now = now or utcnow()
    row = _usable(session, token, now, lock=True)  # two tabs accepting at once: one wins
    user = session.get(User, actor.id)
    if user is None or user.email != row.email:
        raise DomainError("circle.wrong_account", email=row.email)
    beneficiary = session.get(Beneficiary, row.beneficiary_id)
    row.used_at, row.used_by_id = now, user.id
    if beneficiary.client_id != user.id and active_membership(session, user.id, beneficiary.id) is None:
        session.add(
            CircleMember(
                beneficiary_id=beneficiary.id,
                user_id=user.id,
                invited_by_id=row.invited_by_id,
                can_buy=row.can_buy,
                can_message=row.can_message,
                is_beneficiary=row.is_beneficiary,
                created_at=now,
            )
        )
    user.email_verified_at = user.email_verified_at or now  # the link reached this address
    session.add_all([row, user])
    record_event(
        session,
        actor_id=user.id,
        action="circle.joined",
        target_type="beneficiary",
        target_id=beneficiary.id,
        details={"invitation": row.id},
    )
    return beneficiary.id
