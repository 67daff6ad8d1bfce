"""The client's «Tareas» list and the suggestions form's visits: one page of tasks as the client sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from care_portal.domain.formatting import format_datetime, format_euros
from care_portal.domain.visits import cancellation_deadline, is_within_free_cancellation
from care_portal.models import Role, User
from care_portal.models.billing import Invoice
from care_portal.models.care import Beneficiary
from care_portal.models.types import utcnow
from care_portal.models.visits import (
    Cancellation,
    ChangeRequest,
    ChangeRequestStatus,
    Task,
    TaskState,
    VisitReport,
)
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import blocked_beneficiary_ids
from care_portal.services.paging import Page, fetch_page
from care_portal.services.task_names import english_service_names
from care_portal.services.visits import report_dict


@dataclass(frozen=True)
class ClientTask:
    """One task as its client sees it in "Tareas"."""

    id: int
    service: str
    beneficiary: str
    state: str
    appointment: str
    manager: str
    visit_code: str
    deadline: str
    free_cancellation: bool
    report: dict | None
    cancellation: dict | None
    open_request: str
    sequence_number: int | None = None  # «visita N de M» of a pack or a plan's month
    sequence_total: int | None = None
    preferred: str = ""  # the date and time a plan's visit was asked for (until it is scheduled)


def list_client_tasks(
    session: Session, *, actor: Viewer | None, now: datetime | None = None, page: int = 1
) -> Page[ClientTask]:
    """Return one page of the actor's tasks, newest purchase first, with deadlines in Madrid time.

    Seven statements whatever the number of tasks: the count, the page, then
    beneficiaries, managers, reports, cancellations (with their rectifying
    invoice) and open requests of the page's tasks, each in one ``IN (…)``.
    An English reader adds one: the services' English names.
    """
    actor = ensure_role(actor, Role.CLIENT)
    now = now or utcnow()
    query = (
        select(Task)
        .where(Task.client_id == actor.id, col(Task.beneficiary_id).not_in(blocked_beneficiary_ids()))
        .order_by(col(Task.created_at).desc(), col(Task.id))
    )
    tasks, total, number = fetch_page(session, query, page)
    related = _Related.load(session, tasks)
    return Page([_client_task(task, related, now) for task in tasks], number=number, total=total)


def list_changeable_tasks(session: Session, *, actor: Viewer | None, limit: int = 200) -> list[ClientTask]:
    """Return the actor's visits that can still change or be cancelled (for the suggestions form).

    Open visits only (waiting for an appointment or scheduled), soonest
    appointment first, at most ``limit``; the same seven statements as a page of "Tareas".
    """
    actor = ensure_role(actor, Role.CLIENT)
    open_states = (TaskState.PENDING_APPOINTMENT.value, TaskState.SCHEDULED.value)
    tasks = session.exec(
        select(Task)
        .where(
            Task.client_id == actor.id,
            col(Task.state).in_(open_states),
            col(Task.beneficiary_id).not_in(blocked_beneficiary_ids()),
        )
        .order_by(col(Task.appointment_start).is_(None), col(Task.appointment_start), col(Task.id))
        .limit(limit)
    ).all()
    related = _Related.load(session, list(tasks))
    now = utcnow()
    return [_client_task(task, related, now) for task in tasks]


@dataclass(frozen=True)
class _Related:
    """What the rows of one page of tasks show besides the task itself, read in batches."""

    beneficiaries: dict[int, str]
    managers: dict[int, str]
    reports: dict[int, VisitReport]
    cancellations: dict[int, tuple[Cancellation, str]]
    open_requests: dict[int, str]
    english_names: dict[int, str]  # by order line; filled only for an English reader

    @classmethod
    def load(cls, session: Session, tasks: list[Task]) -> _Related:
        ids = [task.id for task in tasks]
        if not ids:
            return cls({}, {}, {}, {}, {}, {})
        beneficiary_ids = {task.beneficiary_id for task in tasks}
        manager_ids = {task.manager_id for task in tasks if task.manager_id}
        beneficiaries = session.exec(
            select(Beneficiary.id, Beneficiary.full_name).where(col(Beneficiary.id).in_(beneficiary_ids))
        ).all()
        managers = (
            session.exec(select(User.id, User.full_name).where(col(User.id).in_(manager_ids))).all()
            if manager_ids
            else []
        )
        reports = session.exec(select(VisitReport).where(col(VisitReport.task_id).in_(ids))).all()
        cancellations = session.exec(
            select(Cancellation, Invoice.number)
            .outerjoin(Invoice, Invoice.id == Cancellation.rectifying_invoice_id)
            .where(col(Cancellation.task_id).in_(ids))
        ).all()
        requests = session.exec(
            select(ChangeRequest.task_id, ChangeRequest.kind)
            .where(
                col(ChangeRequest.task_id).in_(ids), ChangeRequest.status == ChangeRequestStatus.OPEN.value
            )
            .order_by(col(ChangeRequest.id).desc())
        ).all()
        return cls(
            beneficiaries=dict(beneficiaries),
            managers=dict(managers),
            reports={report.task_id: report for report in reports},
            cancellations={c.task_id: (c, number or "") for c, number in cancellations},
            open_requests={task_id: kind for task_id, kind in requests},
            english_names=english_service_names(session, [task.order_line_id for task in tasks]),
        )


def _client_task(task: Task, related: _Related, now: datetime) -> ClientTask:
    cancellation, rectifying_number = related.cancellations.get(task.id, (None, ""))
    open_states = (TaskState.PENDING_APPOINTMENT.value, TaskState.SCHEDULED.value)
    return ClientTask(
        id=task.id,
        service=related.english_names.get(task.order_line_id, task.service_name),
        beneficiary=related.beneficiaries.get(task.beneficiary_id, ""),
        state=task.state,
        appointment=format_datetime(task.appointment_start),
        manager=related.managers.get(task.manager_id, "") if task.manager_id else "",
        visit_code=task.visit_code,
        deadline=format_datetime(cancellation_deadline(task.appointment_start))
        if task.appointment_start
        else "",
        free_cancellation=task.state in open_states
        and (task.appointment_start is None or is_within_free_cancellation(task.appointment_start, now)),
        report=report_dict(related.reports.get(task.id)),
        cancellation={
            "when": format_datetime(cancellation.created_at),
            "refund": format_euros(cancellation.refund_cents),
            "invoice": rectifying_number,
            "refund_status": cancellation.refund_status,
        }
        if cancellation
        else None,
        open_request=related.open_requests.get(task.id, ""),
        sequence_number=task.sequence_number,
        sequence_total=task.sequence_total,
        preferred=format_datetime(task.preferred_start),
    )
