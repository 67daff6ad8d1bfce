"""The client's «Tareas» list and the suggestions form's visits, one page in one SQL statement.

The page's tasks are cut first (filters, order, ``LIMIT``; their number with
``count(*) OVER ()``), and only those rows get what a card shows, each by key:
the relative's and the manager's names, the report with its structured parts, photos
and the reader's own stars, the cancellation and its rectifying invoice, the
oldest open request, and for an English reader the service's English name. The
rows come back as plain tuples (no ORM objects), and nothing of the rows not on
the page is read or formatted. A page past the end costs two more statements
(the count, then the last page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import Integer, Select, bindparam, func, null
from sqlmodel import Session, col, select

from care_portal.domain.formatting import current_language, format_appointment, format_datetime, format_euros
from care_portal.domain.visits import cancellation_deadline, is_within_free_cancellation
from care_portal.models import Role, User
from care_portal.models.billing import Invoice
from care_portal.models.care import Beneficiary
from care_portal.models.shop import CareService, OrderLine
from care_portal.models.types import utcnow
from care_portal.models.visit_feedback import ReportParts, ReportPhoto, VisitRating
from care_portal.models.visits import (
    Cancellation,
    ChangeRequest,
    ChangeRequestStatus,
    Task,
    TaskState,
    VisitReport,
)
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import blocked_beneficiary_ids, readable_beneficiary_ids_for
from care_portal.services.paging import PAGE_SIZE, Page, page_number
from care_portal.services.report_parts import default_parts
from care_portal.services.report_photos import MAX_PHOTOS
from care_portal.services.report_views import ReportExtras

OPEN_STATES = (TaskState.PENDING_APPOINTMENT.value, TaskState.SCHEDULED.value)
PART_NAMES = ("mood", "meals", "hydration", "mobility", "medication", "concern", "concern_severity")


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
    # A report's parts, photos and the reader's stars: only for a report the reader's family may read.
    extras: ReportExtras | None = None


def list_client_tasks(
    session: Session, *, actor: Viewer | None, now: datetime | None = None, page: int = 1
) -> Page[ClientTask]:
    """Return one page of the actor's tasks, newest purchase first, with deadlines in Madrid time.

    One statement whatever the number of tasks (three for a page past the end).
    """
    actor = ensure_role(actor, Role.CLIENT)
    number = page_number(page)
    rows = _read(session, actor, changeable=False, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    total = rows[0].total if rows else _count(session, actor)
    last = max(1, -(-total // PAGE_SIZE))
    if not rows and number > last:  # past the end: the last page
        number = last
        rows = _read(session, actor, changeable=False, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    now = now or utcnow()
    english = current_language() == "en"
    return Page([_client_task(row, now, english) for row in rows], number=number, total=total)


def list_changeable_tasks(session: Session, *, actor: Viewer | None, limit: int = 200) -> list[ClientTask]:
    """Return the actor's visits that can still change or be cancelled (for the suggestions form).

    Open visits only (waiting for an appointment or scheduled), soonest
    appointment first, at most ``limit``; one statement, as a page of "Tareas".
    """
    actor = ensure_role(actor, Role.CLIENT)
    rows = _read(session, actor, changeable=True, limit=limit, offset=0)
    now = utcnow()
    english = current_language() == "en"
    return [_client_task(row, now, english) for row in rows]


def _read(session: Session, actor: Viewer, *, changeable: bool, limit: int, offset: int) -> list:
    """Run the one statement of a page of the actor's tasks (or of their changeable visits)."""
    statement = _statement(actor.role, current_language() == "en", changeable)
    params = {"actor_id": actor.id, "limit": limit, "offset": offset}
    return list(session.connection().execute(statement, params).all())


def _count(session: Session, actor: Viewer) -> int:
    return session.exec(select(func.count()).select_from(_own_tasks(actor.id).subquery())).one()


# Built once per kind of reader and list, with the reader, the limit and the offset as parameters:
# building this select costs more CPU (~4 ms) than running it.
ACTOR = bindparam("actor_id", type_=Integer)


def _own_tasks(actor_id):
    """The actor's tasks (as bare ids), blocked relatives' left out."""
    return select(Task.id).where(
        Task.client_id == actor_id, col(Task.beneficiary_id).not_in(blocked_beneficiary_ids())
    )


TASK_COLUMNS = (
    "id",
    "order_line_id",
    "beneficiary_id",
    "manager_id",
    "service_name",
    "state",
    "visit_code",
    "created_at",
    "appointment_start",
    "sequence_number",
    "sequence_total",
    "preferred_start",
)


