"""Invoice PDFs, rendered from the stored (immutable) invoice after its transaction commits.

Issuing an invoice only reserves the PDF's storage key and queues a job row in the same
transaction (:func:`queue_pdf`); nothing is rendered while the numbering and chain locks
are held, nor in the request that confirmed the payment (a PDF is ~0.1 s of CPU: inside
the webhook it capped confirmations per second, and rendering it on a second pooled
connection while the first was still checked out starved the pool). A background loop
per worker (``workers.invoice_pdfs``) renders queued PDFs with :func:`render_queued`; a
download that comes first renders the PDF from the same stored data (:func:`ensure_pdf`).
Bulk work (seeding, benchmarks, tests not about PDFs) may skip the queue with
:func:`defer_pdfs`, leaving every PDF to its first download.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from care_portal.config import get_settings
from care_portal.db import session_scope
from care_portal.domain.billing_fingerprint import check_url, format_amount, format_record_date
from care_portal.domain.formatting import format_date, format_euros
from care_portal.domain.invoicing import VAT_RATES, rate_label
from care_portal.integrations import pdf, storage
from care_portal.integrations.qr import qr_data_uri
from care_portal.models import BillingRecord, Invoice, InvoiceLine, InvoicePdfJob
from care_portal.models.types import utcnow

logger = logging.getLogger(__name__)

VERIFIABLE_LEGEND = "Factura verificable en la sede electrónica de la AEAT"
CLAIM = timedelta(minutes=2)  # a job whose rendering failed (or whose worker died) is retried after this
_DEFERRED = "invoice_pdfs_deferred"


def _es_euros(cents: int) -> str:
    """Amounts on an invoice, a Spanish document whatever the reader's language."""
    return format_euros(cents, "es")


def _es_date(instant: datetime | None) -> str:
    """Dates on an invoice, a Spanish document whatever the reader's language."""
    return format_date(instant, "es")


def queue_pdf(session: Session, invoice_id: int) -> None:
    """Ask for an invoice's PDF to be rendered after its transaction commits (one queued row).

    Nothing is rendered in the caller's transaction or request: the background loop
    (``workers.invoice_pdfs``) renders it from the stored invoice, or the first download does.
    """
    if not session.info.get(_DEFERRED):
        session.add(InvoicePdfJob(invoice_id=invoice_id))


def defer_pdfs(session: Session) -> None:
    """Leave the PDFs of invoices issued in this session to their first download (no job queued)."""
    session.info[_DEFERRED] = True


