"""Clients download their invoices from "Facturas"; nobody else can; admins see every invoice."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import log_in, log_out
from tests.e2e.world import IssuedInvoice, Person

BENEFICIARY = "Rosario López Martín"
CLIENT_NAME = "Carmen Cliente López"


def _client_with_a_paid_invoice(world) -> tuple[Person, IssuedInvoice]:
    """A client who bought 95 € of visits for their mother, paid and invoiced."""
    client = world.person(Role.CLIENT, CLIENT_NAME)
    manager = world.person(Role.MANAGER, "Gonzalo Gestor Ruiz")
    relative = world.relative(client, name=BENEFICIARY, manager=manager)
    return client, world.paid_invoice(client, relative, billing_name=CLIENT_NAME)


def test_the_client_downloads_the_invoice_pdf_from_facturas(page, app_url, world, tmp_path):
    client, invoice = _client_with_a_paid_invoice(world)
    log_in(page, app_url, client.email, client.password)
    page.goto(f"{app_url}/cuenta")
    page.get_by_role("link", name="Facturas").first.click()
    expect(page).to_have_url(re.compile(r"/cuenta/facturas/?$"))
    card = page.locator(".invoice-card").first
    expect(card).to_contain_text(invoice.number)
    expect(card).to_contain_text(BENEFICIARY)
    expect(card).to_contain_text("95,00\u00a0€")
    expect(card).to_contain_text("Pagada")
    snapshot(page, "client-invoices")
    with page.expect_download() as download_info:
        card.get_by_role("link", name="Descargar PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"factura-{invoice.number}.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")


def test_another_client_cannot_fetch_the_invoice_by_url(page, app_url, world):
    client, invoice = _client_with_a_paid_invoice(world)
    log_in(page, app_url, client.email, client.password)
    page.goto(f"{app_url}/cuenta/facturas")
    href = page.locator(".invoice-card a.invoice-download").first.get_attribute("href")
    assert href == f"/api/facturas/{invoice.id}.pdf"
    assert page.request.get(f"{app_url}{href}").status == 200
    log_out(page)
    expect(page).to_have_url(re.compile(r"^http://[^/]+/$"))
    assert page.request.get(f"{app_url}{href}").status == 404
    stranger = world.person(Role.CLIENT, "Luis Pardo")  # a client without invoices of their own
    log_in(page, app_url, stranger.email, stranger.password)
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


def test_the_admin_sees_every_invoice_with_totals(page, app_url, world):
    _, invoice = _client_with_a_paid_invoice(world)
    admin = world.person(Role.ADMIN, "Ana Admin")
    unsent = str(world.unsent_records(admin))  # every paid order of the run has one, this one included
    log_in(page, app_url, admin.email, admin.password)
    page.goto(f"{app_url}/admin/facturas")
    expect(page.locator("#admin-invoices")).to_contain_text(invoice.number)  # the newest comes first
    expect(page.locator("#unsent-count")).to_have_text(unsent)
    expect(page.get_by_role("link", name="Descargar CSV para la gestoría")).to_have_attribute(
        "href", "/api/admin/facturas.csv"
    )
    page.locator("#filter-q").fill(invoice.number)
    page.locator("#filter-apply").click()
    expect(page.locator("#admin-invoices a.invoice-download")).to_have_count(1)
    expect(page.locator("#admin-invoices")).to_contain_text(CLIENT_NAME)
    expect(page.get_by_role("link", name="Descargar CSV para la gestoría")).to_have_attribute(
        "href", f"/api/admin/facturas.csv?q={invoice.number}"
    )
    snapshot(page, "admin-invoices")
    with page.expect_download() as download_info:
        page.locator("#invoices-csv").click()
    download = download_info.value
    assert download.suggested_filename == "facturas.csv"
    exported = download.path().read_text(encoding="utf-8-sig")
    assert invoice.number in exported
    assert CLIENT_NAME in exported
    with page.expect_download() as pdf_info:
        page.locator("#admin-invoices a.invoice-download").first.click()
    assert pdf_info.value.suggested_filename == f"factura-{invoice.number}.pdf"
    page.locator("#filter-q").fill("nadie con este nombre")
    page.locator("#filter-apply").click()
    expect(page.get_by_text("No hay facturas con estos filtros.")).to_be_visible()
    expect(page.locator("#unsent-count")).to_have_text(unsent)
