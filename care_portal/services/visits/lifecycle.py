"""Manager commands on a task: contact log, appointment, check-in/out with the code, report."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.formatting import format_datetime, to_madrid
from care_portal.domain.visits import (
    MAX_CODE_ATTEMPTS,
    ensure_move,
    overlaps,
    parse_madrid_local,
)
from care_portal.i18n import tr
from care_portal.models import Role, User
from care_portal.models.care import Beneficiary, ConsentState
from care_portal.models.types import utcnow
from care_portal.models.visits import ContactLogEntry, Task, TaskState, VisitReport
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.calendars import appointment_mail
from care_portal.services.notifications import queue_email
from care_portal.services.task_names import mail_service_name
from care_portal.services.visits.access import ACTIVE_APPOINTMENT_STATES, load_managed_task
from care_portal.services.visits.outcomes import ensure_check_in_window, mail_visit_done, service_minutes

MAX_TEXT = 4000


def log_contact(
    session: Session,
    *,
    actor: Viewer | None,
    task_id: int,
    note: str,
    channel: str = "phone",
    now: datetime | None = None,
) -> None:
    """Record a contact with the beneficiary about a task (the first one stops the 24-hour clock).

    Raises:
        NotFound: Not one of the actor's tasks.
        ValidationFailed: An empty or too long note, or an unknown channel.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id)
    note = note.strip()
    if not note or len(note) > MAX_TEXT:
        raise ValidationFailed({"contact_note": "visits.note_required"})
    if channel not in ("phone", "visit", "message", "email"):
        raise ValidationFailed({"contact_channel": "visits.bad_channel"})
    session.add(
        ContactLogEntry(task_id=task.id, author_id=actor.id, channel=channel, note=note, created_at=now)
    )
    if task.first_contact_at is None:
        task.first_contact_at = now
        session.add(task)
    record_event(
        session, actor_id=actor.id, action="visits.contact_logged", target_type="task", target_id=task.id
    )


def schedule_appointment(
    session: Session,
    *,
    actor: Viewer | None,
    task_id: int,
    day: str,
    time_of_day: str,
    duration_minutes: int | None = None,
    now: datetime | None = None,
) -> datetime:
    """Agree (or move) a task's appointment, typed as a Madrid date and time.

    The client is e-mailed the date, the manager and the visit code, and the
    manager a copy; both with the appointment's .ics (same UID, higher SEQUENCE
    when it moves).

    Args:
        session: Open session.
        actor: The beneficiary's manager, or an admin.
        task_id: Which visit.
        day: Madrid date, ``YYYY-MM-DD``.
        time_of_day: Madrid time, ``HH:MM``.
        duration_minutes: The appointment's length; the service's duration when not given.
        now: The current instant (tests).

    Returns:
        The aware UTC start.

    Raises:
        NotFound: Not one of the actor's tasks.
        ValidationFailed: A malformed, skipped or past time, or a bad duration.
        DomainError: ``visits.overlap`` when it clashes with another of the manager's
            appointments; ``visits.bad_transition`` when the task can't take one;
            ``visits.consent_withdrawn`` while consent for service provision is withdrawn.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id, lock=True)
    ensure_move(task.state, TaskState.SCHEDULED.value)
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    if beneficiary is not None and beneficiary.consent_state == ConsentState.WITHDRAWN.value:
        raise DomainError("visits.consent_withdrawn", field="appointment_day")
    start = parse_madrid_local(day, time_of_day)
    if start <= now:
        raise ValidationFailed({"appointment_day": "visits.in_the_past"})
    if duration_minutes is None:
        duration_minutes = service_minutes(session, task)
    if not 15 <= duration_minutes <= 8 * 60:
        raise ValidationFailed({"duration": "visits.bad_duration"})
    end = start + timedelta(minutes=duration_minutes)
    clash = _clash(session, task, start, end)
    if clash is not None:
        raise DomainError(
            "visits.overlap",
            field="appointment_time",
            start=format_datetime(clash.appointment_start),
            end=to_madrid(clash.appointment_end).strftime("%H:%M"),
        )
    previous = task.appointment_start
    task.appointment_start, task.appointment_end = start, end
    task.state = TaskState.SCHEDULED.value
    if task.first_contact_at is None:
        task.first_contact_at = now
    session.add(task)
    record_event(
        session,
        actor_id=actor.id,
        action="visits.rescheduled" if previous else "visits.scheduled",
        target_type="task",
        target_id=task.id,
        details={"start": start.isoformat(), "previous": previous.isoformat() if previous else ""},
    )
    session.flush()
    appointment_mail.send_appointments(session, [task], rescheduled=previous is not None)
    return start


def _clash(session: Session, task: Task, start: datetime, end: datetime) -> Task | None:
    others = session.exec(
        select(Task).where(
            Task.manager_id == task.manager_id,
            Task.id != task.id,
            col(Task.state).in_(ACTIVE_APPOINTMENT_STATES),
            col(Task.appointment_start) < end,
            col(Task.appointment_end) > start,
        )
    ).all()
    return next((o for o in others if overlaps(start, end, o.appointment_start, o.appointment_end)), None)


def check_in(
    session: Session, *, actor: Viewer | None, task_id: int, code: str, now: datetime | None = None
) -> None:
    """Start the visit once the beneficiary confirms the visit code.

    Only inside the check-in window around the appointment (settings
    ``check_in_early_minutes`` / ``check_in_late_minutes``) unless an admin
    recorded an exception for the visit. A wrong code is counted (the count
    survives the caller's rollback); after too many the task must be unlocked
    by the office.

    Raises:
        NotFound: Not one of the actor's tasks.
        DomainError: ``visits.already_checked_in``, ``visits.not_scheduled``,
            ``visits.check_in_too_early``, ``visits.check_in_too_late``,
            ``visits.code_locked`` or ``visits.wrong_code``.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id, lock=True)
    if task.checked_in_at is not None:
        raise DomainError("visits.already_checked_in")
    if task.state != TaskState.SCHEDULED.value:
        raise DomainError("visits.not_scheduled")
    ensure_check_in_window(session, task, now)
    if task.failed_code_attempts >= MAX_CODE_ATTEMPTS:
        raise DomainError("visits.code_locked")
    typed = "".join(code.split()).upper()
    if typed != task.visit_code:
        task.failed_code_attempts += 1
        session.add(task)
        record_event(
            session, actor_id=actor.id, action="visits.wrong_code", target_type="task", target_id=task.id
        )
        session.commit()
        left = MAX_CODE_ATTEMPTS - task.failed_code_attempts
        if left <= 0:
            raise DomainError("visits.code_locked")
        raise DomainError("visits.wrong_code", field="code", left=left)
    ensure_move(task.state, TaskState.IN_PROGRESS.value)
    task.state = TaskState.IN_PROGRESS.value
    task.checked_in_at = now
    session.add(task)
    record_event(
        session, actor_id=actor.id, action="visits.checked_in", target_type="task", target_id=task.id
    )


