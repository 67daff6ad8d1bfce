"""The family circle of a beneficiary: members, invitations and the conversation with the team."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class CircleMember(SQLModel, table=True):
    """A relative (or the beneficiary themself) who follows a beneficiary's care.

    Every member may see the beneficiary's project, visits and reports; ``can_buy`` and
    ``can_message`` are granted by the client. A removed member keeps the row (who, when)
    and loses every access at once.
    """

    __tablename__ = "circle_members"

    id: int | None = Field(default=None, primary_key=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    invited_by_id: int = Field(foreign_key="users.id")
    can_buy: bool = Field(default=False)
    can_message: bool = Field(default=False)
    is_beneficiary: bool = Field(default=False)  # the person cared for: large-text pages
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    removed_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    removed_by_id: int | None = Field(default=None, foreign_key="users.id")


class CircleInvitation(SQLModel, table=True):
    """A single-use, expiring invitation sent by e-mail; only the token's SHA-256 is stored."""

    __tablename__ = "circle_invitations"

    id: int | None = Field(default=None, primary_key=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    email: str = Field(max_length=254, index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    invited_by_id: int = Field(foreign_key="users.id")
    can_buy: bool = Field(default=False)
    can_message: bool = Field(default=False)
    is_beneficiary: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    used_by_id: int | None = Field(default=None, foreign_key="users.id")
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class CircleMessage(SQLModel, table=True):
    """One message in a beneficiary's conversation between the circle and the team.

    Messages belong to the beneficiary's file; at most one attachment, stored privately
    and encrypted like the beneficiary's documents.
    """

    __tablename__ = "circle_messages"

    id: int | None = Field(default=None, primary_key=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    author_id: int = Field(foreign_key="users.id", index=True)
    body: str = Field(sa_column=Column(Text, nullable=False))
    attachment_key: str = Field(default="", max_length=120)
    attachment_name: str = Field(default="", max_length=120)
    attachment_type: str = Field(default="", max_length=100)
    attachment_size: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class CircleReadMark(SQLModel, table=True):
    """How far one user has read one beneficiary's conversation (read receipts, unread counts)."""

    __tablename__ = "circle_read_marks"
    __table_args__ = (UniqueConstraint("user_id", "beneficiary_id", name="uq_circle_read_mark"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    beneficiary_id: int = Field(foreign_key="beneficiaries.id", index=True)
    last_read_id: int = Field(default=0)
    read_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MessageDigestState(SQLModel, table=True):
    """Per recipient: when the last unread-messages e-mail went out and up to which message."""

    __tablename__ = "message_digest_states"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", unique=True, index=True)
    last_sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    notified_up_to_id: int = Field(default=0)
