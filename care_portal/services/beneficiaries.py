"""Beneficiaries ("alta de familiar"): registration, editing, archiving and projects.

Who may see a beneficiary: the client who registered it, its associated
manager and admins. Anyone else gets ``NotFound``, as if it did not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.domain.care import BeneficiaryInput, CleanBeneficiary, validate_beneficiary
from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.models import AccessSubject, Beneficiary, HouseholdMember, Role, Task, User
from care_portal.models.types import utcnow
from care_portal.services import access_log, care_documents, manager_areas
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import (
    CirclePermission,
    active_membership,
    load_owned,
    load_visible,
    readable_beneficiary_ids,
)
from care_portal.services.care_documents import Attachment, ConsentSigner


@dataclass(frozen=True)
class BeneficiaryOption:
    """A beneficiary a client can pick (in the shop, for instance)."""

    id: int
    full_name: str
    town: str
    consent_state: str
    manager_id: int | None


@dataclass(frozen=True)
class ProjectRow:
    """One line of the "Proyectos" list."""

    id: int
    full_name: str
    address: str
    household_size: int
    consent_state: str
    manager_name: str
    manager_email: str
    manager_phone: str
    open_tasks: int
    archived: bool


@dataclass(frozen=True)
class MemberRow:
    """Another member of a household."""

    full_name: str
    relationship: str


@dataclass(frozen=True)
class ProjectDetail:
    """Everything the project page shows about one beneficiary."""

    row: ProjectRow
    nif: str
    birth_date: str
    birth_date_iso: str
    relationship: str
    street: str
    postal_code: str
    town: str
    province: str
    phone: str
    care_notes: str
    notes_state: str
    purposes: list[str]
    preferred_times: str
    members: list[MemberRow]
    documents: list[care_documents.DocumentRow]
    consents: list[care_documents.ConsentRow]
    registered: str
    can_edit: bool


def _option(row: Beneficiary) -> BeneficiaryOption:
    return BeneficiaryOption(
        id=row.id,
        full_name=row.full_name,
        town=row.town,
        consent_state=row.consent_state,
        manager_id=row.manager_id,
    )


def list_active_beneficiaries(session: Session, *, actor: Viewer | None) -> list[BeneficiaryOption]:
    """Return the actor's own non-archived beneficiaries, ordered by name.

    Args:
        session: Open session.
        actor: The logged-in client.

    Returns:
        The beneficiaries the client can buy services for: their own, and those whose family
        circle they belong to with «buy» granted.
    """
    actor = ensure_role(actor, Role.CLIENT)
    rows = session.exec(
        select(Beneficiary)
        .where(
            col(Beneficiary.id).in_(readable_beneficiary_ids(actor, need=CirclePermission.BUY)),
            col(Beneficiary.archived_at).is_(None),
        )
        .order_by(col(Beneficiary.full_name), col(Beneficiary.id))
    ).all()
    return [_option(row) for row in rows]


def get_own_active_beneficiary(
    session: Session, *, actor: Viewer | None, beneficiary_id: int
) -> BeneficiaryOption:
    """Return one of the actor's own non-archived beneficiaries (or one whose circle lets them buy).

    Raises:
        NotFound: Missing, archived, or another client's beneficiary the actor may not buy for.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = session.get(Beneficiary, beneficiary_id)
    if row is None or row.archived_at is not None or row.blocked_at is not None:
        raise NotFound()
    if row.client_id != actor.id:  # a circle member the client let buy (services.care_access)
        member = active_membership(session, actor.id, row.id)
        if member is None or not member.can_buy:
            raise NotFound()
    return _option(row)


def _apply(row: Beneficiary, clean: CleanBeneficiary) -> None:
    row.full_name = clean.full_name
    row.nif = clean.nif
    row.birth_date = clean.birth_date
    row.relationship = clean.relationship
    row.street = clean.street
    row.postal_code = clean.postal_code
    row.town = clean.town
    row.province = clean.province
    row.phone = clean.phone
    row.household_size = clean.household_size
    row.care_notes = clean.care_notes
    row.preferred_times = clean.preferred_times


def _replace_members(session: Session, beneficiary_id: int, clean: CleanBeneficiary) -> None:
    for old in session.exec(
        select(HouseholdMember).where(HouseholdMember.beneficiary_id == beneficiary_id)
    ).all():
        session.delete(old)
    for member in clean.members:
        session.add(
            HouseholdMember(
                beneficiary_id=beneficiary_id, full_name=member.full_name, relationship=member.relationship
            )
        )


