"""Scheduling the visits of a series (a pack or a plan) at once: «todos los martes a las 10:00».

A series is the visits bought together: today the same order line (a «bono de
4 visitas»); recurring plans group theirs under one plan. Scheduling lays the
visits out on the chosen weekdays at a Madrid time (the rules are in
``domain.weekly_series``); if any of them overlaps another appointment of the
manager, nothing is stored and every clash is returned to show.

«Reschedule the rest» moves this visit and the later ones of its series that
have not started; rescheduling a single visit is ``schedule_appointment``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.formatting import format_datetime, to_madrid
from care_portal.domain.visits import ensure_move
from care_portal.domain.weekly_series import Busy, clashes, lay_out
from care_portal.models import Role
from care_portal.models.care import Beneficiary, ConsentState
from care_portal.models.types import utcnow
from care_portal.models.visits import Task, TaskState
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.calendars import appointment_mail
from care_portal.services.visits.access import ACTIVE_APPOINTMENT_STATES, load_managed_task
from care_portal.services.visits.outcomes import service_minutes

SCOPES = ("pending", "rest")
MOVABLE = (TaskState.PENDING_APPOINTMENT.value, TaskState.SCHEDULED.value)


@dataclass(frozen=True)
class Clash:
    """A visit of the series that would overlap another appointment."""

    start: str
    other: str


class SeriesClash(DomainError):
    """Some visits of the series overlap the manager's other appointments; nothing was stored."""

    def __init__(self, found: list[Clash]) -> None:
        """Create the error with the clashes to show."""
        super().__init__("series.overlaps", field="series_time", count=len(found))
        self.clashes = found


def series_condition(task: Task):
    """A SQL condition selecting the visits of the task's series: those of the same pack or plan period.

    Each pack line and each paid period of a plan is one order line, numbered «visita N de M»
    (``sequence_number`` / ``sequence_total``). The beneficiary is matched too, so a series never
    reaches beyond the person whose visit the manager opened.
    """
    return (Task.order_line_id == task.order_line_id) & (Task.beneficiary_id == task.beneficiary_id)


def series_column():
    """The SQL expression that is equal for the visits of one series (for GROUP BY)."""
    return Task.order_line_id


def series_order():
    """ORDER BY for a series: its visit number («visita 2 de 4»), then creation."""
    return [col(Task.sequence_number), col(Task.id)]


def series_tasks(session: Session, task: Task) -> list[Task]:
    """Return every visit of the task's series, in order."""
    return list(session.exec(select(Task).where(series_condition(task)).order_by(*series_order())).all())


