"""SQLModel tables, one module per area; importing this package registers them all."""

from care_portal.models.accounts import AuthSession, LoginAttempt, PasswordResetToken, Role, User
from care_portal.models.audit import AuditEvent
from care_portal.models.care import (
    Beneficiary,
    BeneficiaryDocument,
    ConsentAction,
    ConsentChannel,
    ConsentRecord,
    ConsentState,
    DocumentKind,
    HouseholdMember,
    ManagerArea,
)
from care_portal.models.messaging import OutboxMessage, OutboxStatus

__all__ = [
    "AuditEvent",
    "AuthSession",
    "Beneficiary",
    "BeneficiaryDocument",
    "ConsentAction",
    "ConsentChannel",
    "ConsentRecord",
    "ConsentState",
    "DocumentKind",
    "HouseholdMember",
    "LoginAttempt",
    "ManagerArea",
    "OutboxMessage",
    "OutboxStatus",
    "PasswordResetToken",
    "Role",
    "User",
]
