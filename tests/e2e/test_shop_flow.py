"""A new client buys two services for a relative and pays with the simulated provider."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from pypdf import PdfReader

from care_portal.models import Role
from tests.e2e.conftest import snapshot
from tests.e2e.helpers import (
    log_in,
    open_page,
    register_beneficiary,
    sign_up_and_confirm,
    text_was_seen,
    unique_email,
    watch_for_text,
)

PASSWORD = "mi casa tiene un patio"


def _add_to_cart(page, service_name: str, count_after: int) -> None:
    page.get_by_role("button", name=f"Añadir al carrito: {service_name}").click()
    expect(page.locator("#cart-link")).to_contain_text(str(count_after))


def test_a_new_client_buys_two_services_and_the_manager_is_told(page, app_url, smtp_server, world):
    home = world.postal_code()
    manager = world.person(Role.MANAGER, "Gonzalo Gestor Ruiz", areas=(home,))
    email = unique_email("compra")
    sign_up_and_confirm(page, app_url, smtp_server, "Elena Sanz", email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/cuenta/?$"))

    open_page(page, f"{app_url}/tienda")
    snapshot(page, "shop")
    _add_to_cart(page, "Visita de compañía", 1)
    _add_to_cart(page, "Visita de compañía", 2)
    _add_to_cart(page, "Recados y compras", 3)
    open_page(page, f"{app_url}/tienda/carrito")
    expect(page.locator("#cart-total")).to_have_text("72,00\u00a0€")
    page.reload()
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    expect(page.locator("#cart-total")).to_have_text("72,00\u00a0€")
    expect(page.get_by_text("IVA 10 %")).to_be_visible()
    snapshot(page, "cart")

    page.locator("#to-checkout").click()
    expect(page).to_have_url(re.compile(r"/tienda/pedido/?$"))
    # No relative registered yet: the client is led to "Alta de familiar" and back.
    page.locator("#register-beneficiary").click()
    register_beneficiary(page, name="Pilar Sanz Ortega", postal_code=home)
    expect(page).to_have_url(re.compile(r"/tienda/pedido/?$"))
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")

    page.get_by_label("Pilar Sanz Ortega").check()
    page.get_by_label("Observaciones para la visita").fill("Le gusta hablar de jardinería.")
    page.get_by_label("Fechas y horas preferidas").fill("Martes por la mañana")
    # What is bought is listed above the totals.
    expect(page.locator("#checkout-lines")).to_contain_text("Visita de compañía")
    expect(page.locator("#checkout-lines")).to_contain_text("× 2")
    expect(page.locator("#checkout-lines")).to_contain_text("Recados y compras")
    expect(page.locator("#checkout-lines .line-visits")).to_have_text(["2 visitas", "1 visita"])
    page.locator("#pay-button").click()
    expect(page.locator("#field-nif-error")).to_contain_text("NIF")
    expect(page.locator("#field-accept_terms-error")).to_contain_text("aceptar las condiciones")
    # A refused form takes the person to its first field in error and announces the summary.
    expect(page.locator("#field-nif")).to_be_focused()
    expect(page.locator("#field-nif")).to_be_in_viewport()
    expect(page.get_by_role("alert").filter(has_text="Revisa los campos marcados")).to_be_visible()

    page.get_by_label("NIF / NIE / CIF").fill("12345678A")
    page.get_by_label("Nombre o razón social").fill("Elena Sanz")
    page.get_by_label("Dirección de facturación").fill("Calle de Alcalá 10, 3º B")
    page.get_by_label("Código postal").fill("28014")
    page.get_by_label("Población").fill("Madrid")
    page.get_by_label("Teléfono").fill("6123abc78")
    page.locator("#field-accept_terms").check()
    page.locator("#pay-button").click()
    expect(page.locator("#field-nif-error")).to_contain_text("NIF, NIE o CIF no válido")
    expect(page.locator("#field-phone-error")).to_contain_text("Teléfono no válido")
    page.get_by_label("Teléfono").fill("612 345 678")
    page.get_by_label("NIF / NIE / CIF").fill("12345678Z")
    snapshot(page, "checkout")
    page.locator("#pay-button").click()

    expect(page).to_have_url(re.compile(r"/pago-simulado\?pedido="))
    expect(page.locator("#sim-warning")).to_contain_text("no se cobra nada")
    expect(page.locator("#sim-amount")).to_have_text("72,00\u00a0€")
    expect(page.locator("#order-lines")).to_contain_text("Recados y compras")
    expect(page.locator("#order-lines .line-visits")).to_have_text(["2 visitas", "1 visita"])
    snapshot(page, "simulated-payment")
    page.locator("#sim-pay").click()
    expect(page.locator("#payment-confirmed")).to_be_visible()
    # Back on the payment page of a paid order: it says so, nothing to pay or cancel.
    page.go_back()
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    expect(page.locator("#order-outcome")).to_contain_text("ya está pagado")
    expect(page.locator("#sim-pay")).to_have_count(0)
    expect(page.locator("#sim-cancel")).to_have_count(0)
    expect(page.locator("#order-outcome-link")).to_have_attribute("href", re.compile(r"/cuenta/pedidos"))
    snapshot(page, "simulated-payment-paid")
    open_page(page, page.url.replace("/pago-simulado", "/tienda/pago-cancelado"))
    expect(page.locator("#order-outcome")).to_contain_text("ya está pagado")
    expect(page.get_by_text("No se ha cobrado nada")).to_have_count(0)

    watch_for_text(page, "Todavía no has hecho ningún pedido")
    open_page(page, f"{app_url}/cuenta/pedidos")
    card = page.locator(".order-card").first
    expect(card).to_contain_text("Pilar Sanz Ortega")
    expect(card).to_contain_text("Pagado")
    expect(card.locator(".order-task")).to_have_count(3)
    expect(card).to_contain_text("Pendiente de cita")
    snapshot(page, "orders")
    assert not text_was_seen(page), "the orders page said «no orders» while loading them"

    # The manager covering the relative's postal code (with the fewest beneficiaries) is told.
    manager_mail = smtp_server.wait_for(
        lambda m: m["Subject"] == "Nuevas visitas para Pilar Sanz Ortega" and m["To"] == manager.email
    )
    assert "Le gusta hablar de jardinería." in manager_mail.get_content()
    smtp_server.wait_for(lambda m: m["To"] == email and m["Subject"].startswith("Pedido confirmado"))

    # The cart was emptied by the paid order; checkout then says so and leads to the shop.
    open_page(page, f"{app_url}/tienda/carrito")
    expect(page.get_by_text("Tu carrito está vacío.")).to_be_visible()
    open_page(page, f"{app_url}/tienda/pedido")
    expect(page.get_by_text("Tu carrito está vacío.")).to_be_visible()
    expect(page.locator("#pay-button")).to_have_count(0)
    expect(page.locator("#empty-cart-shop-link")).to_have_attribute("href", re.compile(r"/tienda/?$"))

    # The invoice of the purchase is in "Facturas", with the billing data given at checkout.
    open_page(page, f"{app_url}/cuenta/facturas")
    card = page.locator(".invoice-card").first
    expect(card).to_contain_text("Pilar Sanz Ortega")
    expect(card).to_contain_text("72,00\u00a0€")
    with page.expect_download() as download_info:
        card.get_by_role("link", name="Descargar PDF").click()
    # Words only: a long service name may wrap inside its table cell.
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(download_info.value.path()).pages).split())
    for expected in ("Elena Sanz", "12345678Z", "Calle de Alcalá 10", "72,00", "Visita de compañía"):
        assert expected in text

    # The phone typed at checkout became the profile's phone, which was empty.
    open_page(page, f"{app_url}/cuenta/perfil")
    expect(page.locator("#field-phone")).to_have_value("+34612345678")


def test_buying_needs_an_account_and_the_cart_survives_log_in(page, app_url, smtp_server):
    open_page(page, f"{app_url}/tienda")
    _add_to_cart(page, "Ayuda con trámites", 1)
    open_page(page, f"{app_url}/tienda/pedido")
    expect(page).to_have_url(re.compile(r"/entrar\?next=/tienda/pedido"))
    email = unique_email("carrito")
    sign_up_and_confirm(page, app_url, smtp_server, "Jorge Rey", email, PASSWORD)
    open_page(page, f"{app_url}/tienda/carrito")
    expect(page.locator("#cart-total")).to_have_text("30,00\u00a0€")


def test_cancelled_payment_keeps_the_cart(page, app_url, world):
    client = world.person(Role.CLIENT, "Nuria Vela")  # signing up has its own journeys
    log_in(page, app_url, client.email, client.password)
    open_page(page, f"{app_url}/tienda")
    _add_to_cart(page, "Visita de revisión del hogar", 1)
    open_page(page, f"{app_url}/tienda/pedido")
    page.locator("#register-beneficiary").click()
    register_beneficiary(page, name="Luis Vela", postal_code="28013")
    page.locator('#app-ready[data-ready="true"]').wait_for(state="attached")
    page.get_by_label("Luis Vela").check()
    page.get_by_label("NIF / NIE / CIF").fill("X1234567L")
    page.get_by_label("Nombre o razón social").fill("Nuria Vela")
    page.get_by_label("Dirección de facturación").fill("Calle Luna 3")
    page.get_by_label("Código postal").fill("28004")
    page.get_by_label("Población").fill("Madrid")
    page.get_by_label("Teléfono").fill("600111222")
    page.locator("#field-accept_terms").check()
    page.locator("#pay-button").click()
    page.locator("#sim-cancel").click()
    expect(page.locator("#payment-cancelled")).to_contain_text("Tu carrito sigue guardado")
    open_page(page, f"{app_url}/tienda/carrito")
    expect(page.locator("#cart-total")).to_have_text("35,00\u00a0€")
