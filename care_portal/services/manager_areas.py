"""Which manager looks after which beneficiary: areas, automatic association, reassignment."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.domain.care import area_candidates, normalise_area_codes
from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.i18n import tr
from care_portal.models import Beneficiary, ManagerArea, Role, User
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.notifications import queue_email
from care_portal.services.responsibility import hand_over_open_tasks


@dataclass(frozen=True)
class ManagerRow:
    """A manager with the areas they cover and how many beneficiaries they look after."""

    id: int
    full_name: str
    email: str
    areas: str
    active_beneficiaries: int


@dataclass(frozen=True)
class QueueRow:
    """A beneficiary as shown in the admin assignment list."""

    id: int
    full_name: str
    postal_code: str
    town: str
    client_name: str
    manager_name: str
    registered: str


def users_by_id(session: Session, ids: set[int]) -> dict[int, User]:
    """Return the users with these ids, keyed by id."""
    if not ids:
        return {}
    return {u.id: u for u in session.exec(select(User).where(col(User.id).in_(ids))).all()}


def _active_counts(session: Session) -> dict[int, int]:
    rows = session.exec(
        select(Beneficiary.manager_id, func.count())
        .where(col(Beneficiary.manager_id).is_not(None), col(Beneficiary.archived_at).is_(None))
        .group_by(Beneficiary.manager_id)
    ).all()
    return dict(rows)


def pick_manager(session: Session, *, postal_code: str) -> int | None:
    """Return the active manager covering a postal code with the fewest active beneficiaries.

    A manager covers a code when one of their areas is the code itself or its
    2-digit province prefix. Ties go to the lowest id, so the choice is stable.

    Returns:
        The manager's user id, or None when nobody covers the area.
    """
    candidates = session.exec(
        select(User.id)
        .join(ManagerArea, col(ManagerArea.manager_id) == User.id)
        .where(
            col(ManagerArea.area_code).in_(area_candidates(postal_code)),
            User.role == Role.MANAGER.value,
            User.is_active == True,  # noqa: E712
        )
        .distinct()
    ).all()
    if not candidates:
        return None
    counts = _active_counts(session)
    return min(candidates, key=lambda manager_id: (counts.get(manager_id, 0), manager_id))


def tell_manager_new_beneficiary(session: Session, *, beneficiary: Beneficiary) -> None:
    """E-mail the associated manager about a newly registered beneficiary (if any)."""
    manager = session.get(User, beneficiary.manager_id) if beneficiary.manager_id else None
    if manager is None:
        return
    lang = manager.language
    queue_email(
        session,
        to=manager.email,
        subject=tr("mail.care.new.subject", lang, name=beneficiary.full_name),
        body=tr(
            "mail.care.new.body",
            lang,
            manager=manager.full_name,
            name=beneficiary.full_name,
            town=beneficiary.town,
        ),
        kind="beneficiary_assigned",
    )


def list_managers(session: Session, *, actor: Viewer | None) -> list[ManagerRow]:
    """List active managers with their areas (admins only)."""
    ensure_role(actor, Role.ADMIN)
    managers = session.exec(
        select(User)
        .where(User.role == Role.MANAGER.value, User.is_active == True)  # noqa: E712
        .order_by(col(User.full_name))
    ).all()
    areas: dict[int, list[str]] = {}
    for area in session.exec(select(ManagerArea).order_by(col(ManagerArea.area_code))).all():
        areas.setdefault(area.manager_id, []).append(area.area_code)
    counts = _active_counts(session)
    return [
        ManagerRow(
            id=m.id,
            full_name=m.full_name,
            email=m.email,
            areas=", ".join(areas.get(m.id, [])),
            active_beneficiaries=counts.get(m.id, 0),
        )
        for m in managers
    ]


def set_manager_areas(session: Session, *, actor: Viewer | None, manager_id: int, areas: str) -> list[str]:
    """Replace the areas a manager covers (admins only).

    Args:
        session: Open session.
        actor: An admin.
        manager_id: The manager.
        areas: Codes separated by commas or spaces: ``"28, 45005"``.

    Returns:
        The stored codes.

    Raises:
        NotFound: Not an active manager.
        ValidationFailed: ``areas`` when a code is not valid.
    """
    actor = ensure_role(actor, Role.ADMIN)
    manager = session.get(User, manager_id)
    if manager is None or manager.role != Role.MANAGER.value or not manager.is_active:
        raise NotFound()
    codes = normalise_area_codes(areas or "")
    for old in session.exec(select(ManagerArea).where(ManagerArea.manager_id == manager_id)).all():
        session.delete(old)
    session.flush()
    for code in codes:
        session.add(ManagerArea(manager_id=manager_id, area_code=code))
    session.flush()
    adopted = adopt_waiting_beneficiaries(session)
    record_event(
        session,
        actor_id=actor.id,
        action="manager.areas_set",
        target_type="user",
        target_id=manager_id,
        details={"areas": codes, "adopted": adopted},
    )
    return codes


def release_beneficiaries(session: Session, *, manager_id: int) -> list[int]:
    """Take a former manager's beneficiaries and open visits away, and re-assign them by area.

    Returns:
        The ids of the beneficiaries that found another manager at once (the rest wait in the
        admins' assignment queue).
    """
    for row in session.exec(select(Beneficiary).where(Beneficiary.manager_id == manager_id)).all():
        row.manager_id = None
        row.updated_at = utcnow()
        session.add(row)
        hand_over_open_tasks(session, beneficiary_id=row.id, manager_id=None)
    session.flush()
    return adopt_waiting_beneficiaries(session)


def adopt_waiting_beneficiaries(session: Session) -> list[int]:
    """Give every active beneficiary still without a manager to one who now covers its area.

    Their open visits (paid while nobody covered the area) go with them, and each new manager is
    told by e-mail.

    Returns:
        The ids of the beneficiaries that got a manager.
    """
    waiting = session.exec(
        select(Beneficiary)
        .where(col(Beneficiary.manager_id).is_(None), col(Beneficiary.archived_at).is_(None))
        .order_by(col(Beneficiary.created_at), col(Beneficiary.id))
    ).all()
    adopted = []
    for row in waiting:
        manager_id = pick_manager(session, postal_code=row.postal_code)
        if manager_id is None:
            continue
        row.manager_id = manager_id
        row.updated_at = utcnow()
        session.add(row)
        hand_over_open_tasks(session, beneficiary_id=row.id, manager_id=manager_id)
        tell_manager_new_beneficiary(session, beneficiary=row)
        session.flush()  # the next pick counts this one
        adopted.append(row.id)
    return adopted


def add_manager_areas(
    session: Session, *, actor_id: int, manager_id: int, area_codes: list[str], client_ip: str = ""
) -> list[str]:
    """Add areas to those a manager covers, keeping the ones they have (used when hiring).

    The caller has already checked that the actor may do it; admins edit the
    areas later with ``set_manager_areas``.

    Args:
        session: The caller's transaction.
        actor_id: Who adds them (recorded in the audit entry).
        manager_id: The manager.
        area_codes: Province or postal codes (``"28"``…), already valid.
        client_ip: The request's address, for the audit entry.

    Returns:
        The codes that were new, sorted (nothing is audited when none was).
    """
    existing = set(
        session.exec(select(ManagerArea.area_code).where(ManagerArea.manager_id == manager_id)).all()
    )
    added = sorted(set(area_codes) - existing)
    for code in added:
        session.add(ManagerArea(manager_id=manager_id, area_code=code))
    if added:
        record_event(
            session,
            actor_id=actor_id,
            action="manager.areas_added",
            target_type="user",
            target_id=manager_id,
            details={"areas": added},
            client_ip=client_ip,
        )
        session.flush()
        adopt_waiting_beneficiaries(session)
    return added


def list_assignments(
    session: Session, *, actor: Viewer | None, unassigned_only: bool = True
) -> list[QueueRow]:
    """List active beneficiaries waiting for a manager (or all of them), oldest first (admins only)."""
    ensure_role(actor, Role.ADMIN)
    query = select(Beneficiary).where(col(Beneficiary.archived_at).is_(None))
    if unassigned_only:
        query = query.where(col(Beneficiary.manager_id).is_(None))
    rows = session.exec(query.order_by(col(Beneficiary.created_at), col(Beneficiary.id))).all()
    people = users_by_id(session, {r.client_id for r in rows} | {r.manager_id for r in rows if r.manager_id})
    return [
        QueueRow(
            id=r.id,
            full_name=r.full_name,
            postal_code=r.postal_code,
            town=r.town,
            client_name=people[r.client_id].full_name if r.client_id in people else "",
            manager_name=people[r.manager_id].full_name if r.manager_id in people else "",
            registered=format_datetime(r.created_at),
        )
        for r in rows
    ]


def reassign_beneficiary(
    session: Session, *, actor: Viewer | None, beneficiary_id: int, manager_id: int
) -> None:
    """Associate a beneficiary with a manager; the old and new manager and the client are e-mailed.

    The beneficiary's open visits go to the new manager at once (``services.responsibility``).

    Raises:
        NotFound: Missing beneficiary, or not an active manager.
        ValidationFailed: ``manager_id`` when it is already the associated manager.
    """
    actor = ensure_role(actor, Role.ADMIN)
    row = session.get(Beneficiary, beneficiary_id)
    manager = session.get(User, manager_id)
    if row is None or manager is None or manager.role != Role.MANAGER.value or not manager.is_active:
        raise NotFound()
    if row.manager_id == manager.id:
        raise ValidationFailed({"manager_id": "care.already_assigned"})
    old = session.get(User, row.manager_id) if row.manager_id else None
    client = session.get(User, row.client_id)
    row.manager_id = manager.id
    row.updated_at = utcnow()
    session.add(row)
    hand_over_open_tasks(session, beneficiary_id=row.id, manager_id=manager.id)
    if old is not None:
        queue_email(
            session,
            to=old.email,
            subject=tr("mail.care.unassigned.subject", old.language, name=row.full_name),
            body=tr("mail.care.unassigned.body", old.language, manager=old.full_name, name=row.full_name),
            kind="beneficiary_unassigned",
        )
    tell_manager_new_beneficiary(session, beneficiary=row)
    queue_email(
        session,
        to=client.email,
        subject=tr("mail.care.client.subject", client.language, name=row.full_name),
        body=tr(
            "mail.care.client.body",
            client.language,
            client=client.full_name,
            name=row.full_name,
            manager=manager.full_name,
            email=manager.email,
            phone=manager.phone or "-",
        ),
        kind="beneficiary_reassigned",
    )
    record_event(
        session,
        actor_id=actor.id,
        action="beneficiary.reassigned",
        target_type="beneficiary",
        target_id=row.id,
        details={"from": old.id if old else None, "to": manager.id},
    )