def schedule_series(
    session: Session,
    *,
    actor: Viewer | None,
    task_id: int,
    weekdays: list[int],
    time_of_day: str,
    first_day: str,
    scope: str = "pending",
    now: datetime | None = None,
) -> list[datetime]:
    """Schedule a series' visits every week on the chosen days at one Madrid time.

    Args:
        session: Open session.
        actor: The beneficiary's manager, or an admin.
        task_id: Any visit of the series (with ``scope="rest"``: the first one to move).
        weekdays: 0 = Monday … 6 = Sunday.
        time_of_day: ``HH:MM`` on the Madrid wall clock.
        first_day: The first Madrid date (``YYYY-MM-DD``) a visit may take.
        scope: ``"pending"`` (the visits still waiting for a date) or ``"rest"`` (this visit and
            the later ones not yet started).
        now: The current instant (tests).

    Returns:
        The new starts (aware UTC), in series order.

    Raises:
        NotFound: Not one of the actor's visits.
        ValidationFailed: Bad days, time, first day or scope; nothing left to schedule.
        SeriesClash: Some visits would overlap other appointments (all listed; nothing stored).
        DomainError: ``visits.consent_withdrawn``.
    """
    actor = ensure_role(actor, Role.MANAGER)
    now = now or utcnow()
    task = load_managed_task(session, actor, task_id, lock=True)
    if scope not in SCOPES:
        raise ValidationFailed({"series_scope": "series.bad_scope"})
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    if beneficiary is not None and beneficiary.consent_state == ConsentState.WITHDRAWN.value:
        raise DomainError("visits.consent_withdrawn", field="series_first_day")
    try:
        first = date.fromisoformat(first_day.strip())
    except ValueError as exc:
        raise ValidationFailed({"series_first_day": "visits.bad_datetime"}) from exc
    members = series_tasks(session, task)
    if scope == "pending":
        targets = [t for t in members if t.state == TaskState.PENDING_APPOINTMENT.value]
    else:
        position = next(i for i, t in enumerate(members) if t.id == task.id)
        targets = [t for t in members[position:] if t.state in MOVABLE and t.checked_in_at is None]
    slots = lay_out(
        count=len(targets),
        first_day=first,
        weekdays=weekdays,
        time_of_day=time_of_day,
        minutes=service_minutes(session, task),
        now=now,
    )
    found = clashes(slots, _busy(session, task.manager_id, [t.id for t in targets], slots))
    if found:
        raise SeriesClash([Clash(format_datetime(s.start), b.label) for s, b in found])
    rescheduled = False
    for target, slot in zip(targets, slots, strict=True):
        ensure_move(target.state, TaskState.SCHEDULED.value)
        rescheduled = rescheduled or target.appointment_start is not None
        target.appointment_start, target.appointment_end = slot.start, slot.end
        target.state = TaskState.SCHEDULED.value
        target.first_contact_at = target.first_contact_at or now
        session.add(target)
    record_event(
        session,
        actor_id=actor.id,
        action="visits.series_scheduled",
        target_type="task",
        target_id=task.id,
        details={"tasks": [t.id for t in targets], "starts": [s.start.isoformat() for s in slots]},
    )
    session.flush()
    appointment_mail.send_appointments(session, targets, rescheduled=rescheduled)
    return [s.start for s in slots]


def _busy(session: Session, manager_id: int | None, moving: list[int], slots: list) -> list[Busy]:
    """The manager's other appointments between the series' first start and last end (one query)."""
    if manager_id is None or not slots:
        return []
    rows = session.exec(
        select(Task)
        .where(
            Task.manager_id == manager_id,
            col(Task.id).not_in(moving),
            col(Task.state).in_(ACTIVE_APPOINTMENT_STATES),
            col(Task.appointment_start) < slots[-1].end,
            col(Task.appointment_end) > slots[0].start,
        )
        .order_by(col(Task.appointment_start))
    ).all()
    return [
        Busy(
            r.id,
            r.appointment_start,
            r.appointment_end,
            f"{format_datetime(r.appointment_start)}–{to_madrid(r.appointment_end):%H:%M} · {r.service_name}",
        )
        for r in rows
    ]


@dataclass(frozen=True)
class SeriesSummary:
    """A series as the scheduling form shows it: whose, what, and each visit's date or state."""

    task_id: int
    beneficiary: str
    service: str
    minutes: int
    pending: int
    visits: list[dict]


def series_summary(session: Session, *, actor: Viewer | None, task_id: int) -> SeriesSummary:
    """Return the series of a visit the actor works on (two statements past the task's own load).

    Raises:
        NotFound: Not one of the actor's visits.
    """
    actor = ensure_role(actor, Role.MANAGER)
    task = load_managed_task(session, actor, task_id)
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    members = series_tasks(session, task)
    return SeriesSummary(
        task_id=task.id,
        beneficiary=beneficiary.full_name if beneficiary else "",
        service=task.service_name,
        minutes=service_minutes(session, task),
        pending=sum(1 for t in members if t.state == TaskState.PENDING_APPOINTMENT.value),
        visits=[
            {
                "id": str(t.id),
                "number": f"{t.sequence_number or i} / {t.sequence_total or len(members)}",
                "state": t.state,
                "when": format_datetime(t.appointment_start),
            }
            for i, t in enumerate(members, start=1)
        ],
    )
