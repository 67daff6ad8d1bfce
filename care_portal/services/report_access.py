"""Who may read a visit's report, photos and rating, and who counts as the family.

Nothing here decides on its own: whether someone may see a beneficiary is
``care_access.load_visible`` (its client, its family circle, its assigned manager,
admins). The only addition is the responsibility rule for finished visits: the manager
who did a visit keeps reading it (``services.responsibility``).
"""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.errors import NotFound
from care_portal.models import Beneficiary, Role, User
from care_portal.models.visits import Task
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import load_visible
from care_portal.services.responsibility import current_manager_id, may_read_task

STAFF_ROLES = (Role.ADMIN.value, Role.MANAGER.value, Role.RECRUITER.value)


def load_readable_task(session: Session, actor: Viewer | None, task_id: int) -> Task:
    """Return a visit whose report and photos the actor may read.

    Raises:
        NotAuthenticated: Nobody is logged in.
        NotFound: Missing, or the actor may not see the visit's beneficiary.
    """
    actor = ensure_role(actor)
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound()
    try:
        load_visible(session, actor, task.beneficiary_id)
    except NotFound:
        if actor.role != Role.MANAGER.value or not may_read_task(
            actor, task, current_manager_id(session, task)
        ):
            raise
    return task


def is_family(session: Session, actor: Viewer, beneficiary_id: int) -> bool:
    """Whether the actor is the beneficiary's family: not staff, and allowed to see the beneficiary."""
    if actor.role in STAFF_ROLES:
        return False
    try:
        load_visible(session, actor, beneficiary_id)
    except NotFound:
        return False
    return True


def family_recipients(session: Session, beneficiary: Beneficiary) -> list[tuple[str, str]]:
    """Return the family's e-mail addresses and languages (the client and the family circle)."""
    client = session.get(User, beneficiary.client_id)
    return [(client.email, client.language)] if client is not None else []
