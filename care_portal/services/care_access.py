"""Who may reach a beneficiary: shared by the beneficiary and document services."""

from __future__ import annotations

from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound
from care_portal.models import Beneficiary, Role
from care_portal.services.authz import Viewer, ensure_reaches


def blocked_beneficiary_ids():
    """A subquery of the blocked beneficiaries (erased; kept only for the authorities)."""
    return select(Beneficiary.id).where(col(Beneficiary.blocked_at).is_not(None))


def _refuse_blocked(row: Beneficiary | None) -> Beneficiary | None:
    return None if row is not None and row.blocked_at is not None else row


def load_owned(session: Session, actor: Viewer, beneficiary_id: int, *, active: bool = False) -> Beneficiary:
    """Return a beneficiary the actor registered (admins: any).

    Args:
        session: Open session.
        actor: The acting user.
        beneficiary_id: Which beneficiary.
        active: Also refuse archived beneficiaries.

    Raises:
        NotFound: Missing, another client's, blocked, or archived when ``active``.
    """
    row = ensure_reaches(actor, _refuse_blocked(session.get(Beneficiary, beneficiary_id)), "client_id")
    if active and row.archived_at is not None:
        raise NotFound()
    return row


def load_visible(session: Session, actor: Viewer, beneficiary_id: int) -> Beneficiary:
    """Return a beneficiary the actor may see: its client, its manager or an admin.

    Raises:
        NotFound: Anyone else, or a missing or blocked beneficiary.
    """
    row = _refuse_blocked(session.get(Beneficiary, beneficiary_id))
    if row is not None and actor.role == Role.MANAGER.value and row.manager_id == actor.id:
        return row
    return ensure_reaches(actor, row, "client_id")
