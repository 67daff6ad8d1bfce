"""Users, roles, log-in sessions, password-reset tokens and log-in attempts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, String
from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class Role(StrEnum):
    """What a user may do on the platform."""

    CLIENT = "client"
    MANAGER = "manager"
    RECRUITER = "recruiter"
    ADMIN = "admin"


class User(SQLModel, table=True):
    """A person with an account. The password hash never leaves this class."""

    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(sa_column=Column(String(254), unique=True, nullable=False, index=True))
    full_name: str = Field(max_length=120)
    phone: str = Field(default="", max_length=20)
    password_hash: str = Field(max_length=255)
    role: str = Field(default=Role.CLIENT.value, max_length=20, index=True)
    is_active: bool = Field(default=True)
    language: str = Field(default="es", max_length=2)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_login_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    email_verified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # needed to buy
    blocked_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    purge_after: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AuthSession(SQLModel, table=True):
    """A log-in session; the browser holds the token, the database only its SHA-256."""

    __tablename__ = "auth_sessions"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_seen_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # for the idle timeout
    client_ip: str = Field(default="", max_length=64)


class PasswordResetToken(SQLModel, table=True):
    """A single-use, expiring password-reset link; only its SHA-256 is stored."""

    __tablename__ = "password_reset_tokens"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class EmailVerification(SQLModel, table=True):
    """A single-use, expiring link that proves a new account owns its e-mail; only its SHA-256 is stored."""

    __tablename__ = "email_verifications"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class LoginAttempt(SQLModel, table=True):
    """One log-in attempt, used to slow down guessing per account and per address."""

    __tablename__ = "login_attempts"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)
    client_ip: str = Field(default="", max_length=64, index=True)
    succeeded: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
