"""RGPD consent commands: giving it (signed upload or at home), withdrawing it; append-only records."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from sqlmodel import Session

from care_portal.config import get_settings
from care_portal.domain import files
from care_portal.domain.care import clean_text
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.i18n import tr
from care_portal.integrations.pdf import TEMPLATES
from care_portal.models import (
    Beneficiary,
    ConsentAction,
    ConsentPurpose,
    ConsentRecord,
    ConsentState,
    DocumentKind,
    Role,
    User,
)
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_reaches, ensure_role
from care_portal.services.care_access import load_owned
from care_portal.services.care_documents.files import Attachment, CheckedFile, check_files, store_document
from care_portal.services.notifications import queue_email

CONSENT_VERSION = "2026-12"


CONSENT_TEMPLATE = "consent.html"


SIGNER_ROLES = ("beneficiary", "representative")

AUTHORITY_KINDS = ("guardianship", "power_of_attorney", "de_facto_guardian", "family_agreement")
"""Under what a representative signs: tutela/curatela, poder notarial, guarda de hecho, or a
family member acting with the person's agreement."""

PURPOSES = tuple(purpose.value for purpose in ConsentPurpose)
SERVICE, HEALTH, COMMUNICATIONS = PURPOSES


@dataclass(frozen=True)
class ConsentSigner:
    """Who gave the consent and as what."""

    signer_name: str
    signer_role: str
    relationship: str = ""
    authority: str = ""


def check_signer(signer: ConsentSigner | None, errors: dict[str, str]) -> ConsentSigner | None:
    """Check who signed the consent, writing problems into ``errors``."""
    if signer is None or len(clean_text(signer.signer_name, 120)) < 2:
        errors["signer_name"] = "care.signer_name_required"
    if signer is None or signer.signer_role not in SIGNER_ROLES:
        errors["signer_role"] = "care.signer_role_required"
    elif signer.signer_role == "representative":
        if len(clean_text(signer.relationship, 60)) < 2:
            errors["signer_relationship"] = "care.signer_relationship_required"
        if signer.authority not in AUTHORITY_KINDS:
            errors["authority"] = "care.authority_required"
    return signer


def check_authority_document(
    document: Attachment | None, signer: ConsentSigner | None, errors: dict[str, str]
) -> list[CheckedFile]:
    """Check a representative's optional supporting document (court order, power of attorney…).

    Returns:
        The checked file (none when no document was given); problems go into ``errors``.
    """
    if document is None:
        return []
    if signer is None or signer.signer_role != "representative":
        errors["authority_document"] = "care.authority_document_needs_representative"
        return []
    return check_files([document], "authority_document", errors)


def store_authority_document(
    session: Session, *, actor: Viewer, beneficiary: Beneficiary, checked: list[CheckedFile]
) -> None:
    """Keep the checked supporting document with the beneficiary's documents (privately, encrypted)."""
    for item in checked:
        store_document(
            session,
            actor=actor,
            beneficiary=beneficiary,
            checked=item,
            kind=DocumentKind.REPRESENTATION.value,
        )


def clean_purposes(purposes: tuple[str, ...] | list[str] | None, errors: dict[str, str]) -> tuple[str, ...]:
    """Return the purposes of a consent being given, in a fixed order.

    Service provision is what the signed document is about, so it is always
    included; health data and communications are only there when ticked.
    """
    chosen = set(purposes or ()) | {SERVICE}
    if not chosen <= set(PURPOSES):
        errors["purposes"] = "care.bad_purpose"
    return tuple(p for p in PURPOSES if p in chosen)


def join_purposes(purposes: tuple[str, ...]) -> str:
    """Return purposes as stored on a consent record (``"service,health"``)."""
    return ",".join(purposes)


def split_purposes(stored: str) -> tuple[str, ...]:
    """Return the purposes stored on a consent record."""
    return tuple(p for p in stored.split(",") if p)


@lru_cache
def consent_text_sha256() -> str:
    """Return the SHA-256 of the consent text template (changes whenever the text does)."""
    return hashlib.sha256((TEMPLATES / CONSENT_TEMPLATE).read_bytes()).hexdigest()


