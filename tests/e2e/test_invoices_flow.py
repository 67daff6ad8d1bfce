"""Clients download their invoices from "Facturas"; nobody else can; admins see every invoice."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, log_out, sign_up_and_confirm, unique_email

DEMO_CLIENT = "cliente@cuidadoencasa.example"
NUMBER = re.compile(r"F\d{4}-000001")


def test_the_client_downloads_the_invoice_pdf_from_facturas(page, app_url, tmp_path):
    log_in(page, app_url, DEMO_CLIENT)
    page.goto(f"{app_url}/cuenta")
    page.get_by_role("link", name="Facturas").first.click()
    expect(page).to_have_url(re.compile(r"/cuenta/facturas/?$"))
    card = page.locator(".invoice-card").first
    expect(card).to_contain_text(NUMBER)
    expect(card).to_contain_text("Rosario López Martín")
    expect(card).to_contain_text("95,00\u00a0€")
    expect(card).to_contain_text("Pagada")
    snapshot(page, "client-invoices")
    with page.expect_download() as download_info:
        card.get_by_role("link", name="Descargar PDF").click()
    download = download_info.value
    assert re.fullmatch(r"factura-F\d{4}-000001\.pdf", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")


def test_another_client_cannot_fetch_the_invoice_by_url(page, app_url, smtp_server):
    log_in(page, app_url, DEMO_CLIENT)
    page.goto(f"{app_url}/cuenta/facturas")
    href = page.locator(".invoice-card a.invoice-download").first.get_attribute("href")
    assert re.fullmatch(r"/api/facturas/\d+\.pdf", href)
    assert page.request.get(f"{app_url}{href}").status == 200
    log_out(page)
    expect(page).to_have_url(re.compile(r"^http://[^/]+/$"))
    assert page.request.get(f"{app_url}{href}").status == 404
    sign_up_and_confirm(
        page, app_url, smtp_server, "Luis Pardo", unique_email("ajeno"), "una clave bastante larga"
    )
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))
    assert page.request.get(f"{app_url}{href}").status == 404
    page.goto(f"{app_url}/cuenta/facturas")
    expect(page.locator("#invoices-empty")).to_contain_text("Todavía no tienes facturas")
    expect(page.locator(".invoice-card")).to_have_count(0)
    snapshot(page, "client-invoices-empty")
    page.goto(f"{app_url}/admin/facturas")
    expect(page).to_have_url(re.compile(r"/sin-permiso"))
    log_out(page)
    page.goto(f"{app_url}/cuenta/facturas")
    expect(page).to_have_url(re.compile(r"/entrar\?next=/cuenta/facturas"))


def test_the_admin_sees_every_invoice_with_totals(page, app_url):
    log_in(page, app_url, "admin@cuidadoencasa.example")
    page.goto(f"{app_url}/admin/facturas")
    expect(page.locator("#admin-invoices")).to_contain_text(NUMBER)
    expect(page.locator("#admin-invoices")).to_contain_text("Carmen Cliente López")
    expect(page.locator("#unsent-count")).to_have_text("1")
    expect(page.get_by_role("link", name="Descargar CSV para la gestoría")).to_have_attribute(
        "href", "/api/admin/facturas.csv"
    )
    snapshot(page, "admin-invoices")
    with page.expect_download() as download_info:
        page.locator("#invoices-csv").click()
    download = download_info.value
    assert download.suggested_filename == "facturas.csv"
    assert "Carmen Cliente López" in download.path().read_text(encoding="utf-8-sig")
    with page.expect_download() as pdf_info:
        page.locator("#admin-invoices a.invoice-download").first.click()
    assert NUMBER.search(pdf_info.value.suggested_filename)
    page.locator("#filter-q").fill("nadie con este nombre")
    page.locator("#filter-apply").click()
    expect(page.get_by_text("No hay facturas con estos filtros.")).to_be_visible()
    expect(page.locator("#unsent-count")).to_have_text("1")
