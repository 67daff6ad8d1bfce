"""What happened to each billing record at the AEAT: attempts (append-only) and current state.

``AeatSubmission`` and ``AeatRecordResult`` are an append-only log of every
request and of each record's answer. ``AeatRecordState`` is the one mutable row
per record that the sender and the admin page read; ``AeatSenderState`` is the
single lease row that keeps two workers from sending at the same time and holds
the AEAT's flow control (``TiempoEsperaEnvio``).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from care_portal.models.types import UTCDateTime, utcnow


class AeatStatus:
    """Where a billing record stands with the AEAT."""

    PENDING = "pending"  # not sent yet, or sent and not answered (network failure)
    INVALID = "invalid"  # the body failed the schema check: a bug, never sent
    SENT = "sent"  # Correcto
    ACCEPTED_WITH_ERRORS = "accepted_with_errors"  # AceptadoConErrores: needs a subsanación
    REJECTED = "rejected"  # Incorrecto: not registered, needs a corrected record
    CORRECTED = "corrected"  # a later record corrected this one

    ALL = (PENDING, INVALID, SENT, ACCEPTED_WITH_ERRORS, REJECTED, CORRECTED)
    WAITING = (PENDING, INVALID)
    NEEDS_ADMIN = (INVALID, ACCEPTED_WITH_ERRORS, REJECTED)


class AeatSubmission(SQLModel, table=True):
    """One request to the AEAT (or one refused before leaving): append-only."""

    __tablename__ = "aeat_submissions"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    worker: str = Field(default="", max_length=80)
    record_count: int = 0
    request_sha256: str = Field(default="", max_length=64)
    outcome: str = Field(max_length=20)  # answered | unavailable | invalid_body | fault
    http_status: int | None = None
    csv: str = Field(default="", max_length=80)
    estado_envio: str = Field(default="", max_length=24)
    wait_seconds: int | None = None
    error: str = Field(default="", max_length=2000)


class AeatRecordResult(SQLModel, table=True):
    """The AEAT's answer for one record in one submission: append-only."""

    __tablename__ = "aeat_record_results"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="aeat_submissions.id", index=True)
    record_id: int = Field(foreign_key="billing_records.id", index=True)
    estado_registro: str = Field(max_length=24)
    error_code: str = Field(default="", max_length=12)
    error_description: str = Field(default="", max_length=1500)
    duplicate_state: str = Field(default="", max_length=24)


class AeatRecordState(SQLModel, table=True):
    """The current AEAT state of one billing record (no row yet: pending)."""

    __tablename__ = "aeat_record_states"

    record_id: int = Field(foreign_key="billing_records.id", primary_key=True)
    status: str = Field(max_length=24, index=True)
    csv: str = Field(default="", max_length=80)
    error_code: str = Field(default="", max_length=12)
    error_description: str = Field(default="", max_length=1500)
    last_submission_id: int | None = Field(default=None, foreign_key="aeat_submissions.id")
    corrected_by_record_id: int | None = Field(default=None, foreign_key="billing_records.id")
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AeatSenderState(SQLModel, table=True):
    """The single sender lease and the AEAT's flow control (row id 1)."""

    __tablename__ = "aeat_sender_state"

    id: int | None = Field(default=None, primary_key=True)
    lease_owner: str = Field(default="", max_length=80)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    next_send_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failures: int = 0
    last_error: str = Field(default="", max_length=2000)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
