"""A beneficiary's documents and RGPD consent: files, consent PDF, consent records.

Files are checked by their bytes (PDF, JPEG, PNG), limited in size, kept in
private storage under random names, and every view is written to the audit log.
Consent records are append-only: giving and withdrawing each add a record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from sqlmodel import Session, col, select

from care_portal.domain import files
from care_portal.domain.care import clean_text
from care_portal.domain.errors import DomainError, NotFound, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.integrations.pdf import TEMPLATES, render_pdf
from care_portal.integrations.storage import read_private, save_private
from care_portal.models import (
    Beneficiary,
    BeneficiaryDocument,
    ConsentAction,
    ConsentRecord,
    ConsentState,
    DocumentKind,
    Role,
)
from care_portal.models.types import utcnow
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_reaches, ensure_role
from care_portal.services.care_access import load_owned, load_visible

MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
MAX_FILES = 10
ACCEPTED_TYPES = (files.PDF, files.JPEG, files.PNG)
CONSENT_VERSION = "2026-11"
CONSENT_TEMPLATE = "consent.html"
SIGNER_ROLES = ("beneficiary", "representative")


@dataclass(frozen=True)
class Attachment:
    """A file as received from the browser: its name and its bytes."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the checks."""

    display_name: str
    kind: str
    data: bytes


@dataclass(frozen=True)
class ConsentSigner:
    """Who gave the consent and as what."""

    signer_name: str
    signer_role: str
    relationship: str = ""
    authority: str = ""


@dataclass(frozen=True)
class DocumentRow:
    """A document as listed on the project page."""

    id: int
    name: str
    kind: str
    size: str
    uploaded: str


@dataclass(frozen=True)
class ConsentRow:
    """One consent record as listed on the project page."""

    action: str
    signer_name: str
    signer_role: str
    relationship: str
    authority: str
    channel: str
    text_version: str
    when: str


@dataclass(frozen=True)
class DocumentFile:
    """A document's bytes, ready to send."""

    name: str
    content_type: str
    data: bytes


def check_file(attachment: Attachment) -> CheckedFile:
    """Check one uploaded file.

    Raises:
        DomainError: ``care.file_name_invalid``, ``care.file_too_large``,
            ``care.file_empty`` or ``care.file_type``.
    """
    name = attachment.filename or ""
    if "/" in name or "\\" in name or "\x00" in name or name.strip() in ("", ".", ".."):
        raise DomainError("care.file_name_invalid")
    if not attachment.data:
        raise DomainError("care.file_empty")
    if len(attachment.data) > MAX_DOCUMENT_BYTES:
        raise DomainError("care.file_too_large")
    kind = files.sniff_type(attachment.data)
    if kind not in ACCEPTED_TYPES:
        raise DomainError("care.file_type")
    return CheckedFile(display_name=files.safe_display_name(name), kind=kind, data=attachment.data)


def check_files(attachments: list[Attachment], field: str, errors: dict[str, str]) -> list[CheckedFile]:
    """Check several files, writing the first problem into ``errors[field]``."""
    if len(attachments) > MAX_FILES:
        errors[field] = "care.too_many_files"
        return []
    checked = []
    for attachment in attachments:
        try:
            checked.append(check_file(attachment))
        except DomainError as error:
            errors[field] = error.key
            return []
    return checked


def check_signer(signer: ConsentSigner | None, errors: dict[str, str]) -> ConsentSigner | None:
    """Check who signed the consent, writing problems into ``errors``."""
    if signer is None or len(clean_text(signer.signer_name, 120)) < 2:
        errors["signer_name"] = "care.signer_name_required"
    if signer is None or signer.signer_role not in SIGNER_ROLES:
        errors["signer_role"] = "care.signer_role_required"
    elif signer.signer_role == "representative" and len(clean_text(signer.relationship, 60)) < 2:
        errors["signer_relationship"] = "care.signer_relationship_required"
    return signer


