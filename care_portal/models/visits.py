"""Tasks: one contracted visit for one beneficiary."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Index, Text, text
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class TaskState(StrEnum):
    """The life of a visit (the visits feature adds the later states' rules)."""

    PENDING_APPOINTMENT = "pending_appointment"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
    INCIDENT = "incident"  # the beneficiary was absent or the visit was interrupted (a reason is kept)


class Task(SQLModel, table=True):
    """One purchased visit."""

    __tablename__ = "tasks"
    __table_args__ = (
        # The dashboard's counts and lists, and the client's «Tareas» newest first, at 100k tasks.
        Index("ix_tasks_manager_state", "manager_id", "state"),
        Index("ix_tasks_manager_created", "manager_id", "created_at"),
        Index("ix_tasks_manager_appointment", "manager_id", "appointment_start"),
        Index("ix_tasks_client_created", "client_id", "created_at"),
        # The dashboard's waiting groups: grouped and counted from the index alone (migration 0015_dash19).
        Index(
            "ix_tasks_waiting",
            "beneficiary_id",
            "order_line_id",
            "created_at",
            "id",
            postgresql_include=["first_contact_at", "service_name"],
            postgresql_where=text("state = 'pending_appointment'"),
            sqlite_where=text("state = 'pending_appointment'"),
        ),
        # The admin's counts per state, blocked beneficiaries left out, from the index alone.
        Index("ix_tasks_state_beneficiary", "state", "beneficiary_id"),
    )

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
    appointment_start: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    appointment_end: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_contact_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    contact_escalated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    checked_in_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    checked_out_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failed_code_attempts: int = Field(default=0)
    # Visits of a plan or a pack are numbered «visita 2 de 4»; a plan's visits carry the
    # plan and the date and time the family asked for (Madrid wall time kept across DST).
    # plan_id refers to care_plans.id; not declared a foreign key so that SQLite adds the column
    # without rebuilding this table (four tables refer to it).
    plan_id: int | None = Field(default=None, index=True)
    sequence_number: int | None = Field(default=None)
    sequence_total: int | None = Field(default=None)
    preferred_start: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ContactLogEntry(SQLModel, table=True):
    """One contact between the manager and the beneficiary about a task (phone call, message…)."""

    __tablename__ = "task_contacts"

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", index=True)
    author_id: int = Field(foreign_key="users.id")
    channel: str = Field(default="phone", max_length=20)
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class VisitReport(SQLModel, table=True):
    """The manager's report (informe) after a visit; photos are private storage keys."""

    __tablename__ = "visit_reports"

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", unique=True, index=True)
    author_id: int = Field(foreign_key="users.id")
    work_done: str = Field(sa_column=Column(Text, nullable=False))
    observations: str = Field(default="", sa_column=Column(Text, nullable=False))
    next_steps: str = Field(default="", sa_column=Column(Text, nullable=False))
    photo_keys: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Cancellation(SQLModel, table=True):
    """A cancelled task: who asked, who decided, when, why, and the refund."""

    __tablename__ = "task_cancellations"

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", unique=True, index=True)
    requested_by_id: int = Field(foreign_key="users.id")
    decided_by_id: int | None = Field(default=None, foreign_key="users.id")
    reason: str = Field(sa_column=Column(Text, nullable=False))
    within_deadline: bool = Field(default=True)
    refund_cents: int = Field(default=0)
    refund_id: str = Field(default="", max_length=255)
    refund_status: str = Field(default="", max_length=20)  # the provider's: pending, succeeded, failed…
    rectifying_invoice_id: int | None = Field(default=None, foreign_key="invoices.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ChangeRequestStatus(StrEnum):
    """Where a message from the suggestions form stands."""

    OPEN = "open"
    DONE = "done"
    APPROVED = "approved"
    REJECTED = "rejected"


class ChangeRequest(SQLModel, table=True):
    """A message from the suggestions form; about a task it is a change or cancellation request."""

    __tablename__ = "change_requests"

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="users.id", index=True)
    task_id: int | None = Field(default=None, foreign_key="tasks.id", index=True)
    kind: str = Field(default="message", max_length=20)
    message: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default=ChangeRequestStatus.OPEN.value, max_length=20, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    decided_by_id: int | None = Field(default=None, foreign_key="users.id")
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
