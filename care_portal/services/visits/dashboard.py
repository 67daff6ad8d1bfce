"""The manager's dashboard, bounded: counts in SQL, short lists, the full list filtered and paged in SQL.

Whatever the length of the history, the dashboard costs a fixed number of
statements and carries at most ``TODAY_LIMIT + UPCOMING_LIMIT + GROUP_PAGE +
PAGE_SIZE`` rows. Waiting visits come grouped by beneficiary and series
(«Dolores Martín Sanz — 8 visitas por programar»), a page of groups at a time.
Each visit is listed once: the full list shows the finished history unless
a filter or search words are given. An admin's full list is a search: it
stays empty until a filter or search words are given, never "every task ever".

Which visits a manager sees follows ``services.responsibility``: the open
visits of the beneficiaries they look after *now*, and the finished visits
they did or that belong to those beneficiaries.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from sqlalchemy import Integer, bindparam, func, or_
from sqlmodel import Session, col, select

from care_portal.domain.formatting import MADRID, to_madrid
from care_portal.models import AccessSubject, Role
from care_portal.models.care import Beneficiary
from care_portal.models.types import utcnow
from care_portal.models.visits import Task, TaskState
from care_portal.services.access_log import record_many
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.paging import PAGE_SIZE, Page, page_number
from care_portal.services.responsibility import OPEN_STATES
from care_portal.services.task_names import english_service_names
from care_portal.services.visits.access import ACTIVE_APPOINTMENT_STATES
from care_portal.services.visits.dashboard_scope import (
    DashboardScope,
    all_conditions,
    dashboard_scope,
    open_conditions,
)
from care_portal.services.visits.queries import Dashboard, _card, _row
from care_portal.services.visits.waiting import waiting_groups

TODAY_LIMIT = 50
UPCOMING_LIMIT = 20
BENEFICIARY_PAGE = 10  # cards of «Tus beneficiarios» a page: a few phone screens at most
MAX_SEARCH_WORDS = 5


def manager_dashboard(
    session: Session,
    *,
    actor: Viewer | None,
    state: str = "",
    beneficiary_id: int | None = None,
    day: date | None = None,
    search: str = "",
    page: int = 1,
    group_page: int = 1,
    beneficiary_page: int = 1,
    now: datetime | None = None,
) -> Dashboard:
    """Return the dashboard: counts, today, upcoming, waiting (oldest first) and one page of tasks.

    Args:
        session: Open session.
        actor: A manager (their own tasks) or an admin (every task, by search).
        state: Only tasks in this state (the full list).
        beneficiary_id: Only this beneficiary's tasks (the full list).
        day: Only appointments on this Madrid day (the full list).
        search: Words that must all appear in the beneficiary's name or the service.
        page: The page of the full list, newest first, 25 a page.
        group_page: The page of waiting groups, longest waiting first.
        beneficiary_page: The page of «Tus beneficiarios», by name, ``BENEFICIARY_PAGE`` a page.
        now: The current instant (tests).

    Returns:
        The dashboard; the filters apply to ``tasks`` only.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    scope = dashboard_scope(session, actor)
    is_admin = scope.is_admin
    params = scope.params
    start_today = _madrid_midnight(to_madrid(now).date())
    start_tomorrow = _madrid_midnight(to_madrid(now).date() + timedelta(days=1))
    today = _rows(
        session,
        _appointments(scope.kind, upcoming=False),
        {**params, "starts_from": start_today, "starts_before": start_tomorrow},
        now,
    )
    upcoming = _rows(
        session, _appointments(scope.kind, upcoming=True), {**params, "starts_from": start_tomorrow}, now
    )
    waiting, overdue = waiting_groups(session, scope, group_page, now)
    filters = _filters(state=state, beneficiary_id=beneficiary_id, day=day, search=search)
    counts = _counts(session, scope, overdue)
    if is_admin and not filters:
        tasks = Page([])
    else:
        found, total, number = _list_page(session, scope, filters, page, _known_total(counts, filters, state))
        english = english_service_names(session, [t.order_line_id for t, _ in found])
        tasks = Page([_row(t, b, now, english) for t, b in found], number=number, total=total)
    return Dashboard(
        counts=counts,
        today=today,
        upcoming=upcoming,
        waiting=waiting,
        tasks=tasks,
        beneficiary_options=scope.options,
        beneficiaries=Page([]) if is_admin else _beneficiaries(session, actor, beneficiary_page),
    )  # the cards last: their reads of health notes are logged at commit, not flushed mid-page


