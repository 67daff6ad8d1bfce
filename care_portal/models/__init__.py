"""SQLModel tables, one module per area; importing this package registers them all."""

from care_portal.models.accounts import AuthSession, LoginAttempt, PasswordResetToken, Role, User
from care_portal.models.audit import AuditEvent
from care_portal.models.billing import (
    BillingChainHead,
    BillingRecord,
    BillingRecordSubmission,
    Invoice,
    InvoiceCounter,
    InvoiceKind,
    InvoiceLine,
)
from care_portal.models.messaging import OutboxMessage, OutboxStatus

__all__ = [
    "AuditEvent",
    "AuthSession",
    "BillingChainHead",
    "BillingRecord",
    "BillingRecordSubmission",
    "Invoice",
    "InvoiceCounter",
    "InvoiceKind",
    "InvoiceLine",
    "LoginAttempt",
    "OutboxMessage",
    "OutboxStatus",
    "PasswordResetToken",
    "Role",
    "User",
]
