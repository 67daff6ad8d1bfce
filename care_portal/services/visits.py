"""The visit lifecycle for managers: dashboard, contact log, appointment, check-in/out, report.

Managers reach only the tasks of the beneficiaries associated with them;
admins reach every task. Anyone else gets ``NotFound`` (never a hint that the
task exists).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from care_portal import routes
from care_portal.config import get_settings
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime, to_madrid
from care_portal.domain.visits import (
    FIRST_CONTACT_WITHIN,
    MAX_CODE_ATTEMPTS,
    cancellation_deadline,
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
from care_portal.services.notifications import queue_email

ACTIVE_APPOINTMENT_STATES = (TaskState.SCHEDULED.value, TaskState.IN_PROGRESS.value)
MAX_TEXT = 4000


@dataclass(frozen=True)
class TaskRow:
    """A task as a line of the manager's dashboard."""

    id: int
    service: str
    state: str
    beneficiary_id: int
    beneficiary: str
    phone: str
    appointment: str
    appointment_iso: str
    waiting: str
    contact_overdue: bool


@dataclass(frozen=True)
class BeneficiaryCard:
    """A beneficiary the manager looks after, with what they need to call and visit."""

    id: int
    name: str
    phone: str
    address: str
    notes: str
    consent: str


@dataclass(frozen=True)
class Dashboard:
    """Everything the manager's dashboard shows."""

    counts: dict[str, int]
    today: list[TaskRow]
    upcoming: list[TaskRow]
    waiting: list[TaskRow]
    tasks: list[TaskRow]
    beneficiaries: list[BeneficiaryCard]


@dataclass(frozen=True)
class ManagerTaskDetail:
    """One task as its manager sees it."""

    id: int
    service: str
    state: str
    visit_code: str
    notes: str
    appointment: str
    deadline: str
    checked_in: str
    checked_out: str
    failed_code_attempts: int
    consent_pending: bool
    beneficiary: BeneficiaryCard
    contacts: list[dict] = field(default_factory=list)
    other_appointments: list[dict] = field(default_factory=list)
    report: dict | None = None