def register_beneficiary(
    session: Session,
    *,
    actor: Viewer | None,
    data: BeneficiaryInput,
    attachments: list[Attachment] | None = None,
    signed_consent: Attachment | None = None,
    signer: ConsentSigner | None = None,
    consent_purposes: tuple[str, ...] = ("service",),
    authority_document: Attachment | None = None,
) -> BeneficiaryOption:
    """Register a beneficiary (and household) for the actor, with optional files and consent.

    Every input is checked before anything is stored; the caller commits.

    Args:
        session: Open session.
        actor: The logged-in client.
        data: The form.
        attachments: Other documents to keep with the beneficiary.
        signed_consent: The signed consent document, when the client has it.
        signer: Who signed it (required with ``signed_consent``).
        consent_purposes: What the signed consent covers; health notes are refused
            unless it includes ``"health"``.
        authority_document: A representative's optional supporting document (court order,
            power of attorney…), kept with the consent as proof; only with a representative's
            signed consent.

    Returns:
        The new beneficiary.

    Raises:
        ValidationFailed: Bad fields or files (one message key per field).
    """
    actor = ensure_role(actor, Role.CLIENT)
    errors: dict[str, str] = {}
    clean = None
    try:
        clean = validate_beneficiary(data)
    except ValidationFailed as error:
        errors.update(error.errors)
    checked = care_documents.check_files(attachments or [], "documents", errors)
    consent_file = None
    purposes: tuple[str, ...] = ()
    if signed_consent is not None:
        consent_file = care_documents.check_files([signed_consent], "consent_file", errors)
        care_documents.check_signer(signer, errors)
        purposes = care_documents.clean_purposes(consent_purposes, errors)
    authority_file = care_documents.check_authority_document(
        authority_document, signer if signed_consent is not None else None, errors
    )
    if clean is not None and clean.care_notes and "health" not in purposes:
        errors["care_notes"] = "care.health_consent_required"
    if errors:
        raise ValidationFailed(errors)
    row = Beneficiary(
        client_id=actor.id, street="", postal_code="", town="", province="", phone="", full_name=""
    )
    _apply(row, clean)
    row.manager_id = manager_areas.pick_manager(session, postal_code=clean.postal_code)
    session.add(row)
    session.flush()
    _replace_members(session, row.id, clean)
    for item in checked:
        care_documents.store_document(session, actor=actor, beneficiary=row, checked=item)
    if consent_file:
        document = care_documents.store_document(
            session, actor=actor, beneficiary=row, checked=consent_file[0], kind="signed_consent"
        )
        care_documents.add_consent_given(
            session,
            actor=actor,
            beneficiary=row,
            signer=signer,
            channel="upload",
            document_id=document.id,
            purposes=purposes,
        )
    care_documents.store_authority_document(session, actor=actor, beneficiary=row, checked=authority_file)
    record_event(
        session,
        actor_id=actor.id,
        action="beneficiary.registered",
        target_type="beneficiary",
        target_id=row.id,
    )
    manager_areas.tell_manager_new_beneficiary(session, beneficiary=row)
    return _option(row)


def update_beneficiary(
    session: Session, *, actor: Viewer | None, beneficiary_id: int, data: BeneficiaryInput
) -> BeneficiaryOption:
    """Change a beneficiary's data (the registering client or an admin).

    Without consent for health data, health notes can only be left as they are
    or cleared, never written.

    Raises:
        NotFound: Not the actor's beneficiary.
        ValidationFailed: Bad fields, or new health notes without health consent.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = load_owned(session, actor, beneficiary_id, active=True)
    clean = validate_beneficiary(data)
    if clean.care_notes and not row.health_consent and clean.care_notes != row.care_notes:
        raise ValidationFailed({"care_notes": "care.health_consent_required"})
    _apply(row, clean)
    row.updated_at = utcnow()
    session.add(row)
    _replace_members(session, row.id, clean)
    record_event(
        session, actor_id=actor.id, action="beneficiary.updated", target_type="beneficiary", target_id=row.id
    )
    return _option(row)


def archive_beneficiary(session: Session, *, actor: Viewer | None, beneficiary_id: int) -> None:
    """Archive a beneficiary: kept for history and invoices, hidden from the shop.

    Raises:
        NotFound: Not the actor's beneficiary.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = load_owned(session, actor, beneficiary_id)
    if row.archived_at is None:
        row.archived_at = utcnow()
        session.add(row)
        record_event(
            session,
            actor_id=actor.id,
            action="beneficiary.archived",
            target_type="beneficiary",
            target_id=row.id,
        )