def check_out(session: Session, *, actor: Viewer | None, task_id: int, now: datetime | None = None) -> None:
    """Finish the visit; the beneficiary's consent must be signed by then.

    Raises:
        NotFound: Not one of the actor's tasks.
        DomainError: ``visits.not_checked_in``, ``visits.consent_required`` or a bad transition.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id, lock=True)
    if task.checked_in_at is None:
        raise DomainError("visits.not_checked_in")
    ensure_move(task.state, TaskState.DONE.value)
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    if beneficiary is None or beneficiary.consent_state != ConsentState.SIGNED.value:
        raise DomainError("visits.consent_required")
    task.state = TaskState.DONE.value
    task.checked_out_at = now
    session.add(task)
    record_event(
        session, actor_id=actor.id, action="visits.checked_out", target_type="task", target_id=task.id
    )
    mail_visit_done(session, task)


def write_report(
    session: Session,
    *,
    actor: Viewer | None,
    task_id: int,
    work_done: str,
    observations: str,
    next_steps: str,
    now: datetime | None = None,
) -> None:
    """Write (or correct) the visit report; only once the manager has checked in.

    The client is e-mailed that the report is ready.

    Raises:
        NotFound: Not one of the actor's tasks.
        DomainError: ``visits.report_before_visit``.
        ValidationFailed: Nothing written about what was done, or texts too long.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id, lock=True)
    if task.checked_in_at is None:
        raise DomainError("visits.report_before_visit")
    texts = {
        "work_done": work_done.strip(),
        "observations": observations.strip(),
        "next_steps": next_steps.strip(),
    }
    errors = {name: "visits.text_too_long" for name, text in texts.items() if len(text) > MAX_TEXT}
    if not texts["work_done"]:
        errors["work_done"] = "visits.work_done_required"
    if errors:
        raise ValidationFailed(errors)
    report = session.exec(select(VisitReport).where(VisitReport.task_id == task.id)).first()
    first = report is None
    report = report or VisitReport(task_id=task.id, author_id=actor.id, work_done="", created_at=now)
    report.work_done, report.observations, report.next_steps = (
        texts["work_done"],
        texts["observations"],
        texts["next_steps"],
    )
    session.add(report)
    record_event(
        session,
        actor_id=actor.id,
        action="visits.report_written" if first else "visits.report_corrected",
        target_type="task",
        target_id=task.id,
    )
    if first:
        client = session.get(User, task.client_id)
        service = mail_service_name(session, task, client.language)
        queue_email(
            session,
            to=client.email,
            subject=tr("visits.mail.report.subject", client.language, service=service),
            body=tr(
                "visits.mail.report.body",
                client.language,
                name=client.full_name,
                service=service,
                link=_tasks_link(),
            ),
            kind="visit_report",
        )


def _tasks_link() -> str:
    return get_settings().public_url.rstrip("/") + routes.ACCOUNT_TASKS
