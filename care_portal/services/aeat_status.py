"""What admins see of the AEAT: counts, incidents, the sender's state, the attempt log.

Also the «declaración responsable» of the billing system, public, from settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, or_, select

from care_portal.config import get_settings
from care_portal.domain.formatting import format_datetime
from care_portal.models import (
    AeatRecordState,
    AeatSenderState,
    AeatStatus,
    AeatSubmission,
    BillingRecord,
    Role,
)
from care_portal.models.types import utcnow
from care_portal.services.authz import Viewer, ensure_role

INCIDENT_LIMIT = 50
LOG_LIMIT = 20
LOG_OUTCOMES = ("answered", "unavailable", "fault", "invalid_body")
"""What a submission attempt's log row says happened (``aeat_submission._log_attempt``); each has
a ``admin.aeat.outcome.*`` message."""


@dataclass(frozen=True)
class AeatCounts:
    """How many records stand where."""

    sent: int
    with_errors: int
    rejected: int
    pending: int
    incidents: int


@dataclass(frozen=True)
class IncidentRow:
    """A record an admin has to look at."""

    record_id: int
    number: str
    kind: str
    generated: str
    status: str
    error_code: str
    error_description: str
    correctable: bool


@dataclass(frozen=True)
class SubmissionRow:
    """One attempt in the log."""

    id: int
    started: str
    record_count: int
    outcome: str
    estado_envio: str
    csv: str
    wait_seconds: str
    error: str


@dataclass(frozen=True)
class SenderInfo:
    """Whether and where the sender works."""

    configured: bool
    mode: str
    next_send: str
    failures: int
    last_error: str


@dataclass(frozen=True)
class Declaration:
    """The «declaración responsable» values (also the SistemaInformatico block of each record)."""

    producer_name: str
    producer_nif: str
    system_name: str
    system_id: str
    version: str
    installation: str


def declaration() -> Declaration:
    """Return the billing system's declaration values from settings (public)."""
    s = get_settings()
    return Declaration(
        s.software_producer_name,
        s.software_producer_nif,
        s.software_name,
        s.software_id,
        s.software_version,
        s.software_installation,
    )


def _status_column():
    return func.coalesce(col(AeatRecordState.status), AeatStatus.PENDING)


def _incident_filter(now: datetime):
    late = now - timedelta(hours=get_settings().aeat_incident_hours)
    return or_(
        col(AeatRecordState.status).in_(AeatStatus.NEEDS_ADMIN),
        (_status_column() == AeatStatus.PENDING) & (col(BillingRecord.created_at) < late),
    )


def _joined(query):
    return query.select_from(BillingRecord).outerjoin(
        AeatRecordState, col(AeatRecordState.record_id) == col(BillingRecord.id)
    )


def counts(session: Session, *, actor: Viewer | None, now: datetime | None = None) -> AeatCounts:
    """Return the record counts by AEAT state and the incidents (admins only; two statements)."""
    ensure_role(actor, Role.ADMIN)
    now = now or utcnow()
    by_status: dict[str, int] = {}
    grouped = session.exec(
        _joined(select(col(AeatRecordState.status), func.count(col(BillingRecord.id)))).group_by(
            col(AeatRecordState.status)
        )
    ).all()
    for status, count in grouped:  # no state row yet: pending
        by_status[status or AeatStatus.PENDING] = by_status.get(status or AeatStatus.PENDING, 0) + count
    incidents = session.exec(
        _joined(select(func.count(col(BillingRecord.id)))).where(_incident_filter(now))
    ).one()
    return AeatCounts(
        sent=by_status.get(AeatStatus.SENT, 0),  # a corrected record is counted through its correction
        with_errors=by_status.get(AeatStatus.ACCEPTED_WITH_ERRORS, 0),
        rejected=by_status.get(AeatStatus.REJECTED, 0),
        pending=by_status.get(AeatStatus.PENDING, 0) + by_status.get(AeatStatus.INVALID, 0),
        incidents=incidents,
    )


def count_incidents(session: Session, *, actor: Viewer | None) -> int:
    """Return how many records need an admin (for the admin home)."""
    return counts(session, actor=actor).incidents


def incidents(session: Session, *, actor: Viewer | None, now: datetime | None = None) -> list[IncidentRow]:
    """Return the records an admin has to look at, oldest first (at most 50)."""
    ensure_role(actor, Role.ADMIN)
    now = now or utcnow()
    rows = session.exec(
        _joined(select(BillingRecord, AeatRecordState))
        .where(_incident_filter(now))
        .order_by(col(BillingRecord.id))
        .limit(INCIDENT_LIMIT)
    ).all()
    return [
        IncidentRow(
            record_id=record.id,
            number=record.number,
            kind="anulacion" if record.record_type == "anulacion" else "alta",
            generated=format_datetime(record.created_at),
            status=state.status if state else AeatStatus.PENDING,
            error_code=state.error_code if state else "",
            error_description=state.error_description if state else "",
            correctable=bool(
                state and state.status in (AeatStatus.REJECTED, AeatStatus.ACCEPTED_WITH_ERRORS)
            ),
        )
        for record, state in rows
    ]


def submissions(session: Session, *, actor: Viewer | None) -> list[SubmissionRow]:
    """Return the newest attempts of the log (admins only)."""
    ensure_role(actor, Role.ADMIN)
    rows = session.exec(select(AeatSubmission).order_by(col(AeatSubmission.id).desc()).limit(LOG_LIMIT)).all()
    return [
        SubmissionRow(
            id=row.id,
            started=format_datetime(row.started_at),
            record_count=row.record_count,
            outcome=row.outcome,
            estado_envio=row.estado_envio,
            csv=row.csv,
            wait_seconds="" if row.wait_seconds is None else str(row.wait_seconds),
            error=row.error[:300],
        )
        for row in rows
    ]


def sender_info(session: Session, *, actor: Viewer | None) -> SenderInfo:
    """Return whether the sender is configured, its mode, next turn and last failure (admins only)."""
    ensure_role(actor, Role.ADMIN)
    settings = get_settings()
    state = session.get(AeatSenderState, 1)
    return SenderInfo(
        configured=bool(settings.aeat_cert_file),
        mode="production" if settings.aeat_mode == "production" else "test",
        next_send=format_datetime(state.next_send_at) if state else "",
        failures=state.failures if state else 0,
        last_error=state.last_error[:300] if state else "",
    )