def _address(row: Beneficiary) -> str:
    return f"{row.street}, {row.postal_code} {row.town} ({row.province})"


OPEN_TASK_STATES = ("pending_appointment", "scheduled", "in_progress")


def _open_task_counts(session: Session, beneficiary_ids: list[int]) -> dict[int, int]:
    """Count the tasks still to be done per beneficiary, in one query."""
    if not beneficiary_ids:
        return {}
    rows = session.exec(
        select(Task.beneficiary_id, func.count())
        .where(col(Task.beneficiary_id).in_(beneficiary_ids), col(Task.state).in_(OPEN_TASK_STATES))
        .group_by(Task.beneficiary_id)
    ).all()
    return dict(rows)


def _project_row(row: Beneficiary, manager: User | None, open_tasks: int = 0) -> ProjectRow:
    return ProjectRow(
        id=row.id,
        full_name=row.full_name,
        address=_address(row),
        household_size=row.household_size,
        consent_state=row.consent_state,
        manager_name=manager.full_name if manager else "",
        manager_email=manager.email if manager else "",
        manager_phone=manager.phone if manager else "",
        open_tasks=open_tasks,
        archived=row.archived_at is not None,
    )


def list_projects(session: Session, *, actor: Viewer | None) -> list[ProjectRow]:
    """Return the "Proyectos" list: one project per beneficiary of the client, active first."""
    actor = ensure_role(actor, Role.CLIENT)
    rows = session.exec(
        select(Beneficiary)
        .where(Beneficiary.client_id == actor.id, col(Beneficiary.blocked_at).is_(None))
        .order_by(col(Beneficiary.archived_at).is_not(None), col(Beneficiary.full_name))
    ).all()
    managers = manager_areas.users_by_id(session, {r.manager_id for r in rows if r.manager_id})
    counts = _open_task_counts(session, [r.id for r in rows])
    return [_project_row(row, managers.get(row.manager_id), counts.get(row.id, 0)) for row in rows]


def get_project(session: Session, *, actor: Viewer | None, beneficiary_id: int) -> ProjectDetail:
    """Return one project for its client, its manager or an admin.

    Raises:
        NotFound: Anyone else, or a missing beneficiary.
    """
    actor = ensure_role(actor)
    row = load_visible(session, actor, beneficiary_id)
    is_client = row.client_id == actor.id
    notes_state = notes_visibility(row, for_client=is_client)
    notes = row.care_notes if notes_state == "shown" else ""
    if notes:
        access_log.record_access(
            session, viewer=actor, beneficiary_id=row.id, subject=AccessSubject.CARE_NOTES
        )
    manager = session.get(User, row.manager_id) if row.manager_id else None
    members = session.exec(
        select(HouseholdMember)
        .where(HouseholdMember.beneficiary_id == row.id)
        .order_by(col(HouseholdMember.id))
    ).all()
    return ProjectDetail(
        row=_project_row(row, manager, _open_task_counts(session, [row.id]).get(row.id, 0)),
        nif=row.nif,
        birth_date=row.birth_date.strftime("%d/%m/%Y") if row.birth_date else "",
        birth_date_iso=row.birth_date.isoformat() if row.birth_date else "",
        relationship=row.relationship,
        street=row.street,
        postal_code=row.postal_code,
        town=row.town,
        province=row.province,
        phone=row.phone,
        care_notes=notes,
        notes_state=notes_state,
        purposes=list(care_documents.held_purposes(row)),
        preferred_times=row.preferred_times,
        members=[MemberRow(m.full_name, m.relationship) for m in members],
        documents=care_documents.list_documents(session, beneficiary_id=row.id),
        consents=care_documents.list_consents(session, beneficiary_id=row.id),
        registered=format_datetime(row.created_at),
        can_edit=is_client and row.archived_at is None,
    )


def notes_visibility(row: Beneficiary, *, for_client: bool) -> str:
    """Say whether a beneficiary's health notes may be shown to this reader.

    Returns:
        ``"shown"`` with health consent in force; ``"hidden"`` for the team once it
        is withdrawn (the client still sees what they wrote, to clear it);
        ``"locked"`` when there is no health consent and nothing stored.
    """
    if row.health_consent or (for_client and row.care_notes):
        return "shown"
    return "hidden" if row.care_notes else "locked"
