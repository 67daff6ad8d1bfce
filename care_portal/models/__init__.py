"""SQLModel tables, one module per area; importing this package registers them all."""

from care_portal.models.accounts import AuthSession, LoginAttempt, PasswordResetToken, Role, User
from care_portal.models.audit import AuditEvent
from care_portal.models.messaging import OutboxMessage, OutboxStatus
from care_portal.models.recruiting import (
    Application,
    ApplicationAnswer,
    ApplicationNote,
    ApplicationStageChange,
    JobOffer,
    SurveyQuestion,
)

__all__ = [
    "Application",
    "ApplicationAnswer",
    "ApplicationNote",
    "ApplicationStageChange",
    "AuditEvent",
    "AuthSession",
    "JobOffer",
    "LoginAttempt",
    "OutboxMessage",
    "OutboxStatus",
    "PasswordResetToken",
    "Role",
    "SurveyQuestion",
    "User",
]