def render_queued(engine: Engine | None = None, *, limit: int = 20, now: datetime | None = None) -> int:
    """Render the PDFs of queued invoices, each in its own short transaction; return how many.

    Jobs are claimed for ``CLAIM`` first (``SKIP LOCKED`` on PostgreSQL), so the loops of
    several workers never render the same invoice at once; a job whose rendering failed is
    tried again once its claim runs out (and marked ``failed_at`` meanwhile). A PDF already
    stored (a download came first) only removes the job.

    Args:
        engine: The database (the application's by default).
        limit: At most this many PDFs in one pass.
        now: The current instant (tests).
    """
    now = now or utcnow()
    claimed_until = InvoicePdfJob.claimed_until
    with session_scope(engine) as session:
        claimed = list(
            session.exec(
                select(InvoicePdfJob)
                .where(or_(col(claimed_until).is_(None), col(claimed_until) < now))
                .order_by(col(InvoicePdfJob.invoice_id))
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )
        for job in claimed:
            job.claimed_until = now + CLAIM
            job.attempts += 1
            session.add(job)
        ids = [job.invoice_id for job in claimed]
    rendered = 0
    for invoice_id in ids:
        try:
            with session_scope(engine) as session:
                ensure_pdf(session, invoice_id)
                session.execute(delete(InvoicePdfJob).where(col(InvoicePdfJob.invoice_id) == invoice_id))
            rendered += 1
        except Exception:  # retried when the claim runs out; a download renders it meanwhile
            logger.exception("rendering the PDF of invoice %s failed", invoice_id)
            _mark_failed(engine, invoice_id, now)
    return rendered


def _mark_failed(engine: Engine | None, invoice_id: int, now: datetime) -> None:
    """Record a job's failed rendering (for the metrics and the admin); never raises."""
    job = col(InvoicePdfJob.invoice_id)
    try:
        with session_scope(engine) as session:
            session.execute(update(InvoicePdfJob).where(job == invoice_id).values(failed_at=now))
    except Exception:  # the database itself is failing: the job stays claimed and is retried
        logger.exception("recording the failed PDF of invoice %s failed", invoice_id)


def ensure_pdf(session: Session, invoice_id: int) -> bytes:
    """Return an invoice's PDF, rendering and storing it first when it is not stored yet."""
    invoice = session.get(Invoice, invoice_id)
    if storage.exists_private(invoice.pdf_key):
        return storage.read_private(invoice.pdf_key)
    document = pdf.render_pdf("invoice.html", document_context(session, invoice))
    storage.write_private(invoice.pdf_key, document)
    return document


def invoice_check_url(*, issuer_nif: str, number: str, issue_date: str, total: str) -> str:
    """Return the AEAT check URL for the QR (test host unless the AEAT mode is production)."""
    return check_url(
        issuer_nif=issuer_nif,
        number=number,
        issue_date=issue_date,
        total=total,
        production=get_settings().aeat_mode == "production",
    )


def document_context(session: Session, invoice: Invoice) -> dict:
    """Return the values the invoice template prints, from the stored invoice (es-ES amounts)."""
    lines = session.exec(
        select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id).order_by(col(InvoiceLine.position))
    ).all()
    record = session.exec(
        select(BillingRecord)
        .where(BillingRecord.invoice_id == invoice.id, BillingRecord.record_type != "anulacion")
        .order_by(col(BillingRecord.id))
    ).first()
    rectifies = session.get(Invoice, invoice.rectifies_invoice_id) if invoice.rectifies_invoice_id else None
    url = invoice_check_url(
        issuer_nif=invoice.issuer_nif,
        number=invoice.number,
        issue_date=format_record_date(invoice.issued_at),
        total=format_amount(invoice.total_cents),
    )
    return {
        "lang": "es",
        "title": "Factura rectificativa" if rectifies else "Factura",
        "number": invoice.number,
        "issue_date": _es_date(invoice.issued_at),
        "issuer": {"name": invoice.issuer_name, "nif": invoice.issuer_nif, "address": invoice.issuer_address},
        "recipient": {
            "name": invoice.recipient_name,
            "nif": invoice.recipient_nif,
            "address": invoice.recipient_address,
        },
        "beneficiary_name": invoice.beneficiary_name,
        "order_ref": invoice.order_ref,
        "lines": [_line(line) for line in lines],
        "per_rate": [
            {
                "rate": rate_label(rate),
                "base": _es_euros(sum(x.base_cents for x in lines if x.vat_rate == rate)),
                "tax": _es_euros(sum(x.tax_cents for x in lines if x.vat_rate == rate)),
            }
            for rate in VAT_RATES
            if any(x.vat_rate == rate for x in lines)
        ],
        "base_total": _es_euros(invoice.base_cents),
        "tax_total": _es_euros(invoice.tax_cents),
        "total": _es_euros(invoice.total_cents),
        "rectifies_number": rectifies.number if rectifies else "",
        "rectifies_date": _es_date(rectifies.issued_at) if rectifies else "",
        "reason": invoice.rectification_reason,
        "check_url": url,
        "qr": qr_data_uri(url),
        "legend": VERIFIABLE_LEGEND,
        "fingerprint": record.fingerprint if record else "",
    }


def _line(line: InvoiceLine) -> dict:
    unit_base = line.base_cents / line.quantity if line.quantity else 0
    return {
        "description": line.description,
        "quantity": line.quantity,
        "unit_price": _es_euros(line.unit_price_cents),
        "unit_base": _euros_to_tenth_of_cent(unit_base),
        "rate": rate_label(line.vat_rate),
        "base": _es_euros(line.base_cents),
        "tax": _es_euros(line.tax_cents),
        "total": _es_euros(line.total_cents),
        "exempt_reason": line.exempt_reason,
    }


def _euros_to_tenth_of_cent(cents: float) -> str:
    """Format a unit base that may fall between cents (e.g. 18,173 €): 2 decimals when exact, else 3."""
    thousandths = round(cents * 10)
    if thousandths % 10 == 0:
        return _es_euros(thousandths // 10)
    sign = "-" if thousandths < 0 else ""
    whole, rest = divmod(abs(thousandths), 1000)
    grouped = f"{whole:,}".replace(",", ".")
    return f"{sign}{grouped},{rest:03d}\u00a0€"
