"""Invoices, their lines, numbering counters and the VeriFactu billing records.

Issued invoices, their lines and billing records are immutable: the ORM refuses
to update or delete them (see :func:`refuse_changes_to_issued_rows`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, String, UniqueConstraint, event
from sqlalchemy.orm import ORMExecuteState, Session
from sqlmodel import Field, SQLModel

from care_portal.models.aeat import AeatRecordResult, AeatSubmission
from care_portal.models.types import UTCDateTime, utcnow


class InvoiceKind:
    """Kinds of invoice."""

    INVOICE = "invoice"
    RECTIFYING = "rectifying"


class InvoiceCounter(SQLModel, table=True):
    """The last number used in a series and year (locked while numbering)."""

    __tablename__ = "invoice_counters"
    __table_args__ = (UniqueConstraint("series", "year", name="uq_invoice_counters_series_year"),)

    id: int | None = Field(default=None, primary_key=True)
    series: str = Field(max_length=4)
    year: int
    last_number: int = Field(default=0)


class Invoice(SQLModel, table=True):
    """An issued invoice (full or rectifying): copies of every party's data at issue time."""

    __tablename__ = "invoices"
    __table_args__ = (
        UniqueConstraint("series", "year", "sequence", name="uq_invoices_series_year_sequence"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(sa_column=Column(String(20), unique=True, nullable=False))
    series: str = Field(max_length=4)
    year: int
    sequence: int
    kind: str = Field(max_length=12, index=True)
    invoice_type: str = Field(max_length=2)
    client_id: int = Field(foreign_key="users.id", index=True)
    order_ref: str = Field(default="", max_length=60)
    beneficiary_name: str = Field(default="", max_length=160)
    issued_at: datetime = Field(sa_type=UTCDateTime, index=True)
    issuer_name: str = Field(max_length=160)
    issuer_nif: str = Field(max_length=20)
    issuer_address: str = Field(max_length=300)
    recipient_name: str = Field(max_length=160)
    recipient_nif: str = Field(max_length=20)
    recipient_address: str = Field(max_length=300)
    base_cents: int
    tax_cents: int
    total_cents: int
    rectifies_invoice_id: int | None = Field(default=None, foreign_key="invoices.id", index=True)
    rectification_reason: str = Field(default="", max_length=500)
    pdf_key: str = Field(max_length=120)


class InvoiceLine(SQLModel, table=True):
    """One service on an invoice, with its base, tax and IVA-included total."""

    __tablename__ = "invoice_lines"

    id: int | None = Field(default=None, primary_key=True)
    invoice_id: int = Field(foreign_key="invoices.id", index=True)
    position: int
    description: str = Field(max_length=300)
    quantity: int
    unit_price_cents: int
    vat_rate: str = Field(max_length=8)
    exempt_reason: str = Field(default="", max_length=300)
    base_cents: int
    tax_cents: int
    total_cents: int


class BillingChainHead(SQLModel, table=True):
    """The newest billing record of an issuer NIF (locked while chaining a new one)."""

    __tablename__ = "billing_chain_heads"

    id: int | None = Field(default=None, primary_key=True)
    issuer_nif: str = Field(sa_column=Column(String(20), unique=True, nullable=False))
    last_record_id: int | None = Field(default=None)
    last_fingerprint: str = Field(default="", max_length=64)


class BillingRecord(SQLModel, table=True):
    """An append-only VeriFactu record; the values are stored exactly as hashed."""

    __tablename__ = "billing_records"

    id: int | None = Field(default=None, primary_key=True)
    issuer_nif: str = Field(max_length=20, index=True)
    record_type: str = Field(default="alta", max_length=12)
    invoice_id: int = Field(foreign_key="invoices.id", index=True)
    number: str = Field(max_length=20)
    issue_date: str = Field(max_length=10)
    invoice_type: str = Field(max_length=2)
    tax_total: str = Field(max_length=20)
    total: str = Field(max_length=20)
    previous_record_id: int | None = Field(default=None, foreign_key="billing_records.id")
    previous_fingerprint: str = Field(default="", max_length=64)
    generated_at: str = Field(max_length=32)
    fingerprint: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    correction: str = Field(default="", max_length=1)  # "S": a subsanación of an earlier record
    previous_rejection: str = Field(default="", max_length=1)  # "S": the earlier record was rejected


IMMUTABLE_MODELS = (Invoice, InvoiceLine, BillingRecord, AeatSubmission, AeatRecordResult)
IMMUTABLE_TABLES = {model.__tablename__ for model in IMMUTABLE_MODELS}


class ImmutableRecordError(RuntimeError):
    """An issued invoice or a billing record was about to be changed or deleted."""


@event.listens_for(Session, "before_flush")
def refuse_changes_to_issued_rows(session: Session, _context, _instances) -> None:
    """Refuse any update or delete of an issued invoice, line or billing record."""
    for obj in session.deleted:
        if isinstance(obj, IMMUTABLE_MODELS):
            raise ImmutableRecordError(f"{type(obj).__name__} {obj.id} cannot be deleted")
    for obj in session.dirty:
        if isinstance(obj, IMMUTABLE_MODELS) and session.is_modified(obj):
            raise ImmutableRecordError(f"{type(obj).__name__} {obj.id} cannot be changed")


@event.listens_for(Session, "do_orm_execute")
def refuse_bulk_changes_to_issued_rows(state: ORMExecuteState) -> None:
    """Refuse ORM bulk ``update()``/``delete()`` statements on the immutable tables."""
    if not (state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in IMMUTABLE_TABLES:
        raise ImmutableRecordError(f"{table.name} rows cannot be changed or deleted")
