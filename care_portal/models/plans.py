"""Recurring care plans: a monthly subscription that creates its period's visits."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class PlanStatus(StrEnum):
    """Where a plan stands; ``payment_failed`` creates no visits until a retry is paid."""

    PENDING_PAYMENT = "pending_payment"
    ACTIVE = "active"
    PAUSED = "paused"
    PAYMENT_FAILED = "payment_failed"
    ENDED = "ended"


class PeriodPayment(StrEnum):
    """The payment state of one billing period (from the provider's invoice events)."""

    PAID = "paid"
    FAILED = "failed"


class CarePlan(SQLModel, table=True):
    """A client's recurring plan for one beneficiary: a service on fixed weekdays and times.

    ``schedule`` is a list of ``[weekday, "HH:MM"]`` pairs (Monday = 0), Madrid time.
    ``pending_change`` holds a change the client asked for, applied from the next period.
    """

    __tablename__ = "care_plans"

    id: int | None = Field(default=None, primary_key=True)
    public_id: str = Field(max_length=32, unique=True, index=True)
    client_id: int = Field(foreign_key="users.id", index=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    service_id: int = Field(foreign_key="care_services.id")
    service_name: str = Field(max_length=120)
    schedule: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    visits_per_week: int = Field(default=1)
    start_date: date
    monthly_price_cents: int
    vat_rate: str = Field(max_length=10)
    exempt_reason: str = Field(default="", max_length=200)
    status: str = Field(default=PlanStatus.PENDING_PAYMENT.value, max_length=20, index=True)
    pending_change: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    billing: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    observations: str = Field(default="", max_length=1000)
    terms_version: str = Field(default="", max_length=20)
    terms_hash: str = Field(default="", max_length=64)
    provider: str = Field(default="", max_length=20)
    provider_customer_id: str = Field(default="", max_length=255)
    provider_subscription_id: str = Field(default="", max_length=255, index=True)
    checkout_url: str = Field(default="", max_length=1000)
    current_period_start: date | None = Field(default=None)
    current_period_end: date | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class CarePlanPeriod(SQLModel, table=True):
    """One billing period of a plan: its provider invoice, our invoice and its payment state."""

    __tablename__ = "care_plan_periods"
    __table_args__ = (UniqueConstraint("plan_id", "period_start"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="care_plans.id", index=True)
    period_start: date
    period_end: date
    provider_invoice_id: str = Field(default="", max_length=255, index=True)
    amount_cents: int = Field(default=0)
    payment_state: str = Field(default=PeriodPayment.FAILED.value, max_length=20)
    attempts: int = Field(default=0)
    next_retry_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    order_id: int | None = Field(default=None, foreign_key="orders.id")
    invoice_id: int | None = Field(default=None, foreign_key="invoices.id")
    visits_created: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    paid_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
