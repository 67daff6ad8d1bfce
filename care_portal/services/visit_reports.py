"""The visit report as a PDF, for the task's client, its managers (``services.responsibility``) and admins."""

from __future__ import annotations

from sqlmodel import Session, select

from care_portal.domain.errors import NotFound
from care_portal.domain.formatting import format_datetime
from care_portal.i18n import LANGUAGES, tr
from care_portal.integrations.pdf import render_pdf
from care_portal.models import AccessSubject, User
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task, VisitReport
from care_portal.services.access_log import record_access
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.report_parts import printed_parts
from care_portal.services.responsibility import current_manager_id, may_read_task
from care_portal.services.task_names import english_service_names, service_name


def report_pdf(
    session: Session, *, actor: Viewer | None, task_id: int, client_ip: str = "", lang: str | None = None
) -> tuple[str, bytes]:
    """Render a task's report in the reader's language and log the view.

    Args:
        session: The database session.
        actor: Who asks.
        task_id: The visit.
        client_ip: For the audit trail.
        lang: The PDF's language; the reader's own (their profile's) when not given.

    Returns:
        The file name and the PDF bytes.

    Raises:
        NotAuthenticated: Nobody is logged in.
        NotFound: No report yet, no such task, or not the actor's task.
    """
    actor = ensure_role(actor)
    task = session.get(Task, task_id)
    if task is None or not may_read_task(actor, task, current_manager_id(session, task)):
        raise NotFound()
    report = session.exec(select(VisitReport).where(VisitReport.task_id == task.id)).first()
    if report is None:
        raise NotFound()
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    manager = session.get(User, task.manager_id) if task.manager_id else None
    lang = lang if lang in LANGUAGES else actor.language if actor.language in LANGUAGES else "es"
    pdf = render_pdf(
        "visit_report.html",
        {
            "lang": lang,
            "t": lambda key, **params: tr(key, lang, **params),
            "task_id": task.id,
            "service": service_name(task, english_service_names(session, [task.order_line_id], lang)),
            "beneficiary": beneficiary.full_name if beneficiary else "",
            "manager": manager.full_name if manager else "",
            "appointment": format_datetime(task.appointment_start, lang),
            "checked_in": format_datetime(task.checked_in_at, lang),
            "checked_out": format_datetime(task.checked_out_at, lang),
            "created": format_datetime(report.created_at, lang),
            "work_done": report.work_done,
            "observations": report.observations,
            "next_steps": report.next_steps,
            **printed_parts(session, task.id, lang),
        },
    )
    record_event(
        session,
        actor_id=actor.id,
        action="visits.report_viewed",
        target_type="task",
        target_id=task.id,
        client_ip=client_ip,
    )
    record_access(
        session,
        viewer=actor,
        beneficiary_id=task.beneficiary_id,
        subject=AccessSubject.REPORT,
        target_id=task.id,
    )
    return tr("doc.report.file", lang, id=task.id), pdf
