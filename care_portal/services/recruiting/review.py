"""Recruiters reviewing an application: internal notes and a rating."""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.models import ApplicationNote
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.recruiting.views import RECRUITERS, _submitted


def add_note(session: Session, *, actor: Viewer | None, application_id: int, body: str) -> None:
    """Add an internal note to an application."""
    actor = ensure_role(actor, *RECRUITERS)
    application = _submitted(session, application_id)
    body = (body or "").strip()
    if not body:
        raise ValidationFailed({"note": "rec.error.note"})
    if len(body) > 3000:
        raise ValidationFailed({"note": "rec.error.too_long"})
    session.add(ApplicationNote(application_id=application.id, author_id=actor.id, body=body))
    session.flush()


def set_rating(session: Session, *, actor: Viewer | None, application_id: int, rating: int) -> None:
    """Rate an application from 1 to 5."""
    ensure_role(actor, *RECRUITERS)
    if rating not in range(1, 6):
        raise DomainError("rec.error.rating")
    application = _submitted(session, application_id)
    application.rating = rating
    session.add(application)
    session.flush()
