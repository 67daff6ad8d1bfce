"""Which tasks a manager reaches: the rule lives in ``services.responsibility``.

Open visits of the beneficiaries they look after now; finished visits they did or that belong
to those beneficiaries (read only); admins reach every task. The role is the one the user has now.
"""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.errors import NotFound
from care_portal.models.care import Beneficiary
from care_portal.models.visits import Task, TaskState
from care_portal.services import responsibility
from care_portal.services.authz import Viewer

ACTIVE_APPOINTMENT_STATES = (TaskState.SCHEDULED.value, TaskState.IN_PROGRESS.value)


def load_managed_task(
    session: Session, actor: Viewer, task_id: int, *, lock: bool = False, write: bool = True
) -> Task:
    """Return a task the actor may work on as its manager (or, with ``write=False``, read).

    Raises:
        NotFound: Missing, or not the actor's to reach (the same answer for both).
    """
    task = responsibility.load_task_for_manager(session, actor, task_id, write=write, lock=lock)
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    if beneficiary is not None and beneficiary.blocked_at is not None:
        raise NotFound()  # erased: blocked data is for the authorities only
    return task