def _madrid_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=MADRID).astimezone(UTC)


def _rows(session: Session, statement, params: dict, now: datetime) -> list:
    """The rows of today's or the upcoming appointments (``statement`` from ``_appointments``)."""
    found = _listed(session, statement, params)
    english = english_service_names(session, [task.order_line_id for task, _ in found])
    return [_row(task, beneficiary, now, english) for task, beneficiary in found]


# Statements are built once per kind of scope (``DashboardScope.kind``), the scope's values, the
# day and the page as parameters: building and keying a select cost more CPU than running it.
@cache
def _appointments(kind: tuple, *, upcoming: bool):
    """The first appointments from ``starts_from`` (before ``starts_before`` for today's), soonest first.

    Chosen on ``tasks`` before their beneficiaries are joined.
    """
    order = (col(Task.appointment_start), col(Task.id))
    conditions = [
        *open_conditions(kind),
        col(Task.state).in_(ACTIVE_APPOINTMENT_STATES),
        col(Task.appointment_start).is_not(None),
        Task.appointment_start >= bindparam("starts_from"),
    ]
    if not upcoming:
        conditions.append(Task.appointment_start < bindparam("starts_before"))
    limit = UPCOMING_LIMIT if upcoming else TODAY_LIMIT
    cut = select(Task.id).where(*conditions).order_by(*order).limit(limit).subquery()
    return _listed_statement(cut, order)


# What a listed task shows (``queries._row``), read as plain columns: building ORM objects for
# a dashboard's ~80 rows cost more Python time than PostgreSQL took to find them.
_TASK_COLUMNS = (
    Task.id,
    Task.service_name,
    Task.order_line_id,
    Task.state,
    Task.beneficiary_id,
    Task.appointment_start,
    Task.created_at,
    Task.first_contact_at,
    Task.sequence_number,
    Task.sequence_total,
)


def _listed_statement(cut, order):
    """The tasks chosen by the subquery ``cut``, in ``order``, with their beneficiary's name and phone."""
    return (
        select(
            *_TASK_COLUMNS,
            col(Beneficiary.id).label("listed_beneficiary"),
            Beneficiary.full_name,
            Beneficiary.phone,
        )
        .join(cut, cut.c.id == Task.id)
        .outerjoin(Beneficiary, Beneficiary.id == Task.beneficiary_id)
        .order_by(*order)
    )


def _listed(session: Session, statement, params: dict) -> list[tuple]:
    """Run a ``_listed_statement``: ``(task, beneficiary)`` plain rows.

    Both are the same row (attributes named as on the models); the beneficiary is ``None`` when
    the task has none, as an outer join of the models gave.
    """
    rows = session.exec(statement, params=params).all()
    return [(row, row if row.listed_beneficiary is not None else None) for row in rows]


def _counts(session: Session, scope: DashboardScope, overdue: int) -> dict[str, int]:
    """Visits per state (one GROUP BY), and those waiting past the first-contact deadline.

    ``overdue`` comes with the waiting groups (a window sum over the same waiting visits).
    """
    counts = {s.value: 0 for s in TaskState}
    counts.update(dict(session.exec(_per_state(scope.kind), params=scope.params).all()))
    counts["contact_overdue"] = overdue
    return counts


@cache
def _per_state(kind: tuple):
    return select(Task.state, func.count()).where(*all_conditions(kind)).group_by(Task.state)


def _known_total(counts: dict[str, int], filters: list, state: str) -> int | None:
    """The full list's length when the counts per state already tell it, else ``None``.

    Unfiltered, the list is the finished history; filtered by state alone, that state's visits:
    both are sums of the GROUP BY the counts come from (same conditions), so not counted twice.
    """
    if not filters:
        return sum(n for name, n in counts.items() if name != "contact_overdue" and name not in OPEN_STATES)
    if state and len(filters) == 1:
        return counts.get(state, 0)
    return None


NEWEST = (col(Task.created_at).desc(), col(Task.id).desc())


