"""Accounts: sign-up, log-in sessions, password reset and change, profile, roles."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.emails import normalise_email
from care_portal.domain.errors import (
    DomainError,
    NotFound,
    TooManyAttempts,
    ValidationFailed,
)
from care_portal.domain.formatting import format_datetime
from care_portal.domain.identifiers import normalise_phone
from care_portal.domain.passwords import password_problem
from care_portal.i18n import tr
from care_portal.integrations.passwords import DUMMY_HASH, hash_password, verify_password
from care_portal.models import AuthSession, LoginAttempt, PasswordResetToken, Role, User
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.notifications import queue_email

ACCOUNT_FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 20
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_WAIT_SECONDS = 15 * 60
LANGUAGES = ("es", "en")
SESSION_COOKIE = "cp_session"  # the browser cookie that holds the opaque session token


@dataclass(frozen=True)
class LoginResult:
    """A successful log-in: the token for the browser and who logged in."""

    token: str
    viewer: Viewer


@dataclass(frozen=True)
class UserRow:
    """A user as listed on the admin page."""

    id: int
    email: str
    full_name: str
    role: str
    is_active: bool
    created: str


def hash_token(token: str) -> str:
    """Return the SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def to_viewer(user: User) -> Viewer:
    """Build the public view of a user row."""
    return Viewer(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        phone=user.phone,
        role=user.role,
        language=user.language,
    )


def _clean_name(raw: str) -> str:
    return " ".join((raw or "").split())


def sign_up(
    session: Session,
    *,
    full_name: str,
    email: str,
    password: str,
    language: str = "es",
    role: Role = Role.CLIENT,
) -> Viewer:
    """Create a client account.

    Args:
        session: Open session (the caller commits).
        full_name: The person's name.
        email: E-mail address; unique regardless of case.
        password: The chosen password; checked against the policy.
        language: Preferred language, ``"es"`` or ``"en"``.
        role: Role of the new account (clients sign up; seeds create others).

    Returns:
        The new user.

    Raises:
        ValidationFailed: With one message key per bad field.
    """
    errors: dict[str, str] = {}
    name = _clean_name(full_name)
    if len(name) < 2:
        errors["full_name"] = "auth.name_required"
    elif len(name) > 120:
        errors["full_name"] = "auth.name_too_long"
    normalised = normalise_email(email)
    if normalised is None:
        errors["email"] = "auth.email_invalid"
    elif session.exec(select(User.id).where(User.email == normalised)).first() is not None:
        errors["email"] = "auth.email_taken"
    problem = password_problem(password, email=normalised or "", name=name)
    if problem:
        errors["password"] = problem
    if errors:
        raise ValidationFailed(errors)
    user = User(
        email=normalised,
        full_name=name,
        password_hash=hash_password(password),
        role=role.value,
        language=language if language in LANGUAGES else "es",
    )
    session.add(user)
    session.flush()
    record_event(session, actor_id=user.id, action="auth.sign_up", target_type="user", target_id=user.id)
    return to_viewer(user)


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


def request_password_reset(session: Session, *, email: str, now: datetime | None = None) -> None:
    """E-mail a single-use reset link when the address belongs to an account.

    The answer is the same whether or not the account exists.

    Args:
        session: Open session (the e-mail is queued in the same transaction).
        email: The address typed by the user.
        now: The current instant (for tests).

    Raises:
        ValidationFailed: The address is not a valid e-mail.
    """
    normalised = normalise_email(email)
    if normalised is None:
        raise ValidationFailed({"email": "auth.email_invalid"})
    user = session.exec(select(User).where(User.email == normalised)).first()
    if user is None or not user.is_active:
        return
    now = now or utcnow()
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
    link = f"{settings.public_url.rstrip('/')}/restablecer?token={token}"
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
    session: Session, *, actor: Viewer | None, current_password: str, new_password: str
) -> None:
    """Change the actor's password after checking the current one.

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
    record_event(
        session, actor_id=user.id, action="auth.password_changed", target_type="user", target_id=user.id
    )


def update_profile(
    session: Session, *, actor: Viewer | None, full_name: str, phone: str, language: str
) -> Viewer:
    """Update the actor's name, phone and language.

    Returns:
        The updated user.

    Raises:
        ValidationFailed: A bad name or phone.
    """
    actor = ensure_role(actor)
    errors = {}
    name = _clean_name(full_name)
    if len(name) < 2 or len(name) > 120:
        errors["full_name"] = "auth.name_required"
    stored_phone = ""
    if phone and phone.strip():
        stored_phone = normalise_phone(phone) or ""
        if not stored_phone:
            errors["phone"] = "field.phone_invalid"
    if errors:
        raise ValidationFailed(errors)
    user = session.get(User, actor.id)
    user.full_name = name
    user.phone = stored_phone
    user.language = language if language in LANGUAGES else user.language
    session.add(user)
    return to_viewer(user)


def list_users(session: Session, *, actor: Viewer | None) -> list[UserRow]:
    """List every user for the admin page."""
    ensure_role(actor, Role.ADMIN)
    users = session.exec(select(User).order_by(col(User.id))).all()
    return [
        UserRow(
            id=u.id,
            email=u.email,
            full_name=u.full_name,
            role=u.role,
            is_active=u.is_active,
            created=format_datetime(u.created_at),
        )
        for u in users
    ]


def set_role(session: Session, *, actor: Viewer | None, user_id: int, role: str) -> None:
    """Change a user's role (admins only; an admin cannot demote themself).

    Raises:
        PermissionDenied: The actor is not an admin.
        NotFound: No such user.
        ValidationFailed: Unknown role, or an admin demoting themself.
    """
    actor = ensure_role(actor, Role.ADMIN)
    if role not in {r.value for r in Role}:
        raise ValidationFailed({"role": "admin.role_unknown"})
    user = session.get(User, user_id)
    if user is None:
        raise NotFound()
    if user.id == actor.id and role != Role.ADMIN.value:
        raise ValidationFailed({"role": "admin.cannot_demote_self"})
    old = user.role
    user.role = role
    session.add(user)
    record_event(
        session,
        actor_id=actor.id,
        action="admin.role_changed",
        target_type="user",
        target_id=user.id,
        details={"from": old, "to": role},
    )


def set_language(session: Session, *, actor: Viewer | None, language: str) -> None:
    """Remember the actor's preferred language (used for their e-mails too)."""
    actor = ensure_role(actor)
    if language not in LANGUAGES:
        raise ValidationFailed({"language": "errors.validation"})
    user = session.get(User, actor.id)
    user.language = language
    session.add(user)
