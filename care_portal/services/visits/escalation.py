"""The first-contact deadline: overdue tasks and the e-mail to admins when one passes."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.formatting import format_datetime
from care_portal.domain.visits import FIRST_CONTACT_WITHIN
from care_portal.i18n import tr
from care_portal.models import Role, User
from care_portal.models.care import Beneficiary
from care_portal.models.types import utcnow
from care_portal.models.visits import Task, TaskState
from care_portal.services.audit import record_event
from care_portal.services.notifications import queue_email


def is_contact_overdue(task: Task, now: datetime) -> bool:
    """Whether a task still waits for its first contact past the deadline (24 h after purchase)."""
    return (
        task.state == TaskState.PENDING_APPOINTMENT.value
        and task.first_contact_at is None
        and now - task.created_at > _first_contact_within()
    )


def _first_contact_within() -> timedelta:
    hours = get_settings().first_contact_hours
    return timedelta(hours=hours) if hours > 0 else FIRST_CONTACT_WITHIN


def escalate_overdue_contacts(session: Session, *, now: datetime | None = None) -> int:
    """E-mail the admins about each task not contacted in time, once per task.

    Rows are claimed with ``FOR UPDATE SKIP LOCKED`` (PostgreSQL), so several
    workers never escalate the same task twice.

    Returns:
        How many tasks were escalated.
    """
    now = now or utcnow()
    overdue = session.exec(
        select(Task)
        .where(
            Task.state == TaskState.PENDING_APPOINTMENT.value,
            col(Task.first_contact_at).is_(None),
            col(Task.contact_escalated_at).is_(None),
            col(Task.created_at) < now - _first_contact_within(),
        )
        .order_by(col(Task.created_at))
        .with_for_update(skip_locked=True)
    ).all()
    if not overdue:
        return 0
    admins = session.exec(select(User).where(User.role == Role.ADMIN.value, User.is_active == True)).all()  # noqa: E712
    for task in overdue:
        manager = session.get(User, task.manager_id) if task.manager_id else None
        beneficiary = session.get(Beneficiary, task.beneficiary_id)
        for admin in admins:
            queue_email(
                session,
                to=admin.email,
                subject=tr("visits.mail.overdue.subject", "es", task=task.id),
                body=tr(
                    "visits.mail.overdue.body",
                    "es",
                    task=task.id,
                    service=task.service_name,
                    beneficiary=beneficiary.full_name if beneficiary else "",
                    manager=manager.full_name if manager else "—",
                    created=format_datetime(task.created_at, "es"),
                ),
                kind="visit_contact_overdue",
            )
        task.contact_escalated_at = now
        session.add(task)
        record_event(
            session, actor_id=None, action="visits.contact_escalated", target_type="task", target_id=task.id
        )
    return len(overdue)
