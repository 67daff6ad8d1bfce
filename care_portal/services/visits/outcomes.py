"""How a visit ends and when it may start: service length, check-in window, «incidencia», «realizada».

- The appointment lasts what the service lasts (``CareService.duration_minutes``).
- Check-in is accepted only from ``check_in_early_minutes`` before the start to
  ``check_in_late_minutes`` after it; an admin may record an exception for one
  visit, with a reason (audited).
- A visit that cannot happen (the beneficiary is absent) or is cut short ends in
  «incidencia» with a reason; the family is told.
- A finished visit sends the family a «visita realizada» e-mail with the link to its report.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.domain.series import service_with_ordinal
from care_portal.domain.visits import INCIDENT_KINDS, check_in_refusal, ensure_move
from care_portal.i18n import tr
from care_portal.models import CheckInException, Role, User, VisitIncident
from care_portal.models.shop import CareService, OrderLine
from care_portal.models.types import utcnow
from care_portal.models.visits import Task, TaskState
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.notifications import queue_email
from care_portal.services.task_names import mail_service_name
from care_portal.services.visits.access import load_managed_task

DEFAULT_MINUTES = 60
MAX_REASON = 2000


def service_minutes(session: Session, task: Task) -> int:
    """Return how long the task's service lasts (60 minutes when the catalogue does not say)."""
    line = session.get(OrderLine, task.order_line_id)
    service = session.get(CareService, line.service_id) if line else None
    return service.duration_minutes if service and service.duration_minutes else DEFAULT_MINUTES


def check_in_window() -> tuple[timedelta, timedelta]:
    """Return (how early, how late) a check-in is accepted around the appointment's start."""
    settings = get_settings()
    return (
        timedelta(minutes=settings.check_in_early_minutes),
        timedelta(minutes=settings.check_in_late_minutes),
    )


def ensure_check_in_window(session: Session, task: Task, now: datetime) -> None:
    """Refuse a check-in outside the window, unless an admin recorded an exception for the visit.

    Raises:
        DomainError: ``visits.check_in_too_early`` / ``visits.check_in_too_late`` with the window's
            opening and closing times, on the ``code`` field.
    """
    early, late = check_in_window()
    refusal = check_in_refusal(task.appointment_start, now, early=early, late=late)
    if refusal is None:
        return
    if session.exec(select(CheckInException.id).where(CheckInException.task_id == task.id)).first():
        return
    if refusal == "visits.not_scheduled":
        raise DomainError(refusal)
    raise DomainError(
        refusal,
        field="code",
        opens=format_datetime(task.appointment_start - early),
        closes=format_datetime(task.appointment_start + late),
    )


def grant_check_in_exception(
    session: Session, *, actor: Viewer | None, task_id: int, reason: str, now: datetime | None = None
) -> None:
    """Let a visit be checked in outside the window (admins only), keeping the reason.

    Raises:
        PermissionDenied: Not an admin.
        NotFound: No such task.
        ValidationFailed: No reason given.
        DomainError: ``visits.not_scheduled`` when the visit has no appointment to start.
    """
    actor = ensure_role(actor, Role.ADMIN)
    task = load_managed_task(session, actor, task_id, lock=True)
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise ValidationFailed({"exception_reason": "week.reason_required"})
    if task.state != TaskState.SCHEDULED.value:
        raise DomainError("visits.not_scheduled")
    row = session.exec(select(CheckInException).where(CheckInException.task_id == task.id)).first()
    row = row or CheckInException(task_id=task.id, granted_by_id=actor.id, reason=reason)
    row.reason, row.granted_by_id, row.created_at = reason, actor.id, now or utcnow()
    session.add(row)
    record_event(
        session,
        actor_id=actor.id,
        action="visits.check_in_exception",
        target_type="task",
        target_id=task.id,
        details={"reason": reason},
    )


def record_incident(
    session: Session,
    *,
    actor: Viewer | None,
    task_id: int,
    kind: str,
    reason: str,
    now: datetime | None = None,
) -> None:
    """End a visit in «incidencia»: the beneficiary was absent, or the visit was interrupted.

    «Absent» is for a scheduled visit whose check-in window has opened; «interrupted» for a
    visit in progress. The family is e-mailed the reason.

    Raises:
        NotFound: Not one of the actor's tasks.
        ValidationFailed: An unknown kind or no reason.
        DomainError: ``visits.bad_transition`` or ``visits.check_in_too_early``.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id, lock=True)
    reason = reason.strip()
    errors = {}
    if kind not in INCIDENT_KINDS:
        errors["incident_kind"] = "week.incident_kind_required"
    if not reason or len(reason) > MAX_REASON:
        errors["incident_reason"] = "week.reason_required"
    if errors:
        raise ValidationFailed(errors)
    ensure_move(task.state, TaskState.INCIDENT.value)
    expected = TaskState.SCHEDULED.value if kind == "absent" else TaskState.IN_PROGRESS.value
    if task.state != expected:
        raise DomainError("visits.bad_transition", field="incident_kind")
    if kind == "absent":
        early, _ = check_in_window()
        if now < task.appointment_start - early:
            raise DomainError(
                "visits.check_in_too_early",
                field="incident_kind",
                opens=format_datetime(task.appointment_start - early),
                closes="",
            )
    task.state = TaskState.INCIDENT.value
    task.checked_out_at = now if task.checked_in_at else None
    session.add(task)
    session.add(VisitIncident(task_id=task.id, kind=kind, reason=reason, author_id=actor.id, created_at=now))
    record_event(
        session,
        actor_id=actor.id,
        action="visits.incident",
        target_type="task",
        target_id=task.id,
        details={"kind": kind},
    )
    client = session.get(User, task.client_id)
    service = mail_service_name(session, task, client.language)
    queue_email(
        session,
        to=client.email,
        subject=tr("week.mail.incident.subject", client.language, service=service),
        body=tr(
            "week.mail.incident.body",
            client.language,
            name=client.full_name,
            service=service_with_ordinal(service, task.sequence_number, task.sequence_total, client.language),
            date=format_datetime(task.appointment_start, client.language),
            what=tr(f"week.incident.{kind}", client.language),
            reason=reason,
            link=tasks_link(),
        ),
        kind="visit_incident",
    )


def incident_of(session: Session, task_id: int) -> VisitIncident | None:
    """Return the incident recorded for a visit, if any."""
    return session.exec(select(VisitIncident).where(VisitIncident.task_id == task_id)).first()


def tasks_link() -> str:
    """The absolute link to the client's «Tareas» page."""
    return get_settings().public_url.rstrip("/") + routes.ACCOUNT_TASKS


def mail_visit_done(session: Session, task: Task) -> None:
    """E-mail the family that the visit took place, with where to read its report."""
    client = session.get(User, task.client_id)
    service = mail_service_name(session, task, client.language)
    queue_email(
        session,
        to=client.email,
        subject=tr("week.mail.done.subject", client.language, service=service),
        body=tr(
            "week.mail.done.body",
            client.language,
            name=client.full_name,
            service=service_with_ordinal(service, task.sequence_number, task.sequence_total, client.language),
            start=format_datetime(task.checked_in_at, client.language),
            end=format_datetime(task.checked_out_at, client.language),
            link=tasks_link(),
            report=get_settings().public_url.rstrip("/") + f"/api/tareas/{task.id}/informe.pdf",
        ),
        kind="visit_done",
    )
