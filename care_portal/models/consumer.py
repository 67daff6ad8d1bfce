"""Consumer-law records of distance sales: withdrawals from an order within 14 days."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class OrderWithdrawal(SQLModel, table=True):
    """A client's withdrawal from an order (TRLGDCU arts. 102–108), with what was refunded and kept."""

    __tablename__ = "order_withdrawals"

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", unique=True, index=True)
    client_id: int = Field(foreign_key="users.id", index=True)
    statement: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    express_start: bool = Field(default=False)  # the client had asked to start within the 14 days
    refund_cents: int = Field(default=0)  # everything refunded by this withdrawal
    kept_cents: int = Field(default=0)  # the proportion already provided, kept after an express start
    refund_id: str = Field(default="", max_length=255)  # the provider's refund of the provided visits
    rectifying_invoice_id: int | None = Field(default=None, foreign_key="invoices.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
