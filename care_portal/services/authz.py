"""Permission checks shared by every service."""

from __future__ import annotations

from dataclasses import dataclass

from care_portal.domain.errors import NotAuthenticated, PermissionDenied
from care_portal.models import Role


@dataclass(frozen=True)
class Viewer:
    """The logged-in user as the rest of the app sees them (never the password hash)."""

    id: int
    email: str
    full_name: str
    phone: str
    role: str
    language: str


def ensure_role(actor: Viewer | None, *roles: Role) -> Viewer:
    """Return the actor when they hold one of the roles, else raise.

    Args:
        actor: The acting user, or None when nobody is logged in.
        *roles: Accepted roles; admins are always accepted. No roles means any
            logged-in user.

    Returns:
        The same actor.

    Raises:
        NotAuthenticated: Nobody is logged in.
        PermissionDenied: The actor holds none of the roles.
    """
    if actor is None:
        raise NotAuthenticated()
    if roles and actor.role not in {r.value for r in roles} and actor.role != Role.ADMIN.value:
        raise PermissionDenied()
    return actor
