"""Tasks: one contracted visit for one beneficiary."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class TaskState(StrEnum):
    """The life of a visit (the visits feature adds the later states' rules)."""

    PENDING_APPOINTMENT = "pending_appointment"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Task(SQLModel, table=True):
    """One purchased visit."""

    __tablename__ = "tasks"

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    order_line_id: int = Field(foreign_key="order_lines.id")
    client_id: int = Field(foreign_key="users.id", index=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    manager_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    service_name: str = Field(max_length=120)
    state: str = Field(default=TaskState.PENDING_APPOINTMENT.value, max_length=30, index=True)
    visit_code: str = Field(max_length=8, unique=True)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
