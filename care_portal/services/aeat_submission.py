"""Sending pending billing records to the AEAT, one worker at a time, in chain order.

One pass (:func:`send_pending`) claims the single sender lease in the database
(so two workers never send the same record), honours the AEAT's flow control
(``TiempoEsperaEnvio``, skipped when 1,000 records are waiting), sends up to
1,000 records oldest first, and writes every attempt and each record's answer
to the append-only log. Network failures leave the records pending and back off.
A body that breaks the AEAT schemas is never sent: it is logged and shown to admins.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import func, or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.db import session_scope
from care_portal.integrations.aeat_client import AeatUnavailable, HttpAnswer
from care_portal.integrations.aeat_xml import (
    MAX_RECORDS,
    AeatAnswerError,
    RecordPayload,
    SubmissionAnswer,
    parse_answer,
    registration_element,
    schema_problems,
    soap_envelope,
    to_bytes,
)
from care_portal.models import (
    AeatRecordResult,
    AeatRecordState,
    AeatSenderState,
    AeatStatus,
    AeatSubmission,
    BillingRecord,
)
from care_portal.models.types import utcnow
from care_portal.services.aeat_payloads import CANCELLATION, record_payloads, software
from care_portal.services.locks import insert_if_missing

logger = logging.getLogger(__name__)

SENDER_ROW = 1
LEASE_MARGIN_SECONDS = 60
MAX_BACKOFF_SECONDS = 3600
BATCH_SIZE = MAX_RECORDS  # records per submission (the AEAT's maximum)
FLOW_CONTROL_BYPASS = MAX_RECORDS  # this many waiting records may be sent without waiting


class SoapPoster(Protocol):
    """Anything that posts a SOAP envelope to the AEAT (``AeatClient``)."""

    timeout: float

    def post(self, envelope: bytes) -> HttpAnswer:
        """Post one envelope or raise ``AeatUnavailable``."""


@dataclass(frozen=True)
class PassResult:
    """What one pass did and how long to wait before the next."""

    sent: int
    wait_seconds: float
    outcome: str


def worker_name() -> str:
    """Return a name for this process's sender (host, pid and a random part)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"[:80]


def backoff_seconds(failures: int) -> int:
    """Return the wait after ``failures`` consecutive failed attempts (30 s doubling, 1 h at most)."""
    return min(MAX_BACKOFF_SECONDS, 30 * 2 ** max(0, failures - 1))


def _waiting():
    return or_(col(AeatRecordState.status).is_(None), col(AeatRecordState.status).in_(AeatStatus.WAITING))


def pending_records(session: Session, limit: int | None = None) -> list[BillingRecord]:
    """Return the records still to send (never sent, failed to send, or invalid), oldest first."""
    return list(
        session.exec(
            select(BillingRecord)
            .outerjoin(AeatRecordState, col(AeatRecordState.record_id) == col(BillingRecord.id))
            .where(_waiting())
            .order_by(col(BillingRecord.id))
            .limit(limit or BATCH_SIZE)
        ).all()
    )


def count_pending(session: Session) -> int:
    """Return how many records are still to send."""
    return session.exec(
        select(func.count(col(BillingRecord.id)))
        .select_from(BillingRecord)
        .outerjoin(AeatRecordState, col(AeatRecordState.record_id) == col(BillingRecord.id))
        .where(_waiting())
    ).one()


def _claim(engine: Engine | None, worker: str, now: datetime, lease_seconds: float) -> tuple[bool, float]:
    """Take the sender lease if it is free and flow control allows; return (taken, seconds to wait)."""
    with session_scope(engine) as session:
        insert_if_missing(
            session,
            AeatSenderState,
            {"id": SENDER_ROW, "lease_owner": "", "failures": 0, "last_error": "", "updated_at": now},
            ["id"],
        )
        bypass = count_pending(session) >= FLOW_CONTROL_BYPASS
        conditions = [
            col(AeatSenderState.id) == SENDER_ROW,
            or_(col(AeatSenderState.lease_until).is_(None), col(AeatSenderState.lease_until) < now),
        ]
        if not bypass:
            conditions.append(
                or_(col(AeatSenderState.next_send_at).is_(None), col(AeatSenderState.next_send_at) <= now)
            )
        taken = session.exec(
            update(AeatSenderState)
            .where(*conditions)
            .values(lease_owner=worker, lease_until=now + timedelta(seconds=lease_seconds), updated_at=now)
        ).rowcount
        if taken == 1:
            return True, 0.0
        state = session.get(AeatSenderState, SENDER_ROW, populate_existing=True)
        moments = [m for m in (state.lease_until, state.next_send_at) if m and m > now]
        return False, max(((m - now).total_seconds() for m in moments), default=0.0)


