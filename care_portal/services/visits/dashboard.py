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

from sqlalchemy import func, or_
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
from care_portal.services.visits.dashboard_scope import dashboard_scope
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
    start_today = _madrid_midnight(to_madrid(now).date())
    start_tomorrow = _madrid_midnight(to_madrid(now).date() + timedelta(days=1))
    appointments = [
        *scope.open_visits(),
        col(Task.state).in_(ACTIVE_APPOINTMENT_STATES),
        col(Task.appointment_start).is_not(None),
    ]
    today = _rows(
        session,
        [*appointments, Task.appointment_start >= start_today, Task.appointment_start < start_tomorrow],
        [col(Task.appointment_start), col(Task.id)],
        TODAY_LIMIT,
        now,
    )
    upcoming = _rows(
        session,
        [*appointments, Task.appointment_start >= start_tomorrow],
        [col(Task.appointment_start), col(Task.id)],
        UPCOMING_LIMIT,
        now,
    )
    waiting, overdue = waiting_groups(session, scope.open_visits(), group_page, now)
    filters = _filters(state=state, beneficiary_id=beneficiary_id, day=day, search=search)
    counts = _counts(session, scope.all_visits(), overdue)
    if is_admin and not filters:
        tasks = Page([])
    else:
        # Unfiltered, the list is the history: open visits are already above, once each.
        history = [] if filters else [col(Task.state).not_in(OPEN_STATES)]
        found, total, number = _list_page(
            session, [*scope.all_visits(), *filters, *history], page, _known_total(counts, filters, state)
        )
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


def _rows(session: Session, conditions: list, order: list, limit: int, now: datetime) -> list:
    """The first ``limit`` tasks in ``order``, chosen on ``tasks`` before their beneficiaries are joined."""
    cut = select(Task.id).where(*conditions).order_by(*order).limit(limit).subquery()
    found = _listed(session, cut, order)
    english = english_service_names(session, [task.order_line_id for task, _ in found])
    return [_row(task, beneficiary, now, english) for task, beneficiary in found]


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


def _listed(session: Session, cut, order: list) -> list[tuple]:
    """The tasks chosen by the subquery ``cut``, in ``order``, as ``(task, beneficiary)`` plain rows.

    Both are the same row (attributes named as on the models); the beneficiary is ``None`` when
    the task has none, as an outer join of the models gave.
    """
    rows = session.exec(
        select(
            *_TASK_COLUMNS,
            col(Beneficiary.id).label("listed_beneficiary"),
            Beneficiary.full_name,
            Beneficiary.phone,
        )
        .join(cut, cut.c.id == Task.id)
        .outerjoin(Beneficiary, Beneficiary.id == Task.beneficiary_id)
        .order_by(*order)
    ).all()
    return [(row, row if row.listed_beneficiary is not None else None) for row in rows]


def _counts(session: Session, mine: list, overdue: int) -> dict[str, int]:
    """Visits per state (one GROUP BY), and those waiting past the first-contact deadline.

    ``overdue`` comes with the waiting groups (a window sum over the same waiting visits).
    """
    counts = {s.value: 0 for s in TaskState}
    counts.update(
        dict(session.exec(select(Task.state, func.count()).where(*mine).group_by(Task.state)).all())
    )
    counts["contact_overdue"] = overdue
    return counts


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


def _list_page(session: Session, conditions: list, page: int, total: int | None) -> tuple[list, int, int]:
    """One page of the full list, newest first: counted unless ``total`` is known, then cut and joined.

    The page's 25 tasks are chosen in a subquery before the join, so only their beneficiaries are
    read (joined first, PostgreSQL hashed every beneficiary before sorting).
    """
    newest = [col(Task.created_at).desc(), col(Task.id).desc()]
    chosen = select(Task.id).outerjoin(Beneficiary, Beneficiary.id == Task.beneficiary_id).where(*conditions)
    if total is None:
        total = session.exec(select(func.count()).select_from(chosen.subquery())).one()
    number = min(page_number(page), max(1, -(-total // PAGE_SIZE)))
    cut = chosen.order_by(*newest).limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE).subquery()
    return _listed(session, cut, newest), total, number


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
    return [Beneficiary.manager_id == actor.id, col(Beneficiary.archived_at).is_(None)]


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
    found = session.exec(
        select(*_CARD_COLUMNS, func.count().over())
        .where(*_looked_after(actor))
        .order_by(col(Beneficiary.full_name), col(Beneficiary.id))
        .limit(size)
        .offset((number - 1) * size)
    ).all()
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
