"""Consent signed at the door on the manager's phone: a drawn signature (or the typed name), on the PDF.

The drawn PNG is stored privately and encrypted like any document and linked from the
append-only consent record (``ConsentRecord.document_id``); a typed signature is the
signer's name on that record. Nothing is ever updated.
"""

from __future__ import annotations

from sqlmodel import Session

from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.signatures import check_signature, decode_drawn
from care_portal.models import ConsentPurpose
from care_portal.services.authz import Viewer
from care_portal.services.care_documents.consent import ConsentSigner, check_signer, record_consent_at_home
from care_portal.services.consent_print import HOME_VISIT, PrintedSignature, printed_signature

__all__ = ["HOME_VISIT", "PrintedSignature", "printed_signature", "sign_consent_at_home"]


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
