"""Users and roles for admins: the user list and role changes, each audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.models import Role, User
from care_portal.services import manager_areas
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.paging import Page, fetch_page

ROLE_VALUES = frozenset(r.value for r in Role)


@dataclass(frozen=True)
class UserRow:
    """A user as listed on the admin page."""

    id: int
    email: str
    full_name: str
    role: str
    is_active: bool
    created: str


def list_users(session: Session, *, actor: Viewer | None, page: int = 1) -> Page[UserRow]:
    """List one page of users for the admin page, newest first."""
    ensure_role(actor, Role.ADMIN)
    users, total, number = fetch_page(session, select(User).order_by(col(User.id).desc()), page)
    rows = [
        UserRow(
            id=u.id,
            email=u.email,
            full_name=u.full_name,
            role=u.role,
            is_active=u.is_active,
            created=format_datetime(u.created_at),
        )
        for u in users
    ]
    return Page(rows, number=number, total=total)


def set_role(session: Session, *, actor: Viewer | None, user_id: int, role: str) -> None:
    """Change a user's role (admins only; an admin cannot demote themself).

    Raises:
        PermissionDenied: The actor is not an admin.
        NotFound: No such user.
        ValidationFailed: Unknown role, or an admin demoting themself.
    """
    actor = ensure_role(actor, Role.ADMIN)
    if role not in ROLE_VALUES:
        raise ValidationFailed({"role": "admin.role_unknown"})
    if user_id == actor.id and role != Role.ADMIN.value:
        raise ValidationFailed({"role": "admin.cannot_demote_self"})
    change_role(session, actor_id=actor.id, user_id=user_id, role=role)


def change_role(session: Session, *, actor_id: int, user_id: int, role: str, client_ip: str = "") -> str:
    """Give a user another role and audit it: the one place a role changes.

    Used by admins (``set_role``) and by hiring (``recruiting.move_stage``); the
    caller has already checked that the actor may do it.

    Args:
        session: The caller's transaction.
        actor_id: Who changes the role (recorded in the audit entry).
        user_id: Whose role changes.
        role: The new role's value (``"manager"``…).
        client_ip: The request's address, for the audit entry.

    Returns:
        The previous role.

    Raises:
        NotFound: No such user.
        ValidationFailed: ``role`` when the role is unknown.
    """
    if role not in ROLE_VALUES:
        raise ValidationFailed({"role": "admin.role_unknown"})
    user = session.get(User, user_id)
    if user is None:
        raise NotFound()
    old = user.role
    user.role = role
    session.add(user)
    if old == Role.MANAGER.value and role != Role.MANAGER.value:
        # Their beneficiaries and open visits go to whoever covers each area now (or wait in
        # the admins' assignment queue): access follows responsibility, never a former role.
        session.flush()
        manager_areas.release_beneficiaries(session, manager_id=user.id)
    record_event(
        session,
        actor_id=actor_id,
        action="admin.role_changed",
        target_type="user",
        target_id=user.id,
        details={"from": old, "to": role},
        client_ip=client_ip,
    )
    return old
