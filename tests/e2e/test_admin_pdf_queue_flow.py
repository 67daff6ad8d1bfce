"""The admin reads on «Pagos» that invoice PDFs are stuck and failing, in words; a client is refused."""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import delete
from sqlmodel import Session

from care_portal.models import InvoicePdfJob, Role
from care_portal.models.types import utcnow
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, log_out


def test_the_admin_sees_a_stuck_and_failing_invoice_pdf_on_pagos(page, app_url, world):
    client = world.person(Role.CLIENT, "Carmen Cliente López")
    manager = world.person(Role.MANAGER, "Gonzalo Gestor Ruiz")
    relative = world.relative(client, name="Rosario López Martín", manager=manager)
    invoice = world.paid_invoice(client, relative, billing_name="Carmen Cliente López")
    now = utcnow()
    # Claimed for an hour (as by a worker that died while rendering), so the app's loop leaves it.
    job = InvoicePdfJob(
        invoice_id=invoice.id,
        queued_at=now - timedelta(minutes=12),
        claimed_until=now + timedelta(hours=1),
        attempts=1,
        failed_at=now,
    )
    with Session(world.engine) as session:
        session.add(job)
        session.commit()
    try:
        log_in(page, app_url, client.email, client.password)
        page.goto(f"{app_url}/admin/pagos")
        expect(page).to_have_url(re.compile(r"/sin-permiso"))
        log_out(page)

        admin = world.person(Role.ADMIN, "Ana Admin")
        log_in(page, app_url, admin.email, admin.password)
        page.goto(f"{app_url}/admin/pagos")
        queue = page.locator("#invoice-pdf-queue")
        expect(queue).to_contain_text(
            re.compile(r"Facturas esperando su PDF: \d+; la más antigua, desde hace 1[2-9] min")
        )
        expect(queue).to_contain_text("Los PDF no se están generando")
        expect(queue).to_contain_text("PDF con error al generarse: 1.")
        snapshot(page, "admin-payments-pdf-queue")
    finally:
        with Session(world.engine) as session:
            session.exec(delete(InvoicePdfJob).where(InvoicePdfJob.invoice_id == invoice.id))
            session.commit()
