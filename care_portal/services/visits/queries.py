"""What managers read: the dashboard (tasks, beneficiaries, agenda) and one task in detail."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from care_portal.domain.formatting import format_datetime, to_madrid
from care_portal.domain.relative_time import since_phrase
from care_portal.domain.visits import cancellation_deadline
from care_portal.models import AccessSubject, Role
from care_portal.models.care import Beneficiary, ConsentState
from care_portal.models.types import utcnow
from care_portal.models.visits import ContactLogEntry, Task, VisitReport
from care_portal.services.access_log import record_access
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.task_names import english_service_names, service_name
from care_portal.services.visits.access import ACTIVE_APPOINTMENT_STATES, load_managed_task
from care_portal.services.visits.escalation import is_contact_overdue
from care_portal.services.visits.family_notes import family_notes, week_facts


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
    waiting_es: str = ""
    waiting_en: str = ""
    sequence_number: int | None = None  # «visita N de M» of a pack or a plan's month
    sequence_total: int | None = None


@dataclass(frozen=True)
class BeneficiaryCard:
    """A beneficiary the manager looks after, with what they need to call and visit."""

    id: int
    name: str
    phone: str
    address: str
    notes: str
    consent: str
    notes_hidden: bool = False


@dataclass(frozen=True)
class Dashboard:
    """Everything the manager's dashboard shows."""

    counts: dict[str, int]
    today: list[TaskRow]
    upcoming: list[TaskRow]
    waiting: list  # WaitingGroup rows, one page of them (a ``Page``)
    tasks: list[TaskRow]
    beneficiaries: list[BeneficiaryCard]  # one page of them (a ``Page``)
    beneficiary_options: list[dict[str, str]] = field(default_factory=list)  # id and name, for the filter


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
    family: dict = field(default_factory=dict)
    week: dict = field(default_factory=dict)


def _waited(created: datetime, now: datetime) -> str:
    hours = max(0, int((now - created).total_seconds() // 3600))
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if days else f"{hours} h"


def _address(row: Beneficiary) -> str:
    return f"{row.street}, {row.postal_code} {row.town}"


def _card(row: Beneficiary) -> BeneficiaryCard:
    """The manager's card: health notes only while consent for health data is in force."""
    return BeneficiaryCard(
        id=row.id,
        name=row.full_name,
        phone=row.phone,
        address=_address(row),
        notes=row.care_notes if row.health_consent else "",
        consent=row.consent_state,
        notes_hidden=bool(row.care_notes) and not row.health_consent,
    )


def _row(
    task: Task, beneficiary: Beneficiary | None, now: datetime, english: dict[int, str] | None = None
) -> TaskRow:
    """A task in a manager's list (``english``: the services' English names, for an English reader)."""
    since = since_phrase(task.created_at, now)
    return TaskRow(
        id=task.id,
        service=service_name(task, english or {}),
        state=task.state,
        beneficiary_id=task.beneficiary_id,
        beneficiary=beneficiary.full_name if beneficiary else "",
        phone=beneficiary.phone if beneficiary else "",
        appointment=format_datetime(task.appointment_start),
        appointment_iso=task.appointment_start.isoformat() if task.appointment_start else "",
        waiting=_waited(task.created_at, now),
        contact_overdue=is_contact_overdue(task, now),
        waiting_es=since[0],
        waiting_en=since[1],
        sequence_number=task.sequence_number,
        sequence_total=task.sequence_total,
    )


def get_manager_task(
    session: Session, *, actor: Viewer | None, task_id: int, now: datetime | None = None
) -> ManagerTaskDetail:
    """Return one task with its contact log, the manager's other appointments and the report.

    Raises:
        NotFound: Not one of the actor's tasks.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id, write=False)
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
    english = english_service_names(session, [task.order_line_id, *(o.order_line_id for o in others)])
    card = _card(beneficiary)
    if card.notes:
        record_access(session, viewer=actor, beneficiary_id=card.id, subject=AccessSubject.CARE_NOTES)
    return ManagerTaskDetail(
        id=task.id,
        service=service_name(task, english),
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
        beneficiary=card,
        contacts=[
            {"when": format_datetime(c.created_at), "channel": c.channel, "note": c.note} for c in contacts
        ],
        other_appointments=[
            {
                "start": format_datetime(o.appointment_start),
                "end": to_madrid(o.appointment_end).strftime("%H:%M"),
                "service": service_name(o, english),
            }
            for o in others
        ],
        report=report_dict(report),
        family=family_notes(session, task, beneficiary),
        week=week_facts(session, task),
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