def add_consent_given(
    session: Session,
    *,
    actor: Viewer,
    beneficiary: Beneficiary,
    signer: ConsentSigner,
    channel: str,
    document_id: int | None = None,
    purposes: tuple[str, ...] = (SERVICE,),
) -> None:
    """Append a "given" consent record and mark what it covers on the beneficiary.

    Purposes given earlier and not withdrawn stay given.
    """
    session.add(
        ConsentRecord(
            beneficiary_id=beneficiary.id,
            action=ConsentAction.GIVEN.value,
            purposes=join_purposes(purposes),
            signer_name=clean_text(signer.signer_name, 120),
            signer_role=signer.signer_role,
            relationship=clean_text(signer.relationship, 60),
            authority=clean_text(signer.authority, 120),
            text_version=CONSENT_VERSION,
            text_sha256=consent_text_sha256(),
            channel=channel,
            document_id=document_id,
            recorded_by_id=actor.id,
        )
    )
    beneficiary.consent_state = ConsentState.SIGNED.value
    beneficiary.health_consent = beneficiary.health_consent or HEALTH in purposes
    beneficiary.communications_consent = beneficiary.communications_consent or COMMUNICATIONS in purposes
    beneficiary.updated_at = utcnow()
    session.add(beneficiary)
    record_event(
        session,
        actor_id=actor.id,
        action="consent.given",
        target_type="beneficiary",
        target_id=beneficiary.id,
        details={"channel": channel, "version": CONSENT_VERSION, "purposes": list(purposes)},
    )


def submit_signed_consent(
    session: Session,
    *,
    actor: Viewer | None,
    beneficiary_id: int,
    attachment: Attachment,
    signer: ConsentSigner,
    purposes: tuple[str, ...] = (SERVICE,),
    authority_document: Attachment | None = None,
) -> None:
    """Record a consent the client uploads already signed (after registration).

    A representative may add a supporting document (``authority_document``).

    Raises:
        NotFound: Not the actor's beneficiary, or archived.
        ValidationFailed: Bad file or signer.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = load_owned(session, actor, beneficiary_id, active=True)
    errors: dict[str, str] = {}
    checked = check_files([attachment], "consent_file", errors)
    check_signer(signer, errors)
    purposes = clean_purposes(purposes, errors)
    authority_file = check_authority_document(authority_document, signer, errors)
    if errors:
        raise ValidationFailed(errors)
    store_authority_document(session, actor=actor, beneficiary=row, checked=authority_file)
    document = store_document(
        session, actor=actor, beneficiary=row, checked=checked[0], kind=DocumentKind.SIGNED_CONSENT.value
    )
    add_consent_given(
        session,
        actor=actor,
        beneficiary=row,
        signer=signer,
        channel="upload",
        document_id=document.id,
        purposes=purposes,
    )


def record_consent_at_home(
    session: Session,
    *,
    actor: Viewer | None,
    beneficiary_id: int,
    signer_name: str,
    signer_role: str,
    relationship: str,
    signature_png: bytes | None,
    authority: str = "",
    purposes: tuple[str, ...] = (SERVICE,),
) -> None:
    """Record a consent signed at the beneficiary's home during a visit.

    Only the beneficiary's manager or an admin may record it.

    Args:
        session: Open session.
        actor: The manager at the visit (or an admin).
        beneficiary_id: Whose consent.
        signer_name: Who signed.
        signer_role: ``"beneficiary"`` or ``"representative"``.
        relationship: The representative's relationship to the beneficiary.
        signature_png: A signature drawn on the manager's phone, as PNG bytes.
        authority: The representative's kind of authority, one of ``AUTHORITY_KINDS``.
        purposes: What the consent covers (service provision always; health, communications).

    Raises:
        NotFound: Not the actor's beneficiary.
        ValidationFailed: Bad signer or signature image.
    """
    actor = ensure_role(actor, Role.MANAGER)
    row = session.get(Beneficiary, beneficiary_id)
    if row is None or row.archived_at is not None:
        raise NotFound()
    ensure_reaches(actor, row, "manager_id")
    signer = ConsentSigner(signer_name, signer_role, relationship, authority)
    errors: dict[str, str] = {}
    check_signer(signer, errors)
    purposes = clean_purposes(purposes, errors)
    checked = None
    if signature_png is not None:
        checked = check_files([Attachment("firma.png", signature_png)], "signature", errors)
        if checked and checked[0].kind != files.PNG:
            errors["signature"] = "care.file_type"
    if errors:
        raise ValidationFailed(errors)
    document_id = None
    if checked:
        document_id = store_document(
            session, actor=actor, beneficiary=row, checked=checked[0], kind=DocumentKind.SIGNATURE.value
        ).id
    add_consent_given(
        session,
        actor=actor,
        beneficiary=row,
        signer=signer,
        channel="home_visit",
        document_id=document_id,
        purposes=purposes,
    )


def give_consent_online(
    session: Session,
    *,
    actor: Viewer | None,
    beneficiary_id: int,
    signer: ConsentSigner,
    purposes: tuple[str, ...],
) -> None:
    """Give consent for more purposes (health data, communications) from the private area.

    The service consent must already be signed (on paper or at home); this adds
    the explicit, separately ticked purposes to it.

    Raises:
        NotFound: Not the actor's beneficiary, or archived.
        DomainError: ``care.consent_not_signed`` before the service consent exists.
        ValidationFailed: Bad signer or purposes.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = load_owned(session, actor, beneficiary_id, active=True)
    if row.consent_state != ConsentState.SIGNED.value:
        raise DomainError("care.consent_not_signed")
    errors: dict[str, str] = {}
    check_signer(signer, errors)
    extra = [p for p in purposes if p != SERVICE]
    if not extra:
        errors["purposes"] = "care.purpose_required"
    chosen = tuple(p for p in clean_purposes(extra, errors) if p != SERVICE)
    if errors:
        raise ValidationFailed(errors)
    add_consent_given(
        session, actor=actor, beneficiary=row, signer=signer, channel="private_area", purposes=chosen
    )