def _waited(created: datetime, now: datetime) -> str:
    hours = max(0, int((now - created).total_seconds() // 3600))
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if days else f"{hours} h"


def _address(row: Beneficiary) -> str:
    return f"{row.street}, {row.postal_code} {row.town}"


def _card(row: Beneficiary) -> BeneficiaryCard:
    return BeneficiaryCard(
        id=row.id,
        name=row.full_name,
        phone=row.phone,
        address=_address(row),
        notes=row.care_notes,
        consent=row.consent_state,
    )


def _row(task: Task, beneficiary: Beneficiary | None, now: datetime) -> TaskRow:
    return TaskRow(
        id=task.id,
        service=task.service_name,
        state=task.state,
        beneficiary_id=task.beneficiary_id,
        beneficiary=beneficiary.full_name if beneficiary else "",
        phone=beneficiary.phone if beneficiary else "",
        appointment=format_datetime(task.appointment_start),
        appointment_iso=task.appointment_start.isoformat() if task.appointment_start else "",
        waiting=_waited(task.created_at, now),
        contact_overdue=is_contact_overdue(task, now),
    )


def is_contact_overdue(task: Task, now: datetime) -> bool:
    """Whether a task still waits for its first contact past the deadline (24 h after purchase)."""
    return (
        task.state == TaskState.PENDING_APPOINTMENT.value
        and task.first_contact_at is None
        and now - task.created_at > _first_contact_within()
    )


def _first_contact_within() -> timedelta:
    hours = get_settings().first_contact_hours
    return timedelta(hours=hours) if hours > 0 else FIRST_CONTACT_WITHIN


def escalate_overdue_contacts(session: Session, *, now: datetime | None = None) -> int:
    """E-mail the admins about each task not contacted in time, once per task.

    Rows are claimed with ``FOR UPDATE SKIP LOCKED`` (PostgreSQL), so several
    workers never escalate the same task twice.

    Returns:
        How many tasks were escalated.
    """
    now = now or utcnow()
    overdue = session.exec(
        select(Task)
        .where(
            Task.state == TaskState.PENDING_APPOINTMENT.value,
            col(Task.first_contact_at).is_(None),
            col(Task.contact_escalated_at).is_(None),
            col(Task.created_at) < now - _first_contact_within(),
        )
        .order_by(col(Task.created_at))
        .with_for_update(skip_locked=True)
    ).all()
    if not overdue:
        return 0
    admins = session.exec(select(User).where(User.role == Role.ADMIN.value, User.is_active == True)).all()  # noqa: E712
    for task in overdue:
        manager = session.get(User, task.manager_id) if task.manager_id else None
        beneficiary = session.get(Beneficiary, task.beneficiary_id)
        for admin in admins:
            queue_email(
                session,
                to=admin.email,
                subject=tr("visits.mail.overdue.subject", "es", task=task.id),
                body=tr(
                    "visits.mail.overdue.body",
                    "es",
                    task=task.id,
                    service=task.service_name,
                    beneficiary=beneficiary.full_name if beneficiary else "",
                    manager=manager.full_name if manager else "—",
                    created=format_datetime(task.created_at),
                ),
                kind="visit_contact_overdue",
            )
        task.contact_escalated_at = now
        session.add(task)
        record_event(
            session, actor_id=None, action="visits.contact_escalated", target_type="task", target_id=task.id
        )
    return len(overdue)


def _visible_tasks(actor: Viewer):
    query = select(Task)
    if actor.role != Role.ADMIN.value:
        query = query.where(Task.manager_id == actor.id)
    return query


def load_managed_task(session: Session, actor: Viewer, task_id: int, *, lock: bool = False) -> Task:
    """Return a task of the actor's beneficiaries (admins: any).

    Raises:
        NotFound: Missing, or another manager's task.
    """
    query = select(Task).where(Task.id == task_id)
    if lock:
        query = query.with_for_update()
    task = session.exec(query).first()
    if task is None or (actor.role != Role.ADMIN.value and task.manager_id != actor.id):
        raise NotFound()
    return task


def manager_dashboard(
    session: Session,
    *,
    actor: Viewer | None,
    state: str = "",
    beneficiary_id: int | None = None,
    day: date | None = None,
    search: str = "",
    now: datetime | None = None,
) -> Dashboard:
    """Return the manager's dashboard: counts, today, upcoming, waiting and beneficiaries.

    Args:
        session: Open session.
        actor: A manager (or an admin, who sees every task).
        state: Only tasks in this state (the filtered list).
        beneficiary_id: Only this beneficiary's tasks (the filtered list).
        day: Only appointments on this Madrid day (the filtered list).
        search: Words to find in the beneficiary's name or the service.
        now: The current instant (tests).

    Returns:
        The dashboard; the filters apply to ``tasks`` only, the rest is the full picture.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    tasks = list(session.exec(_visible_tasks(actor).order_by(col(Task.created_at), col(Task.id))).all())
    beneficiary_ids = {t.beneficiary_id for t in tasks}
    query = select(Beneficiary).where(Beneficiary.archived_at.is_(None))  # type: ignore[union-attr]
    if actor.role != Role.ADMIN.value:
        query = query.where(Beneficiary.manager_id == actor.id)
    beneficiaries = {b.id: b for b in session.exec(query).all()}
    if beneficiary_ids - beneficiaries.keys():
        extra = select(Beneficiary).where(col(Beneficiary.id).in_(beneficiary_ids - beneficiaries.keys()))
        beneficiaries.update({b.id: b for b in session.exec(extra).all()})
    rows = [_row(t, beneficiaries.get(t.beneficiary_id), now) for t in tasks]
    today = to_madrid(now).date()
    scheduled = sorted(
        (
            r
            for r, t in zip(rows, tasks, strict=True)
            if t.state in ACTIVE_APPOINTMENT_STATES and t.appointment_start
        ),
        key=lambda r: r.appointment_iso,
    )
    by_id = {t.id: t for t in tasks}
    counts = {s.value: 0 for s in TaskState}
    for t in tasks:
        counts[t.state] = counts.get(t.state, 0) + 1
    counts["contact_overdue"] = sum(1 for r in rows if r.contact_overdue)
    return Dashboard(
        counts=counts,
        today=[r for r in scheduled if to_madrid(by_id[r.id].appointment_start).date() == today],
        upcoming=[r for r in scheduled if to_madrid(by_id[r.id].appointment_start).date() > today],
        waiting=[r for r in rows if r.state == TaskState.PENDING_APPOINTMENT.value],
        tasks=_filter(rows, by_id, state=state, beneficiary_id=beneficiary_id, day=day, search=search),
        beneficiaries=[
            _card(b)
            for b in sorted(beneficiaries.values(), key=lambda b: b.full_name)
            if b.archived_at is None
        ],
    )


def _filter(
    rows: list[TaskRow],
    by_id: dict[int, Task],
    *,
    state: str,
    beneficiary_id: int | None,
    day: date | None,
    search: str,
) -> list[TaskRow]:
    words = search.casefold().split()
    result = []
    for row in rows:
        task = by_id[row.id]
        if state and row.state != state:
            continue
        if beneficiary_id and row.beneficiary_id != beneficiary_id:
            continue
        if day and (task.appointment_start is None or to_madrid(task.appointment_start).date() != day):
            continue
        haystack = f"{row.beneficiary} {row.service}".casefold()
        if any(word not in haystack for word in words):
            continue
        result.append(row)
    return result


def get_manager_task(
    session: Session, *, actor: Viewer | None, task_id: int, now: datetime | None = None
) -> ManagerTaskDetail:
    """Return one task with its contact log, the manager's other appointments and the report.

    Raises:
        NotFound: Not one of the actor's tasks.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id)
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    contacts = session.exec(
        select(ContactLogEntry)
        .where(ContactLogEntry.task_id == task.id)
        .order_by(col(ContactLogEntry.id).desc())
    ).all()
    others = session.exec(
        select(Task)
        .where(
            Task.manager_id == task.manager_id,
            Task.id != task.id,
            col(Task.state).in_(ACTIVE_APPOINTMENT_STATES),
            col(Task.appointment_end) > now,
        )
        .order_by(col(Task.appointment_start))
    ).all()
    report = session.exec(select(VisitReport).where(VisitReport.task_id == task.id)).first()
    return ManagerTaskDetail(
        id=task.id,
        service=task.service_name,
        state=task.state,
        visit_code=task.visit_code,
        notes=task.notes,
        appointment=format_datetime(task.appointment_start),
        deadline=format_datetime(cancellation_deadline(task.appointment_start))
        if task.appointment_start
        else "",
        checked_in=format_datetime(task.checked_in_at),
        checked_out=format_datetime(task.checked_out_at),
        failed_code_attempts=task.failed_code_attempts,
        consent_pending=beneficiary is not None and beneficiary.consent_state != ConsentState.SIGNED.value,
        beneficiary=_card(beneficiary),
        contacts=[
            {"when": format_datetime(c.created_at), "channel": c.channel, "note": c.note} for c in contacts
        ],
        other_appointments=[
            {
                "start": format_datetime(o.appointment_start),
                "end": to_madrid(o.appointment_end).strftime("%H:%M"),
                "service": o.service_name,
            }
            for o in others
        ],
        report=report_dict(report),
    )


def report_dict(report: VisitReport | None) -> dict | None:
    """Return a report as plain values for a page, or None."""
    if report is None:
        return None
    return {
        "work_done": report.work_done,
        "observations": report.observations,
        "next_steps": report.next_steps,
        "created": format_datetime(report.created_at),
    }


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
    duration_minutes: int = 60,
    now: datetime | None = None,
) -> datetime:
    """Agree (or move) a task's appointment, typed as a Madrid date and time.

    The client is e-mailed the date, the manager and the visit code.

    Returns:
        The aware UTC start.

    Raises:
        NotFound: Not one of the actor's tasks.
        ValidationFailed: A malformed, skipped or past time, or a bad duration.
        DomainError: ``visits.overlap`` when it clashes with another of the manager's
            appointments; ``visits.bad_transition`` when the task can't take one.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id, lock=True)
    ensure_move(task.state, TaskState.SCHEDULED.value)
    start = parse_madrid_local(day, time_of_day)
    if start <= now:
        raise ValidationFailed({"appointment_day": "visits.in_the_past"})
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
    _mail_client_appointment(session, task)
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


def _mail_client_appointment(session: Session, task: Task) -> None:
    client = session.get(User, task.client_id)
    manager = session.get(User, task.manager_id) if task.manager_id else None
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    lang = client.language
    queue_email(
        session,
        to=client.email,
        subject=tr("visits.mail.scheduled.subject", lang, service=task.service_name),
        body=tr(
            "visits.mail.scheduled.body",
            lang,
            name=client.full_name,
            service=task.service_name,
            beneficiary=beneficiary.full_name if beneficiary else "",
            date=format_datetime(task.appointment_start),
            manager=manager.full_name if manager else "",
            code=task.visit_code,
            deadline=format_datetime(cancellation_deadline(task.appointment_start)),
        ),
        kind="visit_scheduled",
    )


def check_in(
    session: Session, *, actor: Viewer | None, task_id: int, code: str, now: datetime | None = None
) -> None:
    """Start the visit once the beneficiary confirms the visit code.

    A wrong code is counted (the count survives the caller's rollback); after
    too many the task must be unlocked by the office.

    Raises:
        NotFound: Not one of the actor's tasks.
        DomainError: ``visits.already_checked_in``, ``visits.not_scheduled``,
            ``visits.code_locked`` or ``visits.wrong_code``.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id, lock=True)
    if task.checked_in_at is not None:
        raise DomainError("visits.already_checked_in")
    if task.state != TaskState.SCHEDULED.value:
        raise DomainError("visits.not_scheduled")
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
        queue_email(
            session,
            to=client.email,
            subject=tr("visits.mail.report.subject", client.language, service=task.service_name),
            body=tr(
                "visits.mail.report.body",
                client.language,
                name=client.full_name,
                service=task.service_name,
                link=_tasks_link(),
            ),
            kind="visit_report",
        )


def _tasks_link() -> str:
    return get_settings().public_url.rstrip("/") + routes.ACCOUNT_TASKS
