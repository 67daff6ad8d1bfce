"""Reading invoices: the client's list, the admin's filtered list and totals, CSV, PDF download."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlmodel import Session, col, select

from care_portal.domain.formatting import format_date, format_euros, to_madrid
from care_portal.domain.invoicing import VAT_RATES
from care_portal.models import BillingRecord, Invoice, InvoiceKind, InvoiceLine, Role
from care_portal.services import invoice_documents
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_reaches, ensure_role


@dataclass(frozen=True)
class InvoiceRow:
    """One invoice as lists show it."""

    id: int
    number: str
    date: str
    month: str
    kind: str
    state: str
    beneficiary_name: str
    recipient_name: str
    recipient_nif: str
    base: str
    tax: str
    total: str
    total_cents: int
    rectifies_number: str


@dataclass(frozen=True)
class TotalRow:
    """Base, tax and total of a group of invoices (a month ``YYYY-MM`` or an IVA rate code)."""

    label: str
    base: str
    tax: str
    total: str


@dataclass(frozen=True)
class InvoiceSummary:
    """Totals of the invoices an admin is looking at."""

    per_month: list[TotalRow]
    per_rate: list[TotalRow]
    grand_total: str
    count: int


@dataclass(frozen=True)
class InvoiceFile:
    """A stored invoice PDF ready to send."""

    filename: str
    content: bytes


def list_client_invoices(session: Session, *, actor: Viewer | None) -> list[InvoiceRow]:
    """Return the logged-in client's own invoices, newest first."""
    viewer = ensure_role(actor, Role.CLIENT)
    invoices = session.exec(
        select(Invoice).where(Invoice.client_id == viewer.id).order_by(col(Invoice.issued_at).desc())
    ).all()
    return _rows(session, list(invoices))


def list_invoices(
    session: Session, *, actor: Viewer | None, month: str = "", kind: str = "", search: str = ""
) -> list[InvoiceRow]:
    """Return every invoice matching the filters, newest first (admins only).

    Args:
        session: Open session.
        actor: The acting user.
        month: ``"YYYY-MM"`` (Europe/Madrid) or empty for all.
        kind: ``"invoice"``, ``"rectifying"`` or empty for both.
        search: Part of the number, recipient name or NIF.

    Returns:
        The matching invoices.
    """
    ensure_role(actor, Role.ADMIN)
    return _rows(session, _filtered(session, month=month, kind=kind, search=search))


def summarise_invoices(
    session: Session, *, actor: Viewer | None, month: str = "", kind: str = "", search: str = ""
) -> InvoiceSummary:
    """Return totals per month and per IVA rate of the filtered invoices (admins only)."""
    ensure_role(actor, Role.ADMIN)
    invoices = _filtered(session, month=month, kind=kind, search=search)
    months: dict[str, list[int]] = {}
    for invoice in invoices:
        sums = months.setdefault(_month(invoice), [0, 0, 0])
        sums[0] += invoice.base_cents
        sums[1] += invoice.tax_cents
        sums[2] += invoice.total_cents
    rates = {rate: [0, 0, 0] for rate in VAT_RATES}
    ids = [invoice.id for invoice in invoices]
    if ids:
        for line in session.exec(select(InvoiceLine).where(col(InvoiceLine.invoice_id).in_(ids))).all():
            sums = rates[line.vat_rate]
            sums[0] += line.base_cents
            sums[1] += line.tax_cents
            sums[2] += line.total_cents
    return InvoiceSummary(
        per_month=[_total_row(label, sums) for label, sums in sorted(months.items(), reverse=True)],
        per_rate=[_total_row(rate, sums) for rate, sums in rates.items() if any(sums)],
        grand_total=format_euros(sum(invoice.total_cents for invoice in invoices)),
        count=len(invoices),
    )


def export_invoices_csv(
    session: Session, *, actor: Viewer | None, month: str = "", kind: str = "", search: str = ""
) -> str:
    """Return the filtered invoices as CSV for the accountant (admins only).

    One row per invoice and IVA rate, amounts in euros with a decimal comma and
    ``;`` as separator, as Spanish spreadsheets expect.
    """
    viewer = ensure_role(actor, Role.ADMIN)
    invoices = _filtered(session, month=month, kind=kind, search=search)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "numero",
            "fecha",
            "tipo",
            "rectifica",
            "destinatario",
            "nif_destinatario",
            "tipo_iva",
            "base",
            "cuota",
            "total",
        ]
    )
    numbers = {invoice.id: invoice.number for invoice in invoices}
    for invoice in sorted(invoices, key=lambda i: (i.issued_at, i.number)):
        lines = session.exec(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)).all()
        for rate in VAT_RATES:
            group = [line for line in lines if line.vat_rate == rate]
            if not group:
                continue
            base, tax = sum(x.base_cents for x in group), sum(x.tax_cents for x in group)
            writer.writerow(
                [
                    invoice.number,
                    format_date(invoice.issued_at),
                    invoice.invoice_type,
                    _rectified_number(session, invoice, numbers),
                    invoice.recipient_name,
                    invoice.recipient_nif,
                    "exenta" if rate == "exempt" else rate,
                    _plain(base),
                    _plain(tax),
                    _plain(base + tax),
                ]
            )
    record_event(session, actor_id=viewer.id, action="invoice.export_csv", details={"count": len(invoices)})
    return "\ufeff" + out.getvalue()


