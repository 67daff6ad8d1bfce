"""The consent signed at the door as printed on the consent PDF (read side, no writes).

Kept apart from :mod:`care_portal.services.consent_signatures` (which records signatures through
``care_documents``) so that ``care_documents``' own queries can print it without an import cycle.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sqlmodel import Session, col, select

from care_portal.domain.formatting import format_datetime
from care_portal.integrations.storage import read_private
from care_portal.models import BeneficiaryDocument, ConsentAction, ConsentRecord

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
