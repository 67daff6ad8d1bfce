"""VeriFactu billing records: chain verification, cancellation records, what is still unsent."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.billing_fingerprint import (
    IssueFingerprintInput,
    cancellation_fingerprint,
    format_amount,
    format_generated_at,
    format_record_date,
    issue_fingerprint,
)
from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.integrations.aeat_xml import registration_xml
from care_portal.models import BillingRecord, BillingRecordSubmission, Invoice, Role
from care_portal.models.types import utcnow
from care_portal.services import locks
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role

CANCELLATION = "anulacion"


@dataclass(frozen=True)
class ChainReport:
    """The result of checking every issuer's chain of records."""

    checked: int
    broken_record_id: int | None = None
    broken_number: str = ""
    problem: str = ""

    @property
    def ok(self) -> bool:
        """Whether every record and link is intact."""
        return self.broken_record_id is None


class RecordSender(Protocol):
    """Sends registration XML to the AEAT and returns its answer (raises on failure)."""

    def send(self, xml: str) -> str:
        """Send one registration message."""


def verify_chain(session: Session) -> ChainReport:
    """Check every record's fingerprint, its link to the previous one and its invoice.

    Args:
        session: Open session.

    Returns:
        How many records were checked and the first broken one, if any.
    """
    records = session.exec(
        select(BillingRecord).order_by(col(BillingRecord.id)).execution_options(populate_existing=True)
    ).all()
    last_by_nif: dict[str, BillingRecord] = {}
    for checked, record in enumerate(records):
        previous = last_by_nif.get(record.issuer_nif)
        problem = _record_problem(session, record, previous)
        if problem:
            return ChainReport(checked, record.id, record.number, problem)
        last_by_nif[record.issuer_nif] = record
    return ChainReport(len(records))


def _record_problem(session: Session, record: BillingRecord, previous: BillingRecord | None) -> str:
    expected_link = (previous.id, previous.fingerprint) if previous else (None, "")
    if (record.previous_record_id, record.previous_fingerprint) != expected_link:
        return "the link to the previous record does not match"
    if record.record_type == CANCELLATION:
        recomputed = cancellation_fingerprint(
            issuer_nif=record.issuer_nif,
            number=record.number,
            issue_date=record.issue_date,
            previous_fingerprint=record.previous_fingerprint,
            generated_at=record.generated_at,
        )
        if recomputed != record.fingerprint:
            return "the fingerprint does not match the record's values"
        invoice = session.get(Invoice, record.invoice_id, populate_existing=True)
        return (
            ""
            if invoice is not None and invoice.number == record.number
            else "the invoice does not match its record"
        )
    recomputed = issue_fingerprint(
        IssueFingerprintInput(
            issuer_nif=record.issuer_nif,
            number=record.number,
            issue_date=record.issue_date,
            invoice_type=record.invoice_type,
            tax_total=record.tax_total,
            total=record.total,
            previous_fingerprint=record.previous_fingerprint,
            generated_at=record.generated_at,
        )
    )
    if recomputed != record.fingerprint:
        return "the fingerprint does not match the record's values"
    invoice = session.get(Invoice, record.invoice_id, populate_existing=True)
    if invoice is None or (invoice.number, invoice.issuer_nif, invoice.invoice_type) != (
        record.number,
        record.issuer_nif,
        record.invoice_type,
    ):
        return "the invoice does not match its record"
    if (
        format_amount(invoice.total_cents) != record.total
        or format_amount(invoice.tax_cents) != record.tax_total
    ):
        return "the invoice's amounts do not match its record"
    return ""


def unsent_records(session: Session) -> list[BillingRecord]:
    """Return the records not yet accepted by the sender, oldest first."""
    sent = select(BillingRecordSubmission.record_id)
    return list(
        session.exec(
            select(BillingRecord).where(col(BillingRecord.id).not_in(sent)).order_by(col(BillingRecord.id))
        ).all()
    )


def count_unsent(session: Session, *, actor: Viewer | None) -> int:
    """Return how many records are waiting to be sent to the AEAT (admins only)."""
    ensure_role(actor, Role.ADMIN)
    return len(unsent_records(session))


def configured_sender() -> RecordSender | None:
    """Return the sender named by ``VERIFACTU_SENDER`` ("module:factory"), or None (off)."""
    target = get_settings().verifactu_sender
    if not target:
        return None
    module_name, _, factory_name = target.partition(":")
    factory: Callable[[], RecordSender] = getattr(importlib.import_module(module_name), factory_name)
    return factory()


def send_unsent(session: Session, sender: RecordSender | None = None) -> int:
    """Send each unsent record; a record counts as sent only when the sender returns.

    Args:
        session: Open session (the caller commits).
        sender: The sender; the configured one by default. None and no configuration: nothing is sent.

    Returns:
        How many records were sent.
    """
    sender = sender or configured_sender()
    if sender is None:
        return 0
    sent = 0
    for record in unsent_records(session):
        answer = sender.send(registration_xml(session, [record]))
        session.add(BillingRecordSubmission(record_id=record.id, response=str(answer)[:2000]))
        session.flush()
        sent += 1
    return sent


def cancel_invoice_record(
    session: Session, *, invoice_id: int, actor: Viewer | None, now: datetime | None = None
) -> BillingRecord:
    """Append a cancellation record (registro de anulación) for an invoice issued by mistake.

    The invoice itself stays as it is (it is immutable); refunds use rectifying
    invoices instead. Runs in the caller's transaction.

    Args:
        session: Open session (the caller commits).
        invoice_id: The invoice whose record is cancelled.
        actor: An admin.
        now: The instant of the record (aware; defaults to now).

    Returns:
        The new cancellation record.

    Raises:
        PermissionDenied: The actor is not an admin.
        NotFound: No such invoice.
        ValidationFailed: The invoice's record is already cancelled.
    """
    viewer = ensure_role(actor, Role.ADMIN)
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound()
    head = locks.lock_chain_head(session, invoice.issuer_nif)
    if is_cancelled(session, invoice.id):
        raise ValidationFailed({"invoice": "billing.error.already_cancelled"})
    generated_at = format_generated_at(now or utcnow())
    issue_date = format_record_date(invoice.issued_at)
    record = BillingRecord(
        issuer_nif=invoice.issuer_nif,
        record_type=CANCELLATION,
        invoice_id=invoice.id,
        number=invoice.number,
        issue_date=issue_date,
        invoice_type="",
        tax_total="",
        total="",
        previous_record_id=head.last_record_id,
        previous_fingerprint=head.last_fingerprint,
        generated_at=generated_at,
        fingerprint=cancellation_fingerprint(
            issuer_nif=invoice.issuer_nif,
            number=invoice.number,
            issue_date=issue_date,
            previous_fingerprint=head.last_fingerprint,
            generated_at=generated_at,
        ),
    )
    session.add(record)
    session.flush()
    head.last_record_id = record.id
    head.last_fingerprint = record.fingerprint
    session.add(head)
    record_event(
        session,
        actor_id=viewer.id,
        action="invoice.cancel_record",
        target_type="invoice",
        target_id=invoice.id,
    )
    session.flush()
    return record


def is_cancelled(session: Session, invoice_id: int) -> bool:
    """Whether an invoice's billing record has been cancelled."""
    return (
        session.exec(
            select(BillingRecord.id).where(
                BillingRecord.invoice_id == invoice_id, BillingRecord.record_type == CANCELLATION
            )
        ).first()
        is not None
    )
