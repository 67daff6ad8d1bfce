"""Browser sessions: handing a log-in to an HttpOnly cookie, idle timeout, ending sessions.

A log-in happens in a Reflex event handler, which cannot set an HttpOnly cookie. So the
handler turns the new session into a single-use *hand-off code* (valid two minutes) and sends
the browser to ``/api/sesion/activar?code=…``; that HTTP route exchanges the code for the
real token and sets it as an HttpOnly cookie. The token never passes through the page's
scripts or the app's state, and the database keeps only its SHA-256 (the reference).

A session ends when revoked, after ``SESSION_HOURS`` from log-in, or after
``SESSION_IDLE_MINUTES`` without any request.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.sessions import session_ref
from care_portal.models import AuthSession, User
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer

HANDOFF_SECONDS = 120
_HANDOFF_PREFIX = "handoff:"  # a code's reference can never equal a token's
SEEN_EVERY = timedelta(minutes=1)  # how often the last activity is written


def _viewer(user: User) -> Viewer:
    return Viewer(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        phone=user.phone,
        role=user.role,
        language=user.language,
    )


def begin_handoff(session: Session, *, token: str) -> str:
    """Turn a just-opened session's token into a single-use code for ``/api/sesion/activar``.

    The token itself stops working: only the code's exchange gives the browser a usable one.

    Args:
        session: Open session (the caller commits).
        token: The token ``accounts.log_in`` returned.

    Returns:
        The hand-off code ("" when the session is unknown).
    """
    auth = session.exec(select(AuthSession).where(AuthSession.token_hash == session_ref(token))).first()
    if auth is None:
        return ""
    code = secrets.token_urlsafe(32)
    auth.token_hash = session_ref(_HANDOFF_PREFIX + code)
    session.add(auth)
    return code


@dataclass(frozen=True)
class Activated:
    """A hand-off spent: the token for the HttpOnly cookie and whose session it is."""

    token: str
    email: str


def exchange_handoff(session: Session, *, code: str, now: datetime | None = None) -> Activated | None:
    """Spend a hand-off code and return the session's new token (None when not valid).

    Args:
        session: Open session (the caller commits).
        code: The code from the URL.
        now: The current instant (for tests).

    Returns:
        The token to set as the HttpOnly cookie and the account's e-mail, or None for an
        unknown, used or stale code.
    """
    if not code or len(code) > 100:
        return None
    now = now or utcnow()
    auth = session.exec(
        select(AuthSession).where(AuthSession.token_hash == session_ref(_HANDOFF_PREFIX + code))
    ).first()
    if (
        auth is None
        or auth.revoked_at is not None
        or auth.expires_at <= now
        or auth.created_at < now - timedelta(seconds=HANDOFF_SECONDS)
    ):
        return None
    token = secrets.token_urlsafe(32)
    auth.token_hash = session_ref(token)
    auth.last_seen_at = now
    session.add(auth)
    user = session.get(User, auth.user_id)
    return Activated(token=token, email=user.email)


def resolve_ref(session: Session, *, ref: str, now: datetime | None = None) -> Viewer | None:
    """Return the user of a live session from its reference, and note the activity.

    Args:
        session: Open session (the caller commits; the activity is written at most once a minute).
        ref: The session reference (SHA-256 of the token).
        now: The current instant (for tests).

    Returns:
        The user, or None when the session is unknown, revoked, expired, idle too long, or the
        account is deactivated.
    """
    if not ref or len(ref) != 64:
        return None
    now = now or utcnow()
    row = session.exec(
        select(AuthSession, User)
        .join(User, col(User.id) == AuthSession.user_id)
        .where(AuthSession.token_hash == ref)
    ).first()
    if row is None:
        return None
    auth, user = row
    last_seen = auth.last_seen_at or auth.created_at
    idle_limit = timedelta(minutes=get_settings().session_idle_minutes)
    if (
        auth.revoked_at is not None
        or auth.expires_at <= now
        or not user.is_active
        or last_seen + idle_limit <= now
    ):
        return None
    if now - last_seen >= SEEN_EVERY:
        auth.last_seen_at = now
        session.add(auth)
    return _viewer(user)


def end_other_sessions(
    session: Session, *, user_id: int, keep_ref: str = "", now: datetime | None = None
) -> int:
    """Revoke every open session of a user except the one with ``keep_ref``.

    Returns:
        How many sessions were ended.
    """
    now = now or utcnow()
    rows = session.exec(
        select(AuthSession).where(
            AuthSession.user_id == user_id,
            col(AuthSession.revoked_at).is_(None),
            AuthSession.token_hash != keep_ref,
        )
    ).all()
    for row in rows:
        row.revoked_at = now
        session.add(row)
    return len(rows)


def revoke_ref(session: Session, *, ref: str) -> int | None:
    """Revoke the session with this reference; return its user id (None when unknown or ended)."""
    auth = session.exec(select(AuthSession).where(AuthSession.token_hash == ref)).first()
    if auth is None or auth.revoked_at is not None:
        return None
    auth.revoked_at = utcnow()
    session.add(auth)
    record_event(
        session, actor_id=auth.user_id, action="auth.logout", target_type="user", target_id=auth.user_id
    )
    return auth.user_id
