"""E-mails to candidates about their application."""

from __future__ import annotations

from sqlmodel import Session

from care_portal import routes
from care_portal.config import get_settings
from care_portal.i18n import tr
from care_portal.models import Application
from care_portal.services.notifications import queue_email


def _email_candidate(
    session: Session, application: Application, to: str, kind: str, offer_title: str
) -> None:
    """Queue a Spanish e-mail about the application in the caller's transaction."""
    params = {
        "name": application.full_name,
        "offer": offer_title,
        "link": get_settings().public_url.rstrip("/") + routes.ACCOUNT_APPLICATIONS,
    }
    queue_email(
        session,
        to=to,
        subject=tr(f"rec.mail.{kind}.subject", "es", **params),
        body=tr(f"rec.mail.{kind}.body", "es", **params),
        kind=f"recruiting_{kind}",
    )
