"""Issuing invoices and rectifying invoices: numbering and the VeriFactu record.

Both functions run inside the caller's transaction and never commit. Numbering
and chaining are serialized by the row locks of :mod:`care_portal.services.locks`;
the issue time is taken once the numbering lock is held, so numbers and times
agree in order. The locks are held until the caller commits, so callers do their
other work first and issue the invoice last, just before committing: while the
locks are held only the invoice's own rows are written (see
``tests/services/test_concurrent_confirmations.py``). The PDF is only queued
here and rendered after the commit by a job (:mod:`care_portal.services.invoice_documents`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.domain.billing_fingerprint import (
    IssueFingerprintInput,
    format_amount,
    format_generated_at,
    format_record_date,
    issue_fingerprint,
)
from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.domain.formatting import to_madrid
from care_portal.domain.invoicing import (
    InvoiceAmounts,
    LineInput,
    Party,
    compute_amounts,
    invoice_number,
)
from care_portal.integrations import storage
from care_portal.models import (
    BillingRecord,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    Role,
)
from care_portal.models.types import utcnow
from care_portal.services import billing_records, invoice_documents, locks
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role

INVOICE_SERIES = "F"
RECTIFYING_SERIES = "R"


@dataclass(frozen=True)
class IssuedInvoice:
    """What the caller needs to know about a new invoice."""

    id: int
    number: str
    total_cents: int


def issue_invoice(
    session: Session,
    *,
    client_id: int,
    recipient: Party,
    lines: list[LineInput],
    beneficiary_name: str,
    order_ref: str,
    now: datetime | None = None,
) -> IssuedInvoice:
    """Issue a full invoice (series "F") for a confirmed payment.

    Args:
        session: The caller's open session; nothing is committed here.
        client_id: The client who paid (owner of the invoice).
        recipient: Billing data copied onto the invoice as it is now.
        lines: Services sold, unit prices IVA included.
        beneficiary_name: Who receives the services.
        order_ref: The order this invoice pays for.
        now: Issue instant (aware; defaults to now).

    Returns:
        The new invoice's id, number and total.

    Raises:
        ValidationFailed: Missing recipient data or a wrong line.
    """
    _check_party(recipient)
    amounts = compute_amounts(lines)
    return _issue(
        session,
        series=INVOICE_SERIES,
        invoice_type="F1",
        kind=InvoiceKind.INVOICE,
        client_id=client_id,
        recipient=recipient,
        amounts=amounts,
        beneficiary_name=beneficiary_name,
        order_ref=order_ref,
        now=now,
    )


def issue_rectifying_invoice(
    session: Session,
    *,
    original_invoice_id: int,
    lines: list[LineInput] | None,
    reason: str,
    actor: Viewer | None,
    now: datetime | None = None,
) -> IssuedInvoice:
    """Issue a rectifying invoice (series "R", negative amounts) for an invoice.

    Args:
        session: The caller's open session; nothing is committed here.
        original_invoice_id: The full invoice being corrected or refunded.
        lines: What is refunded (positive prices, IVA included); None refunds everything.
        reason: Why (printed on the invoice).
        actor: An admin, or the client who owns the invoice (their cancellation).
        now: Issue instant (aware; defaults to now).

    Returns:
        The rectifying invoice's id, number and (negative) total.

    Raises:
        NotAuthenticated: Nobody is logged in.
        NotFound: No such full invoice, or it belongs to someone else.
        ValidationFailed: No reason, a wrong line, or more refunded than invoiced.
    """
    viewer = ensure_role(actor, Role.CLIENT)
    original = session.get(Invoice, original_invoice_id)
    if original is None or original.kind != InvoiceKind.INVOICE:
        raise NotFound()
    if viewer.role != Role.ADMIN.value and original.client_id != viewer.id:
        raise NotFound()
    if not reason.strip():
        raise ValidationFailed({"reason": "billing.error.reason"})
    if billing_records.is_cancelled(session, original.id):
        raise ValidationFailed({"invoice": "billing.error.already_cancelled"})
    if lines is None:
        lines = [
            LineInput(
                line.description, line.quantity, line.unit_price_cents, line.vat_rate, line.exempt_reason
            )
            for line in _lines_of(session, original.id)
        ]
    amounts = compute_amounts(lines, sign=-1)
    already = session.exec(
        select(func.coalesce(func.sum(Invoice.total_cents), 0)).where(
            Invoice.rectifies_invoice_id == original.id
        )
    ).one()
    if -(already + amounts.total_cents) > original.total_cents:
        raise ValidationFailed({"lines": "billing.error.refund_too_large"})
    issued = _issue(
        session,
        series=RECTIFYING_SERIES,
        invoice_type="R1",
        kind=InvoiceKind.RECTIFYING,
        client_id=original.client_id,
        recipient=Party(original.recipient_name, original.recipient_nif, original.recipient_address),
        amounts=amounts,
        beneficiary_name=original.beneficiary_name,
        order_ref=original.order_ref,
        now=now,
        rectifies=original,
        reason=reason.strip(),
    )
    record_event(
        session,
        actor_id=viewer.id,
        action="invoice.rectify",
        target_type="invoice",
        target_id=original.id,
        details={"rectifying": issued.number, "total_cents": issued.total_cents},
    )
    return issued


def _check_party(party: Party) -> None:
    problems = {
        field: "billing.error.recipient"
        for field, value in (("name", party.name), ("nif", party.nif), ("address", party.address))
        if not value.strip()
    }
    if problems:
        raise ValidationFailed(problems)


def _lines_of(session: Session, invoice_id: int) -> list[InvoiceLine]:
    return list(
        session.exec(
            select(InvoiceLine)
            .where(InvoiceLine.invoice_id == invoice_id)
            .order_by(col(InvoiceLine.position))
        )
    )


def _lock_numbering(session: Session, series: str, now: datetime | None) -> tuple[datetime, int, int]:
    """Lock the series counter, then take the issue time (given in tests), its year and number.

    When the year turned while waiting for the lock, the new year's counter is
    locked as well (counters only, before the chain head: the lock order holds).
    """
    provisional = to_madrid(now or utcnow()).year
    counter = locks.lock_counter(session, series=series, year=provisional)
    issued_at = now or utcnow()
    year = to_madrid(issued_at).year
    if year != provisional:
        counter = locks.lock_counter(session, series=series, year=year)
    return issued_at, year, locks.take_number(session, counter)


def _issue(
    session: Session,
    *,
    series: str,
    invoice_type: str,
    kind: str,
    client_id: int,
    recipient: Party,
    amounts: InvoiceAmounts,
    beneficiary_name: str,
    order_ref: str,
    now: datetime | None,
    rectifies: Invoice | None = None,
    reason: str = "",
) -> IssuedInvoice:
    settings = get_settings()
    issuer = Party(settings.company_name, settings.company_nif, settings.company_address)
    session.flush()  # the caller's pending rows are written before the locks, not while holding them
    # The critical section starts here and ends at the caller's commit: two row locks, the
    # invoice, its lines and record written, the counter and head updated with the commit.
    now, year, sequence = _lock_numbering(session, series, now)
    number = invoice_number(series, year, sequence)
    head = locks.lock_chain_head(session, issuer.nif)

    fingerprint_input = IssueFingerprintInput(
        issuer_nif=issuer.nif,
        number=number,
        issue_date=format_record_date(now),
        invoice_type=invoice_type,
        tax_total=format_amount(amounts.tax_cents),
        total=format_amount(amounts.total_cents),
        previous_fingerprint=head.last_fingerprint,
        generated_at=format_generated_at(now),
    )
    fingerprint = issue_fingerprint(fingerprint_input)
    invoice = Invoice(
        number=number,
        series=series,
        year=year,
        sequence=sequence,
        kind=kind,
        invoice_type=invoice_type,
        client_id=client_id,
        order_ref=order_ref.strip(),
        beneficiary_name=beneficiary_name.strip(),
        issued_at=now,
        issuer_name=issuer.name,
        issuer_nif=issuer.nif,
        issuer_address=issuer.address,
        recipient_name=recipient.name.strip(),
        recipient_nif=recipient.nif.strip(),
        recipient_address=recipient.address.strip(),
        base_cents=amounts.base_cents,
        tax_cents=amounts.tax_cents,
        total_cents=amounts.total_cents,
        rectifies_invoice_id=rectifies.id if rectifies else None,
        rectification_reason=reason,
        pdf_key=storage.new_key("invoices", "pdf"),
    )
    session.add(invoice)
    session.flush()
    for position, line in enumerate(amounts.lines, start=1):
        session.add(
            InvoiceLine(
                invoice_id=invoice.id,
                position=position,
                description=line.description,
                quantity=line.quantity,
                unit_price_cents=line.unit_price_cents,
                vat_rate=line.vat_rate,
                exempt_reason=line.exempt_reason,
                base_cents=line.base_cents,
                tax_cents=line.tax_cents,
                total_cents=line.total_cents,
            )
        )
    record = BillingRecord(
        issuer_nif=issuer.nif,
        invoice_id=invoice.id,
        number=number,
        issue_date=fingerprint_input.issue_date,
        invoice_type=invoice_type,
        tax_total=fingerprint_input.tax_total,
        total=fingerprint_input.total,
        previous_record_id=head.last_record_id,
        previous_fingerprint=head.last_fingerprint,
        generated_at=fingerprint_input.generated_at,
        fingerprint=fingerprint,
    )
    session.add(record)
    session.flush()
    head.last_record_id = record.id
    head.last_fingerprint = fingerprint
    session.add(head)  # written with the counter and the PDF job by the commit
    invoice_documents.queue_pdf(session, invoice.id)
    return IssuedInvoice(id=invoice.id, number=number, total_cents=amounts.total_cents)
