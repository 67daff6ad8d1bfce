"""Privacy in the browser: a manager's read in «Quién ha consultado los datos», «Descargar mis datos»
opening the ZIP, and a withdrawn consent locking scheduling — one journey, at desktop width only
(each step already has service tests; the phone layout of these cards is plain stacked cards)."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from playwright.sync_api import Page, expect

from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import fill_billing, log_in, log_out, open_page, sign_up_and_confirm, unique_email
from tests.e2e.world import PASSWORD as WORLD_PASSWORD

PASSWORD = "mi madre vive en Lavapiés"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NAME = "Aurora Privado Gil"


def _register_with_health_consent(page: Page, base: str, postal_code: str) -> None:
    open_page(page, f"{base}/cuenta/alta-familiar")
    page.locator("#field-full_name").fill(NAME)
    page.locator("#field-relationship").fill("madre")
    page.locator("#field-street").fill("Calle de la Fe 3, 1º")
    page.locator("#field-postal_code").fill(postal_code)
    page.locator("#field-town").fill("Madrid")
    page.locator("#field-province").fill("Madrid")
    page.locator("#field-phone").fill("612 345 678")
    page.locator("#consent_mode-upload").click()
    page.locator("#consent_file input[type=file]").set_input_files(
        {"name": "consentimiento.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    expect(page.locator("#consent-ready")).to_contain_text("consentimiento.pdf")
    page.locator("#field-signer_name").fill(NAME)
    page.locator("#field-purpose_health").check()
    page.locator("#field-care_notes").fill("Usa andador; diabetes tipo 2.")
    page.locator("#register-submit").click()
    expect(page).to_have_url(re.compile(r"/cuenta/proyectos/\d+$"))


def _buy_a_visit(page: Page, base: str) -> None:
    open_page(page, f"{base}/tienda")
    page.get_by_role("button", name="Añadir al carrito: Visita de compañía").click()
    expect(page.get_by_text("Añadido al carrito.").first).to_be_visible()
    open_page(page, f"{base}/tienda/pedido")
    page.get_by_label(NAME).check()
    fill_billing(page, "Familia Privado", phone="612 345 678")
    page.locator("#pay-button").click()
    expect(page).to_have_url(re.compile(r"/pago-simulado\?pedido="))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    page.locator("#sim-pay").click()
    expect(page.locator("#payment-confirmed")).to_be_visible(timeout=30_000)


def _switch(page: Page, base: str, email: str, password: str, next_path: str) -> None:
    log_out(page)
    expect(page).not_to_have_url(re.compile(r"/(cuenta|gestor)"))
    log_in(page, base, email, password, next_path=next_path)
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")


def test_access_log_data_export_and_withdrawal_lock(page, app_url, smtp_server, world):
    if page.viewport_name != "desktop":
        pytest.skip("one journey, at desktop width")
    postal_code = world.postal_code()
    manager = world.person(Role.MANAGER, "Gonzalo Gestor Ruiz", areas=(postal_code,))
    email = unique_email("privacidad")
    sign_up_and_confirm(page, app_url, smtp_server, "Lucía Privado", email, PASSWORD)
    _register_with_health_consent(page, app_url, postal_code)
    project_url = page.url
    _buy_a_visit(page, app_url)
    open_page(page, f"{app_url}/cuenta/tareas")
    task_id = page.locator(".client-task").first.get_attribute("data-task")

    # The manager reads the health notes on the dashboard: that read is logged.
    _switch(page, app_url, manager.email, WORLD_PASSWORD, "/gestor")
    expect(page.get_by_text("Usa andador; diabetes tipo 2.").first).to_be_visible()

    # The family sees who consulted the data.
    _switch(page, app_url, email, PASSWORD, project_url.removeprefix(app_url))
    log = page.locator("#access-log")
    expect(log).to_contain_text("Gonzalo Gestor Ruiz")
    expect(log).to_contain_text("Gestor")
    expect(log).to_contain_text("Datos de salud y movilidad")
    snapshot(page, "privacy-access-log")

    # «Descargar mis datos»: prepared in the background, opened as a ZIP, downloadable once.
    open_page(page, f"{app_url}/cuenta/perfil")
    page.locator("#export-start").click()
    link = page.locator("#export-download")
    expect(link).to_be_visible(timeout=60_000)
    snapshot(page, "privacy-my-data")
    href = link.get_attribute("href")
    response = page.request.get(f"{app_url}{href}")
    assert response.status == 200
    archive = zipfile.ZipFile(io.BytesIO(response.body()))
    assert {"datos.json", "resumen.pdf"} <= set(archive.namelist())
    data = json.loads(archive.read("datos.json"))
    assert [b["full_name"] for b in data["beneficiaries"]] == [NAME]
    assert data["beneficiaries"][0]["care_notes"] == "Usa andador; diabetes tipo 2."
    assert any(name.startswith("facturas/") for name in archive.namelist())
    assert page.request.get(f"{app_url}{href}").status == 404

    # Withdrawing consent: the manager can no longer agree an appointment, and sees why.
    open_page(page, project_url)
    page.locator("#consent-withdraw").click()
    expect(page.locator("#consent-state")).to_contain_text("Consentimiento retirado")
    _switch(page, app_url, manager.email, WORLD_PASSWORD, f"/gestor/tareas/{task_id}")
    expect(page.locator("#consent-withdrawn")).to_be_visible()
    expect(page.get_by_text("Usa andador; diabetes tipo 2.")).to_have_count(0)
    page.locator("#field-appointment_day").fill("2031-03-03")
    page.locator("#field-appointment_time").fill("10:00")
    page.locator("#appointment-save").click()
    expect(page.locator("#field-appointment_day-error")).to_contain_text("consentimiento")
    snapshot(page, "privacy-withdrawn-lock")
