"""Who a user is: creating accounts and the public view of a user row."""

from __future__ import annotations

import hashlib

from sqlmodel import Session, select

from care_portal.domain.emails import normalise_email
from care_portal.domain.errors import ValidationFailed
from care_portal.domain.passwords import password_problem
from care_portal.integrations.passwords import hash_password
from care_portal.models import Role, User
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer

LANGUAGES = ("es", "en")


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
        # Accounts made here directly (seeds, staff) count as confirmed; the public form goes
        # through services.signup.register, which clears this and e-mails a confirmation link.
        email_verified_at=utcnow(),
    )
    session.add(user)
    session.flush()
    record_event(session, actor_id=user.id, action="auth.sign_up", target_type="user", target_id=user.id)
    return to_viewer(user)
