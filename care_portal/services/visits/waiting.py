"""The dashboard's waiting visits, one card per beneficiary and series, and who is responsible.

«Dolores Martín Sanz — 8 visitas por programar»: a bono or a plan's visits wait
together, so the manager sees one card (with the oldest wait) instead of eight,
and can schedule them as a series. Grouped, counted and paged in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import Integer, bindparam, case, func, or_
from sqlmodel import Session, col, select

from care_portal.domain.relative_time import since_phrase
from care_portal.models import Role
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task, TaskState
from care_portal.services.authz import Viewer
from care_portal.services.paging import Page, page_number
from care_portal.services.responsibility import OPEN_STATES
from care_portal.services.visits.dashboard_scope import open_conditions
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


def waiting_groups(session: Session, scope, page: int, now: datetime) -> tuple[Page, int]:
    """Return one page of waiting groups, the longest waiting first, and the overdue visits in all.

    One statement: the waiting visits are grouped and paged on ``tasks`` alone (a covering
    partial index, ``ix_tasks_waiting``, serves it), the total of groups and of visits past the
    first-contact deadline come as window sums, and only the page's ten groups are joined to
    their beneficiaries. A page past the end (groups scheduled meanwhile) costs one more.
    The statements are built once per kind of scope, its values and the instant as parameters.

    Args:
        session: Open session.
        scope: The viewer's ``DashboardScope`` (the open visits they reach).
        page: Which page of groups.
        now: The current instant (for «hace 3 días» and the first-contact deadline).

    Returns:
        ``(groups, overdue)``: the page of groups and how many waiting visits are past the deadline.
    """
    number = page_number(page)
    params = {**scope.params, "late_before": now - _first_contact_within()}
    rows = _waiting_rows(session, scope.kind, params, number)
    if not rows and number > 1:
        total = session.exec(_group_count(scope.kind), params=params).one()
        number = max(1, -(-total // GROUP_PAGE_SIZE))
        rows = _waiting_rows(session, scope.kind, params, number) if total else []
    total, overdue = (rows[0][-2], int(rows[0][-1] or 0)) if rows else (0, 0)
    groups = []
    for first_id, beneficiary_id, service, count, oldest, late, name, phone, _, _ in rows:
        es, en = since_phrase(_aware(oldest), now)
        groups.append(WaitingGroup(first_id, beneficiary_id, name, phone, service, count, es, en, bool(late)))
    return Page(groups, number=number, total=total, size=GROUP_PAGE_SIZE), overdue


def _grouped(kind: tuple):
    """The waiting visits grouped by beneficiary and series, on ``tasks`` alone (no join)."""
    late = col(Task.first_contact_at).is_(None) & (col(Task.created_at) < bindparam("late_before"))
    return (
        select(
            func.min(Task.id).label("first_id"),
            col(Task.beneficiary_id).label("beneficiary_id"),
            func.min(Task.service_name).label("service"),
            func.count().label("visits"),
            func.min(Task.created_at).label("oldest"),
            func.sum(case((late, 1), else_=0)).label("late"),
        )
        .where(*open_conditions(kind), Task.state == TaskState.PENDING_APPOINTMENT.value)
        .group_by(Task.beneficiary_id, series_column())
    )


@cache
def _group_count(kind: tuple):
    return select(func.count()).select_from(_grouped(kind).subquery())


@cache
def _page_of_groups(kind: tuple):
    """One page of groups (``limit``/``offset`` parameters) with both window sums, then named."""
    grouped = _grouped(kind).subquery()
    page = (
        select(
            grouped,
            func.count().over().label("groups"),
            func.sum(grouped.c.late).over().label("overdue"),
        )
        .order_by(grouped.c.oldest, grouped.c.first_id)
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
        .subquery()
    )
    return (
        select(
            page.c.first_id,
            page.c.beneficiary_id,
            page.c.service,
            page.c.visits,
            page.c.oldest,
            page.c.late,
            Beneficiary.full_name,
            Beneficiary.phone,
            page.c.groups,
            page.c.overdue,
        )
        .join(Beneficiary, Beneficiary.id == page.c.beneficiary_id)
        .order_by(page.c.oldest, page.c.first_id)
    )


def _waiting_rows(session: Session, kind: tuple, params: dict, number: int) -> list:
    window = {"limit": GROUP_PAGE_SIZE, "offset": (number - 1) * GROUP_PAGE_SIZE}
    return list(session.exec(_page_of_groups(kind), params={**params, **window}).all())


def _aware(instant: datetime) -> datetime:
    """SQLite hands back aggregates as naive (or text) values; they are UTC."""
    if isinstance(instant, str):
        instant = datetime.fromisoformat(instant)
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)
