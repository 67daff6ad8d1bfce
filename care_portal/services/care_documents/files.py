"""Documents: checking uploads by their bytes, storing them privately, attaching them to a beneficiary."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from care_portal.domain import files
from care_portal.domain.errors import DomainError, ValidationFailed
from care_portal.domain.formatting import format_datetime
from care_portal.domain.upload_limits import (
    DOCUMENT_MAX_BYTES,
    DOCUMENTS_PER_PICK,
    TOO_LARGE,
    TOO_MANY,
    WRONG_TYPE,
    refused_pick_error,
)
from care_portal.integrations.storage import save_private
from care_portal.models import Beneficiary, BeneficiaryDocument, DocumentKind, Role
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import load_owned

MAX_DOCUMENT_BYTES = DOCUMENT_MAX_BYTES


MAX_FILES = DOCUMENTS_PER_PICK


ACCEPTED_TYPES = (files.PDF, files.JPEG, files.PNG)
PICKER_ACCEPT = {"application/pdf": [".pdf"], "image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"]}
"""What the document pickers let the browser pick (the server checks the bytes again)."""
REFUSAL_KEYS = {
    TOO_MANY: "care.too_many_files",
    TOO_LARGE: "care.file_too_large",
    WRONG_TYPE: "care.file_type",
    "": "care.file_type",
}
"""The field message for each reason a document picker refuses a file in the browser."""


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
class DocumentRow:
    """A document as listed on the project page."""

    id: int
    name: str
    kind: str
    size: str
    uploaded: str


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


def refused_documents_error(rejected: list, field: str) -> DomainError | None:
    """Return the message for documents the picker refused in the browser (nothing was sent).

    Args:
        rejected: The refusal reasons the upload zone sends (``refusal_codes``).
        field: The picker's field (``documents``, ``consent_file``…).
    """
    return refused_pick_error(rejected, field=field, keys=REFUSAL_KEYS, params={})


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