def _release(engine, worker: str, now: datetime, *, wait: float, failed: bool, error: str = "") -> None:
    with session_scope(engine) as session:
        state = session.get(AeatSenderState, SENDER_ROW, populate_existing=True)
        if state.lease_owner != worker:
            return
        state.failures = state.failures + 1 if failed else 0
        state.next_send_at = now + timedelta(seconds=wait)
        state.lease_until = None
        state.lease_owner = ""
        state.last_error = error[:2000]
        state.updated_at = utcnow()
        session.add(state)


def send_pending(
    client: SoapPoster,
    *,
    worker: str | None = None,
    engine: Engine | None = None,
    now: datetime | None = None,
) -> PassResult:
    """Run one sending pass (see the module docstring).

    Args:
        client: Posts the SOAP request (``AeatClient`` or a test double).
        worker: This sender's name, for the lease and the log.
        engine: Database engine; the application's by default.
        now: The current instant (tests move it to prove flow control and backoff).

    Returns:
        How many records were answered, the seconds until the next pass may send, and the outcome.
    """
    worker = worker or worker_name()
    now = now or utcnow()
    taken, wait = _claim(engine, worker, now, client.timeout + LEASE_MARGIN_SECONDS)
    if not taken:
        return PassResult(0, wait, "waiting")
    try:
        return _send_batch(client, worker, engine, now)
    except Exception as exc:
        logger.exception("AEAT sending pass failed")
        _release(
            engine, worker, now, wait=backoff_seconds(1), failed=True, error=f"{type(exc).__name__}: {exc}"
        )
        raise


def _send_batch(client: SoapPoster, worker: str, engine, now: datetime) -> PassResult:
    settings = get_settings()
    with session_scope(engine) as session:
        records = pending_records(session)
        payloads = record_payloads(session, records)
    if not records:
        _release(engine, worker, now, wait=0, failed=False)
        return PassResult(0, settings.aeat_poll_seconds, "idle")
    header = {
        "issuer_name": settings.company_name,
        "issuer_nif": settings.company_nif,
        "software": software(),
    }
    body = registration_element(records=payloads, **header)
    problems = schema_problems(to_bytes(body))
    if problems:
        records, payloads, body = _valid_prefix(engine, worker, records, payloads, header, problems)
        if not records:
            wait = backoff_seconds(_failures(engine) + 1)
            _release(engine, worker, now, wait=wait, failed=True, error="invalid body (see the records)")
            return PassResult(0, wait, "invalid_body")
    envelope = soap_envelope(body)
    digest = hashlib.sha256(envelope).hexdigest()
    try:
        answer = client.post(envelope)
        parsed = parse_answer(answer.content)
    except (AeatUnavailable, AeatAnswerError) as exc:
        wait = backoff_seconds(_failures(engine) + 1)
        outcome = "unavailable" if isinstance(exc, AeatUnavailable) else "fault"
        _log_attempt(engine, worker, records, digest, outcome=outcome, error=str(exc))
        logger.warning("AEAT submission of %s records failed (%s): %s", len(records), outcome, exc)
        _release(engine, worker, now, wait=wait, failed=True, error=str(exc))
        return PassResult(0, wait, outcome)
    answered = _store_answer(engine, worker, records, digest, answer.status, parsed)
    if answered < len(records):  # e.g. the whole submission refused (header): they stay pending
        wait = max(parsed.wait_seconds, backoff_seconds(_failures(engine) + 1))
        error = f"{len(records) - answered} records without an answer (EstadoEnvio {parsed.estado_envio})"
        logger.warning("AEAT submission: %s", error)
        _release(engine, worker, now, wait=wait, failed=True, error=error)
        return PassResult(answered, float(wait), "answered")
    _release(engine, worker, now, wait=parsed.wait_seconds, failed=False)
    return PassResult(answered, float(parsed.wait_seconds), "answered")


