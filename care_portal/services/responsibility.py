"""Access follows responsibility: who may see and work on a beneficiary's visits *now*.

The rule (also in the README):

- A beneficiary's **open** visits (waiting for an appointment, scheduled, in progress) belong
  to the beneficiary's **current** manager. When an admin reassigns the beneficiary, its open
  visits move with it at once; the previous manager loses them entirely.
- A **finished** visit (done or cancelled) stays readable, report included, by the manager who
  had it when it finished (``Task.manager_id`` is frozen then) and by the beneficiary's current
  manager, so that whoever carries on can read the history. Nobody may change it.
- Visits paid while nobody covered the beneficiary's area wait without a manager; when an admin
  gives a manager that area, the waiting beneficiaries and their open visits go to them.
- Every check includes the user's **current** role, read from the database at each request: a
  manager who stops being one loses every visit at once, finished ones included.
- Clients see their own visits; admins see all of them.
"""

from __future__ import annotations

from sqlalchemy import or_
from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound
from care_portal.models import Beneficiary, Role
from care_portal.models.visits import Task, TaskState
from care_portal.services.authz import Viewer

OPEN_STATES = (TaskState.PENDING_APPOINTMENT.value, TaskState.SCHEDULED.value, TaskState.IN_PROGRESS.value)


def is_open(task: Task) -> bool:
    """Whether the visit can still change (not done, not cancelled)."""
    return task.state in OPEN_STATES


def may_read_task(actor: Viewer, task: Task, current_manager_id: int | None) -> bool:
    """Whether the actor may see a visit (task page, contacts, report).

    Args:
        actor: The user, with the role they have now.
        task: The visit.
        current_manager_id: The manager the beneficiary has now.
    """
    if actor.role == Role.ADMIN.value:
        return True
    if actor.role == Role.CLIENT.value:
        return task.client_id == actor.id
    if actor.role != Role.MANAGER.value:
        return False
    if actor.id == current_manager_id:
        return True
    return not is_open(task) and task.manager_id == actor.id


def may_work_on_task(actor: Viewer, task: Task, current_manager_id: int | None) -> bool:
    """Whether the actor may act on a visit as its manager (contacts, appointment, check-in, report)."""
    if actor.role == Role.ADMIN.value:
        return True
    return actor.role == Role.MANAGER.value and actor.id == current_manager_id


def current_manager_id(session: Session, task: Task) -> int | None:
    """Return the manager the task's beneficiary has now."""
    beneficiary = session.get(Beneficiary, task.beneficiary_id)
    return beneficiary.manager_id if beneficiary else None


def load_task_for_manager(
    session: Session, actor: Viewer, task_id: int, *, write: bool = False, lock: bool = False
) -> Task:
    """Return a visit the actor may see (or, with ``write``, work on) as a manager or admin.

    Args:
        session: Open session.
        actor: A manager or an admin.
        task_id: Which visit.
        write: Whether the actor means to change it.
        lock: Lock the row for the rest of the transaction.

    Raises:
        NotFound: Missing, or not the actor's to see or change (the same answer for both).
    """
    if actor.role not in (Role.ADMIN.value, Role.MANAGER.value):
        raise NotFound()
    query = select(Task).where(Task.id == task_id)
    if lock:
        query = query.with_for_update()
    task = session.exec(query).first()
    if task is None:
        raise NotFound()
    manager_id = current_manager_id(session, task)
    allowed = may_work_on_task(actor, task, manager_id) if write else may_read_task(actor, task, manager_id)
    if not allowed:
        raise NotFound()
    return task


def tasks_visible_to_manager(actor: Viewer):
    """A query of the visits a manager sees on their dashboard (admins: all).

    Open visits of the beneficiaries they look after now, and finished visits that were theirs or
    belong to those beneficiaries.
    """
    query = select(Task)
    if actor.role == Role.ADMIN.value:
        return query
    if actor.role != Role.MANAGER.value:
        return query.where(col(Task.id).is_(None))
    current = select(Beneficiary.id).where(Beneficiary.manager_id == actor.id)
    return query.where(
        or_(
            col(Task.beneficiary_id).in_(current),
            (Task.manager_id == actor.id) & col(Task.state).not_in(OPEN_STATES),
        )
    )


def hand_over_open_tasks(session: Session, *, beneficiary_id: int, manager_id: int | None) -> None:
    """Give a beneficiary's open visits to its (new) manager; finished ones keep who did them."""
    for task in session.exec(
        select(Task).where(Task.beneficiary_id == beneficiary_id, col(Task.state).in_(OPEN_STATES))
    ).all():
        task.manager_id = manager_id
        session.add(task)
