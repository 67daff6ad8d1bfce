"""What families read and say about a visit: the report's structured parts, its photos, ratings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class ReportParts(SQLModel, table=True):
    """The structured half of a visit report (one row per report; the free text stays on the report)."""

    __tablename__ = "visit_report_parts"

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", unique=True, index=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    mood: str = Field(default="not_observed", max_length=20)
    meals: str = Field(default="not_observed", max_length=20)
    hydration: str = Field(default="not_observed", max_length=20)
    mobility: str = Field(default="not_observed", max_length=20)
    medication: str = Field(default="not_applicable", max_length=20)
    concern: str = Field(default="", sa_column=Column(Text, nullable=False))
    concern_severity: str = Field(default="none", max_length=20)
    concern_notified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ReportPhoto(SQLModel, table=True):
    """A photo taken at a visit: resized, without EXIF, encrypted in private storage."""

    __tablename__ = "visit_report_photos"

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", index=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    uploaded_by_id: int = Field(foreign_key="users.id")
    storage_key: str = Field(max_length=120)
    width: int = Field(default=0)
    height: int = Field(default=0)
    size_bytes: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class VisitRating(SQLModel, table=True):
    """A family member's rating of a visit (1–5), once per person and visit."""

    __tablename__ = "visit_ratings"
    __table_args__ = (
        UniqueConstraint("task_id", "rater_id", name="uq_visit_ratings_task_rater"),
        Index("ix_visit_ratings_manager_created", "manager_id", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="tasks.id", index=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    manager_id: int | None = Field(default=None, foreign_key="users.id")
    rater_id: int = Field(foreign_key="users.id")
    rater_name: str = Field(default="", max_length=120)
    stars: int
    comment: str = Field(default="", sa_column=Column(Text, nullable=False))
    call_requested: bool = Field(default=False, index=True)
    followed_up_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    followed_up_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
