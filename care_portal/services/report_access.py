"""Who may read a visit's report, photos and rating, and who counts as the family.

Nothing here decides on its own: whether someone may read a beneficiary is
``care_access.load_readable`` (its client, its family circle, its current manager, admins).
The only addition is the responsibility rule for finished visits: the manager who did a
visit keeps reading it (``services.responsibility``).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound
from care_portal.models import Beneficiary, Role, User
from care_portal.models.circle import CircleMember
from care_portal.models.visits import Task
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import load_readable
from care_portal.services.responsibility import current_manager_id, may_read_task

STAFF_ROLES = (Role.ADMIN.value, Role.MANAGER.value, Role.RECRUITER.value)


def load_readable_task(session: Session, actor: Viewer | None, task_id: int) -> Task:
    """Return a visit whose report and photos the actor may read.

    Raises:
        NotAuthenticated: Nobody is logged in.
        NotFound: Missing, or the actor may not read the visit's beneficiary.
    """
    actor = ensure_role(actor)
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound()
    try:
        load_readable(session, actor, task.beneficiary_id)
    except NotFound:
        if actor.role != Role.MANAGER.value or not may_read_task(
            actor, task, current_manager_id(session, task)
        ):
            raise
    return task


def is_family(session: Session, actor: Viewer, beneficiary_id: int) -> bool:
    """Whether the actor is the beneficiary's family: its client or an active circle member, not staff."""
    if actor.role in STAFF_ROLES:
        return False
    try:
        reader = load_readable(session, actor, beneficiary_id)
    except NotFound:
        return False
    return reader.is_client or reader.member is not None


def family_recipients(session: Session, beneficiary: Beneficiary) -> list[tuple[str, str]]:
    """Return the family's e-mail addresses and languages: the client and the active circle members."""
    members = select(CircleMember.user_id).where(
        CircleMember.beneficiary_id == beneficiary.id, col(CircleMember.removed_at).is_(None)
    )
    users = session.exec(
        select(User.email, User.language)
        .where((User.id == beneficiary.client_id) | col(User.id).in_(members))
        .order_by(col(User.id))
    ).all()
    return [(email, language) for email, language in users]
