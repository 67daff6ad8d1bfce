"""The manager's week calendar (desktop) and day agenda (phone): appointments by Madrid day.

One statement, whatever the number of appointments, capped at ``MAX_ENTRIES``.
Managers see the visits they are responsible for now (``services.responsibility``);
admins see every manager's, with the manager's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from care_portal.domain.formatting import MADRID, to_madrid
from care_portal.domain.series import visit_ordinal_label
from care_portal.models import Role, User
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task, TaskState
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import blocked_beneficiary_ids
from care_portal.services.task_names import english_service_names, service_name
from care_portal.services.visits.waiting import responsible_for

MAX_ENTRIES = 400
CALENDAR_STATES = (
    TaskState.SCHEDULED.value,
    TaskState.IN_PROGRESS.value,
    TaskState.DONE.value,
    TaskState.INCIDENT.value,
)


@dataclass(frozen=True)
class CalendarEntry:
    """One appointment in the calendar (Madrid wall-clock times)."""

    id: int
    day: str
    start: str
    end: str
    service: str
    beneficiary: str
    state: str
    manager: str
    top: int  # minutes after 07:00, for the week grid
    height: int  # length in minutes
    ordinal_es: str = ""  # «visita 2 de 4» for a pack's or plan's visit
    ordinal_en: str = ""


def week_start(day: date) -> date:
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=MADRID).astimezone(UTC)


def manager_calendar(
    session: Session, *, actor: Viewer | None, first_day: date, days: int = 7
) -> list[CalendarEntry]:
    """Return the appointments from ``first_day`` for ``days`` Madrid days, in time order.

    Args:
        session: Open session.
        actor: A manager (their visits) or an admin (everyone's).
        first_day: The first Madrid day shown.
        days: How many days (7 for the week, 1 for the day agenda).

    Raises:
        PermissionDenied: Not a manager or an admin.
    """
    actor = ensure_role(actor, Role.MANAGER)
    days = min(max(days, 1), 31)
    manager = aliased(User)
    conditions = [
        col(Task.beneficiary_id).not_in(blocked_beneficiary_ids()),
        col(Task.state).in_(CALENDAR_STATES),
        col(Task.appointment_start) >= _midnight(first_day),
        col(Task.appointment_start) < _midnight(first_day + timedelta(days=days)),
    ]
    if actor.role != Role.ADMIN.value:
        conditions.append(responsible_for(actor))
    rows = session.exec(
        select(Task, Beneficiary.full_name, manager.full_name)
        .join(Beneficiary, Beneficiary.id == Task.beneficiary_id)
        .outerjoin(manager, manager.id == Task.manager_id)
        .where(*conditions)
        .order_by(col(Task.appointment_start), col(Task.id))
        .limit(MAX_ENTRIES)
    ).all()
    is_admin = actor.role == Role.ADMIN.value  # only an admin, seeing everyone's, needs the name
    english = english_service_names(session, [task.order_line_id for task, _, _ in rows])
    return [
        _entry(task, name, manager_name if is_admin else "", english) for task, name, manager_name in rows
    ]


def _entry(task: Task, beneficiary: str, manager: str | None, english: dict[int, str]) -> CalendarEntry:
    start, end = to_madrid(task.appointment_start), to_madrid(task.appointment_end)
    return CalendarEntry(
        id=task.id,
        day=start.date().isoformat(),
        start=f"{start:%H:%M}",
        end=f"{end:%H:%M}",
        service=service_name(task, english),
        beneficiary=beneficiary,
        state=task.state,
        manager=manager or "",
        top=max(0, (start.hour - 7) * 60 + start.minute),
        height=max(15, int((task.appointment_end - task.appointment_start).total_seconds() // 60)),
        ordinal_es=visit_ordinal_label(task.sequence_number, task.sequence_total, "es"),
        ordinal_en=visit_ordinal_label(task.sequence_number, task.sequence_total, "en"),
    )
