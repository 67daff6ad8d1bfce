"""The user's own profile: name, phone and language."""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.errors import ValidationFailed
from care_portal.domain.identifiers import normalise_phone
from care_portal.models import User
from care_portal.services.accounts.identity import LANGUAGES, _clean_name, to_viewer
from care_portal.services.authz import Viewer, ensure_role


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


def set_language(session: Session, *, actor: Viewer | None, language: str) -> None:
    """Remember the actor's preferred language (used for their e-mails too)."""
    actor = ensure_role(actor)
    if language not in LANGUAGES:
        raise ValidationFailed({"language": "errors.validation"})
    user = session.get(User, actor.id)
    user.language = language
    session.add(user)
