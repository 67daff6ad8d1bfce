"""Appointment e-mails to the client and the manager, each with its .ics attached.

A reschedule keeps the event's UID and raises its SEQUENCE; a cancellation is
sent as ``METHOD:CANCEL`` with a higher SEQUENCE still, so calendar programs
move or remove the event they already hold.
"""

from __future__ import annotations

from sqlmodel import Session

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain.formatting import format_appointment
from care_portal.domain.series import date_with_ordinal, service_with_ordinal
from care_portal.domain.visits import cancellation_deadline
from care_portal.i18n import tr
from care_portal.models import AppointmentSequence, OutboxAttachment, OutboxMessage, User
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task
from care_portal.services.calendars.ics import ICS_TYPE, AppointmentEvent, build_calendar


def bump_sequence(session: Session, task_id: int) -> int:
    """Return the task's next SEQUENCE (0 the first time an appointment is sent)."""
    row = session.get(AppointmentSequence, task_id)
    if row is None:
        row = AppointmentSequence(task_id=task_id, sequence=0)
    else:
        row.sequence += 1
    session.add(row)
    return row.sequence


def current_sequence(session: Session, task_id: int) -> int:
    """Return the SEQUENCE last sent for the task (0 when none was)."""
    row = session.get(AppointmentSequence, task_id)
    return row.sequence if row else 0


def task_event(
    task: Task,
    beneficiary: Beneficiary | None,
    sequence: int,
    *,
    for_manager: bool,
    cancelled: bool = False,
    lang: str = "es",
) -> AppointmentEvent:
    """Describe a task's appointment for a calendar: the manager's has the address and phone.

    The title names the visit's place in its pack or plan month («… (visita 2 de 4) — Dolores»).
    """
    name = beneficiary.full_name if beneficiary else ""
    location = f"{beneficiary.street}, {beneficiary.postal_code} {beneficiary.town}" if beneficiary else ""
    link = get_settings().public_url.rstrip("/") + (
        routes.manager_task_url(task.id) if for_manager else routes.ACCOUNT_TASKS
    )
    details = [link]
    if for_manager and beneficiary is not None:
        details.insert(0, beneficiary.phone)
    return AppointmentEvent(
        task_id=task.id,
        sequence=sequence,
        start=task.appointment_start,
        end=task.appointment_end,
        summary=f"{service_with_ordinal(task.service_name, task.sequence_number, task.sequence_total, lang)}"
        f" — {name}",
        location=location,
        description="\n".join(details),
        cancelled=cancelled,
    )


def queue_with_ics(
    session: Session, *, to: str, subject: str, body: str, kind: str, files: list[tuple[str, str]]
) -> None:
    """Queue an e-mail with ``.ics`` attachments (``(filename, text)`` pairs) in the caller's transaction."""
    message = OutboxMessage(to_address=to, subject=subject[:200], body_text=body, kind=kind)
    session.add(message)
    session.flush()
    for filename, text in files:
        session.add(
            OutboxAttachment(message_id=message.id, filename=filename, content_type=ICS_TYPE, content=text)
        )


def _dates(tasks: list[Task], lang: str) -> str:
    """One line per appointment: «  · martes, 12 de mayo de 2026, 10:00 — visita 1 de 8»."""
    return "\n".join(
        "  · "
        + date_with_ordinal(
            format_appointment(t.appointment_start, lang), t.sequence_number, t.sequence_total, lang
        )
        for t in tasks
    )


def send_appointments(session: Session, tasks: list[Task], *, rescheduled: bool = False) -> None:
    """E-mail the client and the manager one message for these appointments, one .ics per visit.

    Args:
        session: Open session; the messages are stored only if the caller commits.
        tasks: Scheduled tasks of one beneficiary and one manager (one visit, or a series).
        rescheduled: Whether the visits had a date before (the subject says so).
    """
    if not tasks:
        return
    first = tasks[0]
    client = session.get(User, first.client_id)
    manager = session.get(User, first.manager_id) if first.manager_id else None
    beneficiary = session.get(Beneficiary, first.beneficiary_id)
    sequences = {t.id: bump_sequence(session, t.id) for t in tasks}
    for person, for_manager in ((client, False), (manager, True)):
        if person is None:
            continue
        lang = person.language
        files = [
            (
                f"visita-{t.id}.ics",
                build_calendar(
                    [task_event(t, beneficiary, sequences[t.id], for_manager=for_manager, lang=lang)],
                    method="REQUEST",
                ),
            )
            for t in tasks
        ]
        if for_manager:
            subject = tr(
                "week.mail.manager.subject", lang, count=len(tasks), beneficiary=beneficiary.full_name
            )
            body = tr(
                "week.mail.manager.body",
                lang,
                name=person.full_name,
                dates=_dates(tasks, lang),
                service=first.service_name,
                beneficiary=beneficiary.full_name,
            )
        elif len(tasks) == 1:
            subject = tr("visits.mail.scheduled.subject", lang, service=first.service_name)
            body = tr(
                "visits.mail.scheduled.body",
                lang,
                name=person.full_name,
                service=service_with_ordinal(
                    first.service_name, first.sequence_number, first.sequence_total, lang
                ),
                beneficiary=beneficiary.full_name if beneficiary else "",
                date=format_appointment(first.appointment_start, lang),
                manager=manager.full_name if manager else "",
                code=first.visit_code,
                deadline=format_appointment(cancellation_deadline(first.appointment_start), lang),
            )
        else:
            subject = tr("week.mail.series.subject", lang, count=len(tasks), service=first.service_name)
            body = tr(
                "week.mail.series.body",
                lang,
                name=person.full_name,
                dates=_dates(tasks, lang),
                service=first.service_name,
                beneficiary=beneficiary.full_name,
                manager=manager.full_name if manager else "",
            )
        if rescheduled:
            subject = tr("week.mail.moved_prefix", lang) + subject
        kind = "visit_scheduled_manager" if for_manager else "visit_scheduled"
        queue_with_ics(session, to=person.email, subject=subject, body=body, kind=kind, files=files)


def send_cancellation(session: Session, task: Task) -> None:
    """Send ``METHOD:CANCEL`` for a cancelled visit that had an appointment (client and manager)."""
    if task.appointment_start is None or task.appointment_end is None:
        return
    client = session.get(User, task.client_id)
    manager = session.get(User, task.manager_id) if task.manager_id else None
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    sequence = bump_sequence(session, task.id)
    for person, for_manager in ((client, False), (manager, True)):
        if person is None:
            continue
        event = task_event(
            task, beneficiary, sequence, for_manager=for_manager, cancelled=True, lang=person.language
        )
        queue_with_ics(
            session,
            to=person.email,
            subject=tr("week.mail.cancel.subject", person.language, service=task.service_name),
            body=tr(
                "week.mail.cancel.body",
                person.language,
                name=person.full_name,
                service=service_with_ordinal(
                    task.service_name, task.sequence_number, task.sequence_total, person.language
                ),
                date=format_appointment(task.appointment_start, person.language),
            ),
            kind="visit_cancelled_calendar",
            files=[(f"visita-{task.id}.ics", build_calendar([event], method="CANCEL"))],
        )
