"""Issuing invoices: numbering, amounts, VeriFactu chain, immutability, rectifying invoices."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from care_portal.domain.errors import NotAuthenticated, NotFound, PermissionDenied, ValidationFailed
from care_portal.domain.invoicing import LineInput
from care_portal.integrations import aeat_xml
from care_portal.models import BillingRecord, Invoice, InvoiceLine, Role
from care_portal.models.billing import ImmutableRecordError
from care_portal.services import aeat_payloads, billing_records, invoicing
from tests.immutability import triggers_lifted
from tests.services.invoice_helpers import LINES, RECIPIENT, issue, make_user


@pytest.fixture
def client(db):
    return make_user(db, "carmen@example.es")


@pytest.fixture
def admin(db):
    return make_user(db, "admin@example.es", Role.ADMIN)


def test_an_invoice_copies_the_parties_and_adds_up(db, client):
    issued = issue(db, client.id, now=datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    invoice = db.get(Invoice, issued.id)
    assert issued.number == invoice.number == "F2026-000001"
    assert (invoice.recipient_name, invoice.recipient_nif) == (RECIPIENT.name, RECIPIENT.nif)
    assert invoice.issuer_nif == "B12345674"
    assert invoice.total_cents == issued.total_cents == 3 * 1999 + 4550 + 2000
    assert invoice.base_cents + invoice.tax_cents == invoice.total_cents
    lines = db.exec(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)).all()
    assert [(x.base_cents, x.tax_cents) for x in lines] == [(5452, 545), (3760, 790), (2000, 0)]
    assert lines[2].exempt_reason == "Art. 20.Uno.8º LIVA"


def test_numbers_are_correlative_per_series_and_year(db, client):
    first = issue(db, client.id, now=datetime(2025, 12, 31, 22, 30, tzinfo=UTC))
    second = issue(db, client.id, now=datetime(2025, 12, 31, 23, 30, tzinfo=UTC))  # 00:30 in Madrid
    third = issue(db, client.id, now=datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    assert [first.number, second.number, third.number] == ["F2025-000001", "F2026-000001", "F2026-000002"]


def test_a_rolled_back_invoice_leaves_no_gap(db, client):
    invoicing.issue_invoice(
        db, client_id=client.id, recipient=RECIPIENT, lines=LINES, beneficiary_name="D", order_ref="P-1"
    )
    db.rollback()
    assert issue(db, client.id).number.endswith("-000001")


def test_records_chain_to_the_previous_record_and_verify(db, client):
    issued = [issue(db, client.id) for _ in range(3)]
    records = db.exec(select(BillingRecord).order_by(col(BillingRecord.id))).all()
    assert [r.number for r in records] == [i.number for i in issued]
    assert records[0].previous_fingerprint == ""
    assert records[1].previous_fingerprint == records[0].fingerprint
    assert records[2].previous_record_id == records[1].id
    assert all(len(r.fingerprint) == 64 and r.fingerprint.isupper() for r in records)
    assert records[0].generated_at.endswith(("+01:00", "+02:00"))
    assert billing_records.verify_chain(db).ok


def test_verification_finds_the_first_tampered_record(db, client):
    issued = [issue(db, client.id) for _ in range(4)]
    with triggers_lifted(db):
        db.connection().execute(
            text("UPDATE billing_records SET total = '1.00' WHERE number = :number"),
            {"number": issued[2].number},
        )
    report = billing_records.verify_chain(db)
    assert not report.ok
    assert report.broken_number == issued[2].number
    assert report.checked == 2
    assert "fingerprint" in report.problem


def test_verification_finds_a_tampered_invoice_amount(db, client):
    issued = issue(db, client.id)
    with triggers_lifted(db):
        db.connection().execute(text("UPDATE invoices SET total_cents = 1 WHERE id = :id"), {"id": issued.id})
    report = billing_records.verify_chain(db)
    assert report.broken_number == issued.number
    assert "amounts" in report.problem


def test_issued_invoices_lines_and_records_cannot_be_changed_or_deleted(db, client):
    issued = issue(db, client.id)
    invoice = db.get(Invoice, issued.id)
    invoice.total_cents = 1
    with pytest.raises(ImmutableRecordError):
        db.flush()
    db.rollback()
    db.delete(db.get(Invoice, issued.id))
    with pytest.raises(ImmutableRecordError):
        db.flush()
    db.rollback()
    record = db.exec(select(BillingRecord)).one()
    record.fingerprint = "0" * 64
    with pytest.raises(ImmutableRecordError):
        db.commit()
    db.rollback()
    with pytest.raises(ImmutableRecordError):
        db.exec(update(InvoiceLine).values(base_cents=0))
    with pytest.raises(ImmutableRecordError):
        db.exec(delete(BillingRecord))
    db.rollback()
    assert db.get(Invoice, issued.id).total_cents == issued.total_cents
    assert billing_records.verify_chain(db).ok


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE invoices SET total_cents = 1",
        "DELETE FROM invoice_lines",
        "UPDATE billing_records SET fingerprint = 'X'",
        "DELETE FROM billing_records",
    ],
)
def test_the_database_itself_refuses_changes_to_issued_rows(db, client, statement):
    issued = issue(db, client.id)
    db.commit()
    with pytest.raises(DBAPIError, match="immutable"):
        db.connection().execute(text(statement))
    db.rollback()
    assert db.get(Invoice, issued.id).total_cents == issued.total_cents
    assert len(db.exec(select(InvoiceLine)).all()) == 3
    assert billing_records.verify_chain(db).ok


def test_full_refund_issues_a_negative_rectifying_invoice(db, client, admin):
    original = issue(db, client.id)
    refund = invoicing.issue_rectifying_invoice(
        db, original_invoice_id=original.id, lines=None, reason="Visita cancelada", actor=admin
    )
    db.commit()
    rectifying = db.get(Invoice, refund.id)
    assert refund.number.startswith("R")
    assert refund.number.endswith("-000001")
    assert refund.total_cents == -original.total_cents
    assert rectifying.rectifies_invoice_id == original.id
    assert rectifying.invoice_type == "R1"
    assert rectifying.client_id == client.id
    assert rectifying.tax_cents == -db.get(Invoice, original.id).tax_cents
    assert billing_records.verify_chain(db).ok
    with pytest.raises(ValidationFailed) as caught:
        invoicing.issue_rectifying_invoice(
            db, original_invoice_id=original.id, lines=None, reason="Otra vez", actor=admin
        )
    assert caught.value.errors == {"lines": "billing.error.refund_too_large"}


def test_partial_refund_by_the_owner_and_refusals(db, client, admin):
    original = issue(db, client.id)
    other = make_user(db, "otra@example.es")
    partial = invoicing.issue_rectifying_invoice(
        db,
        original_invoice_id=original.id,
        lines=[LineInput("Visita de compañía (2 horas)", 1, 1999, "10")],
        reason="Una visita cancelada con 48 horas",
        actor=client,
    )
    db.commit()
    assert partial.total_cents == -1999
    with pytest.raises(NotFound):
        invoicing.issue_rectifying_invoice(
            db, original_invoice_id=original.id, lines=None, reason="x", actor=other
        )
    with pytest.raises(NotAuthenticated):
        invoicing.issue_rectifying_invoice(
            db, original_invoice_id=original.id, lines=None, reason="x", actor=None
        )
    with pytest.raises(NotFound):
        invoicing.issue_rectifying_invoice(
            db, original_invoice_id=partial.id, lines=None, reason="x", actor=admin
        )
    with pytest.raises(ValidationFailed):
        invoicing.issue_rectifying_invoice(
            db, original_invoice_id=original.id, lines=None, reason=" ", actor=admin
        )


def test_missing_recipient_data_is_refused(db, client):
    from care_portal.domain.invoicing import Party

    with pytest.raises(ValidationFailed) as caught:
        invoicing.issue_invoice(
            db,
            client_id=client.id,
            recipient=Party("Ana", "", ""),
            lines=LINES,
            beneficiary_name="",
            order_ref="",
        )
    assert set(caught.value.errors) == {"nif", "address"}


def test_concurrent_checkouts_get_distinct_gapless_numbers_and_one_chain(db, engine, client):
    count = 8
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def checkout() -> None:
        try:
            barrier.wait()
            with Session(engine, expire_on_commit=False) as session:
                invoicing.issue_invoice(
                    session,
                    client_id=client.id,
                    recipient=RECIPIENT,
                    lines=LINES[:1],
                    beneficiary_name="Dolores",
                    order_ref="P-concurrent",
                )
                session.commit()
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=checkout) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sequences = sorted(db.exec(select(Invoice.sequence)).all())
    assert sequences == list(range(1, count + 1))
    previous = db.exec(select(BillingRecord.previous_fingerprint)).all()
    assert len(set(previous)) == count
    assert billing_records.verify_chain(db).ok


def test_the_demo_order_is_paid_and_invoiced_once(db):
    from care_portal.cli.seed import seed_demo_care, seed_demo_users
    from care_portal.cli.seed_catalog import seed_catalogue
    from care_portal.cli.seed_invoices import seed_demo_order
    from care_portal.models import Order, Task

    seed_demo_users()
    seed_catalogue(db)
    db.commit()
    seed_demo_care()
    first = seed_demo_order()
    assert first == "F" + first[1:5] + "-000001"
    assert seed_demo_order() == first
    assert len(db.exec(select(Invoice)).all()) == 1
    assert db.exec(select(Order)).one().status == "paid"
    assert len(db.exec(select(Task)).all()) == 3


def test_a_cancellation_record_chains_verifies_and_blocks_refunds(db, client, admin):
    from care_portal.services import invoice_queries

    first = issue(db, client.id)
    second = issue(db, client.id)
    with pytest.raises(PermissionDenied):
        billing_records.cancel_invoice_record(db, invoice_id=first.id, actor=client)
    record = billing_records.cancel_invoice_record(db, invoice_id=first.id, actor=admin)
    db.commit()
    last_issue = db.exec(select(BillingRecord).where(BillingRecord.number == second.number)).one()
    assert record.record_type == "anulacion"
    assert record.previous_fingerprint == last_issue.fingerprint
    assert billing_records.verify_chain(db).ok
    states = {row.number: row.state for row in invoice_queries.list_client_invoices(db, actor=client)}
    assert states == {first.number: "cancelled", second.number: "paid"}
    with pytest.raises(ValidationFailed):
        billing_records.cancel_invoice_record(db, invoice_id=first.id, actor=admin)
    with pytest.raises(ValidationFailed):
        invoicing.issue_rectifying_invoice(
            db, original_invoice_id=first.id, lines=None, reason="x", actor=admin
        )
    xml = aeat_payloads.registration_xml(db, [record])
    assert aeat_xml.schema_problems(xml.encode()) == []
    assert "<sum1:RegistroAnulacion>" in xml
    assert f"<sum1:NumSerieFacturaAnulada>{first.number}</sum1:NumSerieFacturaAnulada>" in xml
    with triggers_lifted(db):
        db.connection().execute(
            text("UPDATE billing_records SET generated_at = '2020-01-01T00:00:00+01:00' WHERE id = :id"),
            {"id": record.id},
        )
    assert billing_records.verify_chain(db).broken_record_id == record.id
