"""E-mails to candidates about their application."""

from __future__ import annotations

from sqlmodel import Session

from care_portal import routes
from care_portal.config import get_settings
from care_portal.i18n import tr
from care_portal.models import Application
from care_portal.services.notifications import queue_email


def _email_candidate(
    session: Session, application: Application, to: str, kind: str, offer_title: str, lang: str = "es"
) -> None:
    """Queue an e-mail about the application, in the candidate's language, in the caller's transaction."""
    params = {
        "name": application.full_name,
        "offer": offer_title,
        "link": get_settings().public_url.rstrip("/") + routes.ACCOUNT_APPLICATIONS,
    }
    queue_email(
        session,
        to=to,
        subject=tr(f"rec.mail.{kind}.subject", lang, **params),
        body=tr(f"rec.mail.{kind}.body", lang, **params),
        kind=f"recruiting_{kind}",
    )
