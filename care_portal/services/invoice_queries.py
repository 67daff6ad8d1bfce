"""Reading invoices: the client's list, the admin's filtered list and totals, CSV, PDF download."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.domain.formatting import MADRID, format_date, format_euros, to_madrid
from care_portal.domain.invoicing import VAT_RATES
from care_portal.domain.spreadsheets import SafeCsvWriter
from care_portal.models import BillingRecord, Invoice, InvoiceKind, InvoiceLine, Role
from care_portal.services import invoice_documents
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_reaches, ensure_role
from care_portal.services.paging import Page, fetch_page


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


def list_client_invoices(session: Session, *, actor: Viewer | None, page: int = 1) -> Page[InvoiceRow]:
    """Return one page of the logged-in client's own invoices, newest first."""
    viewer = ensure_role(actor, Role.CLIENT)
    query = (
        select(Invoice)
        .where(Invoice.client_id == viewer.id)
        .order_by(col(Invoice.issued_at).desc(), col(Invoice.id).desc())
    )
    invoices, total, number = fetch_page(session, query, page)
    return Page(_rows(session, invoices), number=number, total=total)


def list_invoices(
    session: Session,
    *,
    actor: Viewer | None,
    month: str = "",
    kind: str = "",
    search: str = "",
    page: int = 1,
) -> Page[InvoiceRow]:
    """Return one page of the invoices matching the filters, newest first (admins only).

    Args:
        session: Open session.
        actor: The acting user.
        month: ``"YYYY-MM"`` (Europe/Madrid) or empty for all.
        kind: ``"invoice"``, ``"rectifying"`` or empty for both.
        search: Part of the number, recipient name or NIF.
        page: The page wanted, from 1.

    Returns:
        The matching invoices of that page.
    """
    ensure_role(actor, Role.ADMIN)
    invoices, total, number = fetch_page(
        session, _filtered_query(month=month, kind=kind, search=search), page
    )
    return Page(_rows(session, invoices), number=number, total=total)


def summarise_invoices(
    session: Session, *, actor: Viewer | None, month: str = "", kind: str = "", search: str = ""
) -> InvoiceSummary:
    """Return totals per month and per IVA rate of the filtered invoices (admins only)."""
    ensure_role(actor, Role.ADMIN)
    conditions = _conditions(month=month, kind=kind, search=search)
    amounts = session.exec(
        select(Invoice.issued_at, Invoice.base_cents, Invoice.tax_cents, Invoice.total_cents).where(
            *conditions
        )
    ).all()
    months: dict[str, list[int]] = {}
    for issued_at, base, tax, total in amounts:
        sums = months.setdefault(to_madrid(issued_at).strftime("%Y-%m"), [0, 0, 0])
        sums[0] += base
        sums[1] += tax
        sums[2] += total
    rates = {rate: [0, 0, 0] for rate in VAT_RATES}
    per_rate = session.exec(
        select(
            InvoiceLine.vat_rate,
            func.sum(InvoiceLine.base_cents),
            func.sum(InvoiceLine.tax_cents),
            func.sum(InvoiceLine.total_cents),
        )
        .where(col(InvoiceLine.invoice_id).in_(select(Invoice.id).where(*conditions)))
        .group_by(InvoiceLine.vat_rate)
    ).all()
    for rate, base, tax, total in per_rate:
        rates[rate] = [int(base or 0), int(tax or 0), int(total or 0)]
    return InvoiceSummary(
        per_month=[_total_row(label, sums) for label, sums in sorted(months.items(), reverse=True)],
        per_rate=[_total_row(rate, sums) for rate, sums in rates.items() if any(sums)],
        grand_total=format_euros(sum(total for *_, total in amounts)),
        count=len(amounts),
    )


def export_invoices_csv(
    session: Session, *, actor: Viewer | None, month: str = "", kind: str = "", search: str = ""
) -> str:
    """Return the filtered invoices as CSV for the accountant (admins only).

    One row per invoice and IVA rate, amounts in euros with a decimal comma and
    ``;`` as separator, as Spanish spreadsheets expect.
    """
    viewer = ensure_role(actor, Role.ADMIN)
    query = _filtered_query(month=month, kind=kind, search=search)
    invoices = list(session.exec(query).all())
    lines_of: dict[int, list[InvoiceLine]] = {}
    ids = select(Invoice.id).where(*_conditions(month=month, kind=kind, search=search))
    for line in session.exec(select(InvoiceLine).where(col(InvoiceLine.invoice_id).in_(ids))).all():
        lines_of.setdefault(line.invoice_id, []).append(line)
    out = io.StringIO()
    writer = SafeCsvWriter(out, delimiter=";", lineterminator="\r\n")
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
    numbers = _numbers_of_originals(session, invoices)
    for invoice in sorted(invoices, key=lambda i: (i.issued_at, i.number)):
        lines = lines_of.get(invoice.id, [])
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
                    numbers.get(invoice.rectifies_invoice_id, "") if invoice.rectifies_invoice_id else "",
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


def _filtered_query(*, month: str, kind: str, search: str):
    """The admin's filters as one ``select`` of invoices, newest first."""
    return (
        select(Invoice)
        .where(*_conditions(month=month, kind=kind, search=search))
        .order_by(col(Invoice.issued_at).desc(), col(Invoice.id).desc())
    )


def _conditions(*, month: str, kind: str, search: str) -> list:
    """The admin's filters as SQL conditions (the month in Madrid time, as a range of instants)."""
    conditions = []
    if kind in (InvoiceKind.INVOICE, InvoiceKind.RECTIFYING):
        conditions.append(Invoice.kind == kind)
    needle = search.strip().lower()
    if needle:
        pattern = f"%{needle}%"
        conditions.append(
            col(Invoice.number).ilike(pattern)
            | col(Invoice.recipient_name).ilike(pattern)
            | col(Invoice.recipient_nif).ilike(pattern)
        )
    bounds = _month_bounds(month)
    if bounds:
        conditions += [Invoice.issued_at >= bounds[0], Invoice.issued_at < bounds[1]]
    return conditions


def _month_bounds(month: str) -> tuple[datetime, datetime] | None:
    """Return the UTC instants where a Madrid month ``YYYY-MM`` starts and the next one starts."""
    try:
        year, number = (int(part) for part in month.split("-"))
        start = datetime(year, number, 1, tzinfo=MADRID)
    except (ValueError, TypeError):
        return None
    following = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=MADRID)
    return start.astimezone(UTC), following.astimezone(UTC)


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
    numbers = _numbers_of_originals(session, invoices)
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
            rectifies_number=numbers.get(invoice.rectifies_invoice_id, "")
            if invoice.rectifies_invoice_id
            else "",
        )
        for invoice in invoices
    ]


def _numbers_of_originals(session: Session, invoices: list[Invoice]) -> dict[int, str]:
    """Numbers of the listed invoices and of the originals the listed rectifying ones amend (one query)."""
    numbers = {invoice.id: invoice.number for invoice in invoices}
    missing = {i.rectifies_invoice_id for i in invoices if i.rectifies_invoice_id} - set(numbers)
    if invoices:  # even when nothing is missing, so the number of statements never depends on the rows
        numbers.update(
            session.exec(select(Invoice.id, Invoice.number).where(col(Invoice.id).in_(missing))).all()
        )
    return numbers


def _state(invoice: Invoice, rectified: set[int | None]) -> str:
    if invoice.kind == InvoiceKind.RECTIFYING:
        return "rectifying"
    return "rectified" if invoice.id in rectified else "paid"


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
