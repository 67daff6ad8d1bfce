"""Append-only audit log of security- and privacy-relevant actions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class AuditEvent(SQLModel, table=True):
    """Who did what to which object, and when."""

    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    action: str = Field(max_length=60, index=True)
    target_type: str = Field(default="", max_length=40)
    target_id: str = Field(default="", max_length=40)
    details: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    client_ip: str = Field(default="", max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
