"""A beneficiary's documents and RGPD consent: files, consent PDF, consent records.

Files are checked by their bytes (PDF, JPEG, PNG), limited in size, kept in
private storage under random names, and every view is written to the audit log.
Consent records are append-only: giving and withdrawing each add a record.
Commands live in ``files`` and ``consent``, reads in ``queries``; every public
name is re-exported here, so callers keep ``care_documents.open_document(...)``.
"""

from care_portal.services.care_documents.consent import (
    AUTHORITY_KINDS,
    CONSENT_TEMPLATE,
    CONSENT_VERSION,
    PURPOSES,
    SIGNER_ROLES,
    ConsentSigner,
    add_consent_given,
    check_authority_document,
    check_signer,
    clean_purposes,
    consent_text_sha256,
    give_consent_online,
    held_purposes,
    record_consent_at_home,
    store_authority_document,
    submit_signed_consent,
    withdraw_consent,
)
from care_portal.services.care_documents.files import (
    ACCEPTED_TYPES,
    MAX_DOCUMENT_BYTES,
    MAX_FILES,
    Attachment,
    CheckedFile,
    DocumentRow,
    attach_document,
    check_file,
    check_files,
    store_document,
)
from care_portal.services.care_documents.queries import (
    ConsentRow,
    DocumentFile,
    consent_pdf,
    list_consents,
    list_documents,
    open_document,
)

__all__ = [
    "ACCEPTED_TYPES",
    "AUTHORITY_KINDS",
    "CONSENT_TEMPLATE",
    "CONSENT_VERSION",
    "MAX_DOCUMENT_BYTES",
    "MAX_FILES",
    "PURPOSES",
    "SIGNER_ROLES",
    "Attachment",
    "CheckedFile",
    "ConsentRow",
    "ConsentSigner",
    "DocumentFile",
    "DocumentRow",
    "add_consent_given",
    "attach_document",
    "check_authority_document",
    "check_file",
    "check_files",
    "check_signer",
    "clean_purposes",
    "consent_pdf",
    "consent_text_sha256",
    "give_consent_online",
    "held_purposes",
    "list_consents",
    "list_documents",
    "open_document",
    "record_consent_at_home",
    "store_authority_document",
    "store_document",
    "submit_signed_consent",
    "withdraw_consent",
]