def held_purposes(row: Beneficiary) -> tuple[str, ...]:
    """Return the purposes a beneficiary's consent covers right now."""
    held = {
        SERVICE: row.consent_state == ConsentState.SIGNED.value,
        HEALTH: row.health_consent,
        COMMUNICATIONS: row.communications_consent,
    }
    return tuple(p for p in PURPOSES if held[p])


def withdraw_consent(
    session: Session,
    *,
    actor: Viewer | None,
    beneficiary_id: int,
    purposes: tuple[str, ...] = PURPOSES,
) -> tuple[str, ...]:
    """Withdraw consent from the private area (one click, like giving it), with immediate effect.

    Withdrawing service provision also withdraws health data (it has no other
    purpose): the manager stops seeing the health notes at once, no new
    appointment can be agreed, and the manager and the team are e-mailed.

    Returns:
        The purposes actually withdrawn.

    Raises:
        NotFound: Not the actor's beneficiary.
        DomainError: ``care.consent_not_signed`` when there is nothing to withdraw.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = load_owned(session, actor, beneficiary_id)
    wanted = set(purposes) | ({HEALTH} if SERVICE in purposes else set())
    withdrawn = tuple(p for p in held_purposes(row) if p in wanted)
    if not withdrawn:
        raise DomainError("care.consent_not_signed")
    session.add(
        ConsentRecord(
            beneficiary_id=row.id,
            action=ConsentAction.WITHDRAWN.value,
            purposes=join_purposes(withdrawn),
            signer_name=actor.full_name,
            signer_role="client",
            text_version=CONSENT_VERSION,
            text_sha256=consent_text_sha256(),
            channel="private_area",
            recorded_by_id=actor.id,
        )
    )
    if SERVICE in withdrawn:
        row.consent_state = ConsentState.WITHDRAWN.value
    row.health_consent = row.health_consent and HEALTH not in withdrawn
    row.communications_consent = row.communications_consent and COMMUNICATIONS not in withdrawn
    row.updated_at = utcnow()
    session.add(row)
    record_event(
        session,
        actor_id=actor.id,
        action="consent.withdrawn",
        target_type="beneficiary",
        target_id=row.id,
        details={"purposes": list(withdrawn)},
    )
    _tell_team_withdrawn(session, row, withdrawn)
    return withdrawn


def _tell_team_withdrawn(session: Session, row: Beneficiary, withdrawn: tuple[str, ...]) -> None:
    """E-mail the beneficiary's manager and the team that consent was withdrawn."""
    manager = session.get(User, row.manager_id) if row.manager_id else None
    recipients = [(get_settings().team_email, "es")]
    if manager is not None:
        recipients.append((manager.email, manager.language))
    for to, lang in recipients:
        what = ", ".join(tr(f"care.purpose.{p}", lang) for p in withdrawn)
        queue_email(
            session,
            to=to,
            subject=tr("care.mail.withdrawn.subject", lang, beneficiary=row.full_name),
            body=tr("care.mail.withdrawn.body", lang, beneficiary=row.full_name, purposes=what),
            kind="consent_withdrawn",
        )
