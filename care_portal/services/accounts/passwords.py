"""Passwords: e-mailed single-use reset links, resetting and changing a password."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain.emails import normalise_email
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.passwords import password_problem
from care_portal.i18n import tr
from care_portal.integrations.passwords import hash_password, verify_password
from care_portal.models import AuthSession, PasswordResetToken, User
from care_portal.models.types import utcnow
from care_portal.services import request_throttle, web_sessions
from care_portal.services.accounts.identity import hash_token
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.notifications import queue_email


def request_password_reset(
    session: Session, *, email: str, client_ip: str = "", now: datetime | None = None
) -> None:
    """E-mail a single-use reset link when the address belongs to an account.

    The answer is the same whether or not the account exists, and whether or not the request
    was dropped for coming too often for this address or from this requester
    (``services.request_throttle``).

    Args:
        session: Open session (the e-mail is queued in the same transaction; commit also when
            nothing is sent, so that the request counts).
        email: The address typed by the user.
        client_ip: The requester's address.
        now: The current instant (for tests).

    Raises:
        ValidationFailed: The address is not a valid e-mail.
    """
    normalised = normalise_email(email)
    if normalised is None:
        raise ValidationFailed({"email": "auth.email_invalid"})
    now = now or utcnow()
    if not request_throttle.admit(
        session, action="auth.reset_asked", email=normalised, client_ip=client_ip, now=now
    ):
        return
    user = session.exec(select(User).where(User.email == normalised)).first()
    if user is None or not user.is_active:
        return
    settings = get_settings()
    token = secrets.token_urlsafe(32)
    session.add(
        PasswordResetToken(
            user_id=user.id,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + timedelta(minutes=settings.password_reset_minutes),
        )
    )
    link = f"{settings.public_url.rstrip('/')}{routes.RESET}?token={token}"
    lang = user.language
    queue_email(
        session,
        to=user.email,
        subject=tr("mail.reset.subject", lang),
        body=tr(
            "mail.reset.body", lang, name=user.full_name, link=link, minutes=settings.password_reset_minutes
        ),
        kind="password_reset",
    )
    record_event(
        session, actor_id=user.id, action="auth.reset_requested", target_type="user", target_id=user.id
    )


def reset_password(session: Session, *, token: str, new_password: str, now: datetime | None = None) -> None:
    """Set a new password with a reset token, which is then spent; all sessions end.

    Args:
        session: Open session.
        token: The token from the e-mailed link.
        new_password: The new password.
        now: The current instant (for tests).

    Raises:
        DomainError: ``auth.reset_invalid`` for an unknown, used or expired token.
        ValidationFailed: The new password breaks the policy.
    """
    now = now or utcnow()
    row = session.exec(
        select(PasswordResetToken).where(PasswordResetToken.token_hash == hash_token(token or ""))
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise DomainError("auth.reset_invalid")
    user = session.get(User, row.user_id)
    problem = password_problem(new_password, email=user.email, name=user.full_name)
    if problem:
        raise ValidationFailed({"password": problem})
    user.password_hash = hash_password(new_password)
    user.email_verified_at = user.email_verified_at or now  # the link proved the mailbox
    row.used_at = now
    session.add_all([user, row])
    for other in session.exec(
        select(AuthSession).where(AuthSession.user_id == user.id, col(AuthSession.revoked_at).is_(None))
    ).all():
        other.revoked_at = now
        session.add(other)
    record_event(
        session, actor_id=user.id, action="auth.password_reset", target_type="user", target_id=user.id
    )


def change_password(
    session: Session,
    *,
    actor: Viewer | None,
    current_password: str,
    new_password: str,
    keep_session_ref: str = "",
) -> int:
    """Change the actor's password after checking the current one; every other session ends.

    Args:
        session: Open session.
        actor: The logged-in user.
        current_password: What they typed as current password.
        new_password: The new password.
        keep_session_ref: The reference of the session making the change, which stays open.

    Returns:
        How many other sessions were ended.

    Raises:
        ValidationFailed: Wrong current password or a weak new one.
    """
    actor = ensure_role(actor)
    user = session.get(User, actor.id)
    ok, _ = verify_password(current_password or "", user.password_hash)
    if not ok:
        raise ValidationFailed({"current_password": "auth.current_password_wrong"})
    problem = password_problem(new_password, email=user.email, name=user.full_name)
    if problem:
        raise ValidationFailed({"new_password": problem})
    user.password_hash = hash_password(new_password)
    session.add(user)
    ended = web_sessions.end_other_sessions(session, user_id=user.id, keep_ref=keep_session_ref)
    record_event(
        session,
        actor_id=user.id,
        action="auth.password_changed",
        target_type="user",
        target_id=user.id,
        details={"other_sessions_ended": ended},
    )
    return ended