def store_document(
    session: Session,
    *,
    actor: Viewer,
    beneficiary: Beneficiary,
    checked: CheckedFile,
    kind: str = DocumentKind.DOCUMENT.value,
) -> BeneficiaryDocument:
    """Write a checked file to private storage and record it."""
    key = save_private("documents", checked.data, files.EXTENSION[checked.kind])
    document = BeneficiaryDocument(
        beneficiary_id=beneficiary.id,
        uploaded_by_id=actor.id,
        kind=kind,
        storage_key=key,
        display_name=checked.display_name,
        content_type=files.MIME[checked.kind],
        size_bytes=len(checked.data),
    )
    session.add(document)
    session.flush()
    record_event(
        session,
        actor_id=actor.id,
        action="document.uploaded",
        target_type="document",
        target_id=document.id,
        details={"beneficiary_id": beneficiary.id, "kind": kind},
    )
    return document


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


def attach_document(
    session: Session, *, actor: Viewer | None, beneficiary_id: int, attachment: Attachment
) -> DocumentRow:
    """Attach a document to one of the actor's active beneficiaries.

    Raises:
        NotFound: Not the actor's beneficiary, or archived.
        ValidationFailed: ``document`` with the file's problem.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = load_owned(session, actor, beneficiary_id, active=True)
    errors: dict[str, str] = {}
    checked = check_files([attachment], "document", errors)
    if errors:
        raise ValidationFailed(errors)
    return _document_row(store_document(session, actor=actor, beneficiary=row, checked=checked[0]))


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


def consent_pdf(session: Session, *, actor: Viewer | None, beneficiary_id: int) -> tuple[str, bytes]:
    """Render the consent document filled with the beneficiary's data.

    Returns:
        A file name and the PDF bytes.

    Raises:
        NotFound: The actor may not see this beneficiary.
    """
    actor = ensure_role(actor)
    row = load_visible(session, actor, beneficiary_id)
    pdf = render_pdf(
        CONSENT_TEMPLATE,
        {
            "beneficiary": row,
            "address": f"{row.street}, {row.postal_code} {row.town} ({row.province})",
            "version": CONSENT_VERSION,
            "today": format_datetime(utcnow())[:10],
        },
    )
    return f"consentimiento-{row.id}.pdf", pdf


def open_document(
    session: Session, *, actor: Viewer | None, document_id: int, client_ip: str = ""
) -> DocumentFile:
    """Return a document's bytes to its client, the beneficiary's manager or an admin; audited.

    Raises:
        NotFound: Anyone else, or a missing document.
    """
    actor = ensure_role(actor)
    document = session.get(BeneficiaryDocument, document_id)
    if document is None:
        raise NotFound()
    load_visible(session, actor, document.beneficiary_id)
    record_event(
        session,
        actor_id=actor.id,
        action="document.viewed",
        target_type="document",
        target_id=document.id,
        details={"beneficiary_id": document.beneficiary_id},
        client_ip=client_ip,
    )
    return DocumentFile(
        name=document.display_name,
        content_type=document.content_type,
        data=read_private(document.storage_key),
    )


def _size(size_bytes: int) -> str:
    if size_bytes >= 1024 * 1024:
        return f"{size_bytes / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, size_bytes // 1024)} KB"


def _document_row(document: BeneficiaryDocument) -> DocumentRow:
    return DocumentRow(
        id=document.id,
        name=document.display_name,
        kind=document.kind,
        size=_size(document.size_bytes),
        uploaded=format_datetime(document.created_at),
    )


def list_documents(session: Session, *, beneficiary_id: int) -> list[DocumentRow]:
    """List a beneficiary's documents (the caller has checked access)."""
    rows = session.exec(
        select(BeneficiaryDocument)
        .where(BeneficiaryDocument.beneficiary_id == beneficiary_id)
        .order_by(col(BeneficiaryDocument.id))
    ).all()
    return [_document_row(row) for row in rows]


def list_consents(session: Session, *, beneficiary_id: int) -> list[ConsentRow]:
    """List a beneficiary's consent records, newest first (the caller has checked access)."""
    rows = session.exec(
        select(ConsentRecord)
        .where(ConsentRecord.beneficiary_id == beneficiary_id)
        .order_by(col(ConsentRecord.id).desc())
    ).all()
    return [
        ConsentRow(
            action=row.action,
            signer_name=row.signer_name,
            signer_role=row.signer_role,
            relationship=row.relationship,
            authority=row.authority,
            channel=row.channel,
            text_version=row.text_version,
            when=format_datetime(row.created_at),
        )
        for row in rows
    ]
