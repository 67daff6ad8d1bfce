"""Reading a beneficiary's documents and consent: lists, audited file views, the consent PDF."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from care_portal.domain.errors import NotFound
from care_portal.domain.formatting import format_datetime
from care_portal.integrations.pdf import render_pdf
from care_portal.integrations.storage import read_private
from care_portal.models import AccessSubject, BeneficiaryDocument, ConsentRecord
from care_portal.models.types import utcnow
from care_portal.services.access_log import record_access
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import load_visible
from care_portal.services.care_documents.consent import CONSENT_TEMPLATE, CONSENT_VERSION, split_purposes
from care_portal.services.care_documents.files import DocumentRow, _document_row
from care_portal.services.consent_print import printed_signature


@dataclass(frozen=True)
class ConsentRow:
    """One consent record as listed on the project page."""

    action: str
    purposes: list[str]
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
            "signature": printed_signature(session, beneficiary_id=row.id),
        },
    )
    record_access(session, viewer=actor, beneficiary_id=row.id, subject=AccessSubject.CONSENT_PDF)
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
    record_access(
        session,
        viewer=actor,
        beneficiary_id=document.beneficiary_id,
        subject=AccessSubject.DOCUMENT,
        target_id=document.id,
    )
    return DocumentFile(
        name=document.display_name,
        content_type=document.content_type,
        data=read_private(document.storage_key),
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
            purposes=list(split_purposes(row.purposes)),
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