def _list_page(
    session: Session, scope: DashboardScope, filters: list, page: int, total: int | None
) -> tuple[list, int, int]:
    """One page of the full list, newest first: counted unless ``total`` is known, then cut and joined.

    Unfiltered, the list is the history (open visits are already above, once each), its
    statement built once per kind of scope. The page's 25 tasks are chosen in a subquery before
    the join, so only their beneficiaries are read (joined first, PostgreSQL hashed every
    beneficiary before sorting).
    """
    if filters:
        conditions = (*scope.all_visits(), *filters)
        statement = _page_of(conditions)
    else:
        conditions = (*all_conditions(scope.kind), col(Task.state).not_in(OPEN_STATES))
        statement = _history_page(scope.kind)
    if total is None:
        total = session.exec(
            select(func.count()).select_from(_chosen(conditions).subquery()), params=scope.params
        ).one()
    number = min(page_number(page), max(1, -(-total // PAGE_SIZE)))
    window = {"limit": PAGE_SIZE, "offset": (number - 1) * PAGE_SIZE}
    return _listed(session, statement, {**scope.params, **window}), total, number


def _chosen(conditions: tuple):
    return select(Task.id).outerjoin(Beneficiary, Beneficiary.id == Task.beneficiary_id).where(*conditions)


def _page_of(conditions: tuple):
    """A page (``limit``/``offset`` parameters) of the tasks meeting ``conditions``, newest first."""
    limit, offset = bindparam("limit", type_=Integer), bindparam("offset", type_=Integer)
    cut = _chosen(conditions).order_by(*NEWEST).limit(limit).offset(offset).subquery()
    return _listed_statement(cut, NEWEST)


@cache
def _history_page(kind: tuple):
    return _page_of((*all_conditions(kind), col(Task.state).not_in(OPEN_STATES)))


def _filters(*, state: str, beneficiary_id: int | None, day: date | None, search: str) -> list:
    conditions = []
    if state:
        conditions.append(Task.state == state)
    if beneficiary_id:
        conditions.append(Task.beneficiary_id == beneficiary_id)
    if day:
        start = _madrid_midnight(day)
        conditions += [
            Task.appointment_start >= start,
            Task.appointment_start < _madrid_midnight(day + timedelta(1)),
        ]
    for word in search.casefold().split()[:MAX_SEARCH_WORDS]:
        pattern = f"%{word}%"
        conditions.append(
            or_(col(Beneficiary.full_name).ilike(pattern), col(Task.service_name).ilike(pattern))
        )
    return conditions


def _looked_after(actor: Viewer) -> list:
    return _looked_after_by(actor.id)


def _looked_after_by(manager_id) -> list:
    return [Beneficiary.manager_id == manager_id, col(Beneficiary.archived_at).is_(None)]


# What a card shows (``queries._card``), read as plain columns rather than ORM objects.
_CARD_COLUMNS = (
    Beneficiary.id,
    Beneficiary.full_name,
    Beneficiary.phone,
    Beneficiary.street,
    Beneficiary.postal_code,
    Beneficiary.town,
    Beneficiary.care_notes,
    Beneficiary.health_consent,
    Beneficiary.consent_state,
)


def _beneficiaries(session: Session, actor: Viewer, page: int) -> Page:
    """One page of the manager's beneficiaries by name (one statement: the total comes as a window)."""
    size = BENEFICIARY_PAGE
    number = page_number(page)
    window = {"scope_actor": actor.id, "limit": size, "offset": (number - 1) * size}
    found = session.exec(_cards(), params=window).all()
    if not found and number > 1:  # past the end (someone was reassigned meanwhile): the last page
        total = session.exec(select(func.count()).select_from(Beneficiary).where(*_looked_after(actor))).one()
        return _beneficiaries(session, actor, max(1, -(-total // size))) if total else Page([], size=size)
    total = found[0][-1] if found else 0
    cards = [_card(row) for row in found]
    record_many(
        session,
        viewer=actor,
        beneficiary_ids=[c.id for c in cards if c.notes],
        subject=AccessSubject.CARE_NOTES,
    )
    return Page(cards, number=number, total=total, size=size)


@cache
def _cards():
    """A page of the manager's (``scope_actor``) cards, by name, with their total as a window."""
    return (
        select(*_CARD_COLUMNS, func.count().over())
        .where(*_looked_after_by(bindparam("scope_actor", type_=Integer)))
        .order_by(col(Beneficiary.full_name), col(Beneficiary.id))
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
    )
