"""The invoice PDF queue on the admin's «Pagos» page: in words, and for admins only."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlmodel import select

from care_portal.models import InvoicePdfJob, Role
from care_portal.models.types import utcnow
from care_portal.pages.admin.payments import AdminPaymentsState
from care_portal.services import invoice_documents
from tests.pages.test_recruiting_handlers import _account, _call, _state
from tests.services.invoice_helpers import issue


def _stuck_invoice(db, client_id: int) -> int:
    issued = issue(db, client_id)
    db.exec(update(InvoicePdfJob).values(queued_at=utcnow() - timedelta(minutes=12), failed_at=utcnow()))
    db.commit()
    return issued.id


def test_a_client_or_a_manager_learns_nothing_about_the_queue(db):
    client, client_token = _account(db, "carmen@example.es", Role.CLIENT)
    _, manager_token = _account(db, "gestor@example.es", Role.MANAGER)
    invoice_id = _stuck_invoice(db, client.id)
    for token in (client_token, manager_token):
        page = _state(AdminPaymentsState, token, "/admin/pagos")
        assert "sin-permiso" in str(_call(page, "load"))
        assert page.pdf_queue == {}
        assert page.issues == []
    db.expire_all()
    assert db.exec(select(InvoicePdfJob.invoice_id, InvoicePdfJob.attempts)).all() == [(invoice_id, 0)]


def test_the_admin_reads_that_pdfs_are_stuck_and_failing_then_that_all_is_well(db):
    client, _ = _account(db, "carmen@example.es", Role.CLIENT)
    _, admin_token = _account(db, "admin@example.es", Role.ADMIN)
    _stuck_invoice(db, client.id)
    page = _state(AdminPaymentsState, admin_token, "/admin/pagos")
    _call(page, "load")
    assert page.pdf_queue["level"] == "alert"
    assert page.pdf_queue["waiting"] == "Facturas esperando su PDF: 1; la más antigua, desde hace 12 min."
    assert page.pdf_queue["stale"].startswith("Los PDF no se están generando")
    assert page.pdf_queue["failed"].startswith("PDF con error al generarse: 1.")

    page.lang = "en"
    _call(page, "load")
    assert page.pdf_queue["waiting"] == "Invoices waiting for their PDF: 1; the oldest for 12 min."
    assert page.pdf_queue["failed"].startswith("PDFs that failed to render: 1.")

    assert invoice_documents.render_queued() == 1
    _call(page, "load")
    assert page.pdf_queue == {
        "level": "ok",
        "waiting": "Every issued invoice has its PDF.",
        "stale": "",
        "failed": "",
    }


def test_a_fresh_job_is_only_waiting(db):
    client, _ = _account(db, "carmen@example.es", Role.CLIENT)
    _, admin_token = _account(db, "admin@example.es", Role.ADMIN)
    issue(db, client.id)
    page = _state(AdminPaymentsState, admin_token, "/admin/pagos")
    _call(page, "load")
    assert page.pdf_queue["level"] == "waiting"
    assert page.pdf_queue["waiting"] == "Facturas esperando su PDF: 1; la más antigua, desde hace 1 min."
    assert (page.pdf_queue["stale"], page.pdf_queue["failed"]) == ("", "")
