"""The dashboard's waiting visits, one card per beneficiary and series, and who is responsible.

«Dolores Martín Sanz — 8 visitas por programar»: a bono or a plan's visits wait
together, so the manager sees one card (with the oldest wait) instead of eight,
and can schedule them as a series. Grouped, counted and paged in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import case, func, or_
from sqlmodel import Session, col, select

from care_portal.domain.relative_time import since_phrase
from care_portal.models import Role
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task, TaskState
from care_portal.services.authz import Viewer
from care_portal.services.paging import Page, fetch_page
from care_portal.services.responsibility import OPEN_STATES
from care_portal.services.visits.escalation import _first_contact_within
from care_portal.services.visits.series import series_column

GROUP_PAGE_SIZE = 10


@dataclass(frozen=True)
class WaitingGroup:
    """The visits of one series of one beneficiary still waiting for a date."""

    first_task_id: int
    beneficiary_id: int
    beneficiary: str
    phone: str
    service: str
    count: int
    waiting_es: str
    waiting_en: str
    contact_overdue: bool


def responsible_for(actor: Viewer):
    """The SQL condition of the visits a manager reaches now (``services.responsibility``'s rule).

    Open visits of the beneficiaries they look after now; finished visits they did or that belong
    to those beneficiaries. Admins: every visit (no condition is added for them by callers).
    """
    if actor.role == Role.ADMIN.value:
        return Task.id == Task.id
    current = select(Beneficiary.id).where(Beneficiary.manager_id == actor.id)
    return or_(
        col(Task.beneficiary_id).in_(current),
        (Task.manager_id == actor.id) & col(Task.state).not_in(OPEN_STATES),
    )


def waiting_groups(session: Session, mine: list, page: int, now: datetime) -> Page:
    """Return one page of waiting groups, the longest waiting first (two statements).

    Args:
        session: Open session.
        mine: The conditions of the visits the viewer reaches.
        page: Which page of groups.
        now: The current instant (for «hace 3 días» and the first-contact deadline).
    """
    series = series_column()
    overdue = func.sum(
        case(
            (
                col(Task.first_contact_at).is_(None) & (col(Task.created_at) < now - _first_contact_within()),
                1,
            ),
            else_=0,
        )
    )
    query = (
        select(
            func.min(Task.id),
            Task.beneficiary_id,
            Beneficiary.full_name,
            Beneficiary.phone,
            func.min(Task.service_name),
            func.count(),
            func.min(Task.created_at),
            overdue,
        )
        .join(Beneficiary, Beneficiary.id == Task.beneficiary_id)
        .where(*mine, Task.state == TaskState.PENDING_APPOINTMENT.value)
        .group_by(Task.beneficiary_id, series, Beneficiary.full_name, Beneficiary.phone)
        .order_by(func.min(Task.created_at), func.min(Task.id))
    )
    rows, total, number = fetch_page(session, query, page, GROUP_PAGE_SIZE)
    groups = []
    for first_id, beneficiary_id, name, phone, service, count, oldest, late in rows:
        es, en = since_phrase(_aware(oldest), now)
        groups.append(WaitingGroup(first_id, beneficiary_id, name, phone, service, count, es, en, bool(late)))
    return Page(groups, number=number, total=total, size=GROUP_PAGE_SIZE)


def _aware(instant: datetime) -> datetime:
    """SQLite hands back aggregates as naive (or text) values; they are UTC."""
    if isinstance(instant, str):
        instant = datetime.fromisoformat(instant)
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)
