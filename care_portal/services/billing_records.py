"""VeriFactu billing records: chain verification, cancellation records, corrected records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from care_portal.domain.billing_fingerprint import (
    IssueFingerprintInput,
    cancellation_fingerprint,
    format_amount,
    format_generated_at,
    format_record_date,
    issue_fingerprint,
)
from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.models import AeatRecordState, AeatStatus, BillingRecord, Invoice, Role
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


def correct_record(
    session: Session, *, record_id: int, actor: Viewer | None, now: datetime | None = None
) -> BillingRecord:
    """Append a corrected record (subsanación) for one the AEAT rejected or accepted with errors.

    The new record repeats the invoice's values as stored (the invoice is
    immutable), chained at the head with a new timestamp; the sender builds it
    with the current settings and software, which is where such errors are fixed.
    A rejected record is flagged ``RechazoPrevio=S``. Runs in the caller's transaction.

    Args:
        session: Open session (the caller commits).
        record_id: The record to correct.
        actor: An admin.
        now: The instant of the new record (aware; defaults to now).

    Returns:
        The new record, pending until the sender sends it.

    Raises:
        PermissionDenied: The actor is not an admin.
        NotFound: No such record.
        ValidationFailed: The record is not rejected nor accepted with errors.
    """
    viewer = ensure_role(actor, Role.ADMIN)
    original = session.get(BillingRecord, record_id)
    if original is None:
        raise NotFound()
    head = locks.lock_chain_head(session, original.issuer_nif)
    state = session.get(AeatRecordState, record_id, populate_existing=True)
    if state is None or state.status not in (AeatStatus.REJECTED, AeatStatus.ACCEPTED_WITH_ERRORS):
        raise ValidationFailed({"record": "aeat.error.not_correctable"})
    generated_at = format_generated_at(now or utcnow())
    fingerprint = (
        cancellation_fingerprint(
            issuer_nif=original.issuer_nif,
            number=original.number,
            issue_date=original.issue_date,
            previous_fingerprint=head.last_fingerprint,
            generated_at=generated_at,
        )
        if original.record_type == CANCELLATION
        else issue_fingerprint(
            IssueFingerprintInput(
                issuer_nif=original.issuer_nif,
                number=original.number,
                issue_date=original.issue_date,
                invoice_type=original.invoice_type,
                tax_total=original.tax_total,
                total=original.total,
                previous_fingerprint=head.last_fingerprint,
                generated_at=generated_at,
            )
        )
    )
    record = BillingRecord(
        issuer_nif=original.issuer_nif,
        record_type=original.record_type,
        invoice_id=original.invoice_id,
        number=original.number,
        issue_date=original.issue_date,
        invoice_type=original.invoice_type,
        tax_total=original.tax_total,
        total=original.total,
        previous_record_id=head.last_record_id,
        previous_fingerprint=head.last_fingerprint,
        generated_at=generated_at,
        fingerprint=fingerprint,
        correction="" if original.record_type == CANCELLATION else "S",
        previous_rejection="S" if state.status == AeatStatus.REJECTED else "N",
    )
    session.add(record)
    session.flush()
    head.last_record_id = record.id
    head.last_fingerprint = record.fingerprint
    session.add(head)
    state.status = AeatStatus.CORRECTED
    state.corrected_by_record_id = record.id
    state.updated_at = utcnow()
    session.add(state)
    record_event(
        session,
        actor_id=viewer.id,
        action="aeat.correct_record",
        target_type="billing_record",
        target_id=original.id,
        details={"new_record": record.id},
    )
    session.flush()
    return record
