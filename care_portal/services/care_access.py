"""Who may reach a beneficiary: shared by the beneficiary, document, visit and circle services.

- ``load_owned``: the client who registered it (admins: any) — to change it.
- ``load_visible``: its client, its current manager or an admin — the whole file (documents,
  notes, consents).
- ``load_readable``: the same people plus the active members of its family circle, who may
  *read* the project, its visits and their reports (never documents, care notes, the client's
  invoices or orders, nor any other beneficiary). Use it for circle-facing reads; it says which
  kind of reader asks (``BeneficiaryReader``) and what the member was granted.
- ``readable_beneficiary_ids``: a subquery of every beneficiary a user may read that way
  (``readable_beneficiary_ids_for``: the same for a role and an id, which may be a bound
  parameter in a statement built once per role and cached).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, false, or_
from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound
from care_portal.models import Beneficiary, Role
from care_portal.models.circle import CircleMember
from care_portal.services.authz import Viewer, ensure_reaches


class CirclePermission(StrEnum):
    """What a circle member may do besides reading (``VIEW`` is every member's)."""

    VIEW = "view"
    BUY = "buy"
    MESSAGE = "message"


@dataclass(frozen=True)
class BeneficiaryReader:
    """A beneficiary together with why the actor may read it.

    Attributes:
        beneficiary: The row (do not send it to the browser).
        is_client: The actor registered it (and pays for it).
        is_staff: The actor is its current manager or an admin.
        member: The actor's active circle membership, when that is why they read it.
    """

    beneficiary: Beneficiary
    is_client: bool
    is_staff: bool
    member: CircleMember | None

    def may(self, permission: CirclePermission) -> bool:
        """Whether the reader holds a circle permission (the client and the staff hold them all)."""
        if self.is_client or self.is_staff or permission == CirclePermission.VIEW:
            return True
        member = self.member
        if member is None:
            return False
        return member.can_buy if permission == CirclePermission.BUY else member.can_message


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


def active_membership(session: Session, user_id: int, beneficiary_id: int) -> CircleMember | None:
    """Return the user's active (not removed) membership of a beneficiary's circle, if any."""
    return session.exec(
        select(CircleMember).where(
            CircleMember.user_id == user_id,
            CircleMember.beneficiary_id == beneficiary_id,
            col(CircleMember.removed_at).is_(None),
        )
    ).first()


def load_readable(
    session: Session,
    actor: Viewer,
    beneficiary_id: int,
    *,
    need: CirclePermission = CirclePermission.VIEW,
) -> BeneficiaryReader:
    """Return a beneficiary the actor may read: its client, current manager, an admin or a member.

    Args:
        session: Open session.
        actor: The acting user (role as it is now).
        beneficiary_id: Which beneficiary.
        need: The permission a circle member must also hold.

    Raises:
        NotFound: Anyone else (a removed member, a previous manager, a member lacking ``need``),
            or a missing or blocked beneficiary — the same answer for all.
    """
    row = _refuse_blocked(session.get(Beneficiary, beneficiary_id))
    if row is None:
        raise NotFound()
    is_staff = actor.role == Role.ADMIN.value or (
        actor.role == Role.MANAGER.value and row.manager_id == actor.id
    )
    is_client = actor.role in (Role.CLIENT.value, Role.ADMIN.value) and row.client_id == actor.id
    member = None
    if not (is_staff or is_client):
        member = active_membership(session, actor.id, row.id)
    reader = BeneficiaryReader(beneficiary=row, is_client=is_client, is_staff=is_staff, member=member)
    if not (is_staff or is_client or member is not None) or not reader.may(need):
        raise NotFound()
    return reader


def readable_beneficiary_ids(actor: Viewer, *, need: CirclePermission = CirclePermission.VIEW):
    """A subquery of the ids of every beneficiary the actor may read (see ``load_readable``).

    Admins get every beneficiary that is not blocked; managers those they look after now,
    clients those they registered; anyone also those whose circle they belong to (with
    ``need`` granted).
    """
    return readable_beneficiary_ids_for(actor.role, actor.id, need=need)


def readable_beneficiary_ids_for(
    role: str, reader_id: int | ColumnElement[int], *, need: CirclePermission = CirclePermission.VIEW
):
    """The subquery of ``readable_beneficiary_ids`` for a reader given by role and id.

    For statements built once per kind of reader and cached: ``reader_id`` may be a bound
    parameter (``bindparam("actor_id", type_=Integer)``) given each reader's id when the
    statement runs. The role decides the statement's shape, so it is a plain value.

    Args:
        role: The reader's role (``Role.X.value``).
        reader_id: The reader's user id, or a bound parameter standing for it.
        need: The circle permission a member needs (view, buy, message).
    """
    query = select(Beneficiary.id).where(col(Beneficiary.blocked_at).is_(None))
    if role == Role.ADMIN.value:
        return query
    membership = select(CircleMember.beneficiary_id).where(
        CircleMember.user_id == reader_id, col(CircleMember.removed_at).is_(None)
    )
    if need == CirclePermission.BUY:
        membership = membership.where(col(CircleMember.can_buy))
    elif need == CirclePermission.MESSAGE:
        membership = membership.where(col(CircleMember.can_message))
    if role == Role.MANAGER.value:
        owned = Beneficiary.manager_id == reader_id
    elif role == Role.CLIENT.value:
        owned = Beneficiary.client_id == reader_id
    else:
        owned = false()
    return query.where(or_(owned, col(Beneficiary.id).in_(membership)))


def list_readable_beneficiary_ids(
    session: Session, actor: Viewer, *, need: CirclePermission = CirclePermission.VIEW
) -> list[int]:
    """Return the ids of every beneficiary the actor may read, in one statement."""
    return list(session.exec(readable_beneficiary_ids(actor, need=need).order_by(col(Beneficiary.id))).all())
