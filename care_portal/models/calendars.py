"""The manager's week: calendar feed tokens, .ics sequences, e-mail attachments, incidents, exceptions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class CalendarFeedToken(SQLModel, table=True):
    """A private calendar feed URL of one user; only the token's SHA-256 is kept.

    Regenerating revokes the previous token (``revoked_at``) and adds a new row.
    """

    __tablename__ = "calendar_feed_tokens"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AppointmentSequence(SQLModel, table=True):
    """The iCalendar SEQUENCE of a task's appointment: raised at each reschedule or cancellation."""

    __tablename__ = "appointment_sequences"

    task_id: int = Field(foreign_key="tasks.id", primary_key=True)
    sequence: int = Field(default=0)


class OutboxAttachment(SQLModel, table=True):
    """A text file sent with an outbox e-mail (an appointment's .ics)."""

    __tablename__ = "outbox_attachments"

    id: int | None = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="outbox_messages.id", index=True)
    filename: str = Field(max_length=120)
    content_type: str = Field(max_length=120)
    content: str = Field(sa_column=Column(Text, nullable=False))


class VisitIncident(SQLModel, table=True):
    """Why a visit ended in «incidencia»: the beneficiary was absent or the visit was interrupted."""

    __tablename__ = "visit_incidents"

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", unique=True, index=True)
    kind: str = Field(max_length=20)  # "absent" | "interrupted"
    reason: str = Field(sa_column=Column(Text, nullable=False))
    author_id: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CheckInException(SQLModel, table=True):
    """An admin's permission to check a visit in outside the usual window, with the reason."""

    __tablename__ = "check_in_exceptions"

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", unique=True, index=True)
    granted_by_id: int = Field(foreign_key="users.id")
    reason: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