@cache
def _statement(role: str, english: bool, changeable: bool) -> Select:
    """The page's tasks cut first (``count(*) OVER ()`` counts them all), then joined to what cards show.

    Args:
        role: The reader's role (which relatives' reports they may read).
        english: Whether to read the services' English names.
        changeable: The suggestions form's open visits, soonest first, instead of «Tareas».
    """
    tasks = _own_tasks(ACTOR)
    if changeable:
        tasks = tasks.where(col(Task.state).in_(OPEN_STATES))

    def order(table) -> list:
        if changeable:
            return [table.c.appointment_start.is_(None), table.c.appointment_start, table.c.id]
        return [table.c.created_at.desc(), table.c.id]

    cut = (
        tasks.with_only_columns(
            *(getattr(Task, name) for name in TASK_COLUMNS), func.count().over().label("total")
        )
        .order_by(*order(Task.__table__))
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
        .subquery("page")
    )

    def one(column, *where):
        """The value of ``column`` in the one row ``where`` finds for a task of the page (or NULL).

        A scalar subquery rather than a join: each join multiplies the orders PostgreSQL
        weighs when it plans the statement (with seven joins planning cost ~12 ms, ten
        times the execution; with three, ~1 ms).
        """
        return select(column).where(*where).limit(1).scalar_subquery()

    photos = [
        select(ReportPhoto.id)
        .where(ReportPhoto.task_id == cut.c.id)
        .order_by(col(ReportPhoto.id))
        .offset(slot)
        .limit(1)
        .scalar_subquery()
        .label(f"photo_{slot + 1}")
        for slot in range(MAX_PHOTOS)
    ]
    oldest_open_request = (
        select(ChangeRequest.kind)
        .where(ChangeRequest.task_id == cut.c.id, ChangeRequest.status == ChangeRequestStatus.OPEN.value)
        .order_by(col(ChangeRequest.id))
        .limit(1)
        .scalar_subquery()
    )
    # The reader's family may read this visit's relative (checked on that one row, by its key).
    readable = (
        readable_beneficiary_ids_for(role, ACTOR)
        .where(Beneficiary.id == cut.c.beneficiary_id)
        .correlate(cut)
        .exists()
    )
    english_name = (
        one(CareService.name_en, OrderLine.id == cut.c.order_line_id, CareService.id == OrderLine.service_id)
        if english
        else null()
    )
    query = (
        select(
            cut,
            one(Beneficiary.full_name, Beneficiary.id == cut.c.beneficiary_id).label("beneficiary"),
            one(User.full_name, User.id == cut.c.manager_id).label("manager"),
            col(VisitReport.id).label("report_id"),
            VisitReport.work_done,
            VisitReport.observations,
            VisitReport.next_steps,
            col(VisitReport.created_at).label("report_created"),
            col(Cancellation.id).label("cancellation_id"),
            col(Cancellation.created_at).label("cancelled_at"),
            Cancellation.refund_cents,
            Cancellation.refund_status,
            one(Invoice.number, Invoice.id == Cancellation.rectifying_invoice_id).label("rectifying_number"),
            oldest_open_request.label("open_request"),
            readable.label("readable"),
            *(col(getattr(ReportParts, name)).label(f"parts_{name}") for name in PART_NAMES),
            col(ReportParts.id).label("parts_id"),
            one(VisitRating.stars, VisitRating.task_id == cut.c.id, VisitRating.rater_id == ACTOR).label(
                "my_stars"
            ),
            *photos,
            english_name.label("name_en"),
        )
        .select_from(cut)
        .outerjoin(VisitReport, VisitReport.task_id == cut.c.id)
        .outerjoin(Cancellation, Cancellation.task_id == cut.c.id)
        .outerjoin(ReportParts, ReportParts.task_id == cut.c.id)
        .order_by(*order(cut))
    )
    return query


def _client_task(row, now: datetime, english: bool) -> ClientTask:
    start = row.appointment_start
    return ClientTask(
        id=row.id,
        service=(row.name_en or row.service_name) if english else row.service_name,
        beneficiary=row.beneficiary or "",
        state=row.state,
        appointment=format_appointment(start),
        manager=row.manager or "",
        visit_code=row.visit_code,
        deadline=format_appointment(cancellation_deadline(start)) if start else "",
        free_cancellation=row.state in OPEN_STATES
        and (start is None or is_within_free_cancellation(start, now)),
        report={
            "work_done": row.work_done,
            "observations": row.observations,
            "next_steps": row.next_steps,
            "created": format_datetime(row.report_created),
        }
        if row.report_id is not None
        else None,
        cancellation={
            "when": format_datetime(row.cancelled_at),
            "refund": format_euros(row.refund_cents),
            "invoice": row.rectifying_number or "",
            "refund_status": row.refund_status,
        }
        if row.cancellation_id is not None
        else None,
        open_request=row.open_request or "",
        sequence_number=row.sequence_number,
        sequence_total=row.sequence_total,
        preferred=format_datetime(row.preferred_start),
        extras=_extras(row) if row.report_id is not None and row.readable else None,
    )


def _extras(row) -> ReportExtras:
    parts = (
        {name: getattr(row, f"parts_{name}") for name in PART_NAMES}
        if row.parts_id is not None
        else default_parts()
    )
    photo_ids = [getattr(row, f"photo_{slot}") for slot in range(1, MAX_PHOTOS + 1)]
    return ReportExtras(
        parts=parts, photo_ids=[i for i in photo_ids if i is not None], my_stars=row.my_stars or 0
    )
