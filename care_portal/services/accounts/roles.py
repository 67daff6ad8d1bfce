"""Users and roles for admins: the user list and role changes, each audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from care_portal.domain.errors import (
    NotFound,
    ValidationFailed,
)
from care_portal.domain.formatting import format_datetime
from care_portal.models import Role, User
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role


@dataclass(frozen=True)
class UserRow:
    """A user as listed on the admin page."""

    id: int
    email: str
    full_name: str
    role: str
    is_active: bool
    created: str


def list_users(session: Session, *, actor: Viewer | None) -> list[UserRow]:
    """List every user for the admin page."""
    ensure_role(actor, Role.ADMIN)
    users = session.exec(select(User).order_by(col(User.id))).all()
    return [
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


def set_role(session: Session, *, actor: Viewer | None, user_id: int, role: str) -> None:
    """Change a user's role (admins only; an admin cannot demote themself).

    Raises:
        PermissionDenied: The actor is not an admin.
        NotFound: No such user.
        ValidationFailed: Unknown role, or an admin demoting themself.
    """
    actor = ensure_role(actor, Role.ADMIN)
    if role not in {r.value for r in Role}:
        raise ValidationFailed({"role": "admin.role_unknown"})
    user = session.get(User, user_id)
    if user is None:
        raise NotFound()
    if user.id == actor.id and role != Role.ADMIN.value:
        raise ValidationFailed({"role": "admin.cannot_demote_self"})
    old = user.role
    user.role = role
    session.add(user)
    record_event(
        session,
        actor_id=actor.id,
        action="admin.role_changed",
        target_type="user",
        target_id=user.id,
        details={"from": old, "to": role},
    )
