"""Consent signed at the door on the manager's phone: a drawn signature (or the typed name), on the PDF.

The drawn PNG is stored privately and encrypted like any document and linked from the
append-only consent record (``ConsentRecord.document_id``); a typed signature is the
signer's name on that record. Nothing is ever updated.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sqlmodel import Session, col, select

from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.domain.signatures import check_signature, decode_drawn
from care_portal.integrations.storage import read_private
from care_portal.models import BeneficiaryDocument, ConsentAction, ConsentPurpose, ConsentRecord
from care_portal.services.authz import Viewer
from care_portal.services.care_documents.consent import ConsentSigner, check_signer, record_consent_at_home

HOME_VISIT = "home_visit"


@dataclass(frozen=True)
class PrintedSignature:
    """The signature printed on the consent PDF."""

    signer_name: str
    signer_role: str
    relationship: str
    authority: str
    when: str
    image_data_url: str


def sign_consent_at_home(
    session: Session,
    *,
    actor: Viewer | None,
    beneficiary_id: int,
    signer_name: str,
    signer_role: str,
    relationship: str,
    authority: str,
    drawn: str,
    typed: str,
    purposes: tuple[str, ...] = (ConsentPurpose.SERVICE.value,),
) -> None:
    """Record a consent signed on the phone: a drawn signature, or the signer's name typed instead.

    Raises:
        NotFound: Not the actor's beneficiary.
        ValidationFailed: No signature (``reports.signature_required``), a typed name that is not
            the signer's, an unreadable drawing, or a bad signer or purposes (all fields at once).
    """
    errors: dict[str, str] = {}
    png = None
    try:
        png = decode_drawn(drawn)
        check_signature(png, typed, signer_name)
    except DomainError as error:
        errors[error.field] = error.key
    if errors:
        check_signer(ConsentSigner(signer_name, signer_role, relationship, authority), errors)
        raise ValidationFailed(errors)
    record_consent_at_home(
        session,
        actor=actor,
        beneficiary_id=beneficiary_id,
        signer_name=signer_name,
        signer_role=signer_role,
        relationship=relationship,
        authority=authority,
        signature_png=png,
        purposes=purposes,
    )


def printed_signature(session: Session, *, beneficiary_id: int) -> PrintedSignature | None:
    """Return the latest consent signed at the door, with its drawn signature as a data URL (or none).

    The caller has checked that the reader may see the beneficiary's consent.
    """
    record = session.exec(
        select(ConsentRecord)
        .where(
            ConsentRecord.beneficiary_id == beneficiary_id,
            ConsentRecord.action == ConsentAction.GIVEN.value,
            ConsentRecord.channel == HOME_VISIT,
        )
        .order_by(col(ConsentRecord.id).desc())
    ).first()
    if record is None:
        return None
    image = ""
    document = session.get(BeneficiaryDocument, record.document_id) if record.document_id else None
    if document is not None:
        image = "data:image/png;base64," + base64.b64encode(read_private(document.storage_key)).decode()
    return PrintedSignature(
        signer_name=record.signer_name,
        signer_role=record.signer_role,
        relationship=record.relationship,
        authority=record.authority,
        when=format_datetime(record.created_at),
        image_data_url=image,
    )
