"""SQLModel tables, one module per area; importing this package registers them all."""

from care_portal.models.accounts import AuthSession, LoginAttempt, PasswordResetToken, Role, User
from care_portal.models.aeat import (
    AeatRecordResult,
    AeatRecordState,
    AeatSenderState,
    AeatStatus,
    AeatSubmission,
)
from care_portal.models.audit import AuditEvent
from care_portal.models.billing import (
    BillingChainHead,
    BillingRecord,
    Invoice,
    InvoiceCounter,
    InvoiceKind,
    InvoiceLine,
)
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
from care_portal.models.recruiting import (
    Application,
    ApplicationAnswer,
    ApplicationNote,
    ApplicationStageChange,
    JobOffer,
    SurveyQuestion,
)
from care_portal.models.shop import BillingProfile, CareService, Order, OrderLine, OrderStatus, PaymentEvent
from care_portal.models.visits import (
    Cancellation,
    ChangeRequest,
    ChangeRequestStatus,
    ContactLogEntry,
    Task,
    TaskState,
    VisitReport,
)

__all__ = [
    "AeatRecordResult",
    "AeatRecordState",
    "AeatSenderState",
    "AeatStatus",
    "AeatSubmission",
    "Application",
    "ApplicationAnswer",
    "ApplicationNote",
    "ApplicationStageChange",
    "AuditEvent",
    "AuthSession",
    "Beneficiary",
    "BeneficiaryDocument",
    "BillingChainHead",
    "BillingProfile",
    "BillingRecord",
    "Cancellation",
    "CareService",
    "ChangeRequest",
    "ChangeRequestStatus",
    "ConsentAction",
    "ConsentChannel",
    "ConsentRecord",
    "ConsentState",
    "ContactLogEntry",
    "DocumentKind",
    "HouseholdMember",
    "Invoice",
    "InvoiceCounter",
    "InvoiceKind",
    "InvoiceLine",
    "JobOffer",
    "LoginAttempt",
    "ManagerArea",
    "Order",
    "OrderLine",
    "OrderStatus",
    "OutboxMessage",
    "OutboxStatus",
    "PasswordResetToken",
    "PaymentEvent",
    "Role",
    "SurveyQuestion",
    "Task",
    "TaskState",
    "User",
    "VisitReport",
]
