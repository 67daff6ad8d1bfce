"""SQLModel tables, one module per area; importing this package registers them all."""

from care_portal.models.accounts import AuthSession, LoginAttempt, PasswordResetToken, Role, User
from care_portal.models.audit import AuditEvent
from care_portal.models.messaging import OutboxMessage, OutboxStatus
from care_portal.models.shop import BillingProfile, CareService, Order, OrderLine, OrderStatus, PaymentEvent
from care_portal.models.visits import Task, TaskState

__all__ = [
    "BillingProfile",
    "CareService",
    "Order",
    "OrderLine",
    "OrderStatus",
    "PaymentEvent",
    "Task",
    "TaskState",
    "AuditEvent",
    "AuthSession",
    "LoginAttempt",
    "OutboxMessage",
    "OutboxStatus",
    "PasswordResetToken",
    "Role",
    "User",
]
