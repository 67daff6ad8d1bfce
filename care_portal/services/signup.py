"""Public sign-up: the same answer for new and existing addresses, and e-mail verification.

Whoever types an address on the sign-up form sees the same thing: "we have sent you an
e-mail". A new address gets an account and a link to confirm it; an address that already has
an account gets an e-mail saying so (log in, or recover the password) and nothing changes.
Requests are throttled per address typed and per requester, silently. A new account may log
in at once but buys nothing until its e-mail is confirmed (by the link, or by a password reset,
which proves the same thing).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlmodel import Session, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain.emails import normalise_email
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.sessions import session_ref
from care_portal.i18n import tr
from care_portal.integrations.passwords import hash_password
from care_portal.models import EmailVerification, User
from care_portal.models.types import utcnow
from care_portal.services import accounts, request_throttle
from care_portal.services.audit import record_event
from care_portal.services.notifications import queue_email

VERIFY_HOURS = 48


def register(
    session: Session,
    *,
    full_name: str,
    email: str,
    password: str,
    language: str = "es",
    client_ip: str = "",
    now: datetime | None = None,
) -> str:
    """Handle the public sign-up form.

    Args:
        session: Open session (the caller commits).
        full_name: The person's name.
        email: The address typed.
        password: The chosen password.
        language: Preferred language.
        client_ip: The requester's address (for throttling).
        now: The current instant (for tests).

    Returns:
        The normalised address the e-mail went to (the same answer whether it had an account).

    Raises:
        ValidationFailed: Bad fields — never because the address is taken.
    """
    now = now or utcnow()
    try:  # sign_up checks every field before writing anything
        viewer = accounts.sign_up(
            session, full_name=full_name, email=email, password=password, language=language
        )
    except ValidationFailed as error:
        errors = {field: key for field, key in error.errors.items() if key != "auth.email_taken"}
        if errors:
            raise ValidationFailed(errors) from error
        hash_password(password)  # take as long as a real sign-up
        normalised = normalise_email(email)
        if request_throttle.admit(
            session, action="auth.sign_up_asked", email=normalised, client_ip=client_ip, now=now
        ):
            _tell_existing_account(session, normalised)
        return normalised
    user = session.get(User, viewer.id)
    user.email_verified_at = None
    session.add(user)
    if request_throttle.admit(
        session, action="auth.sign_up_asked", email=user.email, client_ip=client_ip, now=now
    ):
        send_verification(session, user=user, now=now)
    return user.email


def _tell_existing_account(session: Session, email: str) -> None:
    user = session.exec(select(User).where(User.email == email)).first()
    if user is None or not user.is_active:
        return
    base = get_settings().public_url.rstrip("/")
    queue_email(
        session,
        to=user.email,
        subject=tr("mail.signup_existing.subject", user.language),
        body=tr(
            "mail.signup_existing.body",
            user.language,
            name=user.full_name,
            login=base + routes.LOGIN,
            forgot=base + routes.FORGOT,
        ),
        kind="signup_existing",
    )


def send_verification(session: Session, *, user: User, now: datetime | None = None) -> None:
    """E-mail a new account the single-use link that confirms its address."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    session.add(
        EmailVerification(
            user_id=user.id,
            token_hash=session_ref(token),
            created_at=now,
            expires_at=now + timedelta(hours=VERIFY_HOURS),
        )
    )
    link = f"{get_settings().public_url.rstrip('/')}{routes.VERIFY_EMAIL}?token={token}"
    queue_email(
        session,
        to=user.email,
        subject=tr("mail.verify.subject", user.language),
        body=tr("mail.verify.body", user.language, name=user.full_name, link=link, hours=VERIFY_HOURS),
        kind="email_verification",
    )


def verify_email(session: Session, *, token: str, now: datetime | None = None) -> None:
    """Spend a verification link and mark the account's e-mail as confirmed.

    Raises:
        DomainError: ``auth.verify.invalid`` for an unknown, used or expired link.
    """
    now = now or utcnow()
    row = session.exec(
        select(EmailVerification).where(EmailVerification.token_hash == session_ref(token or ""))
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise DomainError("auth.verify.invalid")
    row.used_at = now
    user = session.get(User, row.user_id)
    user.email_verified_at = user.email_verified_at or now
    session.add_all([row, user])
    record_event(
        session, actor_id=user.id, action="auth.email_verified", target_type="user", target_id=user.id
    )


def ensure_verified(session: Session, *, user_id: int) -> None:
    """Refuse a purchase by an account whose e-mail is not confirmed yet.

    Raises:
        DomainError: ``shop.email_unverified``.
    """
    user = session.get(User, user_id)
    if user is None or user.email_verified_at is None:
        raise DomainError("shop.email_unverified")
