"""RGPD consent commands: giving it (signed upload or at home), withdrawing it; append-only records."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from sqlmodel import Session

from care_portal.domain import files
from care_portal.domain.care import clean_text
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.integrations.pdf import TEMPLATES
from care_portal.models import Beneficiary, ConsentAction, ConsentRecord, ConsentState, DocumentKind, Role
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_reaches, ensure_role
from care_portal.services.care_access import load_owned
from care_portal.services.care_documents.files import Attachment, check_files, store_document

CONSENT_VERSION = "2026-11"


CONSENT_TEMPLATE = "consent.html"


SIGNER_ROLES = ("beneficiary", "representative")


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
    elif signer.signer_role == "representative" and len(clean_text(signer.relationship, 60)) < 2:
        errors["signer_relationship"] = "care.signer_relationship_required"
    return signer


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
) -> None:
    """Append a "given" consent record and mark the beneficiary's consent as signed."""
    session.add(
        ConsentRecord(
            beneficiary_id=beneficiary.id,
            action=ConsentAction.GIVEN.value,
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
    beneficiary.updated_at = utcnow()
    session.add(beneficiary)
    record_event(
        session,
        actor_id=actor.id,
        action="consent.given",
        target_type="beneficiary",
        target_id=beneficiary.id,
        details={"channel": channel, "version": CONSENT_VERSION},
    )


def submit_signed_consent(
    session: Session,
    *,
    actor: Viewer | None,
    beneficiary_id: int,
    attachment: Attachment,
    signer: ConsentSigner,
) -> None:
    """Record a consent the client uploads already signed (after registration).

    Raises:
        NotFound: Not the actor's beneficiary, or archived.
        ValidationFailed: Bad file or signer.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = load_owned(session, actor, beneficiary_id, active=True)
    errors: dict[str, str] = {}
    checked = check_files([attachment], "consent_file", errors)
    check_signer(signer, errors)
    if errors:
        raise ValidationFailed(errors)
    document = store_document(
        session, actor=actor, beneficiary=row, checked=checked[0], kind=DocumentKind.SIGNED_CONSENT.value
    )
    add_consent_given(
        session, actor=actor, beneficiary=row, signer=signer, channel="upload", document_id=document.id
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
        authority: The representative's kind of authority (guardian, power of attorney…).

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
        session, actor=actor, beneficiary=row, signer=signer, channel="home_visit", document_id=document_id
    )


def withdraw_consent(session: Session, *, actor: Viewer | None, beneficiary_id: int) -> None:
    """Withdraw a beneficiary's consent from the private area (one click, like giving it).

    Raises:
        NotFound: Not the actor's beneficiary.
        DomainError: ``care.consent_not_signed`` when there is nothing to withdraw.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = load_owned(session, actor, beneficiary_id)
    if row.consent_state != ConsentState.SIGNED.value:
        raise DomainError("care.consent_not_signed")
    session.add(
        ConsentRecord(
            beneficiary_id=row.id,
            action=ConsentAction.WITHDRAWN.value,
            signer_name=actor.full_name,
            signer_role="client",
            text_version=CONSENT_VERSION,
            text_sha256=consent_text_sha256(),
            channel="private_area",
            recorded_by_id=actor.id,
        )
    )
    row.consent_state = ConsentState.WITHDRAWN.value
    row.updated_at = utcnow()
    session.add(row)
    record_event(
        session, actor_id=actor.id, action="consent.withdrawn", target_type="beneficiary", target_id=row.id
    )
