"""Log-in sessions: throttled log-in, resolving the browser's token, log-out."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.emails import normalise_email
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.integrations.passwords import DUMMY_HASH, verify_password
from care_portal.models import AuthSession, User
from care_portal.models.types import utcnow
from care_portal.services import login_throttle, web_sessions
from care_portal.services.accounts.identity import hash_token, to_viewer
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role

ACCOUNT_FREE_FAILURES = login_throttle.PAIR_FREE_FAILURES  # per account *and* address
ADDRESS_FREE_FAILURES = login_throttle.ADDRESS_FREE_FAILURES


@dataclass(frozen=True)
class LoginResult:
    """A successful log-in: the token for the browser and who logged in."""

    token: str
    viewer: Viewer


def log_in(
    session: Session,
    *,
    email: str,
    password: str,
    client_ip: str = "",
    device_proof: str = "",
    now: datetime | None = None,
) -> LoginResult:
    """Check the credentials and open a session.

    Repeated failures slow down further attempts on the same account from the same address,
    and from one address over many accounts (``services.login_throttle``); a browser that
    logged into this account before is never slowed down by anybody else's failures.

    Args:
        session: Open session. The caller commits a success; a failure is
            committed here before raising, so that it counts for throttling.
        email: What the user typed as e-mail.
        password: What the user typed as password.
        client_ip: The request's address.
        device_proof: The browser's proof of an earlier log-in (``cp_device`` cookie), if any.
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
    known_device = login_throttle.is_known_device(device_proof, normalised, now=now)
    login_throttle.check(session, email=normalised, client_ip=client_ip, known_device=known_device, now=now)
    user = session.exec(select(User).where(User.email == normalised)).first()
    if user is None:
        verify_password(password, DUMMY_HASH)
        ok, new_hash = False, None
    else:
        ok, new_hash = verify_password(password, user.password_hash)
    login_throttle.record(session, email=normalised, client_ip=client_ip, succeeded=ok, now=now)
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
        The logged-in user, or None when the token is unknown, expired, idle too long
        (``SESSION_IDLE_MINUTES``) or revoked.
    """
    if not token or len(token) > 200:
        return None
    return web_sessions.resolve_ref(session, ref=hash_token(token), now=now)


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
