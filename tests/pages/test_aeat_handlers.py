"""The VeriFactu admin page's handlers, called directly: only an admin reads or corrects records."""

from __future__ import annotations

from reflex.state import State
from sqlmodel import select

from care_portal.models import AeatRecordState, AeatStatus, BillingRecord, Role
from care_portal.pages.admin.aeat import AdminAeatState
from care_portal.pages.billing.declaration import DeclarationState
from care_portal.services import invoice_documents
from tests.pages.test_recruiting_handlers import _account, _call, _state
from tests.services.invoice_helpers import issue


def _rejected_record(db, client_id: int) -> int:
    issue(db, client_id)
    record = db.exec(select(BillingRecord)).one()
    db.add(AeatRecordState(record_id=record.id, status=AeatStatus.REJECTED, error_code="1100"))
    db.commit()
    return record.id


def test_a_client_can_neither_see_nor_correct_records(db):
    invoice_documents.defer_pdfs(db)
    client, client_token = _account(db, "carmen@example.es", Role.CLIENT)
    record_id = _rejected_record(db, client.id)
    page = _state(AdminAeatState, client_token, "/admin/verifactu")
    assert "sin-permiso" in str(_call(page, "load"))
    assert page.incidents == []
    assert "sin-permiso" in str(_call(page, "correct", record_id))
    assert len(db.exec(select(BillingRecord)).all()) == 1
    db.expire_all()
    assert db.get(AeatRecordState, record_id).status == AeatStatus.REJECTED


def test_an_admin_sees_the_incident_and_sends_a_corrected_record(db):
    invoice_documents.defer_pdfs(db)
    client, _ = _account(db, "carmen@example.es", Role.CLIENT)
    _, admin_token = _account(db, "admin@example.es", Role.ADMIN)
    record_id = _rejected_record(db, client.id)
    page = _state(AdminAeatState, admin_token, "/admin/verifactu")
    _call(page, "load")
    assert [(row["status"], row["error_code"]) for row in page.incidents] == [("rejected", "1100")]
    assert page.counts["rejected"] == 1
    assert page.sender["configured"] == "False"
    _call(page, "correct", record_id)
    assert page.incidents == []
    assert page.counts["pending"] == 1
    records = db.exec(select(BillingRecord).order_by(BillingRecord.id)).all()
    assert [(r.correction, r.previous_rejection) for r in records] == [("", ""), ("S", "S")]


def test_the_declaration_shows_the_configured_software():
    root = State(_reflex_internal_init=True)
    declaration = root.get_substate(DeclarationState.get_full_name().split(".")[1:])
    type(declaration).event_handlers["load"].fn(declaration)
    assert declaration.values["system_id"] == "CC"
    assert declaration.values["system_name"] == "Cuidado en Casa Facturación"


def test_only_an_admin_reads_the_payment_issues(db):
    from care_portal.models.shop import Order
    from care_portal.pages.admin.payments import AdminPaymentsState

    _, client_token = _account(db, "carmen@example.es", Role.CLIENT)
    _, admin_token = _account(db, "admin@example.es", Role.ADMIN)
    page = _state(AdminPaymentsState, client_token, "/admin/pagos")
    assert "sin-permiso" in str(_call(page, "load"))
    assert page.issues == []
    page = _state(AdminPaymentsState, admin_token, "/admin/pagos")
    _call(page, "load")
    assert page.issues == []
    assert db.exec(select(Order)).all() == []
