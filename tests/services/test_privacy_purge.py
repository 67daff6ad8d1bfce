"""The end of blocking, driven by the retention job's clock: what a purge removes and what remains.

Invoices and billing data of a closed account are kept (blocked) for six years after the last
invoice; when that period ends the daily job removes what identifies the person and keeps the
fiscal record (numbers, amounts, lines, the VeriFactu chain)."""

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from care_portal.integrations import storage
from care_portal.models import (
    AuditEvent,
    BillingRecord,
    Invoice,
    InvoiceLine,
    Order,
    RightsRequest,
    Task,
    User,
)
from care_portal.models.care import Beneficiary
from care_portal.models.types import utcnow
from care_portal.services import billing_records, invoice_documents
from care_portal.services.privacy import erasure
from care_portal.services.privacy.retention import run_retention
from tests.services.visit_helpers import build_world


def _finish_visits(db, beneficiary_id: int) -> None:
    for task in db.exec(select(Task).where(Task.beneficiary_id == beneficiary_id)).all():
        task.state = "done"
        db.add(task)
    db.commit()


def _fiscal(db, client_id: int) -> list[tuple]:
    """What must survive any purge: numbers, dates, amounts and lines of every invoice."""
    rows = db.exec(select(Invoice).where(Invoice.client_id == client_id).order_by(Invoice.id)).all()
    lines = db.exec(
        select(InvoiceLine.invoice_id, InvoiceLine.description, InvoiceLine.unit_price_cents)
    ).all()
    return [(i.number, i.issued_at, i.total_cents, i.tax_cents) for i in rows] + sorted(lines)


def test_a_closed_account_keeps_its_invoices_blocked_and_the_job_purges_them_after_six_years(db):
    world = build_world(db)
    _finish_visits(db, world.beneficiary_id)
    invoice = db.exec(select(Invoice).where(Invoice.client_id == world.client.id)).one()
    pdf = invoice_documents.ensure_pdf(db, invoice.id)
    assert pdf.startswith(b"%PDF")
    others_invoice = db.exec(select(Invoice).where(Invoice.client_id == world.other_client.id)).one()
    invoice_documents.ensure_pdf(db, others_invoice.id)  # stored too: the sweep must keep it
    fiscal, records = _fiscal(db, world.client.id), db.exec(select(BillingRecord)).all()
    closed = utcnow()
    erasure.close_account(db, actor=world.client, now=closed)
    db.commit()
    purge_after = db.get(User, world.client.id).purge_after
    assert purge_after >= invoice.issued_at + timedelta(days=6 * 365)

    # Blocked: still there, unchanged, the day before the period ends.
    counts = run_retention(db, now=purge_after - timedelta(days=1))
    db.commit()
    assert (counts["accounts_purged"], counts["blocked_purged"]) == (0, 0)
    db.expire_all()
    assert db.get(Invoice, invoice.id).recipient_nif == "12345678Z"
    assert db.exec(select(Order).where(Order.client_id == world.client.id)).one().billing["nif"]

    # The period has ended: the person is gone, the fiscal record stays and the chain still verifies.
    counts = run_retention(db, now=purge_after)
    db.commit()
    assert (counts["accounts_purged"], counts["blocked_purged"]) == (1, 1)
    db.expire_all()
    row = db.get(Invoice, invoice.id)
    assert (row.recipient_name, row.recipient_nif, row.recipient_address, row.beneficiary_name) == (
        "—",
        "",
        "",
        "—",
    )
    assert not storage.exists_private(row.pdf_key)
    assert _fiscal(db, world.client.id) == fiscal
    assert db.exec(select(BillingRecord)).all() == records
    assert billing_records.verify_chain(db).ok
    assert db.exec(select(Order).where(Order.client_id == world.client.id)).one().billing == {}
    assert {r.details for r in db.exec(select(RightsRequest))} == {""}
    beneficiary = db.get(Beneficiary, world.beneficiary_id)
    assert (beneficiary.full_name, beneficiary.street) == ("—", "")
    user = db.get(User, world.client.id)
    assert (user.full_name, user.purge_after) == ("—", None)
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "privacy.accounts_purged")).one()
    # The other client's invoice is untouched, and invoices are immutable again.
    other = db.exec(select(Invoice).where(Invoice.client_id == world.other_client.id)).one()
    assert other.recipient_name == "María López"  # the test billing data
    assert storage.exists_private(other.pdf_key)  # its PDF is referenced: the sweep keeps it
    with pytest.raises(DBAPIError):
        db.exec(text("UPDATE invoices SET recipient_name = 'x'"))
    db.rollback()
    assert run_retention(db, now=purge_after)["accounts_purged"] == 0


def test_an_erased_beneficiarys_name_leaves_the_invoices_when_the_blocking_ends(db):
    world = build_world(db)
    _finish_visits(db, world.beneficiary_id)
    erasure.erase_beneficiary(db, actor=world.client, beneficiary_id=world.beneficiary_id, now=utcnow())
    db.commit()
    invoice = db.exec(select(Invoice).where(Invoice.client_id == world.client.id)).one()
    assert invoice.beneficiary_name == "Carmen López"  # blocked, kept
    purge_after = db.get(Beneficiary, world.beneficiary_id).purge_after
    assert run_retention(db, now=purge_after)["blocked_purged"] == 1
    db.commit()
    db.expire_all()
    row = db.get(Invoice, invoice.id)
    assert (row.beneficiary_name, row.recipient_name) == ("—", "María López")  # the account stays open
    assert db.get(Invoice, invoice.id).total_cents == invoice.total_cents
