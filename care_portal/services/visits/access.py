"""Which tasks a manager reaches: their beneficiaries' tasks (admins: all)."""

from __future__ import annotations

from sqlmodel import Session, select

from care_portal.models import Role
from care_portal.models.visits import Task, TaskState
from care_portal.services.authz import Viewer, ensure_reaches

ACTIVE_APPOINTMENT_STATES = (TaskState.SCHEDULED.value, TaskState.IN_PROGRESS.value)


def _visible_tasks(actor: Viewer):
    query = select(Task)
    if actor.role != Role.ADMIN.value:
        query = query.where(Task.manager_id == actor.id)
    return query


def load_managed_task(session: Session, actor: Viewer, task_id: int, *, lock: bool = False) -> Task:
    """Return a task of the actor's beneficiaries (admins: any).

    Raises:
        NotFound: Missing, or another manager's task.
    """
    query = select(Task).where(Task.id == task_id)
    if lock:
        query = query.with_for_update()
    return ensure_reaches(actor, session.exec(query).first(), "manager_id")
