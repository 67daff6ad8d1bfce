"""What a circle member reads about a beneficiary: the project's essentials, visits and reports.

Read-only, and only what the family needs to follow the care: never documents, care notes,
consent records, the client's orders or invoices. The client, the current manager and admins
read the same page; anyone else gets ``NotFound``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from care_portal.domain.formatting import format_datetime
from care_portal.models import Task, User, VisitReport
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import CirclePermission, load_readable
from care_portal.services.paging import Page, fetch_page
from care_portal.services.task_names import english_service_names, service_name
from care_portal.services.visits import report_dict

VISITS_PER_PAGE = 10


@dataclass(frozen=True)
class SharedVisit:
    """One visit as the family reads it."""

    id: int
    service: str
    state: str
    appointment: str
    report: dict | None


@dataclass(frozen=True)
class SharedProject:
    """A beneficiary's page for its circle."""

    beneficiary_id: int
    full_name: str
    town: str
    manager_name: str
    manager_phone: str
    is_client: bool
    can_message: bool
    can_buy: bool
    visits: Page[SharedVisit]


def shared_project(
    session: Session, *, actor: Viewer | None, beneficiary_id: int, page: int = 1
) -> SharedProject:
    """Return one page of a beneficiary's visits (latest first) with their reports.

    Six statements whatever the number of visits: the beneficiary, the membership, the
    manager, the count, the page and the page's reports (seven for an English reader: the
    services' English names).

    Raises:
        NotFound: Not a reader of this beneficiary (a removed member, another client…).
    """
    actor = ensure_role(actor)
    reader = load_readable(session, actor, beneficiary_id)
    row = reader.beneficiary
    manager = session.get(User, row.manager_id) if row.manager_id else None
    query = (
        select(Task)
        .where(Task.beneficiary_id == row.id)
        .order_by(
            col(Task.appointment_start).is_(None),
            col(Task.appointment_start).desc(),
            col(Task.id).desc(),
        )
    )
    tasks, total, number = fetch_page(session, query, page, size=VISITS_PER_PAGE)
    reports = {}
    if tasks:
        reports = {
            r.task_id: r
            for r in session.exec(
                select(VisitReport).where(col(VisitReport.task_id).in_([t.id for t in tasks]))
            ).all()
        }
    english = english_service_names(session, [t.order_line_id for t in tasks])
    visits = [
        SharedVisit(
            id=t.id,
            service=service_name(t, english),
            state=t.state,
            appointment=format_datetime(t.appointment_start),
            report=report_dict(reports.get(t.id)),
        )
        for t in tasks
    ]
    return SharedProject(
        beneficiary_id=row.id,
        full_name=row.full_name,
        town=row.town,
        manager_name=manager.full_name if manager else "",
        manager_phone=manager.phone if manager else "",
        is_client=reader.is_client,
        can_message=reader.may(CirclePermission.MESSAGE),
        can_buy=reader.may(CirclePermission.BUY),
        visits=Page(visits, number=number, total=total, size=VISITS_PER_PAGE),
    )
