"""Billing records turned into the values the AEAT message carries (a constant number of queries)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from care_portal.config import Settings, get_settings
from care_portal.domain.billing_fingerprint import format_amount, format_record_date
from care_portal.domain.invoicing import VAT_RATES
from care_portal.integrations.aeat_xml import (
    InvoiceId,
    PreviousRecord,
    RateBreakdown,
    RecordPayload,
    Software,
    registration_element,
    to_bytes,
)
from care_portal.models import BillingRecord, Invoice, InvoiceLine

CANCELLATION = "anulacion"
OPERATION_DESCRIPTION = "Servicios de atención a domicilio"


def software(settings: Settings | None = None) -> Software:
    """Return the billing software's identity (SistemaInformatico) from settings."""
    settings = settings or get_settings()
    return Software(
        producer_name=settings.software_producer_name,
        producer_nif=settings.software_producer_nif,
        name=settings.software_name,
        system_id=settings.software_id,
        version=settings.software_version,
        installation=settings.software_installation,
    )


def record_payloads(session: Session, records: list[BillingRecord]) -> list[RecordPayload]:
    """Return each record's AEAT values, in the order given.

    Args:
        session: Open session.
        records: Billing records (any order; usually oldest first).

    Returns:
        One payload per record: the record's stored values, its invoice's
        recipient and per-rate breakdown, and the record it chains to.
    """
    if not records:
        return []
    invoice_ids = {r.invoice_id for r in records}
    invoices = {i.id: i for i in session.exec(select(Invoice).where(col(Invoice.id).in_(invoice_ids))).all()}
    rectified_ids = {i.rectifies_invoice_id for i in invoices.values() if i.rectifies_invoice_id}
    if rectified_ids - invoices.keys():
        invoices.update(
            {
                i.id: i
                for i in session.exec(
                    select(Invoice).where(col(Invoice.id).in_(rectified_ids - invoices.keys()))
                ).all()
            }
        )
    lines = session.exec(select(InvoiceLine).where(col(InvoiceLine.invoice_id).in_(invoice_ids))).all()
    previous_ids = {r.previous_record_id for r in records if r.previous_record_id}
    previous = {
        r.id: r
        for r in session.exec(select(BillingRecord).where(col(BillingRecord.id).in_(previous_ids))).all()
    }
    return [_payload(record, invoices, lines, previous) for record in records]


def _payload(record: BillingRecord, invoices: dict, lines, previous: dict) -> RecordPayload:
    invoice = invoices[record.invoice_id]
    link = previous.get(record.previous_record_id)
    chain = (
        PreviousRecord(InvoiceId(link.issuer_nif, link.number, link.issue_date), link.fingerprint)
        if link
        else None
    )
    own_id = InvoiceId(record.issuer_nif, record.number, record.issue_date)
    if record.record_type == CANCELLATION:
        return RecordPayload(
            cancellation=True,
            invoice=own_id,
            issuer_name=invoice.issuer_name,
            previous=chain,
            generated_at=record.generated_at,
            fingerprint=record.fingerprint,
            previous_rejection=record.previous_rejection == "S",
        )
    original = invoices.get(invoice.rectifies_invoice_id) if invoice.rectifies_invoice_id else None
    return RecordPayload(
        cancellation=False,
        invoice=own_id,
        issuer_name=invoice.issuer_name,
        previous=chain,
        generated_at=record.generated_at,
        fingerprint=record.fingerprint,
        invoice_type=record.invoice_type,
        description=OPERATION_DESCRIPTION,
        recipient_name=invoice.recipient_name,
        recipient_nif=invoice.recipient_nif,
        rectified=(
            InvoiceId(original.issuer_nif, original.number, format_record_date(original.issued_at))
            if original
            else None
        ),
        breakdown=_breakdown([line for line in lines if line.invoice_id == invoice.id]),
        tax_total=record.tax_total,
        total=record.total,
        correction=record.correction == "S",
        previous_rejection=record.previous_rejection == "S",
    )


def _breakdown(lines: list[InvoiceLine]) -> tuple[RateBreakdown, ...]:
    return tuple(
        RateBreakdown(
            vat_rate=rate,
            base=format_amount(sum(x.base_cents for x in lines if x.vat_rate == rate)),
            tax=format_amount(sum(x.tax_cents for x in lines if x.vat_rate == rate)),
        )
        for rate in VAT_RATES
        if any(x.vat_rate == rate for x in lines)
    )


def registration_xml(session: Session, records: list[BillingRecord]) -> str:
    """Return the ``RegFactuSistemaFacturacion`` document for records (export and tests)."""
    settings = get_settings()
    element = registration_element(
        issuer_name=settings.company_name,
        issuer_nif=settings.company_nif,
        records=record_payloads(session, records),
        software=software(settings),
    )
    return to_bytes(element).decode("utf-8")
