"""Data-protection records: who read health data, rights requests, data exports, breaches."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class AccessSubject(StrEnum):
    """What kind of private data was read."""

    CARE_NOTES = "care_notes"
    DOCUMENT = "document"
    CONSENT_PDF = "consent_pdf"
    REPORT = "report"
    PHOTO = "photo"


class AccessLogEntry(SQLModel, table=True):
    """One read of a beneficiary's health data or documents, shown to the family."""

    __tablename__ = "data_access_log"

    id: int | None = Field(default=None, primary_key=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    viewer_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    viewer_name: str = Field(default="", max_length=120)
    viewer_role: str = Field(max_length=20)
    subject: str = Field(max_length=20)
    target_id: int | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class RightsRequestKind(StrEnum):
    """Which right (RGPD art. 15–22) a request exercises."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    OBJECTION = "objection"
    PORTABILITY = "portability"


class RightsRequest(SQLModel, table=True):
    """A data-subject request with the date it must be answered by (one month)."""

    __tablename__ = "rights_requests"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    beneficiary_id: int | None = Field(default=None, foreign_key="beneficiaries.id")
    kind: str = Field(max_length=20)
    details: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    due_at: datetime = Field(sa_type=UTCDateTime, index=True)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    closed_by_id: int | None = Field(default=None, foreign_key="users.id")
    outcome: str = Field(default="", max_length=500)


class DataExport(SQLModel, table=True):
    """A «Descargar mis datos» ZIP: built in the background, downloadable once."""

    __tablename__ = "data_exports"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    status: str = Field(default="queued", max_length=12)
    progress: int = Field(default=0)
    storage_key: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    downloaded_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class BreachRecord(SQLModel, table=True):
    """A personal-data breach (RGPD art. 33): facts, effects, measures, notification."""

    __tablename__ = "breach_records"

    id: int | None = Field(default=None, primary_key=True)
    summary: str = Field(sa_column=Column(Text, nullable=False))
    occurred_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    known_at: datetime = Field(sa_type=UTCDateTime)
    data_affected: str = Field(default="", max_length=500)
    people_affected: int = Field(default=0)
    measures: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    notified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    not_notified_reason: str = Field(default="", max_length=500)
    recorded_by_id: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
