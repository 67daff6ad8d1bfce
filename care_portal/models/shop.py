"""The catalogue, billing profiles, orders and their lines, and processed payment events."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class VatRate(StrEnum):
    """IVA rates a service can carry."""

    REDUCED = "10"
    SUPER_REDUCED = "4"
    GENERAL = "21"
    EXEMPT = "exempt"


class OrderStatus(StrEnum):
    """Where an order is in its life; it only ever moves forward."""

    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    CANCELLED = "cancelled"
    PAYMENT_FAILED = "payment_failed"  # a delayed method (SEPA…) failed after checkout
    EXPIRED = "expired"  # never paid within ORDER_EXPIRY_HOURS; its payment page was closed
    NEEDS_REVIEW = "needs_review"  # paid, but amount or currency differ from the order: not fulfilled


class CareService(SQLModel, table=True):
    """A service of the catalogue, sold at a price that includes IVA."""

    __tablename__ = "care_services"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=60, unique=True, index=True)
    name_es: str = Field(max_length=120)
    name_en: str = Field(max_length=120)
    description_es: str = Field(sa_column=Column(Text, nullable=False))
    description_en: str = Field(sa_column=Column(Text, nullable=False))
    includes_es: str = Field(sa_column=Column(Text, nullable=False))
    includes_en: str = Field(sa_column=Column(Text, nullable=False))
    duration_minutes: int = Field(default=60)
    visits_per_unit: int = Field(default=1)
    price_cents: int
    vat_rate: str = Field(default=VatRate.REDUCED.value, max_length=10)
    exempt_reason: str = Field(default="", max_length=200)
    image: str = Field(default="", max_length=200)
    position: int = Field(default=0)
    is_active: bool = Field(default=True, index=True)
    plannable: bool = Field(default=False)  # can be contracted as a recurring monthly plan
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BillingProfile(SQLModel, table=True):
    """The billing data a client gives on the first purchase, reused afterwards."""

    __tablename__ = "billing_profiles"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", unique=True, index=True)
    nif: str = Field(max_length=12)
    billing_name: str = Field(max_length=120)
    address: str = Field(max_length=200)
    postal_code: str = Field(max_length=5)
    town: str = Field(max_length=80)
    phone: str = Field(max_length=20)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Order(SQLModel, table=True):
    """A purchase: what was bought, for whom, the accepted terms and the payment."""

    __tablename__ = "orders"

    id: int | None = Field(default=None, primary_key=True)
    public_id: str = Field(max_length=32, unique=True, index=True)
    attempt_key: str = Field(max_length=64, unique=True)
    client_id: int = Field(foreign_key="users.id", index=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    status: str = Field(default=OrderStatus.PENDING_PAYMENT.value, max_length=20, index=True)
    observations: str = Field(default="", sa_column=Column(Text, nullable=False))
    preferred_dates: str = Field(default="", max_length=300)
    terms_version: str = Field(max_length=20)
    terms_hash: str = Field(max_length=64)
    terms_accepted_at: datetime = Field(sa_type=UTCDateTime)
    express_start_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    billing: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    total_cents: int
    provider: str = Field(max_length=20)
    provider_session_id: str = Field(default="", max_length=255, index=True)
    checkout_url: str = Field(default="", max_length=1000)
    payment_intent: str = Field(default="", max_length=255)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    paid_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    payment_problem: str = Field(default="", max_length=300)  # why it needs an admin, if it does


class OrderLine(SQLModel, table=True):
    """One service of an order, with name, price and rate copied at the time of purchase."""

    __tablename__ = "order_lines"

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    service_id: int = Field(foreign_key="care_services.id")
    name: str = Field(max_length=120)
    unit_price_cents: int
    quantity: int
    visits_per_unit: int = Field(default=1)
    vat_rate: str = Field(max_length=10)
    exempt_reason: str = Field(default="", max_length=200)


class PaymentEvent(SQLModel, table=True):
    """A provider event already processed (so a repeated delivery does nothing)."""

    __tablename__ = "payment_events"
    __table_args__ = (UniqueConstraint("provider", "event_id"),)

    id: int | None = Field(default=None, primary_key=True)
    provider: str = Field(max_length=20)
    event_id: str = Field(max_length=255)
    event_type: str = Field(max_length=80)
    order_public_id: str = Field(default="", max_length=32)
    processed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