def invoice_pdf(
    session: Session, *, actor: Viewer | None, invoice_id: int, client_ip: str = ""
) -> InvoiceFile:
    """Return the stored PDF of an invoice to its client or an admin; the view is logged.

    Raises:
        NotAuthenticated: Nobody is logged in.
        NotFound: No such invoice, or it belongs to another client.
    """
    viewer = ensure_role(actor)
    invoice = ensure_reaches(viewer, session.get(Invoice, invoice_id), "client_id")
    record_event(
        session,
        actor_id=viewer.id,
        action="invoice.view_pdf",
        target_type="invoice",
        target_id=invoice.id,
        client_ip=client_ip,
    )
    return InvoiceFile(
        filename=f"factura-{invoice.number}.pdf", content=invoice_documents.ensure_pdf(session, invoice.id)
    )


def _filtered(session: Session, *, month: str, kind: str, search: str) -> list[Invoice]:
    query = select(Invoice).order_by(col(Invoice.issued_at).desc(), col(Invoice.id).desc())
    if kind in (InvoiceKind.INVOICE, InvoiceKind.RECTIFYING):
        query = query.where(Invoice.kind == kind)
    needle = search.strip().lower()
    if needle:
        pattern = f"%{needle}%"
        query = query.where(
            col(Invoice.number).ilike(pattern)
            | col(Invoice.recipient_name).ilike(pattern)
            | col(Invoice.recipient_nif).ilike(pattern)
        )
    invoices = list(session.exec(query).all())
    if month:
        invoices = [invoice for invoice in invoices if _month(invoice) == month]
    return invoices


def _rows(session: Session, invoices: list[Invoice]) -> list[InvoiceRow]:
    ids = [invoice.id for invoice in invoices]
    cancelled = (
        set(
            session.exec(
                select(BillingRecord.invoice_id).where(
                    col(BillingRecord.invoice_id).in_(ids), BillingRecord.record_type == "anulacion"
                )
            ).all()
        )
        if ids
        else set()
    )
    rectified = (
        set(
            session.exec(
                select(Invoice.rectifies_invoice_id).where(col(Invoice.rectifies_invoice_id).in_(ids))
            ).all()
        )
        if ids
        else set()
    )
    numbers = {invoice.id: invoice.number for invoice in invoices}
    return [
        InvoiceRow(
            id=invoice.id,
            number=invoice.number,
            date=format_date(invoice.issued_at),
            month=_month(invoice),
            kind=invoice.kind,
            state="cancelled" if invoice.id in cancelled else _state(invoice, rectified),
            beneficiary_name=invoice.beneficiary_name,
            recipient_name=invoice.recipient_name,
            recipient_nif=invoice.recipient_nif,
            base=format_euros(invoice.base_cents),
            tax=format_euros(invoice.tax_cents),
            total=format_euros(invoice.total_cents),
            total_cents=invoice.total_cents,
            rectifies_number=_rectified_number(session, invoice, numbers),
        )
        for invoice in invoices
    ]


def _state(invoice: Invoice, rectified: set[int | None]) -> str:
    if invoice.kind == InvoiceKind.RECTIFYING:
        return "rectifying"
    return "rectified" if invoice.id in rectified else "paid"


def _rectified_number(session: Session, invoice: Invoice, known: dict[int, str]) -> str:
    if invoice.rectifies_invoice_id is None:
        return ""
    if invoice.rectifies_invoice_id in known:
        return known[invoice.rectifies_invoice_id]
    original = session.get(Invoice, invoice.rectifies_invoice_id)
    return original.number if original else ""


def _month(invoice: Invoice) -> str:
    return to_madrid(invoice.issued_at).strftime("%Y-%m")


def _total_row(label: str, sums: list[int]) -> TotalRow:
    return TotalRow(
        label=label, base=format_euros(sums[0]), tax=format_euros(sums[1]), total=format_euros(sums[2])
    )


def _plain(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole},{rest:02d}"
