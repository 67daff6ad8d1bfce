"""CVs: the candidate's upload (checked and stored privately) and the recruiter's audited read."""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.errors import NotFound
from care_portal.domain.files import EXTENSION, MIME, safe_display_name
from care_portal.domain.recruiting import check_cv
from care_portal.integrations.storage import read_private, save_private
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.recruiting.applying import _editable_draft, _progress
from care_portal.services.recruiting.views import RECRUITERS, CvFile, Progress, _submitted


def attach_cv(
    session: Session, *, actor: Viewer | None, offer_id: int, data: bytes, filename: str
) -> Progress:
    """Check and store the CV privately (step 2); a new upload replaces the old one.

    Raises:
        DomainError: On field ``cv``: missing, too large, not a PDF/DOCX by content.
    """
    actor = ensure_role(actor)
    application = _editable_draft(session, actor, offer_id)
    kind = check_cv(data)
    application.cv_key = save_private("cvs", data, EXTENSION[kind])
    application.cv_name = safe_display_name(filename, f"cv.{EXTENSION[kind]}")
    application.cv_mime = MIME[kind]
    application.cv_size = len(data)
    application.updated_at = utcnow()
    session.add(application)
    session.flush()
    return _progress(session, application)


def read_cv(session: Session, *, actor: Viewer | None, application_id: int, client_ip: str = "") -> CvFile:
    """Return a CV for recruiters and admins, and log the view.

    Raises:
        NotAuthenticated / PermissionDenied: Not a recruiter or admin.
        NotFound: No such submitted application, or it has no CV.
    """
    actor = ensure_role(actor, *RECRUITERS)
    application = _submitted(session, application_id)
    if not application.cv_key:
        raise NotFound()
    data = read_private(application.cv_key)
    record_event(
        session,
        actor_id=actor.id,
        action="recruiting.cv_view",
        target_type="application",
        target_id=application.id,
        client_ip=client_ip,
    )
    return CvFile(data=data, mime=application.cv_mime, filename=application.cv_name)
