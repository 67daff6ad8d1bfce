"""Which tasks a manager reaches: their beneficiaries' tasks (admins: all)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from care_portal.models.visits import Task, TaskState
from care_portal.services.authz import Viewer, ensure_reaches
from care_portal.services.care_access import blocked_beneficiary_ids

ACTIVE_APPOINTMENT_STATES = (TaskState.SCHEDULED.value, TaskState.IN_PROGRESS.value)


def load_managed_task(session: Session, actor: Viewer, task_id: int, *, lock: bool = False) -> Task:
    """Return a task of the actor's beneficiaries (admins: any).

    Raises:
        NotFound: Missing, or another manager's task.
    """
    query = select(Task).where(Task.id == task_id, col(Task.beneficiary_id).not_in(blocked_beneficiary_ids()))
    if lock:
        query = query.with_for_update()
    return ensure_reaches(actor, session.exec(query).first(), "manager_id")
