"""Permission checks shared by every service: roles, and who reaches a row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from care_portal.domain.errors import NotAuthenticated, NotFound, PermissionDenied
from care_portal.models import Role

Row = TypeVar("Row")


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


def can_reach(actor: Viewer, *owner_ids: int | None) -> bool:
    """Return whether the actor is an admin or one of a row's owners.

    Args:
        actor: The acting user.
        *owner_ids: The ids that own the row (its client, its manager…); None
            for an owner not set yet.
    """
    return actor.role == Role.ADMIN.value or actor.id in owner_ids


def ensure_reaches(actor: Viewer, row: Row | None, *owner_fields: str) -> Row:
    """Return the row when it exists and the actor reaches it (admins reach every row).

    Args:
        actor: The acting user.
        row: The loaded row, or None when it does not exist.
        *owner_fields: The row's attributes holding owner ids (``"client_id"``…).

    Returns:
        The same row.

    Raises:
        NotFound: Missing, or nobody the actor is (never a hint that it exists).
    """
    if row is None or not can_reach(actor, *(getattr(row, name) for name in owner_fields)):
        raise NotFound()
    return row