def _failures(engine) -> int:
    with session_scope(engine) as session:
        return session.get(AeatSenderState, SENDER_ROW, populate_existing=True).failures


def _valid_prefix(engine, worker, records, payloads: list[RecordPayload], header: dict, problems: list[str]):
    """Find the first record whose body breaks the schema; keep the records before it."""
    bad_index, reasons = 0, problems
    for index, payload in enumerate(payloads):
        found = schema_problems(to_bytes(registration_element(records=[payload], **header)))
        if found:
            bad_index, reasons = index, found
            break
    bad = records[bad_index]
    error = "; ".join(reasons)[:1500]
    logger.error("AEAT body for record %s (%s) breaks the schema, not sent: %s", bad.id, bad.number, error)
    _log_attempt(engine, worker, [bad], "", outcome="invalid_body", error=error)
    with session_scope(engine) as session:
        _set_state(session, bad.id, AeatStatus.INVALID, error_description=error)
    kept = records[:bad_index]
    body = registration_element(records=payloads[:bad_index], **header) if kept else None
    return kept, payloads[:bad_index], body


def _log_attempt(engine, worker, records, digest: str, *, outcome: str, error: str) -> None:
    with session_scope(engine) as session:
        session.add(
            AeatSubmission(
                worker=worker,
                record_count=len(records),
                request_sha256=digest,
                outcome=outcome,
                error=error[:2000],
            )
        )


def _store_answer(engine, worker, records, digest: str, http_status: int, answer: SubmissionAnswer) -> int:
    with session_scope(engine) as session:
        submission = AeatSubmission(
            worker=worker,
            record_count=len(records),
            request_sha256=digest,
            outcome="answered",
            http_status=http_status,
            csv=answer.csv[:80],
            estado_envio=answer.estado_envio,
            wait_seconds=answer.wait_seconds,
        )
        session.add(submission)
        session.flush()
        by_key: dict[tuple, list[BillingRecord]] = {}
        for record in records:
            operation = "Anulacion" if record.record_type == CANCELLATION else "Alta"
            by_key.setdefault((record.issuer_nif, record.number, operation), []).append(record)
        answered = 0
        for line in answer.lines:
            matches = by_key.get((line.invoice.issuer_nif, line.invoice.number, line.operation or "Alta"))
            if not matches:
                logger.warning("AEAT answered about an unknown record %s", line.invoice.number)
                continue
            record = matches.pop(0)
            session.add(
                AeatRecordResult(
                    submission_id=submission.id,
                    record_id=record.id,
                    estado_registro=line.estado,
                    error_code=line.error_code[:12],
                    error_description=line.error_description[:1500],
                    duplicate_state=line.duplicate_state,
                )
            )
            _set_state(
                session,
                record.id,
                _status_of(line.estado, line.duplicate_state),
                csv=answer.csv,
                error_code=line.error_code,
                error_description=line.error_description,
                submission_id=submission.id,
            )
            answered += 1
        return answered


def _status_of(estado: str, duplicate_state: str) -> str:
    if duplicate_state in ("Correcta", "AceptadaConErrores"):  # already registered: a duplicate
        return AeatStatus.SENT if duplicate_state == "Correcta" else AeatStatus.ACCEPTED_WITH_ERRORS
    return {
        "Correcto": AeatStatus.SENT,
        "AceptadoConErrores": AeatStatus.ACCEPTED_WITH_ERRORS,
    }.get(estado, AeatStatus.REJECTED)


def _set_state(
    session: Session,
    record_id: int,
    status: str,
    *,
    csv: str = "",
    error_code: str = "",
    error_description: str = "",
    submission_id: int | None = None,
) -> None:
    state = session.get(AeatRecordState, record_id) or AeatRecordState(record_id=record_id, status=status)
    state.status = status
    state.csv = csv[:80]
    state.error_code = error_code[:12]
    state.error_description = error_description[:1500]
    state.last_submission_id = submission_id or state.last_submission_id
    state.updated_at = utcnow()
    session.add(state)
