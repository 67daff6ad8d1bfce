"""Log-in sessions: throttled log-in, resolving the browser's token, log-out."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.emails import normalise_email
from care_portal.domain.errors import DomainError, TooManyAttempts, ValidationFailed
from care_portal.integrations.passwords import DUMMY_HASH, verify_password
from care_portal.models import AuthSession, LoginAttempt, User
from care_portal.models.types import utcnow
from care_portal.services.accounts.identity import hash_token, to_viewer
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role

ACCOUNT_FREE_FAILURES = 5


ADDRESS_FREE_FAILURES = 20


THROTTLE_WINDOW = timedelta(minutes=15)


MAX_WAIT_SECONDS = 15 * 60


SESSION_COOKIE = "cp_session"  # the browser cookie that holds the opaque session token


@dataclass(frozen=True)
class LoginResult:
    """A successful log-in: the token for the browser and who logged in."""

    token: str
    viewer: Viewer


def _wait_needed(session: Session, *, column, value: str, free: int, now: datetime) -> int:
    """Seconds still to wait before another attempt on this account or address."""
    since = now - THROTTLE_WINDOW
    last_success = session.exec(
        select(func.max(LoginAttempt.created_at)).where(
            column == value,
            LoginAttempt.succeeded == True,  # noqa: E712
        )
    ).first()
    if last_success is not None:  # aware: the column type returns UTC instants, also through max()
        since = max(since, last_success)
    failures = session.exec(
        select(LoginAttempt.created_at)
        .where(column == value, LoginAttempt.succeeded == False, col(LoginAttempt.created_at) > since)  # noqa: E712
        .order_by(col(LoginAttempt.created_at).desc())
    ).all()
    if len(failures) < free:
        return 0
    latest = failures[0]
    wait = min(MAX_WAIT_SECONDS, 30 * 2 ** (len(failures) - free))
    return max(0, int((latest + timedelta(seconds=wait) - now).total_seconds()))


def log_in(
    session: Session, *, email: str, password: str, client_ip: str = "", now: datetime | None = None
) -> LoginResult:
    """Check the credentials and open a session.

    Repeated failures slow down further attempts on the same account and from
    the same address.

    Args:
        session: Open session. The caller commits a success; a failure is
            committed here before raising, so that it counts for throttling.
        email: What the user typed as e-mail.
        password: What the user typed as password.
        client_ip: The request's address.
        now: The current instant (for tests).

    Returns:
        The token to keep in the browser and the user.

    Raises:
        ValidationFailed: Missing e-mail or password.
        TooManyAttempts: Too many recent failures for this account or address.
        DomainError: ``auth.bad_credentials`` when e-mail or password is wrong.
    """
    now = now or utcnow()
    normalised = normalise_email(email) or (email or "").strip().lower()[:254]
    errors = {}
    if not normalised:
        errors["email"] = "auth.email_required"
    if not password:
        errors["password"] = "auth.password_required"  # noqa: S105 - a message key
    if errors:
        raise ValidationFailed(errors)
    wait = max(
        _wait_needed(
            session, column=LoginAttempt.email, value=normalised, free=ACCOUNT_FREE_FAILURES, now=now
        ),
        _wait_needed(
            session, column=LoginAttempt.client_ip, value=client_ip, free=ADDRESS_FREE_FAILURES, now=now
        )
        if client_ip
        else 0,
    )
    if wait > 0:
        raise TooManyAttempts(wait)
    user = session.exec(select(User).where(User.email == normalised)).first()
    if user is None:
        verify_password(password, DUMMY_HASH)
        ok, new_hash = False, None
    else:
        ok, new_hash = verify_password(password, user.password_hash)
    session.add(LoginAttempt(email=normalised, client_ip=client_ip, succeeded=ok, created_at=now))
    if not ok or user is None or not user.is_active:
        # The failure must outlive the caller's rollback, or guessing would never slow down.
        session.commit()
        raise DomainError("auth.bad_credentials")
    if new_hash:
        user.password_hash = new_hash
    user.last_login_at = now
    session.add(user)
    token = secrets.token_urlsafe(32)
    session.add(
        AuthSession(
            user_id=user.id,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + timedelta(hours=get_settings().session_hours),
            client_ip=client_ip,
        )
    )
    record_event(
        session,
        actor_id=user.id,
        action="auth.login",
        target_type="user",
        target_id=user.id,
        client_ip=client_ip,
    )
    return LoginResult(token=token, viewer=to_viewer(user))


def resolve_session(session: Session, *, token: str, now: datetime | None = None) -> Viewer | None:
    """Return the user of a valid session token, or None.

    Args:
        session: Open session.
        token: The opaque token kept by the browser.
        now: The current instant (for tests).

    Returns:
        The logged-in user, or None when the token is unknown, expired or revoked.
    """
    if not token or len(token) > 200:
        return None
    now = now or utcnow()
    row = session.exec(
        select(AuthSession, User)
        .join(User, col(User.id) == AuthSession.user_id)
        .where(AuthSession.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    auth, user = row
    if auth.revoked_at is not None or auth.expires_at <= now or not user.is_active:
        return None
    return to_viewer(user)


def log_out(session: Session, *, token: str) -> None:
    """Revoke one session token (no error when it is unknown)."""
    auth = session.exec(select(AuthSession).where(AuthSession.token_hash == hash_token(token))).first()
    if auth is not None and auth.revoked_at is None:
        auth.revoked_at = utcnow()
        session.add(auth)
        record_event(
            session, actor_id=auth.user_id, action="auth.logout", target_type="user", target_id=auth.user_id
        )


def log_out_everywhere(session: Session, *, actor: Viewer | None) -> int:
    """Revoke every open session of the actor.

    Args:
        session: Open session.
        actor: The logged-in user.

    Returns:
        How many sessions were revoked.
    """
    actor = ensure_role(actor)
    now = utcnow()
    rows = session.exec(
        select(AuthSession).where(AuthSession.user_id == actor.id, col(AuthSession.revoked_at).is_(None))
    ).all()
    for row in rows:
        row.revoked_at = now
        session.add(row)
    record_event(
        session, actor_id=actor.id, action="auth.logout_everywhere", target_type="user", target_id=actor.id
    )
    return len(rows)
