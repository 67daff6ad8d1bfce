"""Consumer rights in the browser: a representative's supporting document on the alta, a visit the
company cancels from /admin/cancelaciones, and the withdrawal form of the private area — one journey,
at desktop width only (each step has service tests; the cards stack the same way on a phone)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, col, select

from care_portal.models import Order, Role, Task
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, log_out, open_page

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NAME = "Remedios Desiste Gil"


def _register_as_representative(page: Page, base: str, postal_code: str) -> int:
    open_page(page, f"{base}/cuenta/alta-familiar")
    page.locator("#field-full_name").fill(NAME)
    page.locator("#field-relationship").fill("madre")
    page.locator("#field-street").fill("Calle del Pez 8, 2º")
    page.locator("#field-postal_code").fill(postal_code)
    page.locator("#field-town").fill("Madrid")
    page.locator("#field-province").fill("Madrid")
    page.locator("#field-phone").fill("612 345 678")
    page.locator("#consent_mode-upload").click()
    page.locator("#consent_file input[type=file]").set_input_files(
        {"name": "consentimiento.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    expect(page.locator("#consent-ready")).to_contain_text("consentimiento.pdf")
    page.locator("#field-signer_name").fill("Lucía Desiste")
    page.locator("#signer_role-representative").click()
    page.locator("#field-signer_relationship").fill("hija")
    page.locator("#field-authority").select_option("power_of_attorney")
    page.locator("#authority_document input[type=file]").set_input_files(
        {"name": "poder-notarial.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    expect(page.locator("#authority-document-ready")).to_contain_text("poder-notarial.pdf")
    page.locator("#register-submit").click()
    expect(page).to_have_url(re.compile(r"/cuenta/proyectos/\d+$"))
    documents = page.locator("#project-documents")
    expect(documents).to_contain_text("poder-notarial.pdf")
    expect(documents).to_contain_text("Acredita la representación")
    return int(page.url.rsplit("/", 1)[-1])


def test_company_cancellation_and_withdrawal_form(page, app_url, world):
    if page.viewport_name != "desktop":
        pytest.skip("one journey, at desktop width")
    postal_code = world.postal_code()
    world.person(Role.MANAGER, "Gestora Desiste", areas=(postal_code,))
    client = world.person(Role.CLIENT, "Lucía Desiste")
    admin = world.person(Role.ADMIN, "Admin Desiste")
    log_in(page, app_url, client.email, client.password, next_path="/cuenta/alta-familiar")
    beneficiary_id = _register_as_representative(page, app_url, postal_code)
    world.paid_invoice(client, beneficiary_id, billing_name="Familia Desiste")  # 2 × 25 € + 45 €
    with Session(world.engine) as session:
        order = session.exec(select(Order).where(Order.client_id == client.id)).one()
        first_task = session.exec(
            select(Task.id).where(Task.order_id == order.id).order_by(col(Task.id))
        ).first()

    # The company cannot deliver a visit: the admin cancels it with a reason, refunded in full.
    log_out(page)
    log_in(page, app_url, admin.email, admin.password, next_path="/admin/cancelaciones")
    open_page(page, f"{app_url}/admin/cancelaciones")
    form = page.locator("#company-cancel")
    form.locator("#field-task_id").fill(str(first_task))
    form.locator("#field-reason").fill("no")
    form.locator("#company-cancel-submit").click()
    expect(form.locator("#field-reason-error")).to_contain_text("motivo")
    form.locator("#field-reason").fill("La gestora está de baja ese día y no hay sustituta.")
    form.locator("#company-cancel-submit").click()
    expect(page.get_by_text("devolución íntegra de 25,00").first).to_be_visible()
    snapshot(page, "consumer-company-cancel")

    # The client withdraws from the order within 14 days: the rest is refunded.
    log_out(page)
    log_in(page, app_url, client.email, client.password, next_path="/cuenta/desistimiento")
    open_page(page, f"{app_url}/cuenta/desistimiento")
    card = page.locator(f'.withdrawable-order[data-order="{order.public_id}"]')
    expect(card).to_contain_text("70,00")
    snapshot(page, "consumer-withdrawal-form")
    card.locator(".withdrawal-submit").click()
    expect(card).to_contain_text("Marca la casilla")
    card.locator(f"#field-confirm_withdrawal-{order.id}").check()
    card.locator(".withdrawal-submit").click()
    expect(page.get_by_text("Desistimiento recibido").first).to_be_visible()
    expect(page.locator("#withdrawal-none")).to_be_visible()
    with Session(world.engine) as session:
        states = session.exec(select(Task.state).where(Task.order_id == order.id)).all()
    assert sorted(states) == ["cancelled"] * 3
